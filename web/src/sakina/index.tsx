import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Role } from '../api-types.ts';
import type { Messages } from '../i18n/id.ts';
import { Alert, type Feature } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { RoleHome } from '../shell/RoleHome.tsx';

type SakinaFeature = keyof Messages['sakina']['features'];

// Each member of the laskar sees their own part: the police never see the clinical record.
const BY_ROLE: Partial<Record<Role, SakinaFeature[]>> = {
  midwife: ['register', 'kspr', 'anc', 'p4k', 'alerts', 'outcome'],
  village_official: ['villageWatch', 'report', 'tasks', 'alerts'],
  police_officer: ['escort', 'policeWatch', 'tasks'],
};

function card(t: TFunction, key: SakinaFeature): Feature {
  return { key, title: t(`sakina.features.${key}.title`), body: t(`sakina.features.${key}.body`) };
}

/** /sakina: the high-risk pregnancy programme, cards by role (midwife, village official, police). */
export function SakinaHome() {
  const { t } = useTranslation();
  const { user } = useSession();
  const keys = (user && BY_ROLE[user.role]) ?? [];
  return (
    <RoleHome title={t('sakina.title')} lead={t('sakina.lead')} features={keys.map((k) => card(t, k))}>
      <Alert tone="info">
        <p>{t('sakina.privacy')}</p>
      </Alert>
    </RoleHome>
  );
}

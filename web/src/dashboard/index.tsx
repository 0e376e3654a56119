import { useTranslation } from 'react-i18next';
import type { Feature } from '../kit/index.ts';
import { RoleHome } from '../shell/RoleHome.tsx';

/** Where each of the leader's cards opens, once the module behind it has its figures; the rest say "coming soon". */
const WORKING: Partial<Record<string, string>> = {
  sla: '/dasbor/sla',
  waiting: '/loket/kinerja',
  sakina: '/sakina/dasbor',
};

/** /dasbor: the leader's dashboard. Figures arrive with the modules that produce them; no fake charts. */
export function LeaderDashboard() {
  const { t } = useTranslation();
  const features: Feature[] = (['volumes', 'sla', 'waiting', 'ikm', 'sakina', 'complaints'] as const).map((key) => ({
    key,
    title: t(`dashboard.features.${key}.title`),
    body: t(`dashboard.features.${key}.body`),
    href: WORKING[key],
  }));
  return <RoleHome title={t('dashboard.title')} lead={t('dashboard.lead')} features={features} />;
}

import { useTranslation } from 'react-i18next';
import type { Feature } from '../kit/index.ts';
import { RoleHome } from '../shell/RoleHome.tsx';

/** /desa: Smart Kampung, the village operator's console. */
export function VillageHome() {
  const { t } = useTranslation();
  const features: Feature[] = [
    { key: 'assisted', title: t('village.features.assisted.title'), body: t('village.features.assisted.body'), href: '/desa/permohonan/baru' },
    { key: 'letters', title: t('village.features.letters.title'), body: t('village.features.letters.body'), href: '/desa/permohonan' },
    { key: 'handover', title: t('village.features.handover.title'), body: t('village.features.handover.body') },
    { key: 'events', title: t('village.features.events.title'), body: t('village.features.events.body') },
    { key: 'offline', title: t('village.features.offline.title'), body: t('village.features.offline.body') },
  ];
  return <RoleHome title={t('village.title')} lead={t('village.lead')} features={features} />;
}

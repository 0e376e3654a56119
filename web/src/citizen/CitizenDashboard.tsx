import { useTranslation } from 'react-i18next';
import type { Feature } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { RoleHome } from '../shell/RoleHome.tsx';

/** /saya: the signed-in citizen's home. */
export function CitizenDashboard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const features: Feature[] = [
    { key: 'my-data', title: t('citizen.features.myData.title'), body: t('citizen.features.myData.body'), href: '/saya/data' },
    { key: 'applications', title: t('citizen.features.applications.title'), body: t('citizen.features.applications.body'), href: '/saya/permohonan' },
    { key: 'track', title: t('citizen.features.track.title'), body: t('citizen.features.track.body'), href: '/lacak' },
    { key: 'queue', title: t('citizen.features.queue.title'), body: t('citizen.features.queue.body'), href: '/antrian' },
    { key: 'feedback', title: t('citizen.features.feedback.title'), body: t('citizen.features.feedback.body') },
    { key: 'download', title: t('citizen.features.download.title'), body: t('citizen.features.download.body') },
  ];
  return <RoleHome title={t('citizen.dashboard.title', { name: user?.displayName ?? '' })} lead={t('citizen.dashboard.lead')} features={features} />;
}

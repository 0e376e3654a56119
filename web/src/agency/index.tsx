import { useTranslation } from 'react-i18next';
import type { Feature } from '../kit/index.ts';
import { RoleHome } from '../shell/RoleHome.tsx';

/** /instansi: the agency back office. */
export function AgencyHome() {
  const { t } = useTranslation();
  const features: Feature[] = [
    { key: 'inbox', title: t('agency.features.inbox.title'), body: t('agency.features.inbox.body'), href: '/instansi/permohonan' },
    { key: 'process', title: t('agency.features.process.title'), body: t('agency.features.process.body'), href: '/instansi/permohonan' },
    { key: 'issue', title: t('agency.features.issue.title'), body: t('agency.features.issue.body'), href: '/instansi/permohonan' },
    { key: 'sla', title: t('agency.features.sla.title'), body: t('agency.features.sla.body'), href: '/dasbor/sla' },
  ];
  return <RoleHome title={t('agency.title')} lead={t('agency.lead')} features={features} />;
}

export { AgencyInbox } from './AgencyInbox.tsx';
export { AgencyApplication } from './AgencyApplication.tsx';

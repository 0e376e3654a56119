import { useTranslation } from 'react-i18next';
import type { Feature } from '../kit/index.ts';
import { RoleHome } from '../shell/RoleHome.tsx';
import { useAA } from './applications/messages.ts';
import { useQA } from './queue/messages.ts';

export const ADMIN_PATHS = { users: '/admin/pengguna', tokens: '/admin/token-api', outbox: '/admin/kotak-keluar', audit: '/admin/audit' } as const;

/** /admin: the MPP administrator's console. */
export function AdminHome() {
  const { t } = useTranslation();
  const { m: queue } = useQA();
  const { m: apps } = useAA();
  const features: Feature[] = [
    { key: 'users', title: t('admin.features.users.title'), body: t('admin.features.users.body'), href: ADMIN_PATHS.users },
    { key: 'tokens', title: t('admin.features.tokens.title'), body: t('admin.features.tokens.body'), href: ADMIN_PATHS.tokens },
    { key: 'outbox', title: t('admin.features.outbox.title'), body: t('admin.features.outbox.body'), href: ADMIN_PATHS.outbox },
    { key: 'audit', title: t('admin.features.audit.title'), body: t('admin.features.audit.body'), href: ADMIN_PATHS.audit },
    { key: 'catalogue', title: t('admin.features.catalogue.title'), body: t('admin.features.catalogue.body'), href: '/admin/katalog' },
    { key: 'points', title: t('admin.features.points.title'), body: t('admin.features.points.body'), href: '/admin/katalog/titik' },
    { key: 'queue', title: queue.home.title, body: queue.home.body, href: '/admin/antrian' },
    { key: 'webhook', title: apps.home.webhook.title, body: apps.home.webhook.body, href: '/admin/webhook' },
    { key: 'supervisor', title: apps.home.supervisor.title, body: apps.home.supervisor.body, href: '/admin/pengawas-sla' },
    { key: 'compliance', title: apps.home.compliance.title, body: apps.home.compliance.body, href: '/dasbor/sla' },
  ];
  return <RoleHome title={t('admin.title')} lead={t('admin.lead')} features={features} />;
}

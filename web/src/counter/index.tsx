import { useTranslation } from 'react-i18next';
import type { Feature } from '../kit/index.ts';
import { RoleHome } from '../shell/RoleHome.tsx';

export { CounterConsole } from './Console.tsx';

/** /loket: the counter officer's home: the queue console, the board, the statistics. */
export function CounterHome() {
  const { t } = useTranslation();
  const features: Feature[] = [
    { key: 'call', title: t('counter.features.call.title'), body: t('counter.features.call.body'), href: '/loket/antrian' },
    { key: 'serve', title: t('counter.features.serve.title'), body: t('counter.features.serve.body'), href: '/loket/permohonan' },
    { key: 'on-behalf', title: t('counter.features.onBehalf.title'), body: t('counter.features.onBehalf.body'), href: '/loket/permohonan/baru' },
    { key: 'transfer', title: t('counter.features.transfer.title'), body: t('counter.features.transfer.body'), href: '/loket/antrian' },
    { key: 'board', title: t('counter.features.board.title'), body: t('counter.features.board.body'), href: '/layar' },
    { key: 'stats', title: t('counter.features.stats.title'), body: t('counter.features.stats.body'), href: '/loket/kinerja' },
  ];
  return <RoleHome title={t('counter.title')} lead={t('counter.lead')} features={features} />;
}

import { useTranslation } from 'react-i18next';
import type { Items, OutboxMessage } from '../api-types.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../i18n/use-lang.ts';
import { Badge, Button, ErrorAlert, Loading, PageHeader, Table } from '../kit/index.ts';
import { id } from '../i18n/id.ts';
import { useApi } from '../use-api.ts';

type Status = keyof typeof id.admin.outbox.statuses;
type Channel = keyof typeof id.admin.outbox.channels;

export function AdminOutbox() {
  const { t } = useTranslation();
  const lang = useLang();
  const outbox = useApi<Items<OutboxMessage>>('/api/admin/outbox', { limit: 100 });
  const status = (s: string) => (s in id.admin.outbox.statuses ? t(`admin.outbox.statuses.${s as Status}`) : s);
  const channel = (c: string) => (c in id.admin.outbox.channels ? t(`admin.outbox.channels.${c as Channel}`) : c);
  return (
    <>
      <PageHeader
        title={t('admin.outbox.title')}
        lead={t('admin.outbox.lead')}
        back={{ href: '/admin', label: t('admin.backToAdmin') }}
        actions={
          <Button variant="secondary" busy={outbox.loading} onClick={outbox.reload}>
            {t('common.refresh')}
          </Button>
        }
      />
      <ErrorAlert error={outbox.error} />
      {outbox.loading && !outbox.data ? (
        <Loading />
      ) : (
        <Table
          caption={t('admin.outbox.tableCaption')}
          rows={outbox.data?.items ?? []}
          rowKey={(m) => m.id}
          empty={t('admin.outbox.empty')}
          columns={[
            { key: 'created', header: t('admin.outbox.createdAt'), render: (m) => formatDateTime(m.createdAt, lang), className: 'nowrap' },
            { key: 'channel', header: t('admin.outbox.channel'), render: (m) => channel(m.channel) },
            { key: 'recipient', header: t('admin.outbox.recipient'), render: (m) => <span className="mono">{m.recipient}</span>, className: 'nowrap' },
            { key: 'template', header: t('admin.outbox.template'), render: (m) => <span className="mono">{m.template}</span> },
            { key: 'body', header: t('admin.outbox.body'), render: (m) => m.body, className: 'wrap' },
            {
              key: 'status',
              header: t('admin.outbox.status'),
              render: (m) => <Badge tone={m.status === 'sent' ? 'ok' : m.status === 'failed' ? 'danger' : 'soon'}>{status(m.status)}</Badge>,
            },
            { key: 'attempts', header: t('admin.outbox.attempts'), render: (m) => m.attempts, className: 'num' },
          ]}
        />
      )}
    </>
  );
}

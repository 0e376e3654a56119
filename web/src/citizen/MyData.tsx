import { useTranslation } from 'react-i18next';
import type { DataAccessRow, Items } from '../api-types.ts';
import { useLang } from '../i18n/use-lang.ts';
import { Button, ErrorAlert, Loading, PageHeader, Table } from '../kit/index.ts';
import { formatDateTime } from '../format.ts';
import { actionLabel, entityLabel, roleLabel } from '../labels.ts';
import { useApi } from '../use-api.ts';

/** /saya/data: who read or changed my personal data (UU PDP). */
export function MyData() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading, reload } = useApi<Items<DataAccessRow>>('/api/me/data-access');
  return (
    <>
      <PageHeader title={t('citizen.myData.title')} lead={t('citizen.myData.lead')} back={{ href: '/saya', label: t('nav.myHome') }} />
      <ErrorAlert error={error} action={<Button variant="secondary" size="small" onClick={reload}>{t('common.retry')}</Button>} />
      {loading && !data ? (
        <Loading />
      ) : (
        data && (
          <Table
            caption={t('citizen.myData.tableCaption')}
            rows={data.items}
            rowKey={(r) => String(r.seq)}
            empty={t('citizen.myData.empty')}
            stackOnPhone
            columns={[
              { key: 'at', header: t('citizen.myData.at'), render: (r) => formatDateTime(r.at, lang), className: 'nowrap' },
              { key: 'who', header: t('citizen.myData.who'), render: (r) => (r.actorRole === 'citizen' ? t('citizen.myData.you') : roleLabel(t, r.actorRole)) },
              { key: 'action', header: t('citizen.myData.action'), render: (r) => actionLabel(t, r.action) },
              { key: 'entity', header: t('citizen.myData.entity'), render: (r) => entityLabel(t, r.entityType) },
            ]}
          />
        )
      )}
    </>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api.ts';
import type { AuditRow, AuditVerifyResult, Items } from '../api-types.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../i18n/use-lang.ts';
import { Alert, Button, ErrorAlert, Loading, PageHeader, Table } from '../kit/index.ts';
import { actionLabel, entityLabel, roleLabel } from '../labels.ts';

const PAGE = 100;

export function AdminAudit() {
  const { t } = useTranslation();
  const lang = useLang();
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [verifying, setVerifying] = useState(false);

  async function load(before?: number) {
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<Items<AuditRow>>('/api/audit', { limit: PAGE, before });
      setRows((current) => (before === undefined ? page.items : [...current, ...page.items]));
      setMore(page.items.length === PAGE);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  async function runVerify() {
    setVerifying(true);
    setError(null);
    try {
      setVerify(await api.get<AuditVerifyResult>('/api/audit/verify'));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setVerifying(false);
    }
  }

  const oldest = rows.length ? Math.min(...rows.map((r) => r.seq)) : undefined;

  return (
    <>
      <PageHeader
        title={t('admin.audit.title')}
        lead={t('admin.audit.lead')}
        back={{ href: '/admin', label: t('admin.backToAdmin') }}
        actions={
          <Button busy={verifying} onClick={() => void runVerify()}>
            {verifying ? t('admin.audit.verifying') : t('admin.audit.verify')}
          </Button>
        }
      />
      {verify &&
        (verify.intact ? (
          <Alert tone="success">
            <p data-testid="audit-verify">{t('admin.audit.intact', { rows: verify.rows })}</p>
          </Alert>
        ) : (
          <Alert tone="error">
            <p data-testid="audit-verify">{t('admin.audit.broken', { seq: verify.brokenAt ?? '?', problem: verify.problem ?? '' })}</p>
          </Alert>
        ))}
      <ErrorAlert error={error} />
      {loading && rows.length === 0 ? (
        <Loading />
      ) : (
        <Table
          caption={t('admin.audit.tableCaption')}
          rows={rows}
          rowKey={(r) => String(r.seq)}
          empty={t('admin.audit.empty')}
          columns={[
            { key: 'seq', header: t('admin.audit.seq'), render: (r) => r.seq, className: 'num' },
            { key: 'at', header: t('admin.audit.at'), render: (r) => formatDateTime(r.at, lang), className: 'nowrap' },
            { key: 'role', header: t('admin.audit.role'), render: (r) => roleLabel(t, r.actorRole) },
            { key: 'action', header: t('admin.audit.action'), render: (r) => actionLabel(t, r.action) },
            { key: 'entity', header: t('admin.audit.entity'), render: (r) => <>{entityLabel(t, r.entityType)}{r.entityId && <span className="muted mono"> {r.entityId.slice(0, 8)}</span>}</> },
            { key: 'subject', header: t('admin.audit.subject'), render: (r) => <span className="mono">{r.subjectNik ?? t('common.none')}</span>, className: 'nowrap' },
            { key: 'ip', header: t('admin.audit.ip'), render: (r) => <span className="mono">{r.ip ?? t('common.none')}</span> },
          ]}
        />
      )}
      {more && (
        <div className="section center">
          <Button variant="secondary" busy={loading} onClick={() => void load(oldest)}>
            {t('admin.audit.loadOlder')}
          </Button>
        </div>
      )}
    </>
  );
}

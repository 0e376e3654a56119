import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api.ts';
import type { ApiTokenRow, Items, Place } from '../api-types.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../i18n/use-lang.ts';
import { Alert, Badge, Button, Card, ErrorAlert, Loading, PageHeader, SelectField, Table, TextField } from '../kit/index.ts';
import { useApi } from '../use-api.ts';

const FORM_FIELDS = ['name', 'placeId'] as const;

/** The secret of a new token, shown once, with a copy button. */
function NewToken({ name, token, onDone }: { name: string; token: string; onDone(): void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <Alert tone="warning" title={t('admin.tokens.onceTitle')}>
      <p>{t('admin.tokens.onceBody', { name })}</p>
      <div className="token-box">
        <label className="sr-only" htmlFor="new-token">
          {t('admin.tokens.tokenLabel')}
        </label>
        <input id="new-token" className="input" readOnly value={token} onFocus={(e) => e.target.select()} data-testid="new-token" />
        <Button
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(token).then(() => setCopied(true));
          }}
        >
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('common.close')}
        </Button>
      </div>
    </Alert>
  );
}

export function AdminTokens() {
  const { t } = useTranslation();
  const lang = useLang();
  const tokens = useApi<Items<ApiTokenRow>>('/api/admin/api-tokens');
  const agencies = useApi<Items<Place>>('/api/places', { kind: 'agency' });
  const [name, setName] = useState('');
  const [placeId, setPlaceId] = useState('');
  const [errors, setErrors] = useState<Partial<Record<(typeof FORM_FIELDS)[number], string>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [fresh, setFresh] = useState<{ name: string; token: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      const created = await api.post<{ id: string; token: string }>('/api/admin/api-tokens', { name: name.trim(), placeId });
      setFresh({ name: name.trim(), token: created.token });
      setName('');
      setPlaceId('');
      setErrors({});
      tokens.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setErrors(err.fields);
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(row: ApiTokenRow) {
    if (!window.confirm(t('admin.tokens.confirmRevoke', { name: row.name }))) return;
    setRevoking(row.id);
    setFailure(null);
    try {
      await api.delete(`/api/admin/api-tokens/${row.id}`);
      setNotice(t('admin.tokens.revokedDone', { name: row.name }));
      tokens.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setFailure(err);
    } finally {
      setRevoking(null);
    }
  }

  return (
    <>
      <PageHeader title={t('admin.tokens.title')} lead={t('admin.tokens.lead')} back={{ href: '/admin', label: t('admin.backToAdmin') }} />
      {fresh && <NewToken name={fresh.name} token={fresh.token} onDone={() => setFresh(null)} />}
      {notice && <Alert tone="success">{notice}</Alert>}
      <ErrorAlert error={tokens.error} />
      {tokens.loading && !tokens.data ? (
        <Loading />
      ) : (
        <Table
          caption={t('admin.tokens.tableCaption')}
          rows={tokens.data?.items ?? []}
          rowKey={(r) => r.id}
          empty={t('admin.tokens.empty')}
          columns={[
            { key: 'name', header: t('admin.tokens.name'), render: (r) => r.name },
            { key: 'prefix', header: t('admin.tokens.prefix'), render: (r) => <span className="mono">{r.prefix}…</span> },
            { key: 'place', header: t('admin.tokens.place'), render: (r) => r.placeName },
            { key: 'created', header: t('admin.tokens.createdAt'), render: (r) => formatDateTime(r.createdAt, lang), className: 'nowrap' },
            { key: 'used', header: t('admin.tokens.lastUsed'), render: (r) => (r.lastUsedAt ? formatDateTime(r.lastUsedAt, lang) : t('admin.tokens.never')), className: 'nowrap' },
            {
              key: 'status',
              header: t('admin.tokens.status'),
              render: (r) => (r.revokedAt ? <Badge tone="off">{`${t('admin.tokens.revoked')} ${formatDateTime(r.revokedAt, lang)}`}</Badge> : <Badge tone="ok">{t('admin.tokens.active')}</Badge>),
            },
            {
              key: 'actions',
              header: t('common.actions'),
              render: (r) =>
                r.revokedAt ? null : (
                  <Button size="small" variant="danger" busy={revoking === r.id} onClick={() => void revoke(r)} aria-label={`${t('admin.tokens.revoke')}: ${r.name}`}>
                    {t('admin.tokens.revoke')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      <div className="section">
        <Card title={t('admin.tokens.createTitle')}>
          <form noValidate onSubmit={(e) => void create(e)}>
            <ErrorAlert error={failure} shownFields={FORM_FIELDS} />
            <div className="form-grid form-grid--2">
              <TextField label={t('admin.tokens.name')} hint={t('admin.tokens.nameHint')} error={errors.name} name="name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
              <SelectField label={t('admin.tokens.place')} error={errors.placeId ?? agencies.error?.detail} name="placeId" value={placeId} onChange={(e) => setPlaceId(e.target.value)}>
                <option value="">{t('common.choose')}</option>
                {(agencies.data?.items ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
            </div>
            <Button type="submit" busy={busy}>
              {busy ? t('admin.tokens.submitting') : t('admin.tokens.submit')}
            </Button>
          </form>
        </Card>
      </div>
    </>
  );
}

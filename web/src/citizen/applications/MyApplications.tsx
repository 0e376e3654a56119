import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { api, ApiError } from '../../api.ts';
import { Alert, Button, ButtonLink, Card, ErrorAlert, Loading, PageHeader } from '../../kit/index.ts';
import { useApi } from '../../use-api.ts';
import { useM } from './messages.ts';
import { FINISHED, fileKind, formatDay, formatSize, type Application, type ListItem } from './model.ts';
import { Facts, StatusBadge, Timeline } from './parts.tsx';
import './applications.css';

/** /saya/permohonan: the citizen's applications, drafts first. */
export function MyApplications() {
  const { m, tx, lang, fmt } = useM();
  const { data, error, loading } = useApi<{ items: ListItem[] }>('/api/applications', { drafts: 'true', limit: 100 });
  const items = [...(data?.items ?? [])].sort((a, b) => Number(b.status === 'draft' || b.status === 'perlu_perbaikan') - Number(a.status === 'draft' || a.status === 'perlu_perbaikan'));
  return (
    <>
      <PageHeader title={m.mine.title} lead={m.mine.lead} actions={<ButtonLink href="/ajukan">{m.mine.new}</ButtonLink>} back={{ href: '/saya', label: m.form.back }} />
      <ErrorAlert error={error} />
      {loading && !data && <Loading />}
      {data && items.length === 0 && <p>{m.mine.empty}</p>}
      <ul className="doc-list" aria-label={m.mine.title}>
        {items.map((i) => (
          <li key={i.number} data-number={i.number}>
            <span>
              <Link href={i.status === 'draft' ? `/saya/permohonan/${i.number}/isi` : `/saya/permohonan/${i.number}`}>
                <strong>{tx(i.service.name)}</strong>
              </Link>
              <span className="doc-list__note">
                <span className="mono">{i.number}</span> · {i.service.agencyShortName}
                {i.dueDate && !FINISHED.has(i.status) && i.status !== 'ditolak' && ` · ${fmt(m.mine.due, { date: formatDay(i.dueDate, lang) })}`}
              </span>
            </span>
            <span className="btn-row">
              <StatusBadge status={i.status} label={i.status === 'draft' ? { id: m.mine.draft, en: m.mine.draft } : i.statusLabel} late={i.late && !FINISHED.has(i.status)} />
              {i.status === 'draft' && (
                <ButtonLink href={`/saya/permohonan/${i.number}/isi`} size="small">
                  {m.mine.continue}
                </ButtonLink>
              )}
              {i.status === 'perlu_perbaikan' && (
                <ButtonLink href={`/saya/permohonan/${i.number}/isi`} size="small">
                  {m.mine.fix}
                </ButtonLink>
              )}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** /saya/permohonan/:number/terkirim: the confirmation, with the number and the receipt. */
export function ApplicationSent() {
  const { number } = useParams<{ number: string }>();
  const { m, lang, fmt } = useM();
  const { data: app } = useApi<Application>(`/api/applications/${number}`);
  return (
    <div className="form-page">
      <div className="panel-done" role="status">
        <PageHeader title={m.sent.title} />
        <span>{m.sent.numberLabel}</span>
        <span className="panel-done__number" data-testid="application-number">
          {number}
        </span>
        {app?.sla.dueDate && <p>{fmt(m.sent.promised, { date: formatDay(app.sla.dueDate, lang) })}</p>}
      </div>
      <h2>{m.sent.next}</h2>
      <p>{m.sent.nextBody}</p>
      <div className="btn-row">
        <a className="btn btn--secondary" href={`/api/applications/${number}/receipt.pdf`} target="_blank" rel="noreferrer">
          {m.sent.receipt}
        </a>
        <ButtonLink href={`/saya/permohonan/${number}`}>{m.sent.view}</ButtonLink>
      </div>
    </div>
  );
}

/** /saya/permohonan/:number: status, what is asked of the citizen, timeline, documents, downloads. */
export function ApplicationDetail() {
  const { number } = useParams<{ number: string }>();
  const { m, tx, lang, fmt } = useM();
  const { data: app, error, loading, reload } = useApi<Application>(`/api/applications/${number}`);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  if (!app) return loading ? <Loading /> : <ErrorAlert error={error} />;
  const returnNote = [...app.timeline].reverse().find((e) => e.action === 'return')?.note;
  const rejectNote = [...app.timeline].reverse().find((e) => e.action === 'reject')?.note;
  const withdraw = async () => {
    if (!window.confirm(m.detail.withdrawConfirm)) return;
    setBusy(true);
    try {
      await api.post(`/api/applications/${app.number}/actions`, { action: 'withdraw', expectedVersion: app.version });
      reload();
    } catch (e) {
      setActionError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };
  const productName = tx(app.product.name);
  return (
    <>
      <PageHeader title={tx(app.service.name)} meta={<span className="mono">{app.number}</span>} back={{ href: '/saya/permohonan', label: m.mine.title }} />
      <Facts app={app} />
      <ErrorAlert error={actionError} />
      {app.status === 'perlu_perbaikan' && (
        <div className="section">
          <Alert tone="warning" title={m.form.fixTitle}>
            {returnNote && <p data-testid="fix-note">{returnNote}</p>}
            <p>{m.form.fixLead}</p>
            <ButtonLink href={`/saya/permohonan/${app.number}/isi`}>{m.detail.fix}</ButtonLink>
          </Alert>
        </div>
      )}
      {app.status === 'draft' && (
        <div className="section">
          <ButtonLink href={`/saya/permohonan/${app.number}/isi`}>{m.mine.continue}</ButtonLink>
        </div>
      )}
      {app.status === 'ditolak' && (
        <div className="section">
          <Alert tone="error" title={m.detail.rejected}>
            <p>
              {m.detail.reason}: {rejectNote}
            </p>
          </Alert>
        </div>
      )}
      {(app.links.receipt || app.product.downloadUrl) && (
        <Card title={m.detail.downloads} className="section">
          <div className="stack">
            {app.product.downloadUrl && (
              <a className="btn btn--block" href={app.product.downloadUrl} data-testid="download-product">
                {fmt(m.detail.product, { name: productName })}
              </a>
            )}
            {app.product.sheetUrl && (
              <a className="btn btn--secondary btn--block" href={app.product.sheetUrl} target="_blank" rel="noreferrer">
                {m.detail.sheet}
              </a>
            )}
            {app.links.receipt && (
              <a className="btn btn--secondary btn--block" href={app.links.receipt} target="_blank" rel="noreferrer">
                {m.detail.receipt}
              </a>
            )}
          </div>
          {app.product.verificationUrl && (
            <p className="muted">
              <a href={new URL(app.product.verificationUrl).pathname}>{m.detail.check}</a>
            </p>
          )}
        </Card>
      )}
      <div className="office section">
        <Card title={m.detail.timeline}>
          <Timeline events={app.timeline} />
        </Card>
        <Card title={m.detail.documents}>
          <ul className="doc-list">
            {app.requirements
              .filter((r) => r.document)
              .map((r) => (
                <li key={r.documentCode}>
                  <span>
                    {tx(r.name)}
                    <span className="doc-list__note">
                      {fileKind(r.document!.mediaType)}, {formatSize(r.document!.size, lang)}
                    </span>
                  </span>
                  <a href={r.document!.url} target="_blank" rel="noreferrer">
                    {m.detail.open}
                  </a>
                </li>
              ))}
          </ul>
          <p className="muted">
            {fmt(m.detail.standard, { v: app.standardVersion })}
            {app.currentStandardVersion !== app.standardVersion && ` ${fmt(m.detail.standardNewer, { v: app.currentStandardVersion })}`}
          </p>
          <p>
            <Link href={`/lacak/${app.number}`}>{m.detail.track}</Link>
          </p>
        </Card>
      </div>
      {app.availableActions.includes('withdraw') && (
        <div className="section">
          <Button variant="danger" size="small" busy={busy} onClick={() => void withdraw()}>
            {m.detail.withdraw}
          </Button>
        </div>
      )}
    </>
  );
}

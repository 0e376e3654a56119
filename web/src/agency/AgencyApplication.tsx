import { useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'wouter';
import { api, ApiError } from '../api.ts';
import { Alert, Button, Card, ErrorAlert, Field, Loading, PageHeader, SelectField, TextField } from '../kit/index.ts';
import { useApi } from '../use-api.ts';
import { useM } from '../citizen/applications/messages.ts';
import { useDeskM } from '../counter/applications/messages.ts';
import { fileKind, formatSize, uploadFile, type Application } from '../citizen/applications/model.ts';
import { Facts, Timeline } from '../citizen/applications/parts.tsx';
import '../citizen/applications/applications.css';

type Mode = null | 'return' | 'reject';

/** One application in the back office: applicant, documents (open, preview), timeline, and the moves the officer can make. */
export function AgencyApplication() {
  const { number } = useParams<{ number: string }>();
  const [location] = useLocation();
  const inbox = location.replace(/\/[^/]+$/, '');
  const { m, tx, lang, fmt } = useM();
  const d = useDeskM();
  const { data: app, error, loading, reload } = useApi<Application>(`/api/applications/${number}`);
  const [mode, setMode] = useState<Mode>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [signer, setSigner] = useState({ name: '', position: '', delegation: '', principal: '' });
  if (!app) return loading ? <Loading /> : <ErrorAlert error={error} />;

  const handler = app.parties.includes('handler') || app.parties.includes('counter');
  const step = app.workflow.steps.find((s) => s.code === app.status);
  const act = async (body: Record<string, unknown>) => {
    setBusy(true);
    setActionError(null);
    try {
      await api.post(`/api/applications/${app.number}/actions`, { ...body, expectedVersion: app.version });
      setMode(null);
      setNote('');
      reload();
    } catch (e) {
      setActionError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };
  const claim = async (release: boolean) => {
    setBusy(true);
    try {
      await (release ? api.delete(`/api/applications/${app.number}/claim`) : api.post(`/api/applications/${app.number}/claim`));
      reload();
    } catch (e) {
      setActionError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };
  const uploadProduct = async (file: File | undefined) => {
    if (!file) return;
    setActionError(null);
    setProgress(0);
    try {
      await uploadFile(`/api/applications/${app.number}/product`, file, setProgress);
      reload();
    } catch (e) {
      setActionError(e instanceof ApiError ? e : null);
    } finally {
      setProgress(null);
    }
  };
  const submitNote = (e: FormEvent) => {
    e.preventDefault();
    void act({ action: mode, note });
  };
  const signing = step?.kind === 'sign';
  const advance = () =>
    void act({
      action: 'advance',
      ...(signing && signer.name.trim()
        ? { signer: { name: signer.name.trim(), position: signer.position.trim() || '-', delegation: signer.delegation || null, principal: signer.principal.trim() || null } }
        : {}),
    });

  return (
    <>
      <PageHeader title={tx(app.service.name)} meta={<span className="mono">{app.number}</span>} back={{ href: inbox, label: m.inbox.title }} />
      <Facts app={app} />
      <div className="office section">
        <div className="stack">
          <Card title={m.act.applicant}>
            <dl>
              <dt>{m.act.applicant}</dt>
              <dd data-testid="applicant-name">{app.applicant.name}</dd>
              <dt>{m.act.nik}</dt>
              <dd className="mono">{app.applicant.nik}</dd>
              <dt>{m.act.phone}</dt>
              <dd>{app.applicant.phone ?? '—'}</dd>
              <dt>{m.act.email}</dt>
              <dd>{app.applicant.email ?? '—'}</dd>
              <dt>{m.form.note}</dt>
              <dd>{app.note ?? '—'}</dd>
              <dt>{m.act.delivery}</dt>
              <dd>{app.delivery ? (m.form.delivery[app.delivery] ?? app.delivery) : '—'}</dd>
            </dl>
          </Card>
          <Card title={m.detail.documents}>
            <ul className="doc-list">
              {app.requirements.map((r) => (
                <li key={r.documentCode} data-document={r.documentCode}>
                  <span>
                    <strong>{tx(r.name)}</strong> <span className="muted">({r.optional ? m.form.optional : m.form.required})</span>
                    {r.document ? (
                      <span className="doc-list__note">
                        {fileKind(r.document.mediaType)}, {formatSize(r.document.size, lang)}
                        {r.document.originalName ? ` · ${r.document.originalName}` : ''}
                        {r.document.mediaType.startsWith('image/') && <img className="doc-preview" src={r.document.url} alt={tx(r.name)} loading="lazy" />}
                      </span>
                    ) : (
                      <span className="doc-list__note late-text">{m.form.missing}</span>
                    )}
                  </span>
                  {r.document && (
                    <a href={r.document.url} target="_blank" rel="noreferrer">
                      {m.detail.open}
                    </a>
                  )}
                </li>
              ))}
            </ul>
            {app.history.length > 0 && (
              <details>
                <summary>{m.act.history}</summary>
                <ul className="doc-list">
                  {app.history.map((d) => (
                    <li key={d.id}>
                      <span>
                        {d.documentCode} · {fileKind(d.mediaType)}, {formatSize(d.size, lang)}
                      </span>
                      <a href={d.url} target="_blank" rel="noreferrer">
                        {m.detail.open}
                      </a>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </Card>
          <Card title={m.detail.timeline}>
            <Timeline events={app.timeline} staff />
          </Card>
        </div>
        <Card title={m.act.title}>
          <ErrorAlert error={actionError} shownFields={['note']} />
          {app.claimedBy && <p className="muted">{fmt(m.act.claimedBy, { name: app.claimedBy.name ?? '' })}</p>}
          {handler && step && app.availableActions.some((a) => a !== 'withdraw') && !app.claimedBy && (
            <p>
              <Button size="small" variant="secondary" busy={busy} onClick={() => void claim(false)}>
                {m.act.claim}
              </Button>
            </p>
          )}
          {app.claimedBy?.mine && (
            <p>
              <Button size="small" variant="secondary" busy={busy} onClick={() => void claim(true)}>
                {m.act.release}
              </Button>
            </p>
          )}
          {signing && app.availableActions.includes('advance') && (
            <div className="stack">
              <Field label={m.act.product} hint={m.act.productHint}>
                {(control) => <input {...control} type="file" accept=".pdf,.jpg,.jpeg,.png" disabled={progress !== null} onChange={(e) => void uploadProduct(e.target.files?.[0])} />}
              </Field>
              {progress !== null && <p role="status">{fmt(m.form.uploading, { pct: Math.round(progress * 100) })}</p>}
              {app.product.uploaded && <Alert tone="success">{m.act.productUploaded}</Alert>}
              <TextField label={m.act.signer} value={signer.name} onChange={(e) => setSigner({ ...signer, name: e.target.value })} />
              <TextField label={m.act.position} value={signer.position} onChange={(e) => setSigner({ ...signer, position: e.target.value })} />
              <SelectField label={m.act.delegation} value={signer.delegation} onChange={(e) => setSigner({ ...signer, delegation: e.target.value })}>
                <option value="">{m.act.delegationNone}</option>
                <option value="an">a.n. (atas nama)</option>
                <option value="ub">u.b. (untuk beliau)</option>
              </SelectField>
              {signer.delegation && <TextField label={m.act.principal} value={signer.principal} onChange={(e) => setSigner({ ...signer, principal: e.target.value })} />}
            </div>
          )}
          {mode ? (
            <form onSubmit={submitNote} className="stack" noValidate>
              <Field label={mode === 'return' ? m.act.returnNote : m.act.rejectNote} hint={mode === 'return' ? m.act.returnHint : m.act.rejectHint} error={actionError?.fields.note}>
                {(control) => <textarea {...control} className="textarea" value={note} onChange={(e) => setNote(e.target.value)} />}
              </Field>
              <div className="btn-row">
                <Button type="submit" variant={mode === 'reject' ? 'danger' : 'primary'} busy={busy}>
                  {m.act.send}
                </Button>
                <Button variant="secondary" onClick={() => setMode(null)}>
                  {m.act.cancel}
                </Button>
              </div>
            </form>
          ) : (
            <div className="stack">
              {app.availableActions.includes('advance') && (
                <Button block busy={busy} onClick={advance} disabled={signing && !app.product.uploaded}>
                  {m.act.advance[app.status] ?? m.form.continue}
                </Button>
              )}
              {app.availableActions.includes('deliver') &&
                app.workflow.deliveries
                  .filter((d) => d !== 'diunduh')
                  .map((d) => (
                    <Button key={d} block variant="secondary" busy={busy} onClick={() => void act({ action: 'deliver', via: d })}>
                      {m.act.deliver[d] ?? d}
                    </Button>
                  ))}
              {app.availableActions.includes('return') && (
                <Button block variant="secondary" onClick={() => setMode('return')}>
                  {m.act.return}
                </Button>
              )}
              {app.availableActions.includes('reject') && (
                <Button block variant="danger" onClick={() => setMode('reject')}>
                  {m.act.reject}
                </Button>
              )}
              {app.availableActions.filter((a) => a !== 'withdraw').length === 0 && (
                <p className="muted">
                  {m.act.none} {fmt(m.act.waiting, { who: app.waitingFor.map((p) => m.act.parties[p] ?? p).join(', ') || '—' })}
                </p>
              )}
            </div>
          )}
          {app.product.downloadUrl && (
            <p className="section">
              <a href={app.product.downloadUrl}>{fmt(m.detail.product, { name: tx(app.product.name) })}</a>
            </p>
          )}
          {app.product.verificationUrl && (
            <p>
              <a href={new URL(app.product.verificationUrl).pathname} target="_blank" rel="noreferrer">
                {m.detail.check}
              </a>
            </p>
          )}
          {/* Whoever may read the application may print its receipt again (the API checks the same access). */}
          {app.links.receipt && (
            <p className="section">
              <a href={app.links.receipt} target="_blank" rel="noreferrer" data-testid="receipt-pdf">
                {d.receipt.print}
              </a>
              <br />
              <span className="muted">{d.receipt.printHint}</span>
            </p>
          )}
        </Card>
      </div>
    </>
  );
}

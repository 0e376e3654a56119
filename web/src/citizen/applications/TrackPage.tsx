import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { api, ApiError } from '../../api.ts';
import { Alert, Button, Card, ErrorAlert, Loading, PageHeader, TextField } from '../../kit/index.ts';
import { formatDateTime } from '../../format.ts';
import { useApi } from '../../use-api.ts';
import { useM } from './messages.ts';
import { formatDay, sha256Of, type LocalText, type ProductCheck, type PublicTracking } from './model.ts';
import { eventLabel, StatusBadge } from './parts.tsx';
import './applications.css';

/** /lacak and /lacak/:number: public progress by number (or the receipt's QR), and lookup by NIK with a code. */
export function TrackPage() {
  const params = useParams<{ number?: string }>();
  const { m } = useM();
  const [, navigate] = useLocation();
  const [text, setText] = useState(params.number ?? '');
  const find = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) navigate(`/lacak/${encodeURIComponent(text.trim().toUpperCase())}`);
  };
  return (
    <div className="form-page">
      <PageHeader title={m.track.title} lead={m.track.lead} />
      <form onSubmit={find} className="stack" role="search">
        <TextField label={m.track.number} hint={m.track.numberHint} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" spellCheck={false} />
        <Button type="submit">{m.track.find}</Button>
      </form>
      {params.number && <TrackResult key={params.number} number={params.number} />}
      <NikLookup />
    </div>
  );
}

function TrackResult({ number }: { number: string }) {
  const { m, tx, lang } = useM();
  const { data, error, loading } = useApi<PublicTracking>(`/api/track/${encodeURIComponent(number)}`);
  if (loading && !data) return <Loading />;
  if (error) return <div className="section">{error.status === 404 ? <Alert tone="error">{m.track.notFound}</Alert> : <ErrorAlert error={error} />}</div>;
  if (!data) return null;
  return (
    <div className="section stack" data-testid="tracking">
      <Card title={tx(data.service.name)}>
        <p>
          <span className="mono">{data.number}</span> · {data.service.agency}
        </p>
        <p>
          <StatusBadge status={data.status} label={data.statusLabel} late={data.sla.late && data.sla.state === 'running'} />
        </p>
        {data.sla.dueDate && (
          <p>
            {m.track.due}: <strong className={data.sla.late ? 'late-text' : undefined}>{formatDay(data.sla.dueDate, lang)}</strong>
            {data.sla.state === 'paused' && ` (${m.track.paused})`}
          </p>
        )}
        {data.productReady && <Alert tone="success">{m.track.ready}</Alert>}
      </Card>
      <Card title={m.track.steps}>
        <ol className="steps">
          {data.steps.map((s) => (
            <li key={s.code} className={s.current ? 'is-current' : s.done ? 'is-done' : undefined} aria-current={s.current ? 'step' : undefined}>
              {tx(s.label)}
            </li>
          ))}
        </ol>
      </Card>
      <Card title={m.track.history}>
        <ol className="timeline">
          {[...data.timeline].reverse().map((e, i) => (
            <li key={i} className={e.to === 'ditolak' ? 'is-danger' : e.action === 'return' ? 'is-warning' : undefined}>
              <strong>{eventLabel(e.action, e.label, tx)}</strong>
              <span className="timeline__when">
                {formatDateTime(e.at, lang)}
                {e.by ? ` · ${e.by}` : ''}
              </span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}

function NikLookup() {
  const { m, tx, lang } = useM();
  const [nik, setNik] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [items, setItems] = useState<{ number: string; service: LocalText; statusLabel: LocalText; status: string; dueDate: string | null }[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const request = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSent((await api.post<{ message: string }>('/api/track/request-code', { nik, phone })).message);
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    } finally {
      setBusy(false);
    }
  };
  const lookup = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setItems((await api.post<{ items: NonNullable<typeof items> }>('/api/track/lookup', { nik, phone, code })).items);
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="section" aria-labelledby="by-nik">
      <h2 id="by-nik">{m.track.byNik}</h2>
      <p className="muted">{m.track.byNikLead}</p>
      <ErrorAlert error={error} shownFields={['nik', 'phone', 'code']} />
      {!sent ? (
        <form onSubmit={request} className="stack" noValidate>
          <TextField label={m.track.nik} inputMode="numeric" autoComplete="off" value={nik} onChange={(e) => setNik(e.target.value)} error={error?.fields.nik} />
          <TextField label={m.track.phone} inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={error?.fields.phone} />
          <Button type="submit" variant="secondary" busy={busy}>
            {m.track.sendCode}
          </Button>
        </form>
      ) : items === null ? (
        <form onSubmit={lookup} className="stack" noValidate>
          <Alert tone="info">{sent}</Alert>
          <TextField label={m.track.code} className="input--code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} error={error?.fields.code} />
          <Button type="submit" busy={busy}>
            {m.track.show}
          </Button>
        </form>
      ) : (
        <>
          <h3>{m.track.found}</h3>
          {items.length === 0 && <p>{m.track.noneFound}</p>}
          <ul className="doc-list">
            {items.map((i) => (
              <li key={i.number}>
                <span>
                  <Link href={`/lacak/${i.number}`}>{tx(i.service)}</Link>
                  <span className="doc-list__note mono">{i.number}</span>
                </span>
                <span>
                  <StatusBadge status={i.status} label={i.statusLabel} />
                  {i.dueDate && <span className="doc-list__note">{formatDay(i.dueDate, lang)}</span>}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** /cek/:token: the public check of an issued document — signed or revoked, its hash, and a local file comparison. */
export function CheckPage() {
  const { token } = useParams<{ token: string }>();
  const { m, tx, lang, fmt } = useM();
  const { data, error, loading } = useApi<ProductCheck>(`/api/verify/${encodeURIComponent(token)}`);
  const [match, setMatch] = useState<boolean | null>(null);
  if (loading && !data) return <Loading />;
  if (error || !data) {
    return (
      <div className="form-page">
        <PageHeader title={m.check.title} />
        {error?.status === 404 ? (
          <Alert tone="error" title={m.check.unknown}>
            <p>{m.check.unknownBody}</p>
          </Alert>
        ) : (
          <ErrorAlert error={error} />
        )}
      </div>
    );
  }
  const signer = data.signer;
  return (
    <div className="form-page">
      <PageHeader title={m.check.title} />
      {data.status === 'signed' ? (
        <Alert tone="success" title={m.check.signed}>
          <p>{fmt(m.check.signedBody, { date: formatDateTime(data.signedAt, lang) })}</p>
        </Alert>
      ) : (
        <Alert tone="error" title={m.check.revoked}>
          <p>{fmt(m.check.revokedBody, { date: formatDateTime(data.revokedAt, lang), reason: data.revokedReason ?? '' })}</p>
        </Alert>
      )}
      <dl className="summary section">
        <div className="summary__row">
          <dt>{m.check.document}</dt>
          <dd>{tx(data.document)}</dd>
        </div>
        <div className="summary__row">
          <dt>{m.check.agency}</dt>
          <dd>{tx(data.agency)}</dd>
        </div>
        <div className="summary__row">
          <dt>{m.check.number}</dt>
          <dd className="mono">{data.number}</dd>
        </div>
        <div className="summary__row">
          <dt>{m.check.signer}</dt>
          <dd>
            {signer.delegation ? `${signer.delegation === 'an' ? 'a.n.' : 'u.b.'} ${signer.principal}, ` : ''}
            {signer.name}
            {signer.position ? ` (${signer.position})` : ''}
          </dd>
        </div>
        <div className="summary__row">
          <dt>{m.check.fingerprint}</dt>
          <dd className="hash" data-testid="sha256">
            {data.sha256}
          </dd>
        </div>
      </dl>
      <div className="upload-box">
        <label className="field__label" htmlFor="compare-file">
          {m.check.compare}
        </label>
        <p className="field__hint">{m.check.compareHint}</p>
        <input
          id="compare-file"
          type="file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setMatch((await sha256Of(file)) === data.sha256);
          }}
        />
        {match !== null && (
          <Alert tone={match ? 'success' : 'error'}>
            <p>{match ? m.check.match : m.check.mismatch}</p>
          </Alert>
        )}
      </div>
      <p className="muted section">{fmt(m.check.checks, { n: data.checks })}</p>
    </div>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useParams, useSearch } from 'wouter';
import { ApiError } from '../../api.ts';
import { Alert, Button, ButtonLink, ErrorAlert, Loading, PageHeader, TextField } from '../../kit/index.ts';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import { useM } from './messages.ts';
import { forgetKey, idempotencyKey, postWithKey, type Application, type LocalText } from './model.ts';
import './applications.css';

type ServiceSummary = { code: string; name: LocalText; summary: LocalText; channels: string[]; agency: { shortName: string }; duration: LocalText; fee: LocalText };

/** /ajukan: choose a service that can be applied for online. */
export function ApplyStart() {
  const { m, tx } = useM();
  const { user } = useSession();
  const [, navigate] = useLocation();
  const q = new URLSearchParams(useSearch()).get('q') ?? '';
  const [text, setText] = useState(q);
  const { data, error, loading } = useApi<{ items: ServiceSummary[] }>('/api/catalogue/services', { q: q || undefined, limit: q ? 30 : 300 });
  const online = (data?.items ?? []).filter((s) => s.channels.includes('online'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/ajukan?q=${encodeURIComponent(text.trim())}`);
  };
  return (
    <div className="form-page">
      <PageHeader title={m.apply.title} lead={m.apply.lead} />
      {!user && (
        <Alert tone="info">
          <p>{m.apply.signInFirst}</p>
          <ButtonLink href="/masuk">{m.apply.signIn}</ButtonLink>
        </Alert>
      )}
      <form onSubmit={submit} role="search" className="stack">
        <TextField label={m.apply.search} hint={m.apply.searchHint} value={text} onChange={(e) => setText(e.target.value)} type="search" name="q" />
        <Button type="submit" variant="secondary">
          {m.apply.searchButton}
        </Button>
      </form>
      <section className="section" aria-labelledby="results">
        <h2 id="results">{m.apply.results}</h2>
        <ErrorAlert error={error} />
        {loading && <Loading />}
        {!loading && online.length === 0 && <p>{m.apply.none}</p>}
        <ul className="doc-list">
          {online.slice(0, 40).map((s) => (
            <li key={s.code}>
              <span>
                <strong>{tx(s.name)}</strong>
                <span className="doc-list__note">
                  {s.agency.shortName} · {tx(s.duration)} · {tx(s.fee)}
                </span>
              </span>
              {user?.role === 'citizen' && (
                <ButtonLink href={`/ajukan/${s.code}`} size="small" aria-label={`${m.apply.choose}: ${tx(s.name)}`}>
                  {m.apply.choose}
                </ButtonLink>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** /ajukan/:service: starts a draft (once, even when the page is reloaded) and opens the form. */
export function ApplyService() {
  const { m } = useM();
  const { service } = useParams<{ service: string }>();
  const [, navigate] = useLocation();
  const [error, setError] = useState<ApiError | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const scope = `apply:${service}`;
    postWithKey<Application>('/api/applications', { serviceCode: service, delivery: 'diunduh' }, idempotencyKey(scope))
      .then((app) => {
        forgetKey(scope);
        navigate(`/saya/permohonan/${app.number}/isi`, { replace: true });
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'unexpected', '', String(e))));
  }, [service, navigate]);
  return (
    <div className="form-page">
      <PageHeader title={m.apply.title} back={{ href: '/ajukan', label: m.form.back }} />
      {error ? <ErrorAlert error={error} /> : <Loading label={m.apply.starting} />}
    </div>
  );
}

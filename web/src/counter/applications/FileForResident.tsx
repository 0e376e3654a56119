import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useParams, useSearch } from 'wouter';
import { api, ApiError } from '../../api.ts';
import { Alert, Button, ButtonLink, ErrorAlert, Field, Loading, PageHeader, SelectField, TextField } from '../../kit/index.ts';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import { useM } from '../../citizen/applications/messages.ts';
import { fileKind, forgetKey, formatDay, formatSize, idempotencyKey, postWithKey, uploadFile, type Application, type DocumentView, type LocalText, type Requirement } from '../../citizen/applications/model.ts';
import { useDeskM } from './messages.ts';
import '../../citizen/applications/applications.css';
import './desk.css';

/*
 * Filing on a resident's behalf at a counter (/loket/permohonan/baru) or a village office
 * (/desa/permohonan/baru): service → applicant → documents and the service's questions → check →
 * receipt. Dense pages for a fast keyboard user; every answer is kept on the server as a draft,
 * so an interrupted filing continues from the desk's list.
 */

type FilingServices = {
  point: { code: string; name: LocalText };
  channel: 'counter' | 'village';
  items: { code: string; name: LocalText; summary: LocalText; level: string; agency: { code: string; shortName: string }; fee: LocalText; duration: LocalText }[];
};

/** Where this desk's application pages live: the counter's or the village office's. */
export function useDeskBase(): string {
  const { user } = useSession();
  return user?.role === 'village_operator' ? '/desa/permohonan' : '/loket/permohonan';
}

function fmt(s: string, vars: Record<string, string | number>): string {
  return s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'unexpected', '', String(e));
}

/** Puts the caret in the first field when a page opens (after the heading took focus for screen readers). */
function useFirstFocus(selector: string, ready = true): void {
  useEffect(() => {
    if (ready) document.querySelector<HTMLElement>(selector)?.focus();
  }, [selector, ready]);
}

type StepKey = 'service' | 'applicant' | 'documents' | 'check' | 'receipt';
const STEPS: StepKey[] = ['service', 'applicant', 'documents', 'check', 'receipt'];

function Steps({ current }: { current: StepKey }) {
  const d = useDeskM();
  const at = STEPS.indexOf(current);
  return (
    <ol className="desk-steps" aria-label={d.stepsLabel}>
      {STEPS.map((s, i) => (
        <li key={s} className={i < at ? 'is-done' : i === at ? 'is-current' : undefined} aria-current={i === at ? 'step' : undefined}>
          <span aria-hidden="true">{i + 1}</span> {d.steps[s]}
        </li>
      ))}
    </ol>
  );
}

// — 1. the service —

/** /loket/permohonan/baru, /desa/permohonan/baru: search the services this point offers and pick one. */
export function DeskPickService() {
  const d = useDeskM();
  const { tx } = useM();
  const base = useDeskBase();
  const [, navigate] = useLocation();
  const q = new URLSearchParams(useSearch()).get('q') ?? '';
  const [text, setText] = useState(q);
  useFirstFocus('.desk-search input');
  const { data, error, loading } = useApi<FilingServices>('/api/applications/filing/services', { q: q || undefined });
  const items = data?.items ?? [];
  const shown = items.slice(0, 60);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`${base}/baru${text.trim() ? `?q=${encodeURIComponent(text.trim())}` : ''}`);
  };
  return (
    <div className="desk">
      <Steps current="service" />
      <PageHeader title={d.pick.title} lead={data ? fmt(d.pick.lead, { point: tx(data.point.name) }) : undefined} back={{ href: base, label: d.inbox }} />
      <form onSubmit={submit} role="search" className="desk-search">
        <TextField label={d.pick.search} hint={d.pick.searchHint} value={text} onChange={(e) => setText(e.target.value)} type="search" name="q" autoComplete="off" />
        <Button type="submit" variant="secondary">
          {d.pick.searchButton}
        </Button>
      </form>
      <ErrorAlert error={error} />
      {loading && !data ? (
        <Loading />
      ) : (
        <section aria-labelledby="desk-results">
          <h2 id="desk-results" className="desk-h2">
            {d.pick.results} <span className="muted">({items.length > shown.length ? fmt(d.pick.shown, { n: shown.length, total: items.length }) : fmt(d.pick.count, { n: items.length })})</span>
          </h2>
          {items.length === 0 ? (
            <p>{d.pick.none}</p>
          ) : (
            <div className="table-wrap table--dense" tabIndex={0} role="region" aria-labelledby="desk-results">
              <table className="table desk-table">
                <thead>
                  <tr>
                    <th scope="col">{d.pick.service}</th>
                    <th scope="col">{d.pick.agency}</th>
                    <th scope="col">{d.pick.duration}</th>
                    <th scope="col">{d.pick.fee}</th>
                    <th scope="col">
                      <span className="sr-only">{d.pick.choose}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((s) => (
                    <tr key={s.code} data-service={s.code}>
                      <td>
                        <strong>{tx(s.name)}</strong>
                        {s.level === 'village' && <span className="muted"> · {d.pick.villageLetter}</span>}
                      </td>
                      <td>{s.agency.shortName}</td>
                      <td>{tx(s.duration)}</td>
                      <td>{tx(s.fee)}</td>
                      <td className="nowrap">
                        <Link href={`${base}/baru/layanan/${s.code}`} className="btn btn--small" aria-label={`${d.pick.choose}: ${tx(s.name)}`}>
                          {d.pick.choose}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

// — 2. the applicant —

type NikCheck = { valid: boolean; message?: string; kecamatan?: { code: string; name: string }; birthDate?: string; sex?: 'F' | 'M' };
type NikState = { kind: 'empty' } | { kind: 'short'; n: number } | { kind: 'checking' } | { kind: 'ok'; text: string } | { kind: 'bad'; text: string };

/** Checks the NIK as it is typed: format, region and birth date, through the API (never whether it is registered). */
function useNikCheck(value: string): NikState {
  const d = useDeskM();
  const { lang } = useM();
  const digits = value.replace(/[\s.-]/g, '');
  const [state, setState] = useState<NikState>({ kind: 'empty' });
  useEffect(() => {
    if (!digits) return setState({ kind: 'empty' });
    if (/^\d+$/.test(digits) && digits.length < 16) return setState({ kind: 'short', n: digits.length });
    setState({ kind: 'checking' });
    const timer = setTimeout(() => {
      api
        .post<NikCheck>('/api/nik/validate', { nik: digits })
        .then((r) => {
          if (!r.valid) return setState({ kind: 'bad', text: r.message ?? '' });
          const [y, m, day] = (r.birthDate ?? '').split('-').map(Number) as [number, number, number];
          const birth = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, day)));
          setState({ kind: 'ok', text: fmt(d.applicant.nikOk, { kecamatan: r.kecamatan?.name ?? '', birth, sex: r.sex === 'F' ? d.applicant.sexF : d.applicant.sexM }) });
        })
        .catch((e: unknown) => setState({ kind: 'bad', text: asApiError(e).detail }));
    }, 200);
    return () => clearTimeout(timer);
  }, [digits, d, lang]);
  return state;
}

type ApplicantForm = { nik: string; name: string; phone: string; locale: 'id' | 'en' };

/** /…/baru/layanan/:service (a new draft) and /…/baru/:number/pemohon (its applicant, changed). */
export function DeskApplicant() {
  const { service, number } = useParams<{ service?: string; number?: string }>();
  const { data: app, error: loadError } = useApi<Application>(number ? `/api/applications/${number}` : null);
  const { data: catalogue } = useApi<{ name: LocalText; agency: { shortName: string } }>(service ? `/api/catalogue/services/${service}` : null);
  if (number && !app) return <div className="desk">{loadError ? <ErrorAlert error={loadError} /> : <Loading />}</div>;
  const serviceName = app ? app.service.name : (catalogue?.name ?? null);
  return <ApplicantPage key={number ?? service} serviceCode={service ?? app!.service.code} serviceName={serviceName} app={app} />;
}

function ApplicantPage({ serviceCode, serviceName, app }: { serviceCode: string; serviceName: LocalText | null; app: Application | null }) {
  const d = useDeskM();
  const { tx } = useM();
  const base = useDeskBase();
  const [, navigate] = useLocation();
  const [form, setForm] = useState<ApplicantForm>({
    nik: app?.applicant.nik ?? '',
    name: app?.applicant.name ?? '',
    phone: app?.applicant.phone ?? '',
    locale: app?.applicant.locale === 'en' ? 'en' : 'id',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const nik = useNikCheck(form.nik);
  useFirstFocus('.desk-form input');
  const set = (key: keyof ApplicantForm) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const applicant = { nik: form.nik.replace(/[\s.-]/g, ''), name: form.name.trim(), phone: form.phone.trim() || null, locale: form.locale };
    try {
      if (app) {
        await api.patch(`/api/applications/${app.number}`, { applicant });
        navigate(`${base}/baru/${app.number}/periksa`);
      } else {
        // One key per intended filing: a retry after a lost answer returns the same draft.
        const scope = `desk:${serviceCode}:${JSON.stringify(applicant)}`;
        const created = await postWithKey<Application>('/api/applications', { serviceCode, applicant }, idempotencyKey(scope));
        forgetKey(scope);
        navigate(`${base}/baru/${created.number}/berkas`);
      }
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };
  const fieldError = (f: string) => error?.fields[f] ?? error?.fields[`applicant.${f}`];
  const nikHint: ReactNode =
    nik.kind === 'ok' ? (
      <span className="nik-ok" data-testid="nik-check">
        ✓ {nik.text}
      </span>
    ) : nik.kind === 'checking' ? (
      d.applicant.nikChecking
    ) : nik.kind === 'short' ? (
      fmt(d.applicant.nikShort, { n: nik.n })
    ) : (
      d.applicant.nikHint
    );
  return (
    <div className="desk">
      <Steps current="applicant" />
      <PageHeader
        title={d.applicant.title}
        lead={d.applicant.lead}
        meta={serviceName ? <strong>{tx(serviceName)}</strong> : undefined}
        back={app ? { href: `${base}/baru/${app.number}/periksa`, label: d.back } : { href: `${base}/baru`, label: d.steps.service }}
      />
      <form onSubmit={submit} noValidate className="desk-form">
        <ErrorAlert error={error} shownFields={['nik', 'name', 'phone', 'applicant.nik', 'applicant.name', 'applicant.phone']} />
        <div className="desk-grid">
          <TextField
            label={d.applicant.nik}
            hint={nikHint}
            error={fieldError('nik') ?? (nik.kind === 'bad' ? nik.text : null)}
            value={form.nik}
            onChange={set('nik')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={24}
            className="mono"
            required
          />
          <TextField label={d.applicant.name} hint={d.applicant.nameHint} error={fieldError('name')} value={form.name} onChange={set('name')} autoComplete="off" required />
          <TextField label={d.applicant.phone} hint={d.applicant.phoneHint} error={fieldError('phone')} value={form.phone} onChange={set('phone')} type="tel" inputMode="tel" autoComplete="off" optional />
          <SelectField label={d.applicant.locale} value={form.locale} onChange={set('locale')}>
            <option value="id">{d.applicant.localeId}</option>
            <option value="en">{d.applicant.localeEn}</option>
          </SelectField>
        </div>
        <p role="status" className="sr-only">
          {nik.kind === 'ok' ? nik.text : nik.kind === 'bad' ? nik.text : ''}
        </p>
        <div className="btn-row">
          <Button type="submit" busy={busy} disabled={!serviceName}>
            {app ? d.applicant.save : d.applicant.next}
          </Button>
        </div>
      </form>
    </div>
  );
}

// — 3. documents and the service's questions —

/** /…/baru/:number/berkas: every requirement on one page with its upload, then note and delivery. */
export function DeskDocuments() {
  const { number } = useParams<{ number: string }>();
  const { data: app, error, reload } = useApi<Application>(`/api/applications/${number}`);
  if (!app) return <div className="desk">{error ? <ErrorAlert error={error} /> : <Loading />}</div>;
  if (!app.canEdit) return <NotEditable app={app} />;
  return <DocumentsPage app={app} reload={reload} />;
}

/** A file already sent (and not sent back for correction): its receipt instead of a form. */
function NotEditable({ app }: { app: Application }) {
  const d = useDeskM();
  const { tx } = useM();
  const base = useDeskBase();
  return (
    <div className="desk">
      <PageHeader title={d.documents.title} back={{ href: base, label: d.inbox }} />
      <Alert tone="info">
        <p>
          {tx(app.statusLabel)} —{' '}
          <Link href={app.submittedAt ? `${base}/baru/${app.number}/bukti` : `${base}/${app.number}`}>{app.submittedAt ? d.receipt.title : d.receipt.view}</Link>
        </p>
      </Alert>
    </div>
  );
}

function DocumentsPage({ app, reload }: { app: Application; reload(): void }) {
  const d = useDeskM();
  const { tx } = useM();
  const base = useDeskBase();
  const [, navigate] = useLocation();
  const [note, setNote] = useState(app.note ?? '');
  const [delivery, setDelivery] = useState(app.delivery ?? app.workflow.deliveries[0] ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<Record<string, DocumentView>>({});
  const docOf = (r: Requirement) => uploaded[r.documentCode] ?? r.document;

  const next = async (e: FormEvent) => {
    e.preventDefault();
    const lacking = app.requirements.filter((r) => !r.optional && !docOf(r));
    if (lacking.length) {
      setMissing(fmt(d.documents.missing, { names: lacking.map((r) => tx(r.name)).join(', ') }));
      return;
    }
    setMissing(null);
    setBusy(true);
    setError(null);
    try {
      await api.patch(`/api/applications/${app.number}`, { note: note.trim() || null, ...(delivery ? { delivery } : {}) });
      navigate(`${base}/baru/${app.number}/periksa`);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };
  return (
    <div className="desk">
      <Steps current="documents" />
      <PageHeader
        title={d.documents.title}
        lead={d.documents.lead}
        meta={
          <>
            <strong>{tx(app.service.name)}</strong> · {app.applicant.name} · <span className="mono">{app.applicant.nikMasked}</span> · <span className="mono">{app.number}</span>
          </>
        }
        back={app.status === 'draft' ? { href: `${base}/baru/${app.number}/pemohon`, label: d.steps.applicant } : { href: `${base}?f=filed`, label: d.inbox }}
      />
      {app.status === 'perlu_perbaikan' && (
        <Alert tone="warning" title={d.documents.fixNote}>
          <p data-testid="fix-note">{[...app.timeline].reverse().find((e) => e.action === 'return')?.note}</p>
        </Alert>
      )}
      <div className="table-wrap table--dense" tabIndex={0} role="region" aria-label={d.documents.title}>
        <table className="table desk-table">
          <caption className="sr-only">{d.documents.title}</caption>
          <thead>
            <tr>
              <th scope="col">{d.documents.requirement}</th>
              <th scope="col">{d.documents.file}</th>
            </tr>
          </thead>
          <tbody>
            {app.requirements.map((r) => (
              <tr key={r.documentCode} data-document={r.documentCode}>
                <td className="desk-req">
                  <strong>{tx(r.name)}</strong> <span className={r.optional ? 'muted' : 'desk-required'}>({r.optional ? d.documents.optional : d.documents.required})</span>
                  {r.note && <span className="doc-list__note">{tx(r.note)}</span>}
                </td>
                <td>
                  <DocumentUpload app={app} requirement={r} doc={docOf(r)} onUploaded={(doc) => { setUploaded((u) => ({ ...u, [r.documentCode]: doc })); setMissing(null); reload(); }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {missing && (
        <Alert tone="error">
          <p>{missing}</p>
        </Alert>
      )}
      <form onSubmit={next} className="desk-form section" noValidate>
        <h2 className="desk-h2">{d.documents.details}</h2>
        <ErrorAlert error={error} shownFields={['note']} />
        <Field label={d.documents.note} hint={d.documents.noteHint} optional error={error?.fields.note}>
          {(control) => <textarea {...control} className="textarea desk-note" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        {app.workflow.deliveries.length > 1 && (
          <fieldset className="fieldset">
            <legend className="field__label">{d.documents.delivery}</legend>
            <ul className="radio-list desk-radios">
              {app.workflow.deliveries.map((x) => (
                <li key={x}>
                  <label>
                    <input type="radio" name="delivery" value={x} checked={delivery === x} onChange={() => setDelivery(x)} />
                    <span>{d.documents.deliveries[x] ?? x}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <div className="btn-row">
          <Button type="submit" busy={busy}>
            {d.documents.next}
          </Button>
        </div>
      </form>
    </div>
  );
}

function DocumentUpload({ app, requirement, doc, onUploaded }: { app: Application; requirement: Requirement; doc: DocumentView | null; onUploaded(doc: DocumentView): void }) {
  const d = useDeskM();
  const { tx, lang } = useM();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = tx(requirement.name);
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      onUploaded(await uploadFile<DocumentView>(`/api/applications/${app.number}/documents/${requirement.documentCode}`, file, setProgress));
    } catch (e) {
      const err = asApiError(e);
      setError(err.detail || err.title);
    } finally {
      setProgress(null);
      input.value = '';
    }
  };
  return (
    <div className="desk-upload">
      {doc ? (
        <span className="desk-upload__done" data-testid={`uploaded-${requirement.documentCode}`}>
          <span aria-hidden="true">✓ </span>
          {doc.originalName ?? requirement.documentCode} ({fmt(d.documents.uploaded, { kind: fileKind(doc.mediaType), size: formatSize(doc.size, lang) })}){' '}
          <a href={doc.url} target="_blank" rel="noreferrer">
            {d.documents.open}
            <span className="sr-only"> {name}</span>
          </a>
        </span>
      ) : (
        <span className="muted">{d.documents.notYet}</span>
      )}
      {/* The browser's own file button speaks the browser's language: ours speaks the page's. */}
      <label className={`btn btn--small btn--secondary desk-file${progress !== null ? ' is-busy' : ''}`}>
        <input
          type="file"
          className="desk-file__input"
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          aria-label={fmt(doc ? d.documents.replace : d.documents.choose, { name })}
          aria-invalid={error ? true : undefined}
          disabled={progress !== null}
          onChange={(e) => void choose(e.currentTarget)}
        />
        <span aria-hidden="true">{doc ? d.documents.replaceShort : d.documents.chooseShort}</span>
      </label>
      {progress !== null && (
        <div role="status" aria-live="polite" className="desk-upload__progress">
          {fmt(d.documents.uploading, { name, pct: Math.round(progress * 100) })}
          <div className="progress" aria-hidden="true">
            <div className="progress__bar" style={{ width: `${Math.round(progress * 100)}%` }} />
          </div>
        </div>
      )}
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

// — 4. check —

/** /…/baru/:number/periksa: the whole filing on one page, with change links, then submit (Idempotency-Key). */
export function DeskCheck() {
  const { number } = useParams<{ number: string }>();
  const d = useDeskM();
  const { tx, lang } = useM();
  const base = useDeskBase();
  const [, navigate] = useLocation();
  const { data: app, error: loadError } = useApi<Application>(`/api/applications/${number}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!app) return <div className="desk">{loadError ? <ErrorAlert error={loadError} /> : <Loading />}</div>;
  if (!app.canEdit) {
    return (
      <div className="desk">
        <Alert tone="info">
          <p>
            <Link href={`${base}/baru/${app.number}/bukti`}>{d.receipt.title}</Link>
          </p>
        </Alert>
      </div>
    );
  }
  const send = async () => {
    setBusy(true);
    setError(null);
    const scope = `desk-submit:${app.number}:${app.version}`;
    try {
      await postWithKey<Application>(`/api/applications/${app.number}/submit`, {}, idempotencyKey(scope));
      forgetKey(scope);
      navigate(`${base}/baru/${app.number}/bukti`);
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
    }
  };
  const change = (href: string, label: string) => (
    <Link href={href}>
      {d.check.change}
      <span className="sr-only"> {label}</span>
    </Link>
  );
  const applicantHref = `${base}/baru/${app.number}/pemohon`;
  // The applicant's identity is fixed once the file has been sent; a correction is about documents.
  const changeApplicant = (label: string) => (app.status === 'draft' ? change(applicantHref, label) : null);
  const documentsHref = `${base}/baru/${app.number}/berkas`;
  return (
    <div className="desk">
      <Steps current="check" />
      <PageHeader title={d.check.title} lead={d.check.lead} meta={<span className="mono">{app.number}</span>} back={{ href: documentsHref, label: d.steps.documents }} />
      <ErrorAlert error={error} />
      <dl className="summary desk-summary">
        <div className="summary__row">
          <dt>{d.check.service}</dt>
          <dd>
            {tx(app.service.name)} <span className="muted">· {app.service.agency.shortName}</span>
          </dd>
          <dd />
        </div>
        <div className="summary__row">
          <dt>{d.check.point}</dt>
          <dd>{app.filedAt ?? '—'}</dd>
          <dd />
        </div>
        <div className="summary__row">
          <dt>{d.check.applicant}</dt>
          <dd data-testid="check-applicant">{app.applicant.name}</dd>
          <dd>{changeApplicant(d.check.applicant)}</dd>
        </div>
        <div className="summary__row">
          <dt>{d.check.nik}</dt>
          <dd className="mono">{app.applicant.nik}</dd>
          <dd>{changeApplicant(d.check.nik)}</dd>
        </div>
        <div className="summary__row">
          <dt>{d.check.phone}</dt>
          <dd>{app.applicant.phone ?? <span className="muted">{d.check.noPhone}</span>}</dd>
          <dd>{changeApplicant(d.check.phone)}</dd>
        </div>
        {app.requirements.map((r) => (
          <div className="summary__row" key={r.documentCode}>
            <dt>{tx(r.name)}</dt>
            <dd>
              {r.document ? (
                `${r.document.originalName ?? r.documentCode} (${fileKind(r.document.mediaType)}, ${formatSize(r.document.size, lang)})`
              ) : (
                <span className={r.optional ? 'muted' : 'late-text'}>{r.optional ? d.documents.optional : d.check.missing}</span>
              )}
            </dd>
            <dd>{change(documentsHref, tx(r.name))}</dd>
          </div>
        ))}
        <div className="summary__row">
          <dt>{d.documents.note}</dt>
          <dd>{app.note || <span className="muted">{d.check.none}</span>}</dd>
          <dd>{change(documentsHref, d.documents.note)}</dd>
        </div>
        {app.workflow.deliveries.length > 1 && (
          <div className="summary__row">
            <dt>{d.documents.delivery}</dt>
            <dd>{d.documents.deliveries[app.delivery ?? ''] ?? '—'}</dd>
            <dd>{change(documentsHref, d.documents.delivery)}</dd>
          </div>
        )}
      </dl>
      <p>{d.check.declaration}</p>
      <div className="btn-row">
        <Button onClick={() => void send()} busy={busy} disabled={app.missingDocuments.length > 0}>
          {app.status === 'perlu_perbaikan' ? d.check.resubmit : d.check.submit}
        </Button>
      </div>
    </div>
  );
}

// — 5. the receipt —

/** /…/baru/:number/bukti: the number, the promise, and the receipt PDF to print for the resident. */
export function DeskReceipt() {
  const { number } = useParams<{ number: string }>();
  const d = useDeskM();
  const { lang } = useM();
  const base = useDeskBase();
  const { data: app, error } = useApi<Application>(`/api/applications/${number}`);
  useFirstFocus('[data-testid="receipt-pdf"]', Boolean(app));
  if (!app) return <div className="desk">{error ? <ErrorAlert error={error} /> : <Loading />}</div>;
  return (
    <div className="desk desk--narrow">
      <Steps current="receipt" />
      <div className="panel-done" role="status">
        <PageHeader title={d.receipt.title} />
        <span>{d.receipt.number}</span>
        <span className="panel-done__number" data-testid="application-number">
          {app.number}
        </span>
        {app.sla.dueDate && <p>{fmt(d.receipt.promised, { date: formatDay(app.sla.dueDate, lang) })}</p>}
      </div>
      <p>{app.applicant.phone ? fmt(d.receipt.notified, { phone: app.applicant.phone }) : d.receipt.notNotified}</p>
      <p className="muted">{d.receipt.printHint}</p>
      <div className="btn-row">
        {app.links.receipt && (
          <a className="btn" href={app.links.receipt} target="_blank" rel="noreferrer" data-testid="receipt-pdf">
            {d.receipt.print}
          </a>
        )}
        <ButtonLink href={`${base}/baru`} variant="secondary">
          {d.receipt.another}
        </ButtonLink>
        <ButtonLink href={`${base}/${app.number}`} variant="secondary">
          {d.receipt.view}
        </ButtonLink>
      </div>
    </div>
  );
}

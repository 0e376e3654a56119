import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { api, ApiError } from '../../api.ts';
import { Alert, Button, ErrorAlert, Field, Loading, PageHeader } from '../../kit/index.ts';
import { useApi } from '../../use-api.ts';
import { useM } from './messages.ts';
import { fileKind, formatSize, idempotencyKey, forgetKey, postWithKey, uploadFile, type Application, type DocumentView, type Requirement } from './model.ts';
import './applications.css';

/**
 * /saya/permohonan/:number/isi/:step — the citizen's form, one question per page, in the manner
 * of good government forms: a start page that says what is needed, one page per document with
 * upload progress, a note, how to receive the result, then "check your answers". Every answer is
 * saved on the server as it is given, so the citizen can leave and resume from any device.
 * The same pages serve a file sent back for correction.
 */
export function ApplicationForm() {
  const { number, step } = useParams<{ number: string; step?: string }>();
  const { data: app, error, loading, reload } = useApi<Application>(`/api/applications/${number}`);
  const { m } = useM();
  if (!app) return <div className="form-page">{loading ? <Loading /> : <ErrorAlert error={error} />}</div>;
  if (!app.canEdit) {
    return (
      <div className="form-page">
        <PageHeader title={m.form.checkTitle} back={{ href: `/saya/permohonan/${number}`, label: m.form.back }} />
        <Alert tone="info">
          <p>
            <Link href={`/saya/permohonan/${number}`}>{m.sent.view}</Link>
          </p>
        </Alert>
      </div>
    );
  }
  return <FormSteps app={app} step={step ?? (app.status === 'perlu_perbaikan' ? 'perbaikan' : 'mulai')} reload={reload} />;
}

type StepName = string;

function stepsOf(app: Application): StepName[] {
  const fixing = app.status === 'perlu_perbaikan';
  return [
    fixing ? 'perbaikan' : 'mulai',
    ...app.requirements.map((r) => `dokumen-${r.documentCode}`),
    'catatan',
    ...(!fixing && app.workflow.deliveries.length > 1 ? ['penyerahan'] : []),
    'periksa',
  ];
}

function FormSteps({ app, step, reload }: { app: Application; step: StepName; reload(): void }) {
  const { m, fmt } = useM();
  const [, navigate] = useLocation();
  const steps = stepsOf(app);
  const index = Math.max(0, steps.indexOf(step));
  const base = `/saya/permohonan/${app.number}/isi`;
  const go = (i: number) => navigate(`${base}/${steps[Math.min(Math.max(i, 0), steps.length - 1)]}`);
  const next = () => {
    reload();
    go(index + 1);
  };
  const back = index === 0 ? { href: `/saya/permohonan`, label: m.mine.title } : { href: `${base}/${steps[index - 1]}`, label: m.form.back };
  const current = steps[index]!;
  const requirement = current.startsWith('dokumen-') ? app.requirements.find((r) => `dokumen-${r.documentCode}` === current) : undefined;

  return (
    <div className="form-page">
      <p className="form-page__step">{fmt(m.form.step, { n: index + 1, total: steps.length })}</p>
      {current === 'mulai' && <Intro app={app} back={back} onNext={() => go(1)} />}
      {current === 'perbaikan' && <FixIntro app={app} back={back} onNext={() => go(1)} />}
      {requirement && <DocumentStep key={requirement.documentCode} app={app} requirement={requirement} back={back} onNext={next} />}
      {current === 'catatan' && <NoteStep app={app} back={back} onNext={next} />}
      {current === 'penyerahan' && <DeliveryStep app={app} back={back} onNext={next} />}
      {current === 'periksa' && <CheckAnswers app={app} back={back} base={base} />}
      {current !== 'periksa' && (
        <p className="section">
          <Link href="/saya/permohonan">{m.form.saveLater}</Link>
        </p>
      )}
    </div>
  );
}

type StepProps = { app: Application; back: { href: string; label: string }; onNext(): void };

function Intro({ app, back, onNext }: StepProps) {
  const { m, tx, fmt } = useM();
  return (
    <>
      <PageHeader title={tx(app.service.name)} lead={m.form.introLead} back={back} />
      <h2>{m.form.introDocs}</h2>
      <ul className="doc-list">
        {app.requirements.map((r) => (
          <li key={r.documentCode}>
            <span>
              {tx(r.name)}
              {r.note && <span className="doc-list__note">{tx(r.note)}</span>}
            </span>
            <span className="muted">{r.optional ? m.form.optional : m.form.required}</span>
          </li>
        ))}
      </ul>
      <h2>{m.form.introTime}</h2>
      <p>{app.sla.workingDays > 0 ? fmt(m.form.introTimeValue, { n: app.sla.workingDays }) : m.form.introTimeSame}</p>
      <p className="muted">{m.form.introFormats}</p>
      <div className="btn-row">
        <Button onClick={onNext}>{m.form.start}</Button>
      </div>
    </>
  );
}

function FixIntro({ app, back, onNext }: StepProps) {
  const { m } = useM();
  const note = [...app.timeline].reverse().find((e) => e.action === 'return')?.note;
  return (
    <>
      <PageHeader title={m.form.fixTitle} lead={m.form.fixLead} back={back} />
      {note && (
        <Alert tone="warning" title={m.detail.fixNote}>
          <p data-testid="fix-note">{note}</p>
        </Alert>
      )}
      <div className="btn-row">
        <Button onClick={onNext}>{m.form.continue}</Button>
      </div>
    </>
  );
}

function DocumentStep({ app, requirement, back, onNext }: StepProps & { requirement: Requirement }) {
  const { m, tx, fmt, lang } = useM();
  const [doc, setDoc] = useState<DocumentView | null>(requirement.document);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = tx(requirement.name);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      const uploaded = await uploadFile<DocumentView>(`/api/applications/${app.number}/documents/${requirement.documentCode}`, file, setProgress);
      setDoc(uploaded);
    } catch (e) {
      setError(e instanceof ApiError ? e.detail || e.title : String(e));
    } finally {
      setProgress(null);
    }
  };
  const proceed = () => {
    if (!doc && !requirement.optional) {
      setError(m.form.mustUpload);
      return;
    }
    onNext();
  };
  return (
    <>
      <PageHeader title={fmt(m.form.uploadTitle, { name })} lead={requirement.note ? tx(requirement.note) : undefined} back={back} />
      {doc && (
        <div className="uploaded" data-testid="uploaded">
          <span aria-hidden="true">✓</span>
          <span>
            {fmt(m.form.uploaded, { name: doc.originalName ?? requirement.documentCode, kind: fileKind(doc.mediaType), size: formatSize(doc.size, lang) })}{' '}
            <a href={doc.url} target="_blank" rel="noreferrer">
              {m.detail.open}
            </a>
          </span>
        </div>
      )}
      <div className="upload-box">
        <Field label={doc ? m.form.replace : fmt(m.form.uploadLabel, { name })} hint={m.form.uploadHint} error={error}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              disabled={progress !== null}
              onChange={(e) => void choose(e.target.files?.[0])}
            />
          )}
        </Field>
        {progress !== null && (
          <div role="status" aria-live="polite">
            {fmt(m.form.uploading, { pct: Math.round(progress * 100) })}
            <div className="progress" aria-hidden="true">
              <div className="progress__bar" style={{ width: `${Math.round(progress * 100)}%` }} />
            </div>
          </div>
        )}
      </div>
      <div className="btn-row">
        <Button onClick={proceed} busy={progress !== null}>
          {m.form.continue}
        </Button>
        {requirement.optional && !doc && (
          <Button variant="secondary" onClick={onNext}>
            {m.form.skip}
          </Button>
        )}
      </div>
    </>
  );
}

function NoteStep({ app, back, onNext }: StepProps) {
  const { m } = useM();
  const [note, setNote] = useState(app.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.patch(`/api/applications/${app.number}`, { note: note.trim() || null });
      onNext();
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={save} noValidate>
      <PageHeader title={m.form.noteTitle} back={back} />
      <ErrorAlert error={error} shownFields={['note']} />
      <Field label={m.form.noteLabel} hint={m.form.noteHint} optional error={error?.fields.note}>
        {(control) => <textarea {...control} className="textarea" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="btn-row">
        <Button type="submit" busy={busy}>
          {m.form.continue}
        </Button>
      </div>
    </form>
  );
}

function DeliveryStep({ app, back, onNext }: StepProps) {
  const { m } = useM();
  const [choice, setChoice] = useState(app.delivery ?? app.workflow.deliveries[0]!);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api.patch(`/api/applications/${app.number}`, { delivery: choice });
      onNext();
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={save}>
      <PageHeader title={m.form.deliveryTitle} back={back} />
      <ErrorAlert error={error} />
      <fieldset className="fieldset">
        <legend className="sr-only">{m.form.deliveryTitle}</legend>
        <ul className="radio-list">
          {app.workflow.deliveries.map((d) => (
            <li key={d}>
              <label>
                <input type="radio" name="delivery" value={d} checked={choice === d} onChange={() => setChoice(d)} />
                <span>
                  {m.form.delivery[d] ?? d}
                  <small>{m.form.deliveryHint[d]}</small>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="btn-row">
        <Button type="submit" busy={busy}>
          {m.form.continue}
        </Button>
      </div>
    </form>
  );
}

function CheckAnswers({ app, back, base }: { app: Application; back: { href: string; label: string }; base: string }) {
  const { m, tx, lang } = useM();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const fixing = app.status === 'perlu_perbaikan';
  useEffect(() => {
    setError(null);
  }, [app.version]);
  const send = async () => {
    setBusy(true);
    setError(null);
    const scope = `submit:${app.number}:${app.version}`;
    try {
      await postWithKey<Application>(`/api/applications/${app.number}/submit`, {}, idempotencyKey(scope));
      forgetKey(scope);
      navigate(`/saya/permohonan/${app.number}/terkirim`);
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
      setBusy(false);
    }
  };
  const row = (label: string, value: React.ReactNode, href: string, key: string) => (
    <div className="summary__row" key={key}>
      <dt>{label}</dt>
      <dd>{value}</dd>
      <dd>
        <Link href={href}>
          {m.form.change}
          <span className="sr-only"> {label}</span>
        </Link>
      </dd>
    </div>
  );
  return (
    <>
      <PageHeader title={m.form.checkTitle} lead={m.form.checkLead} back={back} />
      <ErrorAlert error={error} />
      <dl className="summary">
        <div className="summary__row">
          <dt>{m.form.service}</dt>
          <dd>{tx(app.service.name)}</dd>
          <dd />
        </div>
        <div className="summary__row">
          <dt>{m.form.applicant}</dt>
          <dd>
            {app.applicant.name} · NIK {app.applicant.nikMasked}
          </dd>
          <dd />
        </div>
        {app.requirements.map((r) =>
          row(
            tx(r.name),
            r.document ? (
              `${r.document.originalName ?? r.documentCode} (${fileKind(r.document.mediaType)}, ${formatSize(r.document.size, lang)})`
            ) : (
              <span className={r.optional ? 'muted' : 'late-text'}>{r.optional ? m.form.optional : m.form.missing}</span>
            ),
            `${base}/dokumen-${r.documentCode}`,
            r.documentCode,
          ),
        )}
        {row(m.form.note, app.note || <span className="muted">{m.form.noNote}</span>, `${base}/catatan`, 'note')}
        {!fixing && app.workflow.deliveries.length > 1 && row(m.form.deliveryTitle, m.form.delivery[app.delivery ?? ''] ?? '—', `${base}/penyerahan`, 'delivery')}
      </dl>
      <p>{m.form.declaration}</p>
      <div className="btn-row">
        <Button onClick={() => void send()} busy={busy} disabled={app.missingDocuments.length > 0}>
          {fixing ? m.form.resubmit : m.form.submit}
        </Button>
      </div>
    </>
  );
}

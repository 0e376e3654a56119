import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { Alert, Button, Card, ErrorAlert, Loading, PageHeader, SelectField, TextField } from '../../kit/index.ts';
import { useApi } from '../../use-api.ts';
import { fill, useAA } from './messages.ts';
import { AgencyPicker, integrationPath, useAgencyChoice, type Integration } from './shared.tsx';
import './admin-applications.css';

const FIELDS = ['name', 'phone', 'email', 'locale'] as const;
type Supervisor = Integration['supervisor'];

function SupervisorForm({ integration, onSaved }: { integration: Integration; onSaved(next: Integration): void }) {
  const { m } = useAA();
  const current = integration.supervisor;
  const [name, setName] = useState(current.name ?? '');
  const [phone, setPhone] = useState(current.phone ?? '');
  const [email, setEmail] = useState(current.email ?? '');
  const [locale, setLocale] = useState<Supervisor['locale']>(current.locale);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'clear' | null>(null);

  async function send(body: { name: string | null; phone: string | null; email: string | null; locale: Supervisor['locale'] }, mode: 'save' | 'clear') {
    setBusy(mode);
    setFailure(null);
    setNotice(null);
    try {
      const saved = await api.put<Integration>(`${integrationPath(integration.agency.code)}/supervisor`, body);
      setErrors({});
      setName(saved.supervisor.name ?? '');
      setPhone(saved.supervisor.phone ?? '');
      setEmail(saved.supervisor.email ?? '');
      setLocale(saved.supervisor.locale);
      setNotice(mode === 'clear' ? m.supervisor.cleared : m.common.saved);
      onSaved(saved);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setErrors(err.fields);
      setFailure(err);
    } finally {
      setBusy(null);
    }
  }

  const hasSupervisor = Boolean(current.phone || current.email);
  return (
    <Card title={m.supervisor.form}>
      <p className="muted">
        {m.supervisor.current}: {hasSupervisor ? [current.name, current.phone, current.email].filter(Boolean).join(' · ') : m.supervisor.none}
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}
      <form
        noValidate
        className="stack"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void send({ name: name.trim() || null, phone: phone.trim() || null, email: email.trim() || null, locale }, 'save');
        }}
      >
        <ErrorAlert error={failure} shownFields={FIELDS} />
        <TextField label={m.supervisor.name} hint={m.supervisor.nameHint} error={errors.name} name="name" autoComplete="off" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        <p className="muted aa-reach">{m.supervisor.reach}</p>
        <div className="form-grid form-grid--2">
          <TextField label={m.supervisor.phone} hint={m.supervisor.phoneHint} error={errors.phone} name="phone" type="tel" inputMode="tel" autoComplete="off" maxLength={30} value={phone} onChange={(e) => setPhone(e.target.value)} />
          <TextField label={m.supervisor.email} hint={m.supervisor.emailHint} error={errors.email} name="email" type="email" autoComplete="off" maxLength={200} value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="form-grid form-grid--2">
          <SelectField label={m.supervisor.locale} error={errors.locale} name="locale" value={locale} onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'id')}>
            <option value="id">{m.common.lang.id}</option>
            <option value="en">{m.common.lang.en}</option>
          </SelectField>
        </div>
        <div className="btn-row">
          <Button type="submit" busy={busy === 'save'}>
            {busy === 'save' ? m.common.saving : m.common.save}
          </Button>
          {hasSupervisor && (
            <Button
              variant="danger"
              busy={busy === 'clear'}
              onClick={() => {
                if (window.confirm(fill(m.supervisor.clearConfirm, { agency: integration.agency.shortName }))) void send({ name: null, phone: null, email: null, locale: 'id' }, 'clear');
              }}
            >
              {m.supervisor.clear}
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}

/** /admin/pengawas-sla: per agency, who is alerted when its applications are late. */
export function SupervisorAdmin() {
  const { m } = useAA();
  const [code, setCode] = useAgencyChoice();
  const loaded = useApi<Integration>(code ? `${integrationPath(code)}/integration` : null);
  const [saved, setSaved] = useState<Integration | null>(null);
  const integration = saved?.agency.code === code ? saved : loaded.data?.agency.code === code ? loaded.data : null;

  return (
    <>
      <PageHeader title={m.supervisor.title} lead={m.supervisor.lead} back={{ href: '/admin', label: m.back }} />
      <AgencyPicker value={code} onChange={setCode} />
      {code && (
        <>
          <ErrorAlert error={loaded.error} />
          {loaded.loading && !integration ? <Loading /> : integration ? <SupervisorForm key={code} integration={integration} onSaved={setSaved} /> : null}
        </>
      )}
    </>
  );
}

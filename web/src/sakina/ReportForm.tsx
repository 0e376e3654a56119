import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api.ts';
import { Alert, Button, ButtonLink, Card, ErrorAlert, Loading, PageHeader, SelectField, TextField } from '../kit/index.ts';
import { useApi } from '../use-api.ts';
import { useF } from './field-messages.ts';
import { useS } from './messages.ts';
import { PendingReports, useReportQueue } from './PendingReports.tsx';
import type { Village } from './types.ts';

const FIELDS = ['name', 'villageId', 'nik', 'birthDate', 'dusun', 'rt', 'rw', 'phone', 'familyName', 'familyPhone', 'hpht', 'note'] as const;
type Form = Record<(typeof FIELDS)[number], string>;
const EMPTY: Form = { name: '', villageId: '', nik: '', birthDate: '', dusun: '', rt: '', rw: '', phone: '', familyName: '', familyPhone: '', hpht: '', note: '' };

/** /sakina/lapor: a kader or village official tells the midwife about a new pregnancy. */
export function ReportForm() {
  const s = useS();
  const villages = useApi<{ items: Village[] }>('/api/sakina/villages');
  const [form, setForm] = useState<Form>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState<{ possibleDuplicates: number } | { queued: true } | null>(null);
  const queue = useReportQueue();
  const fm = useF();
  // One id per report: a double tap or a retry on a weak signal records it once.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const set = (key: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const villageId = form.villageId || villages.data?.items[0]?.id || '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = Object.fromEntries(Object.entries({ ...form, villageId }).map(([k, v]) => [k, v === '' ? null : v]));
      // No signal, or the request dies on the way: the report stays on the phone with its client id.
      const outcome = await queue.submit<{ possibleDuplicates: number }>(clientId, body);
      setSent(outcome.kind === 'sent' ? outcome.result : { queued: true });
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <>
        <PageHeader title={s.report.title} back={{ href: '/sakina', label: s.back }} />
        {'queued' in sent && queue.pending.some((r) => r.clientId === clientId) ? (
          <Alert tone="warning" title={fm.offline.savedOnPhone} />
        ) : (
          <Alert tone="success" title={s.report.sent}>
            {'possibleDuplicates' in sent && sent.possibleDuplicates > 0 && <p>{s.report.duplicate}</p>}
          </Alert>
        )}
        <PendingReports queue={queue} />
        <div className="btn-row section">
          <Button
            onClick={() => {
              setForm({ ...EMPTY, villageId });
              setClientId(crypto.randomUUID());
              setSent(null);
            }}
          >
            {s.report.another}
          </Button>
          <ButtonLink href="/sakina" variant="secondary">
            {s.back}
          </ButtonLink>
        </div>
      </>
    );
  }

  const f = error?.fields ?? {};
  return (
    <>
      <PageHeader title={s.report.title} lead={s.report.lead} back={{ href: '/sakina', label: s.back }} />
      {villages.loading && <Loading />}
      <PendingReports queue={queue} />
      <form onSubmit={submit} noValidate>
        <ErrorAlert error={error} shownFields={FIELDS} />
        <Card>
          <TextField label={s.fields.name} value={form.name} onChange={set('name')} error={f.name} required autoComplete="off" />
          <SelectField label={s.fields.village} value={villageId} onChange={set('villageId')} error={f.villageId}>
            {villages.data?.items.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </SelectField>
          <TextField label={s.fields.dusun} optional value={form.dusun} onChange={set('dusun')} error={f.dusun} />
          <div className="sk-row sk-row--tight">
            <TextField label={s.fields.rt} optional inputMode="numeric" value={form.rt} onChange={set('rt')} error={f.rt} />
            <TextField label={s.fields.rw} optional inputMode="numeric" value={form.rw} onChange={set('rw')} error={f.rw} />
          </div>
          <TextField label={s.fields.phone} optional hint={s.hints.phone} type="tel" inputMode="tel" value={form.phone} onChange={set('phone')} error={f.phone} />
          <TextField label={s.fields.nik} optional hint={s.hints.nik} inputMode="numeric" value={form.nik} onChange={set('nik')} error={f.nik} />
          <TextField label={s.fields.birthDate} optional type="date" value={form.birthDate} onChange={set('birthDate')} error={f.birthDate} />
          <TextField label={s.fields.hpht} optional hint={s.hints.hpht} type="date" value={form.hpht} onChange={set('hpht')} error={f.hpht} />
          <div className="sk-row">
            <TextField label={s.fields.familyName} optional value={form.familyName} onChange={set('familyName')} error={f.familyName} />
            <TextField label={s.fields.familyPhone} optional type="tel" inputMode="tel" value={form.familyPhone} onChange={set('familyPhone')} error={f.familyPhone} />
          </div>
          <TextField label={s.fields.note} optional value={form.note} onChange={set('note')} error={f.note} />
          <Button type="submit" block busy={busy}>
            {s.report.submit}
          </Button>
        </Card>
      </form>
    </>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api, ApiError } from '../api.ts';
import { useLang } from '../i18n/use-lang.ts';
import { Alert, Button, Card, ErrorAlert, Loading, PageHeader, SelectField, TextField } from '../kit/index.ts';
import { useApi } from '../use-api.ts';
import { useS } from './messages.ts';
import type { Record_, Village } from './types.ts';
import { addDays, formatDay, todayWib } from './util.tsx';

const TEXT = ['name', 'nik', 'villageId', 'dusun', 'rt', 'rw', 'address', 'phone', 'familyName', 'familyRelation', 'familyPhone', 'hpht', 'lastBirthDate', 'bpjsNumber'] as const;
const NUMBERS = ['gravida', 'para', 'abortus', 'livingChildren', 'heightCm'] as const;
type Form = Record<(typeof TEXT)[number] | (typeof NUMBERS)[number], string>;
const FIELDS = [...TEXT, ...NUMBERS];

type Duplicate = { id: string | null; name: string | null; village: string | null; puskesmas: string; status: string | null; dueDate: string | null; sameNik: boolean };

function fromRecord(r: Record_ | null): Form {
  return {
    name: r?.name ?? '',
    nik: r?.nik ?? '',
    villageId: r?.village.id ?? '',
    dusun: r?.address?.dusun ?? '',
    rt: r?.address?.rt ?? '',
    rw: r?.address?.rw ?? '',
    address: r?.address?.text ?? '',
    phone: r?.phone ?? '',
    familyName: r?.family?.name ?? '',
    familyRelation: r?.family?.relation ?? 'suami',
    familyPhone: r?.family?.phone ?? '',
    hpht: r?.hpht ?? '',
    lastBirthDate: '',
    bpjsNumber: r?.bpjs ?? '',
    gravida: r?.obstetricHistory?.gravida?.toString() ?? '',
    para: r?.obstetricHistory?.para?.toString() ?? '',
    abortus: r?.obstetricHistory?.abortus?.toString() ?? '0',
    livingChildren: r?.obstetricHistory?.livingChildren?.toString() ?? '',
    heightCm: r?.obstetricHistory?.heightCm?.toString() ?? '',
  };
}

/** /sakina/daftar (register) and /sakina/ibu/:id/konfirmasi (confirm a kader's report): the midwife's full form. */
export function RegisterForm({ params }: { params?: { id?: string } }) {
  const id = params?.id ?? null;
  const s = useS();
  const lang = useLang();
  const [, navigate] = useLocation();
  const villages = useApi<{ items: Village[] }>('/api/sakina/villages');
  const record = useApi<Record_>(id ? `/api/sakina/pregnancies/${id}` : null);
  const [form, setForm] = useState<Form>(fromRecord(null));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [duplicates, setDuplicates] = useState<Duplicate[]>([]);
  const [notDuplicateOf, setNotDuplicateOf] = useState<string[]>([]);
  const [clientId] = useState(() => crypto.randomUUID());

  useEffect(() => {
    if (record.data) setForm(fromRecord(record.data));
  }, [record.data]);

  const set = (key: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const villageId = form.villageId || villages.data?.items[0]?.id || '';
  const hpl = form.hpht && /^\d{4}-\d{2}-\d{2}$/.test(form.hpht) ? addDays(form.hpht, 280) : null;

  const body = () => {
    const out: Record<string, unknown> = { notDuplicateOf };
    for (const k of TEXT) out[k] = form[k].trim() === '' ? null : form[k].trim();
    for (const k of NUMBERS) out[k] = form[k].trim() === '' ? null : Number(form[k]);
    out.villageId = villageId;
    if (!id) out.clientId = clientId;
    return out;
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = id ? await api.post<{ id: string }>(`/api/sakina/pregnancies/${id}/confirm`, body()) : await api.post<{ id: string }>('/api/sakina/pregnancies', body());
      navigate(`/sakina/ibu/${saved.id}`);
    } catch (err) {
      const apiError = err as ApiError;
      setError(apiError);
      if (apiError.status === 409) {
        try {
          const found = await api.post<{ items: Duplicate[] }>('/api/sakina/duplicates', { nik: form.nik || null, name: form.name, villageId, excludeId: id });
          setDuplicates(found.items);
        } catch {
          setDuplicates([]);
        }
      }
    } finally {
      setBusy(false);
    }
  };

  const merge = async (into: string) => {
    if (!id) return;
    setBusy(true);
    try {
      await api.post(`/api/sakina/pregnancies/${id}/merge`, { into });
      navigate(`/sakina/ibu/${into}`);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  };

  if ((id && record.loading && !record.data) || (villages.loading && !villages.data)) return <Loading />;
  const f = error?.fields ?? {};
  const title = id ? s.register.confirmTitle : s.register.title;
  return (
    <>
      <PageHeader title={title} lead={s.register.lead} back={id ? { href: `/sakina/ibu/${id}`, label: s.backToRecord } : { href: '/sakina', label: s.back }} />
      {record.data?.report?.note && (
        <Alert tone="info" title={`${s.fields.reportedBy}: ${record.data.report.reportedBy ?? ''}`}>
          <p>{record.data.report.note}</p>
        </Alert>
      )}
      <form onSubmit={submit} noValidate className="sk-sections">
        <ErrorAlert error={error} shownFields={FIELDS} />
        {duplicates.length > 0 && (
          <Card title={s.register.duplicatesTitle} className="sk-dup">
            <p>{s.register.duplicatesLead}</p>
            <ul className="sk-list">
              {duplicates.map((d, i) => (
                <li key={d.id ?? `x${i}`} className="sk-item">
                  {d.id ? (
                    <>
                      <div className="sk-item__name">{d.name}</div>
                      <div className="sk-item__meta">
                        {s.inVillage(d.village ?? "")} · {d.status ? s.status[d.status] : ''} · {s.fields.hpl} {formatDay(d.dueDate, lang)}
                        {d.sameNik ? ' · NIK =' : ''}
                      </div>
                      <div className="btn-row">
                        {!d.sameNik && (
                          <Button size="small" variant="secondary" disabled={notDuplicateOf.includes(d.id)} onClick={() => setNotDuplicateOf([...notDuplicateOf, d.id!])}>
                            {s.register.notSame}
                            {notDuplicateOf.includes(d.id) ? ' ✓' : ''}
                          </Button>
                        )}
                        {id && (
                          <Button size="small" busy={busy} onClick={() => merge(d.id!)}>
                            {s.register.merge}
                          </Button>
                        )}
                      </div>
                    </>
                  ) : (
                    <p>{s.register.elsewhere(d.puskesmas)}</p>
                  )}
                </li>
              ))}
            </ul>
          </Card>
        )}
        <Card title={s.record.identity}>
          <TextField label={s.fields.name} value={form.name} onChange={set('name')} error={f.name} required />
          <TextField label={s.fields.nik} inputMode="numeric" value={form.nik} onChange={set('nik')} error={f.nik} required autoComplete="off" />
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
          <TextField label={s.fields.address} optional value={form.address} onChange={set('address')} error={f.address} />
          <TextField label={s.fields.phone} optional type="tel" inputMode="tel" hint={s.hints.phone} value={form.phone} onChange={set('phone')} error={f.phone} />
          <div className="sk-row">
            <TextField label={s.fields.familyName} optional value={form.familyName} onChange={set('familyName')} error={f.familyName} />
            <TextField label={s.fields.familyRelation} optional value={form.familyRelation} onChange={set('familyRelation')} error={f.familyRelation} />
          </div>
          <TextField label={s.fields.familyPhone} optional type="tel" inputMode="tel" value={form.familyPhone} onChange={set('familyPhone')} error={f.familyPhone} />
          <TextField label={s.fields.bpjs} optional inputMode="numeric" value={form.bpjsNumber} onChange={set('bpjsNumber')} error={f.bpjsNumber} />
        </Card>
        <Card title={s.record.pregnancy}>
          <TextField label={s.fields.hpht} type="date" max={todayWib()} value={form.hpht} onChange={set('hpht')} error={f.hpht} hint={hpl ? s.hints.hplAuto(formatDay(hpl, lang)) : undefined} required />
          <div className="sk-row sk-row--3 sk-row--tight">
            <TextField label={s.fields.gravida} inputMode="numeric" value={form.gravida} onChange={set('gravida')} error={f.gravida} />
            <TextField label={s.fields.para} inputMode="numeric" value={form.para} onChange={set('para')} error={f.para} />
            <TextField label={s.fields.abortus} inputMode="numeric" value={form.abortus} onChange={set('abortus')} error={f.abortus} />
          </div>
          <p className="sk-muted-note">{s.hints.gpa}</p>
          <div className="sk-row sk-row--tight">
            <TextField label={s.fields.livingChildren} optional inputMode="numeric" value={form.livingChildren} onChange={set('livingChildren')} error={f.livingChildren} />
            <TextField label={s.fields.heightCm} optional inputMode="numeric" value={form.heightCm} onChange={set('heightCm')} error={f.heightCm} />
          </div>
          <TextField label={s.fields.lastBirthDate} optional type="date" value={form.lastBirthDate} onChange={set('lastBirthDate')} error={f.lastBirthDate} />
        </Card>
        <Button type="submit" block busy={busy}>
          {id ? s.register.confirm : s.register.submit}
        </Button>
      </form>
    </>
  );
}

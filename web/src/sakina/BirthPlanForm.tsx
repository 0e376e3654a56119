import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api, ApiError } from '../api.ts';
import { Alert, Button, Card, ErrorAlert, Loading, PageHeader, SelectField, TextField } from '../kit/index.ts';
import { useApi } from '../use-api.ts';
import { useS } from './messages.ts';
import type { BirthPlan, Donor, Record_ } from './types.ts';
import { setFlash } from './util.tsx';

const EMPTY_DONOR: Donor = { name: '', bloodType: '', phone: '', relation: '' };

function planFor(r: Record_ | null): BirthPlan {
  const krst = r?.category === 'KRST' || r?.kspr?.emergency;
  return (
    r?.birthPlan ?? {
      attendant: krst ? 'obstetrician' : 'midwife',
      attendantName: '',
      place: krst ? 'hospital' : 'puskesmas',
      placeName: krst ? 'RSUD Genteng' : r?.puskesmas.name ?? '',
      companionName: r?.family?.name ?? '',
      companionRelation: r?.family?.relation ?? '',
      transport: 'village_ambulance',
      transportDetail: r ? `Ambulans Desa ${r.village.name}` : '',
      transportPhone: '',
      donors: [EMPTY_DONOR, EMPTY_DONOR, EMPTY_DONOR, EMPTY_DONOR],
      funding: r?.bpjs ? ['bpjs'] : [],
      bpjsNumber: r?.bpjs ?? '',
      contraception: 'undecided',
      motherBloodType: '',
    }
  );
}

/** /sakina/ibu/:id/p4k — the birth plan: attendant, place, companion, transport, four donors, funding, contraception. */
export function BirthPlanForm({ params }: { params: { id: string } }) {
  const s = useS();
  const [, navigate] = useLocation();
  const record = useApi<Record_>(`/api/sakina/pregnancies/${params.id}`);
  const [plan, setPlan] = useState<BirthPlan>(planFor(null));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [warnings, setWarnings] = useState<{ field: string; message: string }[]>([]);
  useEffect(() => {
    if (record.data) setPlan(planFor(record.data));
  }, [record.data]);

  if (record.loading && !record.data) return <Loading />;
  const r = record.data;
  if (!r) return <ErrorAlert error={record.error} />;
  const set = (key: keyof BirthPlan) => (e: { target: { value: string } }) => setPlan({ ...plan, [key]: e.target.value });
  const setDonor = (i: number, key: keyof Donor) => (e: { target: { value: string } }) => setPlan({ ...plan, donors: plan.donors.map((d, j) => (j === i ? { ...d, [key]: e.target.value } : d)) });
  const toggleFunding = (value: string) => setPlan({ ...plan, funding: plan.funding.includes(value) ? plan.funding.filter((x) => x !== value) : [...plan.funding, value] });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { ...plan, donors: plan.donors.filter((d) => d.name || d.phone || d.bloodType), bpjsNumber: plan.bpjsNumber || null, transportPhone: plan.transportPhone || null, motherBloodType: plan.motherBloodType || null, attendantName: plan.attendantName || null };
      const result = await api.put<{ warnings: { field: string; message: string }[] }>(`/api/sakina/pregnancies/${r.id}/birth-plan`, body);
      if (result.warnings.length) {
        setWarnings(result.warnings);
        window.scrollTo({ top: 0 });
      } else {
        setFlash(s.saved);
        navigate(`/sakina/ibu/${r.id}`);
      }
    } catch (err) {
      setError(err as ApiError);
      window.scrollTo({ top: 0 });
    } finally {
      setBusy(false);
    }
  };
  const f = error?.fields ?? {};
  const options = (map: Record<string, string>) =>
    Object.entries(map).map(([k, v]) => (
      <option key={k} value={k}>
        {v}
      </option>
    ));
  const shown = ['attendant', 'attendantName', 'place', 'placeName', 'companionName', 'companionRelation', 'transport', 'transportDetail', 'transportPhone', 'donors', 'funding', 'bpjsNumber', 'contraception', 'motherBloodType', ...plan.donors.flatMap((_, i) => [`donors.${i}.name`, `donors.${i}.bloodType`, `donors.${i}.phone`])];

  return (
    <>
      <PageHeader title={s.plan.title} lead={r.name} back={{ href: `/sakina/ibu/${r.id}`, label: s.backToRecord }} />
      {warnings.length > 0 && (
        <Alert tone="warning" title={`${s.saved} ${s.plan.warnings}`}>
          <ul>
            {warnings.map((w) => (
              <li key={w.field}>{w.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      <form onSubmit={submit} noValidate className="sk-sections">
        <ErrorAlert error={error} shownFields={shown} />
        <Card>
          <div className="sk-row">
            <SelectField label={s.plan.attendant} value={plan.attendant} onChange={set('attendant')} error={f.attendant}>
              {options(s.plan.attendants)}
            </SelectField>
            <TextField label={s.plan.attendantName} optional value={plan.attendantName ?? ''} onChange={set('attendantName')} />
          </div>
          <div className="sk-row">
            <SelectField label={s.plan.place} value={plan.place} onChange={set('place')} error={f.place}>
              {options(s.plan.places)}
            </SelectField>
            <TextField label={s.plan.placeName} value={plan.placeName} onChange={set('placeName')} error={f.placeName} />
          </div>
          <div className="sk-row">
            <TextField label={s.plan.companion} value={plan.companionName} onChange={set('companionName')} error={f.companionName} />
            <TextField label={s.plan.companionRelation} optional value={plan.companionRelation ?? ''} onChange={set('companionRelation')} />
          </div>
          <SelectField label={s.plan.transport} value={plan.transport} onChange={set('transport')} error={f.transport}>
            {options(s.plan.transports)}
          </SelectField>
          <div className="sk-row">
            <TextField label={s.plan.transportDetail} value={plan.transportDetail ?? ''} onChange={set('transportDetail')} error={f.transportDetail} />
            <TextField label={s.plan.transportPhone} optional type="tel" inputMode="tel" value={plan.transportPhone ?? ''} onChange={set('transportPhone')} error={f.transportPhone} />
          </div>
        </Card>
        <Card title={s.plan.donors}>
          {f.donors && <p className="field__error">{f.donors}</p>}
          <TextField label={s.plan.motherBloodType} optional value={plan.motherBloodType ?? ''} onChange={set('motherBloodType')} error={f.motherBloodType} />
          {plan.donors.map((d, i) => (
            <fieldset key={i} className="sk-donor">
              <legend>{s.plan.donor(i + 1)}</legend>
              <TextField label={s.plan.donorName} value={d.name} onChange={setDonor(i, 'name')} error={f[`donors.${i}.name`]} />
              <div className="sk-row sk-row--tight sk-row--donor">
                <TextField label={s.plan.bloodType} value={d.bloodType} onChange={setDonor(i, 'bloodType')} error={f[`donors.${i}.bloodType`]} />
                <TextField label={s.plan.donorPhone} type="tel" inputMode="tel" value={d.phone} onChange={setDonor(i, 'phone')} error={f[`donors.${i}.phone`]} />
              </div>
            </fieldset>
          ))}
          <Button variant="secondary" size="small" className="section" onClick={() => setPlan({ ...plan, donors: [...plan.donors, EMPTY_DONOR] })}>
            {s.plan.addDonor}
          </Button>
        </Card>
        <Card>
          <fieldset className="sk-radios">
            <legend>{s.plan.funding}</legend>
            {Object.entries(s.plan.fundings).map(([k, v]) => (
              <label key={k}>
                <input type="checkbox" checked={plan.funding.includes(k)} onChange={() => toggleFunding(k)} /> {v}
              </label>
            ))}
          </fieldset>
          {f.funding && <p className="field__error">{f.funding}</p>}
          {plan.funding.includes('bpjs') && <TextField label={s.plan.bpjs} inputMode="numeric" value={plan.bpjsNumber ?? ''} onChange={set('bpjsNumber')} error={f.bpjsNumber} />}
          <SelectField label={s.plan.contraception} value={plan.contraception} onChange={set('contraception')} error={f.contraception}>
            {options(s.plan.contraceptions)}
          </SelectField>
        </Card>
        <Button type="submit" block busy={busy}>
          {s.plan.submit}
        </Button>
      </form>
    </>
  );
}

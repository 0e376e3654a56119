import { useEffect, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api, ApiError } from '../api.ts';
import { Button, Card, ErrorAlert, Loading, PageHeader, SelectField, TextField } from '../kit/index.ts';
import { useApi } from '../use-api.ts';
import { useS } from './messages.ts';
import type { Record_ } from './types.ts';
import { setFlash, todayWib } from './util.tsx';

type Baby = { sex: 'F' | 'M'; weightGrams: string; status: 'alive' | 'stillborn' | 'died'; diedOn: string };
const NEW_BABY: Baby = { sex: 'F', weightGrams: '', status: 'alive', diedOn: '' };

/** /sakina/ibu/:id/persalinan — the delivery: date, place, attendant, mode, mother and babies. */
export function OutcomeForm({ params }: { params: { id: string } }) {
  const s = useS();
  const [, navigate] = useLocation();
  const record = useApi<Record_>(`/api/sakina/pregnancies/${params.id}`);
  const [kind, setKind] = useState<'birth' | 'loss'>('birth');
  const [date, setDate] = useState(todayWib());
  const [time, setTime] = useState('');
  const [placeKind, setPlaceKind] = useState('hospital');
  const [placeName, setPlaceName] = useState('');
  const [attendant, setAttendant] = useState('obstetrician');
  const [attendantName, setAttendantName] = useState('');
  const [mode, setMode] = useState('spontaneous');
  const [motherStatus, setMotherStatus] = useState<'alive' | 'died'>('alive');
  const [motherDiedOn, setMotherDiedOn] = useState('');
  const [babies, setBabies] = useState<Baby[]>([NEW_BABY]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const plan = record.data?.birthPlan;
  useEffect(() => {
    // The plan said where and with whom: most births go as planned.
    if (!plan) return;
    const place = plan.place === 'poskesdes' ? 'poskesdes' : plan.place;
    setPlaceKind(place);
    setPlaceName(plan.placeName);
    setAttendant(plan.attendant === 'obstetrician' ? 'obstetrician' : plan.attendant === 'doctor' ? 'doctor' : 'midwife');
    setAttendantName(plan.attendantName ?? '');
  }, [plan]);

  if (record.loading && !record.data) return <Loading />;
  const r = record.data;
  if (!r) return <ErrorAlert error={record.error} />;
  const options = (map: Record<string, string>) =>
    Object.entries(map).map(([k, v]) => (
      <option key={k} value={k}>
        {v}
      </option>
    ));
  const setBaby = (i: number, key: keyof Baby) => (e: { target: { value: string } }) => setBabies(babies.map((b, j) => (j === i ? { ...b, [key]: e.target.value } : b)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/sakina/pregnancies/${r.id}/outcome`, {
        kind,
        deliveryDate: date,
        deliveryTime: time || null,
        placeKind,
        placeName: placeName || null,
        attendant,
        attendantName: attendantName || null,
        mode: kind === 'birth' ? mode : null,
        motherStatus,
        motherDiedOn: motherStatus === 'died' ? motherDiedOn || date : null,
        babies: kind === 'birth' ? babies.map((b) => ({ sex: b.sex, weightGrams: b.weightGrams ? Number(b.weightGrams) : null, status: b.status, diedOn: b.status === 'died' ? b.diedOn || date : null })) : [],
      });
      setFlash(s.outcome.saved);
      navigate(`/sakina/ibu/${r.id}`);
    } catch (err) {
      setError(err as ApiError);
      window.scrollTo({ top: 0 });
    } finally {
      setBusy(false);
    }
  };
  const f = error?.fields ?? {};

  return (
    <>
      <PageHeader title={s.outcome.title} lead={r.name} back={{ href: `/sakina/ibu/${r.id}`, label: s.backToRecord }} />
      <form onSubmit={submit} noValidate className="sk-sections">
        <ErrorAlert error={error} shownFields={['deliveryDate', 'deliveryTime', 'placeName', 'attendantName', 'motherDiedOn', 'babies']} />
        <Card>
          <fieldset className="sk-radios">
            <legend>{s.outcome.kind}</legend>
            {(['birth', 'loss'] as const).map((k) => (
              <label key={k}>
                <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} /> {s.outcome.kinds[k]}
              </label>
            ))}
          </fieldset>
          <div className="sk-row sk-row--tight">
            <TextField label={s.outcome.date} type="date" max={todayWib()} value={date} onChange={(e) => setDate(e.target.value)} error={f.deliveryDate} />
            <TextField label={s.outcome.time} optional type="time" value={time} onChange={(e) => setTime(e.target.value)} error={f.deliveryTime} />
          </div>
          <div className="sk-row">
            <SelectField label={s.outcome.placeKind} value={placeKind} onChange={(e) => setPlaceKind(e.target.value)}>
              {options(s.outcome.places)}
            </SelectField>
            <TextField label={s.outcome.placeName} optional placeholder={r.birthPlan?.placeName ?? ''} value={placeName} onChange={(e) => setPlaceName(e.target.value)} error={f.placeName} />
          </div>
          <div className="sk-row">
            <SelectField label={s.outcome.attendant} value={attendant} onChange={(e) => setAttendant(e.target.value)}>
              {options(s.outcome.attendants)}
            </SelectField>
            <TextField label={s.outcome.attendantName} optional value={attendantName} onChange={(e) => setAttendantName(e.target.value)} />
          </div>
          {kind === 'birth' && (
            <SelectField label={s.outcome.mode} value={mode} onChange={(e) => setMode(e.target.value)} error={f.mode}>
              {options(s.outcome.modes)}
            </SelectField>
          )}
          <div className="sk-row">
            <SelectField label={s.outcome.mother} value={motherStatus} onChange={(e) => setMotherStatus(e.target.value as 'alive' | 'died')}>
              {options(s.outcome.motherStatuses)}
            </SelectField>
            {motherStatus === 'died' && <TextField label={s.outcome.motherDiedOn} type="date" value={motherDiedOn || date} onChange={(e) => setMotherDiedOn(e.target.value)} error={f.motherDiedOn} />}
          </div>
        </Card>
        {kind === 'birth' &&
          babies.map((b, i) => (
            <Card key={i} title={`${s.outcome.baby} ${i + 1}`}>
              <div className="sk-row">
                <SelectField label={s.outcome.sex} value={b.sex} onChange={setBaby(i, 'sex')}>
                  {options(s.outcome.sexes)}
                </SelectField>
                <TextField label={s.outcome.weight} inputMode="numeric" value={b.weightGrams} onChange={setBaby(i, 'weightGrams')} error={f[`babies.${i}.weightGrams`]} />
              </div>
              <SelectField label={s.outcome.babyStatus} value={b.status} onChange={setBaby(i, 'status')}>
                {options(s.outcome.babyStatuses)}
              </SelectField>
            </Card>
          ))}
        {kind === 'birth' && babies.length < 4 && (
          <Button variant="secondary" size="small" onClick={() => setBabies([...babies, NEW_BABY])}>
            + {s.outcome.baby}
          </Button>
        )}
        <Button type="submit" block busy={busy}>
          {s.outcome.submit}
        </Button>
      </form>
    </>
  );
}

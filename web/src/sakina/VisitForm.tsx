import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api, ApiError } from '../api.ts';
import { Button, Card, ErrorAlert, Loading, PageHeader, SelectField, TextField } from '../kit/index.ts';
import { useApi } from '../use-api.ts';
import { useLocal, useS } from './messages.ts';
import type { Category, Factor, Record_ } from './types.ts';
import { CategoryBadge, setFlash, todayWib } from './util.tsx';

/** The card's own rule, mirrored for the live total: 2 + Σ, KRR 2, KRT 6–10, KRST ≥ 12 (the server decides). */
function categoryOf(score: number): Category {
  return score >= 12 ? 'KRST' : score >= 6 ? 'KRT' : 'KRR';
}

const VITALS = ['weightKg', 'bpSystolic', 'bpDiastolic', 'hb'] as const;

/** /sakina/ibu/:id/kunjungan — an antenatal visit with the KSPR card, mobile first. */
export function VisitForm({ params }: { params: { id: string } }) {
  const s = useS();
  const local = useLocal();
  const [, navigate] = useLocation();
  const record = useApi<Record_>(`/api/sakina/pregnancies/${params.id}`);
  const factors = useApi<{ items: Factor[] }>('/api/sakina/kspr/factors');
  const [date, setDate] = useState(todayWib());
  const [place, setPlace] = useState('Polindes');
  const [examiner, setExaminer] = useState<'midwife' | 'doctor'>('midwife');
  const [examinerName, setExaminerName] = useState('');
  const [vitals, setVitals] = useState<Record<(typeof VITALS)[number], string>>({ weightKg: '', bpSystolic: '', bpDiastolic: '', hb: '' });
  const [findings, setFindings] = useState('');
  const [ticked, setTicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [clientId] = useState(() => crypto.randomUUID());

  if ((record.loading && !record.data) || (factors.loading && !factors.data)) return <Loading />;
  const r = record.data;
  if (!r || !r.kspr) return <ErrorAlert error={record.error} />;
  const found = new Set(r.kspr.factors.map((f) => f.code));
  const suggested = new Set(r.kspr.suggestedFactors.map((f) => f.code));
  const all = factors.data?.items ?? [];
  const total = 2 + all.filter((f) => found.has(f.code) || ticked.includes(f.code)).reduce((sum, f) => sum + f.score, 0);
  const toggle = (code: string) => setTicked(ticked.includes(code) ? ticked.filter((c) => c !== code) : [...ticked, code]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));
      const result = await api.post<{ kspr: { overall: { score: number; category: Category } } }>(`/api/sakina/pregnancies/${r.id}/visits`, {
        clientId,
        visitDate: date,
        place,
        examiner,
        examinerName: examinerName || null,
        weightKg: num(vitals.weightKg),
        bpSystolic: num(vitals.bpSystolic),
        bpDiastolic: num(vitals.bpDiastolic),
        hb: num(vitals.hb),
        findings: findings || null,
        factors: ticked,
      });
      setFlash(s.visit.saved(result.kspr.overall.score, result.kspr.overall.category));
      navigate(`/sakina/ibu/${r.id}`);
    } catch (err) {
      setError(err as ApiError);
      window.scrollTo({ top: 0 });
    } finally {
      setBusy(false);
    }
  };
  const f = error?.fields ?? {};
  const setVital = (k: (typeof VITALS)[number]) => (e: { target: { value: string } }) => setVitals({ ...vitals, [k]: e.target.value });

  return (
    <>
      <PageHeader title={s.visit.title} lead={`${r.name} · ${r.gestationalAge ? local(r.gestationalAge.text) : ''}`} back={{ href: `/sakina/ibu/${r.id}`, label: s.backToRecord }} />
      <form onSubmit={submit} noValidate className="sk-sections">
        <ErrorAlert error={error} shownFields={['visitDate', 'place', 'examinerName', ...VITALS, 'findings']} />
        <Card>
          <div className="sk-row">
            <TextField label={s.visit.date} type="date" max={todayWib()} value={date} onChange={(e) => setDate(e.target.value)} error={f.visitDate} />
            <SelectField label={s.visit.examiner} value={examiner} onChange={(e) => setExaminer(e.target.value as 'midwife' | 'doctor')}>
              <option value="midwife">{s.visit.examiners.midwife}</option>
              <option value="doctor">{s.visit.examiners.doctor}</option>
            </SelectField>
          </div>
          <div className="sk-row">
            <TextField label={s.visit.place} value={place} onChange={(e) => setPlace(e.target.value)} error={f.place} />
            <TextField label={s.visit.examinerName} optional value={examinerName} onChange={(e) => setExaminerName(e.target.value)} error={f.examinerName} />
          </div>
          <div className="sk-row sk-row--tight">
            <TextField label={s.visit.bpSys} inputMode="numeric" value={vitals.bpSystolic} onChange={setVital('bpSystolic')} error={f.bpSystolic} />
            <TextField label={s.visit.bpDia} inputMode="numeric" value={vitals.bpDiastolic} onChange={setVital('bpDiastolic')} error={f.bpDiastolic} />
          </div>
          <div className="sk-row sk-row--tight">
            <TextField label={s.visit.weight} inputMode="decimal" value={vitals.weightKg} onChange={setVital('weightKg')} error={f.weightKg} />
            <TextField label={s.visit.hb} inputMode="decimal" value={vitals.hb} onChange={setVital('hb')} error={f.hb} />
          </div>
          <TextField label={s.visit.findings} optional value={findings} onChange={(e) => setFindings(e.target.value)} error={f.findings} />
        </Card>
        <Card title={s.visit.card}>
          <p className="muted">{s.visit.cardLead}</p>
          {(['I', 'II', 'III'] as const).map((group) => (
            <fieldset key={group} className="sk-check-group fieldset">
              <legend>{s.visit.groups[group]}</legend>
              {all
                .filter((x) => x.group === group)
                .map((x) => {
                  const already = found.has(x.code);
                  return (
                    <label key={x.code} className={`sk-check ${already ? 'sk-check--found' : ''} ${suggested.has(x.code) && !already ? 'sk-check--suggested' : ''}`}>
                      <input type="checkbox" name="factor" value={x.code} checked={already || ticked.includes(x.code)} disabled={already} onChange={() => toggle(x.code)} />
                      <span className="sk-check__label">
                        {x.no}. {local(x.label)}
                        {already && <small>{s.visit.already}</small>}
                        {!already && suggested.has(x.code) && <small>{s.visit.suggested}</small>}
                      </span>
                      <span className="sk-check__score">+{x.score}</span>
                    </label>
                  );
                })}
            </fieldset>
          ))}
          <div className="sk-tally" aria-live="polite">
            <span>
              {s.visit.score} <strong className="sk-score__number" data-testid="kspr-total">{total}</strong>
            </span>
            <CategoryBadge category={categoryOf(total)} />
          </div>
        </Card>
        <Button type="submit" block busy={busy}>
          {s.visit.submit}
        </Button>
      </form>
    </>
  );
}

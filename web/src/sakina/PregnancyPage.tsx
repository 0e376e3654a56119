import { useState, type ReactNode } from 'react';
import { api, ApiError } from '../api.ts';
import { useLang } from '../i18n/use-lang.ts';
import { Alert, Button, ButtonLink, Card, ErrorAlert, Loading, PageHeader, SelectField, Table, TextField } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { useLocal, useS } from './messages.ts';
import { KsprFactorList, KsprHistory } from './KsprFactors.tsx';
import { EscortCard } from './Tasks.tsx';
import { TeamCard } from './TeamCard.tsx';
import type { Record_ } from './types.ts';
import { CategoryBadge, daysBetween, Phone, StatusBadge, takeFlash, todayWib, useDay } from './util.tsx';

function Dl({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="sk-dl">
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

function EscortRequest({ r, onDone }: { r: Record_; onDone(message: string): void }) {
  const s = useS();
  const [reason, setReason] = useState('labour');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // One id per request: a double tap on a weak signal asks once.
  const [clientId] = useState(() => crypto.randomUUID());
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/sakina/pregnancies/${r.id}/escorts`, { reason, clientId });
      onDone(s.record.escortSent);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={s.record.requestEscort}>
      <ErrorAlert error={error} />
      <SelectField label={s.record.escortReason} value={reason} onChange={(e) => setReason(e.target.value)}>
        {Object.entries(s.record.escortReasons).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </SelectField>
      <Button block variant="danger" busy={busy} onClick={send}>
        {s.record.requestEscort}
      </Button>
    </Card>
  );
}

function PostpartumForm({ r, onDone }: { r: Record_; onDone(): void }) {
  const s = useS();
  const [date, setDate] = useState(todayWib());
  const [mother, setMother] = useState('well');
  const [baby, setBaby] = useState('well');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/sakina/pregnancies/${r.id}/postpartum-visits`, { visitDate: date, motherCondition: mother, babyCondition: r.outcome?.babies.length ? baby : null });
      onDone();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <ErrorAlert error={error} shownFields={['visitDate']} />
      <TextField label={s.postpartum.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} error={error?.fields.visitDate} />
      <div className="sk-row">
        <SelectField label={s.postpartum.mother} value={mother} onChange={(e) => setMother(e.target.value)}>
          {Object.entries(s.postpartum.mothers).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </SelectField>
        {!!r.outcome?.babies.length && (
          <SelectField label={s.postpartum.baby} value={baby} onChange={(e) => setBaby(e.target.value)}>
            {Object.entries(s.postpartum.babies).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <Button busy={busy} onClick={save}>
        {s.postpartum.submit}
      </Button>
    </div>
  );
}

type Handover = { mother: { name: string; nik: string }; father: { name: string } | null; birth: { date: string; time: string | null; place: { name: string | null } }; children: { seq: number; sex: 'F' | 'M'; weightGrams: number | null }[] };

function HandoverCard({ id }: { id: string }) {
  const s = useS();
  const day = useDay();
  const [data, setData] = useState<Handover | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async () => {
    setBusy(true);
    try {
      setData(await api.get<Handover>(`/api/sakina/pregnancies/${id}/birth-certificate-handover`));
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={s.record.handover}>
      <p className="muted">{s.record.handoverLead}</p>
      <ErrorAlert error={error} />
      {data ? (
        <Dl
          rows={[
            [s.fields.name, data.mother.name],
            [s.fields.familyName, data.father?.name ?? '—'],
            [s.outcome.date, `${day(data.birth.date)} ${data.birth.time ?? ''}`],
            [s.outcome.placeName, data.birth.place.name],
            ...data.children.map((c): [string, string] => [`${s.outcome.baby} ${c.seq}`, `${s.outcome.sexes[c.sex]}, ${c.weightGrams ?? '—'} g`]),
          ]}
        />
      ) : (
        <Button variant="secondary" busy={busy} onClick={load}>
          {s.record.handover}
        </Button>
      )}
    </Card>
  );
}

/** /sakina/ibu/:id — her record, exactly as far as this reader may see it. */
export function PregnancyPage({ params }: { params: { id: string } }) {
  const s = useS();
  const local = useLocal();
  const lang = useLang();
  const day = useDay();
  const { user } = useSession();
  const { data: r, error, loading, reload } = useApi<Record_>(`/api/sakina/pregnancies/${params.id}`);
  const [flash, setFlashNotice] = useState(takeFlash);
  if (loading && !r) return <Loading />;
  if (!r) return <ErrorAlert error={error} />;
  const can = (a: string) => r.can.includes(a);
  const active = r.status === 'active' || (!r.status && !!r.dueDate);
  const highRisk = r.category === 'KRT' || r.category === 'KRST';
  const due = r.dueDate ? daysBetween(todayWib(), r.dueDate) : null;
  const limited = user?.role !== 'midwife';

  return (
    <>
      <PageHeader
        title={r.name ?? s.title}
        lead={`${s.inVillage(r.village.name)}${r.village.district ? `, Kec. ${r.village.district}` : ''} · ${r.puskesmas.name}`}
        back={{ href: '/sakina', label: s.back }}
        meta={
          <span className="sk-item__badges">
            <StatusBadge status={r.status} />
            {r.category !== undefined && r.status !== 'reported' && <CategoryBadge category={r.category} />}
          </span>
        }
      />
      {flash && (
        <Alert tone="success">
          <p>{flash}</p>
        </Alert>
      )}
      {r.kspr?.emergency && r.status === 'active' && <p className="sk-emergency" role="alert">{s.record.emergency}</p>}
      <div className="sk-actions">
        {r.status === 'reported' && can('confirm') && <ButtonLink href={`/sakina/ibu/${r.id}/konfirmasi`}>{s.register.confirm}</ButtonLink>}
        {r.status === 'active' && can('visit') && <ButtonLink href={`/sakina/ibu/${r.id}/kunjungan`}>{s.record.addVisit}</ButtonLink>}
        {r.status === 'active' && can('plan') && (
          <ButtonLink href={`/sakina/ibu/${r.id}/p4k`} variant="secondary">
            {s.record.editPlan}
          </ButtonLink>
        )}
        {r.status === 'active' && can('outcome') && (
          <ButtonLink href={`/sakina/ibu/${r.id}/persalinan`} variant="secondary">
            {s.record.recordOutcome}
          </ButtonLink>
        )}
        {can('sticker') && r.birthPlan && (
          <a className="btn btn--secondary" href={`/api/sakina/pregnancies/${r.id}/sticker.pdf?lang=${lang}`} target="_blank" rel="noopener">
            {s.record.sticker}
          </a>
        )}
      </div>
      <div className="sk-sections">
        {active && highRisk && can('escort.request') && !(r.escorts ?? []).some((e) => ['requested', 'accepted', 'on_the_way'].includes(e.status)) && <EscortRequest
            r={r}
            onDone={(message) => {
              setFlashNotice(message);
              reload();
            }}
          />}
        {!!r.escorts?.length && (
          <Card title={s.record.escorts}>
            <ul className="sk-list">
              {r.escorts.map((e) => (
                <EscortCard key={e.id} escort={e} woman={{ id: r.id, village: r.village.name, name: r.name, addressLine: r.address?.line, phone: r.phone }} canAccept={can('escort.progress') && e.status === 'requested'} mine={e.acceptedById === user?.id} onChange={reload} />
              ))}
            </ul>
          </Card>
        )}
        <Card title={s.record.identity}>
          <Dl
            rows={[
              ...(r.nik !== undefined ? [[s.fields.nik, <span className="mono">{r.nik ?? '—'}</span>] as [string, ReactNode]] : []),
              ...(r.nikMasked !== undefined && r.nik === undefined ? [[s.fields.nik, <span className="mono">{r.nikMasked ?? '—'}</span>] as [string, ReactNode]] : []),
              ...(r.birthDate !== undefined ? [[s.fields.birthDate, day(r.birthDate)] as [string, ReactNode]] : []),
              ...(r.address ? [[s.fields.address, r.address.line || '—'] as [string, ReactNode]] : []),
              ...(r.phone !== undefined ? [[s.fields.phone, <Phone number={r.phone} />] as [string, ReactNode]] : []),
              ...(r.family ? [[s.fields.familyName, <>{r.family.name ?? '—'}{r.family.relation ? ` (${r.family.relation})` : ''} <Phone number={r.family.phone} /></>] as [string, ReactNode]] : []),
              ...(r.bpjs !== undefined ? [[s.fields.bpjs, r.bpjs ?? '—'] as [string, ReactNode]] : []),
              ...(r.report ? [[s.fields.reportedBy, `${r.report.reportedBy ?? '—'} (${r.report.via === 'community' ? s.dashboard.byCommunity : s.dashboard.byHealth})`] as [string, ReactNode]] : []),
            ]}
          />
        </Card>
        {(r.dueDate !== undefined || r.hpht !== undefined) && (
          <Card title={s.record.pregnancy}>
            <Dl
              rows={[
                ...(r.hpht !== undefined ? [[s.fields.hpht, day(r.hpht)] as [string, ReactNode]] : []),
                [s.fields.hpl, r.dueDate ? `${day(r.dueDate)}${(r.status ?? 'active') === 'active' && due !== null ? ` (${s.dueIn(due)})` : ''}` : '—'],
                ...(r.gestationalAge !== undefined ? [[s.fields.gestationalAge, r.gestationalAge ? local(r.gestationalAge.text) : '—'] as [string, ReactNode]] : []),
                ...(r.obstetricHistory ? [['G / P / A', `${r.obstetricHistory.gravida ?? '—'} / ${r.obstetricHistory.para ?? '—'} / ${r.obstetricHistory.abortus ?? '—'}`] as [string, ReactNode]] : []),
                ...(r.obstetricHistory?.heightCm ? [[s.fields.heightCm, `${r.obstetricHistory.heightCm} cm`] as [string, ReactNode]] : []),
              ]}
            />
          </Card>
        )}
        {r.kspr && (
          <Card title={s.record.kspr}>
            <div className="sk-score">
              <span className="sk-score__number">{r.kspr.score}</span>
              <CategoryBadge category={r.kspr.category} />
            </div>
            <div className="sk-columns" aria-label={s.record.kspr}>
              {(['I', 'II', 'III.1', 'III.2'] as const).map((col) => {
                const entry = [...r.kspr!.card].reverse().find((e) => e.column === col);
                return (
                  <div key={col}>
                    <span>{col}</span>
                    <strong>{entry ? entry.score : '—'}</strong>
                  </div>
                );
              })}
            </div>
            <KsprFactorList
              r={r}
              canRetract={can('kspr.retract') && (r.status === 'active' || r.status === 'delivered')}
              onRetracted={(message) => {
                setFlashNotice(message);
                reload();
              }}
            />
            {r.kspr.screened && (
              <div className="section">
                <p>
                  <strong>{s.record.recommendation}:</strong> {local(r.kspr.recommendation.note)}
                </p>
                <Dl
                  rows={[
                    [s.record.attendant, local(r.kspr.recommendation.attendant)],
                    [s.record.place, local(r.kspr.recommendation.place)],
                  ]}
                />
              </div>
            )}
            <KsprHistory r={r} />
          </Card>
        )}
        {r.anc !== undefined && (
          <Card title={s.record.anc}>
            {r.anc && (
              <>
                <p className="sk-item__badges">
                  {(['k1', 'k4', 'k6'] as const).map((k) => (
                    <span key={k} className={`sk-badge ${r.anc![k] ? 'sk-badge--krr' : 'sk-badge--none'}`}>
                      {k.toUpperCase()} {r.anc![k] ? '✓' : '·'}
                    </span>
                  ))}
                </p>
                {r.anc.nextVisit && (
                  <p>
                    {s.record.nextVisit}: <strong>{day(r.anc.nextVisit)}</strong> ({s.dueIn(daysBetween(todayWib(), r.anc.nextVisit))})
                  </p>
                )}
                {r.anc.missed && <p className="field__error">{s.record.missed(day(r.anc.missed.expected), r.anc.missed.overdueDays)}</p>}
              </>
            )}
            {r.visits && r.visits.length === 0 && <p className="muted">{s.record.noVisits}</p>}
            {r.visits && r.visits.length > 0 && (
              <Table
                caption={s.record.anc}
                hideCaption
                stackOnPhone
                rowKey={(v) => v.id}
                rows={r.visits}
                empty={s.record.noVisits}
                columns={[
                  { key: 'date', header: s.record.visitColumns[0]!, render: (v) => day(v.visitDate) },
                  { key: 'ga', header: s.record.visitColumns[1]!, render: (v) => s.weeksDays(v.gestationalAge.weeks, v.gestationalAge.days) },
                  { key: 'col', header: s.record.visitColumns[2]!, render: (v) => v.ksprColumn },
                  { key: 'ex', header: s.record.visitColumns[3]!, render: (v) => s.visit.examiners[v.examiner] },
                  { key: 'bp', header: s.record.visitColumns[4]!, render: (v) => v.bloodPressure ?? '—' },
                  { key: 'hb', header: s.record.visitColumns[5]!, render: (v) => v.hb ?? '—' },
                  { key: 'score', header: s.record.visitColumns[6]!, render: (v) => `${v.score} ${v.category}` },
                ]}
              />
            )}
          </Card>
        )}
        {r.birthPlan !== undefined && (
          <Card title={s.record.plan}>
            {r.birthPlan ? (
              <Dl
                rows={[
                  [s.plan.attendant, `${s.plan.attendants[r.birthPlan.attendant] ?? r.birthPlan.attendant}${r.birthPlan.attendantName ? ` — ${r.birthPlan.attendantName}` : ''}`],
                  [s.plan.place, r.birthPlan.placeName],
                  [s.plan.companion, `${r.birthPlan.companionName}${r.birthPlan.companionRelation ? ` (${r.birthPlan.companionRelation})` : ''}`],
                  [s.plan.transport, <>{s.plan.transports[r.birthPlan.transport] ?? r.birthPlan.transport}{r.birthPlan.transportDetail ? ` — ${r.birthPlan.transportDetail}` : ''} <Phone number={r.birthPlan.transportPhone} /></>],
                  [s.plan.donors, r.birthPlan.donors.map((d) => `${d.name} (${d.bloodType})`).join(', ')],
                  [s.plan.funding, r.birthPlan.funding.map((x) => s.plan.fundings[x] ?? x).join(', ')],
                  [s.plan.contraception, s.plan.contraceptions[r.birthPlan.contraception] ?? r.birthPlan.contraception],
                ]}
              />
            ) : (
              <p className="muted">{s.record.noPlan}</p>
            )}
          </Card>
        )}
        {r.team !== undefined && (
          <TeamCard
            r={r}
            canEdit={can('team') && r.status === 'active'}
            onSaved={(message) => {
              setFlashNotice(message);
              reload();
            }}
          />
        )}
        {!!r.tasks?.length && (
          <Card title={s.record.tasks}>
            <ul className="sk-list">
              {r.tasks.map((t) => (
                <li key={t.id} className="sk-item">
                  <div className="sk-item__top">
                    <span className="sk-item__name">{s.tasks.kinds[t.kind]}</span>
                    <span className="sk-badge sk-badge--status">{s.tasks.statuses[t.status]}</span>
                  </div>
                  <div className="sk-item__meta">
                    {local(t.reason)} · {s.tasks.due} {day(t.dueOn)} · {t.assignee ?? '—'}
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        )}
        {r.outcome && (
          <Card title={s.record.outcome}>
            <Dl
              rows={[
                [s.outcome.kind, s.outcome.kinds[r.outcome.kind]],
                [s.outcome.date, `${day(r.outcome.deliveryDate)} ${r.outcome.deliveryTime ?? ''}`],
                [s.outcome.placeKind, `${s.outcome.places[r.outcome.placeKind] ?? r.outcome.placeKind}${r.outcome.placeName ? ` — ${r.outcome.placeName}` : ''}`],
                [s.outcome.attendant, `${s.outcome.attendants[r.outcome.attendant] ?? r.outcome.attendant}${r.outcome.attendantName ? ` — ${r.outcome.attendantName}` : ''}`],
                ...(r.outcome.mode ? [[s.outcome.mode, s.outcome.modes[r.outcome.mode] ?? r.outcome.mode] as [string, ReactNode]] : []),
                [s.outcome.mother, s.outcome.motherStatuses[r.outcome.motherStatus]],
                ...r.outcome.babies.map((b): [string, ReactNode] => [`${s.outcome.baby} ${b.seq}`, `${s.outcome.sexes[b.sex]}, ${b.weightGrams ?? '—'} g, ${s.outcome.babyStatuses[b.status] ?? b.status}`]),
              ]}
            />
          </Card>
        )}
        {r.outcome && r.outcome.kind === 'birth' && can('handover') && <HandoverCard id={r.id} />}
        {r.postpartum !== undefined && r.outcome && (
          <Card title={s.record.postpartum}>
            {r.postpartum.length > 0 && (
              <ul className="sk-factors">
                {r.postpartum.map((v) => (
                  <li key={v.id}>
                    <span>
                      {v.kf} · {day(v.visitDate)}
                    </span>
                    <span>
                      {s.postpartum.mothers[v.motherCondition]}
                      {v.babyCondition ? ` / ${s.postpartum.babies[v.babyCondition]}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {r.status === 'delivered' && can('postpartum') && <PostpartumForm r={r} onDone={reload} />}
          </Card>
        )}
        {limited && <p className="sk-muted-note">{s.record.notVisible}</p>}
      </div>
    </>
  );
}

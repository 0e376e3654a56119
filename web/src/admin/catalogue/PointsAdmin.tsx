import { useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { Alert, Badge, Button, ButtonLink, ErrorAlert, Field, Loading, PageHeader, SelectField, Table, TextField } from '../../kit/index.ts';
import { ApiError } from '../../api.ts';
import { formatDay, isCode, type Agency, type Interval, type LocalText, type PointDetail, type PointSummary, type ServiceSummary } from '../../citizen/catalogue/model.ts';
import { write } from './api.ts';
import { BASE, BiField, CatalogueNav, CheckField, CheckList, emptyText, errorsOf, useFresh, useSave } from './form.tsx';
import { useA } from './messages.ts';

const KINDS = ['mpp', 'market', 'village', 'online'] as const;
const PASARAN = ['Legi', 'Pahing', 'Pon', 'Wage', 'Kliwon'] as const;
const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
/** Clock times as 24-hour text (08:00, 15:30), the same in every browser locale; the API checks the format. */
const TIME = { type: 'text', inputMode: 'numeric', placeholder: '08:00', maxLength: 5, autoComplete: 'off', spellCheck: false } as const;

/** /admin/katalog/titik — every service point, filtered by kind and name. */
export function PointsAdmin() {
  const { a, tx } = useA();
  const p = a.points;
  const points = useFresh<{ items: PointSummary[] }>('/api/catalogue/points', { inactive: 'true' });
  const [kind, setKind] = useState('');
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (points.data?.items ?? []).filter((x) => (!kind || x.kind === kind) && (!f || `${x.code} ${x.name.id} ${x.address}`.toLowerCase().includes(f)));
  }, [points.data, kind, filter]);
  return (
    <>
      <CatalogueNav />
      <PageHeader title={p.title} lead={p.lead} actions={<ButtonLink href={`${BASE}/titik/baru`}>{p.add}</ButtonLink>} />
      <div className="filter-bar" role="search">
        <SelectField label={p.kind} value={kind} onChange={(e) => setKind(e.target.value)} className="select--compact">
          <option value="">{a.common.all}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {p.kinds[k]}
            </option>
          ))}
        </SelectField>
        <Field label={p.filter}>{(control) => <input {...control} className="input input--compact" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />}</Field>
      </div>
      <ErrorAlert error={points.error} />
      {points.loading && !points.data && <Loading />}
      {points.data && (
        <Table<PointSummary>
          caption={p.caption}
          hideCaption
          rows={rows}
          rowKey={(r) => r.code}
          empty={a.common.none}
          columns={[
            {
              key: 'name',
              header: p.name,
              className: 'wrap',
              render: (r) => (
                <>
                  <Link href={`${BASE}/titik/${r.code}`}>{tx(r.name)}</Link>
                  <span className="mono muted cell-sub">{r.code}</span>
                </>
              ),
            },
            { key: 'kind', header: p.kind, render: (r) => p.kinds[r.kind] ?? r.kind },
            { key: 'services', header: p.services, className: 'num', render: (r) => r.serviceCount },
            { key: 'today', header: p.hours, className: 'nowrap', render: (r) => (r.today.hours.length ? r.today.hours.map((h) => `${h.open}–${h.close}`).join(', ') : p.closed) },
            { key: 'open', header: p.openNow, render: (r) => (r.openNow ? <Badge tone="ok">{a.common.yes}</Badge> : <Badge tone="off">{a.common.no}</Badge>) },
            { key: 'active', header: a.common.active, render: (r) => (r.active ? <Badge tone="ok">{a.common.active}</Badge> : <Badge tone="off">{a.common.inactive}</Badge>) },
          ]}
        />
      )}
    </>
  );
}

type Hours = Record<string, { open: boolean; from: string; to: string }>;
type Draft = {
  code: string;
  kind: string;
  name: LocalText;
  address: string;
  regionCode: string;
  active: boolean;
  hours: Hours;
  breakOn: boolean;
  breakStart: string;
  breakEnd: string;
  marketOn: boolean;
  marketPasaran: string[];
  marketOpen: string;
  marketClose: string;
};

function draftOf(p: PointDetail | null): Draft {
  const hours: Hours = {};
  for (const d of DAYS) {
    const h = p ? p.weeklyHours[d] : d === '7' ? null : { open: '08:00', close: d === '6' ? '12:00' : '15:00' };
    hours[d] = { open: !!h, from: h?.open ?? '08:00', to: h?.close ?? '15:00' };
  }
  return {
    code: p?.code ?? '',
    kind: p?.kind ?? 'market',
    name: p ? { ...p.name } : emptyText(),
    address: p?.address ?? '',
    regionCode: p?.regionCode ?? '',
    active: p?.active ?? true,
    hours,
    breakOn: p ? !!p.fridayBreak : true,
    breakStart: p?.fridayBreak?.start ?? '11:30',
    breakEnd: p?.fridayBreak?.end ?? '13:00',
    marketOn: !!p?.marketDays,
    marketPasaran: p?.marketDays?.pasaran ?? [],
    marketOpen: p?.marketDays?.open ?? '07:00',
    marketClose: p?.marketDays?.close ?? '15:00',
  };
}

function pointBody(d: Draft) {
  const weeklyHours: Record<string, Interval | null> = {};
  for (const day of DAYS) weeklyHours[day] = d.hours[day]!.open ? { open: d.hours[day]!.from, close: d.hours[day]!.to } : null;
  return {
    kind: d.kind,
    name: d.name,
    address: d.address,
    regionCode: d.regionCode.trim() || null,
    active: d.active,
    weeklyHours,
    fridayBreak: d.breakOn ? { start: d.breakStart, end: d.breakEnd } : null,
    marketDays: d.marketOn ? { pasaran: d.marketPasaran, open: d.marketOpen, close: d.marketClose } : null,
  };
}

/** /admin/katalog/titik/baru and /admin/katalog/titik/:code: hours, breaks, market days; then services, counters, special days. */
export function PointEditor() {
  const { code } = useParams<{ code: string }>();
  const creating = code === 'baru';
  const { a, tx } = useA();
  const point = useFresh<PointDetail>(!creating && isCode(code) ? `/api/catalogue/points/${code}` : null);
  if (!creating && point.loading && !point.data) return <Loading />;
  if (!creating && !point.data) {
    return (
      <>
        <CatalogueNav />
        <PageHeader title={a.common.notFound} back={{ href: `${BASE}/titik`, label: a.points.title }} />
        <ErrorAlert error={point.error} />
      </>
    );
  }
  const p = point.data;
  return (
    <>
      <CatalogueNav />
      <PageHeader
        title={p ? a.points.editTitle.replace('{{name}}', tx(p.name)) : a.points.createTitle}
        meta={p ? <span className="mono">{p.code}</span> : undefined}
        back={{ href: `${BASE}/titik`, label: a.points.title }}
        actions={p ? <Link href={`/lokasi/${p.code}`}>{a.service.viewPublic}</Link> : undefined}
      />
      <PointForm key={p ? `${p.code}` : 'new'} point={p} onSaved={point.reload} />
      {p && (
        <>
          <PointServices key={`svc-${p.services.length}`} point={p} onSaved={point.reload} />
          <Counters point={p} onSaved={point.reload} />
          <SpecialDays point={p} onSaved={point.reload} />
        </>
      )}
    </>
  );
}

function PointForm({ point, onSaved }: { point: PointDetail | null; onSaved: () => void }) {
  const { a } = useA();
  const p = a.points;
  const [, navigate] = useLocation();
  const [d, setD] = useState(() => draftOf(point));
  const save = useSave();
  const errors = errorsOf(save.error);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD({ ...d, [k]: v });
  const setDay = (day: string, patch: Partial<Hours[string]>) => set('hours', { ...d.hours, [day]: { ...d.hours[day]!, ...patch } });
  const shownFields = (save.error?.errors ?? []).map((e) => e.field).filter((f) => /^(code|kind|name|address|regionCode|weeklyHours|fridayBreak|marketDays)/.test(f));
  return (
    <form
      className="card admin-form"
      aria-labelledby="point-form-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!point) void save.run(() => write.post<{ code: string }>('/api/catalogue/points', { code: d.code.trim(), ...pointBody(d), serviceCodes: [] })).then((r) => r && navigate(`${BASE}/titik/${r.body.code}`));
        else void save.run(() => write.patch(`/api/catalogue/points/${point.code}`, pointBody(d)), () => p.saved).then((r) => r && onSaved());
      }}
    >
      <h2 id="point-form-title">{p.detailsTitle}</h2>
      <ErrorAlert error={save.error} shownFields={shownFields} />
      <div className="form-grid form-grid--2">
        {!point && <TextField label={a.common.code} hint={a.common.codeHint} value={d.code} onChange={(e) => set('code', e.target.value)} error={errors('code')} className="mono" />}
        <SelectField label={p.kind} value={d.kind} onChange={(e) => set('kind', e.target.value)} error={errors('kind')}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {p.kinds[k]}
            </option>
          ))}
        </SelectField>
        <TextField label={p.regionCode} hint={p.regionHint} value={d.regionCode} onChange={(e) => set('regionCode', e.target.value)} error={errors('regionCode')} className="mono" optional />
      </div>
      <BiField label={p.name} value={d.name} onChange={(v) => set('name', v)} errors={errors} path="name" />
      <TextField label={p.address} value={d.address} onChange={(e) => set('address', e.target.value)} error={errors('address')} />
      <CheckField label={p.active} checked={d.active} onChange={(v) => set('active', v)} />

      <fieldset className="fieldset">
        <legend>{p.weeklyHours}</legend>
        {errors('weeklyHours') && <p className="field__error">{errors('weeklyHours')}</p>}
        <table className="table hours-table">
          <thead>
            <tr>
              <th scope="col">{p.day}</th>
              <th scope="col">{p.openDay}</th>
              <th scope="col">{p.opens}</th>
              <th scope="col">{p.closes}</th>
            </tr>
          </thead>
          <tbody>
            {DAYS.map((day) => {
              const h = d.hours[day]!;
              const name = p.weekdays[day]!;
              const err = errors(`weeklyHours.${day}.close`) ?? errors(`weeklyHours.${day}.open`) ?? errors(`weeklyHours.${day}`);
              return (
                <tr key={day}>
                  <th scope="row">{name}</th>
                  <td>
                    <input type="checkbox" checked={h.open} onChange={(e) => setDay(day, { open: e.target.checked })} aria-label={`${name}: ${p.openDay}`} />
                  </td>
                  <td>
                    <input className="input input--compact input--time" {...TIME} value={h.from} disabled={!h.open} onChange={(e) => setDay(day, { from: e.target.value })} aria-label={`${name}: ${p.opens}`} aria-invalid={err ? true : undefined} />
                  </td>
                  <td>
                    <input className="input input--compact input--time" {...TIME} value={h.to} disabled={!h.open} onChange={(e) => setDay(day, { to: e.target.value })} aria-label={`${name}: ${p.closes}`} aria-invalid={err ? true : undefined} />
                    {err && <span className="field__error">{err}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{p.fridayBreak}</legend>
        <CheckField label={p.fridayBreakOn} checked={d.breakOn} onChange={(v) => set('breakOn', v)} />
        {d.breakOn && (
          <div className="form-grid form-grid--4">
            <TextField label={p.breakStart} {...TIME} value={d.breakStart} onChange={(e) => set('breakStart', e.target.value)} error={errors('fridayBreak.start')} />
            <TextField label={p.breakEnd} {...TIME} value={d.breakEnd} onChange={(e) => set('breakEnd', e.target.value)} error={errors('fridayBreak.end') ?? errors('fridayBreak')} />
          </div>
        )}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{p.marketDays}</legend>
        <CheckField label={p.marketDaysOn} checked={d.marketOn} onChange={(v) => set('marketOn', v)} />
        {d.marketOn && (
          <>
            <fieldset className="fieldset">
              <legend className="legend-small">{p.marketPasaran}</legend>
              {errors('marketDays.pasaran') && <p className="field__error">{errors('marketDays.pasaran')}</p>}
              <div className="check-row">
                {PASARAN.map((ps) => (
                  <CheckField key={ps} label={ps} checked={d.marketPasaran.includes(ps)} onChange={(on) => set('marketPasaran', on ? PASARAN.filter((x) => x === ps || d.marketPasaran.includes(x)) : d.marketPasaran.filter((x) => x !== ps))} />
                ))}
              </div>
            </fieldset>
            <div className="form-grid form-grid--4">
              <TextField label={p.opens} {...TIME} value={d.marketOpen} onChange={(e) => set('marketOpen', e.target.value)} error={errors('marketDays.open')} />
              <TextField label={p.closes} {...TIME} value={d.marketClose} onChange={(e) => set('marketClose', e.target.value)} error={errors('marketDays.close') ?? errors('marketDays')} />
            </div>
          </>
        )}
      </fieldset>
      {save.done && <Alert tone="success">{save.done}</Alert>}
      <Button type="submit" busy={save.busy}>
        {save.busy ? a.common.saving : a.common.save}
      </Button>
    </form>
  );
}

function useAllServices() {
  const services = useFresh<{ items: ServiceSummary[] }>('/api/catalogue/services', { limit: 500 });
  return services;
}

function PointServices({ point, onSaved }: { point: PointDetail; onSaved: () => void }) {
  const { a, tx } = useA();
  const p = a.points;
  const all = useAllServices();
  const [selected, setSelected] = useState<Set<string>>(() => new Set(point.services.map((s) => s.code)));
  const save = useSave();
  // The services offered here first, then the rest (the order stays put while boxes are ticked).
  const offered = useMemo(() => new Set(point.services.map((s) => s.code)), [point.services]);
  const options = (all.data?.items ?? [])
    .map((s) => ({ value: s.code, label: tx(s.name), extra: s.agency.shortName }))
    .sort((x, y) => Number(offered.has(y.value)) - Number(offered.has(x.value)));
  return (
    <form
      className="card section admin-form"
      aria-labelledby="point-services-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run(() => write.patch(`/api/catalogue/points/${point.code}`, { serviceCodes: [...selected] }), () => p.servicesSaved).then((r) => r && onSaved());
      }}
    >
      <h2 id="point-services-title">{p.servicesTitle}</h2>
      <p className="muted">{p.servicesLead}</p>
      <ErrorAlert error={save.error ?? all.error} shownFields={['serviceCodes']} />
      {all.loading && !all.data ? <Loading /> : <CheckList legend={p.servicesTitle} options={options} selected={selected} onChange={setSelected} filterLabel={p.servicesFilter} error={errorsOf(save.error)('serviceCodes')} />}
      {save.done && <Alert tone="success">{save.done}</Alert>}
      <Button type="submit" busy={save.busy}>
        {p.servicesSave}
      </Button>
    </form>
  );
}

type Counter = PointDetail['counters'][number];

function Counters({ point, onSaved }: { point: PointDetail; onSaved: () => void }) {
  const { a, tx } = useA();
  const p = a.points;
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="card section" aria-labelledby="counters-title">
      <h2 id="counters-title">{p.countersTitle}</h2>
      <Table<Counter>
        caption={p.counterCaption}
        hideCaption
        rows={point.counters}
        rowKey={(r) => r.code}
        empty={a.common.none}
        columns={[
          { key: 'code', header: a.common.code, className: 'nowrap', render: (r) => <strong>{r.code}</strong> },
          { key: 'name', header: p.counterName, className: 'wrap', render: (r) => tx(r.name) },
          { key: 'agency', header: p.counterAgency, render: (r) => r.agency?.shortName ?? '—' },
          { key: 'services', header: p.counterServices, className: 'num', render: (r) => (r.allServices ? p.allServicesShort : r.services.length) },
          { key: 'active', header: a.common.active, render: (r) => (r.active ? <Badge tone="ok">{a.common.active}</Badge> : <Badge tone="off">{a.common.inactive}</Badge>) },
          {
            key: 'edit',
            header: a.common.edit,
            render: (r) => (
              <Button variant="secondary" size="small" onClick={() => setEditing(r.code)} aria-label={p.editCounter.replace('{{code}}', r.code)} aria-expanded={editing === r.code}>
                {a.common.edit}
              </Button>
            ),
          },
        ]}
      />
      <div className="section-tight">
        {editing ? (
          <CounterForm
            key={editing}
            point={point}
            counter={point.counters.find((c) => c.code === editing) ?? null}
            onDone={(saved) => {
              setEditing(null);
              if (saved) onSaved();
            }}
          />
        ) : (
          <Button variant="secondary" onClick={() => setEditing('')}>
            + {p.addCounter}
          </Button>
        )}
      </div>
    </section>
  );
}

function CounterForm({ point, counter, onDone }: { point: PointDetail; counter: Counter | null; onDone: (saved: boolean) => void }) {
  const { a, tx } = useA();
  const p = a.points;
  const agencies = useFresh<{ items: Agency[] }>('/api/catalogue/agencies');
  const [code, setCode] = useState(counter?.code ?? '');
  const [name, setName] = useState<LocalText>(counter ? { ...counter.name } : emptyText());
  const [agency, setAgency] = useState(counter?.agency?.code ?? '');
  const [allServices, setAllServices] = useState(counter?.allServices ?? false);
  const [active, setActive] = useState(counter?.active ?? true);
  const [selected, setSelected] = useState<Set<string>>(() => new Set(counter && !counter.allServices ? counter.services.map((s) => s.code) : []));
  const save = useSave();
  const errors = errorsOf(save.error);
  const title = counter ? p.editCounter.replace('{{code}}', counter.code) : p.addCounter;
  return (
    <form
      className="subform"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body = { name, agencyCode: agency || null, allServices, active, serviceCodes: allServices ? [] : [...selected] };
        void save
          .run(() => (counter ? write.patch(`/api/catalogue/points/${point.code}/counters/${counter.code}`, body) : write.post(`/api/catalogue/points/${point.code}/counters`, { code: code.trim(), ...body })))
          .then((r) => r && onDone(true));
      }}
    >
      <h3>{title}</h3>
      <ErrorAlert error={save.error} shownFields={['code', 'name.id', 'name.en', 'agencyCode', 'serviceCodes']} />
      <div className="form-grid form-grid--2">
        {!counter && <TextField label={p.counterCode} hint={p.counterCodeHint} value={code} onChange={(e) => setCode(e.target.value)} error={errors('code')} className="mono" />}
        <SelectField label={p.counterAgency} value={agency} onChange={(e) => setAgency(e.target.value)} error={errors('agencyCode')}>
          <option value="">{p.noAgency}</option>
          {[...(agencies.data?.items ?? [])]
            .sort((x, y) => x.shortName.localeCompare(y.shortName, 'id'))
            .map((ag) => (
              <option key={ag.code} value={ag.code}>
                {ag.shortName}
              </option>
            ))}
        </SelectField>
      </div>
      <BiField label={p.counterName} value={name} onChange={setName} errors={errors} path="name" />
      <CheckField label={p.counterActive} checked={active} onChange={setActive} />
      <CheckField label={p.allServices} checked={allServices} onChange={setAllServices} />
      {!allServices && (
        <CheckList
          legend={p.counterServices}
          options={point.services.map((s) => ({ value: s.code, label: tx(s.name), extra: s.agency.shortName }))}
          selected={selected}
          onChange={setSelected}
          filterLabel={p.servicesFilter}
          error={errors('serviceCodes')}
        />
      )}
      <div className="btn-row">
        <Button type="submit" busy={save.busy}>
          {save.busy ? a.common.saving : a.common.save}
        </Button>
        <Button variant="secondary" onClick={() => onDone(false)}>
          {a.common.cancel}
        </Button>
      </div>
    </form>
  );
}

type Special = PointDetail['upcomingSpecialDays'][number];

function SpecialDays({ point, onSaved }: { point: PointDetail; onSaved: () => void }) {
  const { a, lang, tx } = useA();
  const p = a.points;
  const [date, setDate] = useState('');
  const [closed, setClosed] = useState(true);
  const [open, setOpen] = useState('08:00');
  const [close, setClose] = useState('12:00');
  const [note, setNote] = useState<LocalText>(emptyText());
  const save = useSave();
  const remove = useSave();
  const errors = errorsOf(save.error);
  return (
    <section className="card section" aria-labelledby="special-title">
      <h2 id="special-title">{p.specialTitle}</h2>
      <p className="muted">{p.specialLead}</p>
      <ErrorAlert error={remove.error} />
      {remove.done && <Alert tone="success">{remove.done}</Alert>}
      <Table<Special>
        caption={p.specialCaption}
        rows={point.upcomingSpecialDays}
        rowKey={(r) => r.date}
        empty={a.common.none}
        columns={[
          { key: 'date', header: p.date, className: 'nowrap', render: (r) => formatDay(r.date, lang) },
          { key: 'hours', header: p.hours, className: 'nowrap', render: (r) => (r.closed ? p.closed : `${r.open}–${r.close}`) },
          { key: 'note', header: p.note, className: 'wrap', render: (r) => tx(r.note) },
          {
            key: 'x',
            header: a.common.remove,
            render: (r) => (
              <Button variant="danger" size="small" aria-label={`${a.common.remove}: ${formatDay(r.date, lang)}`} onClick={() => void remove.run(() => write.delete(`/api/catalogue/points/${point.code}/special-days/${r.date}`)).then((x) => x && onSaved())}>
                {a.common.remove}
              </Button>
            ),
          },
        ]}
      />
      <form
        className="subform section-tight"
        aria-label={p.addSpecial}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
            save.setError(new ApiError(400, 'validation_failed', '', a.common.fixErrors, [{ field: 'date', message: p.dateRequired }]));
            return;
          }
          void save
            .run(() => write.put(`/api/catalogue/points/${point.code}/special-days/${date}`, { closed, open: closed ? null : open, close: closed ? null : close, note }), () => p.specialSaved.replace('{{date}}', date))
            .then((r) => r && onSaved());
        }}
      >
        <ErrorAlert error={save.error} shownFields={['date', 'open', 'close', 'note.id', 'note.en']} />
        <div className="form-grid form-grid--4">
          <TextField label={p.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors('date')} />
          {!closed && <TextField label={p.opens} {...TIME} value={open} onChange={(e) => setOpen(e.target.value)} error={errors('open')} />}
          {!closed && <TextField label={p.closes} {...TIME} value={close} onChange={(e) => setClose(e.target.value)} error={errors('close')} />}
        </div>
        <CheckField label={p.closedDay} checked={closed} onChange={setClosed} />
        <BiField label={p.note} value={note} onChange={setNote} errors={errors} path="note" />
        {save.done && <Alert tone="success">{save.done}</Alert>}
        <Button type="submit" busy={save.busy}>
          {p.addSpecial}
        </Button>
      </form>
    </section>
  );
}

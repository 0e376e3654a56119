import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ApiError } from '../../api.ts';
import { Alert, Button, ErrorAlert, Loading, PageHeader, SelectField, Table, TextField } from '../../kit/index.ts';
import { formatDay, type LocalText } from '../../citizen/catalogue/model.ts';
import { write } from './api.ts';
import { BASE, BiField, CatalogueNav, emptyText, errorsOf, useFresh, useSave } from './form.tsx';
import { useA } from './messages.ts';
import { AWAITING_SKB } from './calendar-messages.ts';

type Named = { date: string; name: LocalText };
type Calendar = {
  year: number;
  workingDays: number;
  holidays: Named[];
  cutiBersama: Named[];
  specialClosures: Named[];
  specialDays: { date: string; point: { code: string; name: LocalText }; closed: boolean; open: string | null; close: string | null; note: LocalText }[];
};
type Closure = Named & { kind: 'cuti_bersama' | 'special_closure' };

function thisYear(): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()));
}

/** /admin/katalog/kalender?tahun=2026 — national holidays (read only), cuti bersama and closures, special days. */
export function CalendarAdmin() {
  const { a, lang, tx } = useA();
  const k = a.calendar;
  const [, navigate] = useLocation();
  const year = Number(new URLSearchParams(useSearch()).get('tahun')) || thisYear();
  const cal = useFresh<Calendar>('/api/catalogue/calendar', { year });
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<Closure['kind']>('cuti_bersama');
  const [name, setName] = useState<LocalText>(emptyText());
  const save = useSave();
  const remove = useSave();
  const errors = errorsOf(save.error);
  const closures: Closure[] = cal.data
    ? [...cal.data.cutiBersama.map((c) => ({ ...c, kind: 'cuti_bersama' as const })), ...cal.data.specialClosures.map((c) => ({ ...c, kind: 'special_closure' as const }))].sort((x, y) => x.date.localeCompare(y.date))
    : [];
  const years = [thisYear() - 1, thisYear(), thisYear() + 1, thisYear() + 2];
  return (
    <>
      <CatalogueNav />
      <PageHeader title={k.title} lead={k.lead} />
      <div className="filter-bar">
        <SelectField label={k.year} value={String(year)} onChange={(e) => navigate(`${BASE}/kalender?tahun=${e.target.value}`)} className="select--compact">
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorAlert error={cal.error} />
      {cal.loading && !cal.data && <Loading />}
      {cal.data && (
        <>
          <p className="muted" role="status">
            {k.workingDays.replace('{{n}}', String(cal.data.workingDays)).replace('{{year}}', String(year))}
          </p>
          {cal.data.cutiBersama.length === 0 && year >= thisYear() && (
            // Until the year's SKB 3 Menteri is out (and entered), its leave days count as working days.
            <Alert tone="warning" title={AWAITING_SKB[lang].title.replaceAll('{{year}}', String(year))}>
              <p>{AWAITING_SKB[lang].body.replaceAll('{{year}}', String(year))}</p>
            </Alert>
          )}
          <div className="calendar-grid">
            <section className="card" aria-labelledby="closures-title">
              <h2 id="closures-title">{k.closures}</h2>
              <ErrorAlert error={remove.error} />
              {remove.done && <Alert tone="success">{remove.done}</Alert>}
              <Table<Closure>
                caption={k.closuresCaption.replace('{{year}}', String(year))}
                hideCaption
                rows={closures}
                rowKey={(r) => r.date}
                empty={a.common.none}
                columns={[
                  { key: 'date', header: k.date, className: 'nowrap', render: (r) => formatDay(r.date, lang, { weekday: 'short', day: 'numeric', month: 'short' }) },
                  { key: 'kind', header: k.kind, render: (r) => k.kinds[r.kind] },
                  { key: 'name', header: k.name, className: 'wrap', render: (r) => tx(r.name) },
                  {
                    key: 'x',
                    header: a.common.remove,
                    render: (r) => (
                      <Button
                        variant="danger"
                        size="small"
                        aria-label={`${a.common.remove}: ${formatDay(r.date, lang)}`}
                        onClick={() => void remove.run(() => write.delete(`/api/catalogue/closures/${r.date}`), () => k.removed.replace('{{date}}', formatDay(r.date, lang))).then((x) => x && cal.reload())}
                      >
                        {a.common.remove}
                      </Button>
                    ),
                  },
                ]}
              />
              <form
                className="subform section-tight"
                aria-labelledby="closure-add-title"
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
                    save.setError(new ApiError(400, 'validation_failed', '', a.common.fixErrors, [{ field: 'date', message: a.points.dateRequired }]));
                    return;
                  }
                  void save
                    .run(() => write.put(`/api/catalogue/closures/${date}`, { kind, name }), () => k.saved.replace('{{date}}', formatDay(date, lang)))
                    .then((r) => {
                      if (!r) return;
                      setName(emptyText());
                      cal.reload();
                    });
                }}
              >
                <h3 id="closure-add-title">{k.addTitle}</h3>
                <ErrorAlert error={save.error} shownFields={['date', 'kind', 'name.id', 'name.en']} />
                <div className="form-grid form-grid--2">
                  <TextField label={k.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors('date')} />
                  <SelectField label={k.kind} value={kind} onChange={(e) => setKind(e.target.value as Closure['kind'])} error={errors('kind')}>
                    <option value="cuti_bersama">{k.kinds.cuti_bersama}</option>
                    <option value="special_closure">{k.kinds.special_closure}</option>
                  </SelectField>
                </div>
                <BiField label={k.name} value={name} onChange={setName} errors={errors} path="name" />
                {save.done && <Alert tone="success">{save.done}</Alert>}
                <Button type="submit" busy={save.busy}>
                  {k.add}
                </Button>
              </form>
            </section>

            <section className="card" aria-labelledby="holidays-title">
              <h2 id="holidays-title">{k.holidays}</h2>
              <p className="muted">{k.holidaysLead}</p>
              <ul className="plain-list holiday-list">
                {cal.data.holidays.map((h) => (
                  <li key={h.date}>
                    <span className="nowrap">{formatDay(h.date, lang, { weekday: 'short', day: 'numeric', month: 'short' })}</span> — {tx(h.name)}
                  </li>
                ))}
              </ul>
            </section>
          </div>

          <section className="section" aria-labelledby="special-days-title">
            <h2 id="special-days-title">{k.specialDays}</h2>
            <p className="muted">{k.specialHint}</p>
            <Table<Calendar['specialDays'][number]>
              caption={k.specialCaption.replace('{{year}}', String(year))}
              hideCaption
              rows={cal.data.specialDays}
              rowKey={(r) => `${r.point.code}-${r.date}`}
              empty={a.common.none}
              columns={[
                { key: 'date', header: k.date, className: 'nowrap', render: (r) => formatDay(r.date, lang, { weekday: 'short', day: 'numeric', month: 'short' }) },
                { key: 'point', header: k.point, render: (r) => <Link href={`${BASE}/titik/${r.point.code}`}>{tx(r.point.name)}</Link> },
                { key: 'hours', header: k.hours, className: 'nowrap', render: (r) => (r.closed ? k.closed : `${r.open}–${r.close}`) },
                { key: 'note', header: k.note, className: 'wrap', render: (r) => tx(r.note) },
              ]}
            />
          </section>
        </>
      )}
    </>
  );
}

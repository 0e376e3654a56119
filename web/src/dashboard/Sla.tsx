import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { useLang } from '../i18n/use-lang.ts';
import { ErrorAlert, Loading, PageHeader, TextField } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { useSla } from './sla-messages.ts';
import './sla.css';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

type Cell = {
  filed: number;
  finished: number;
  finishedOnTime: number;
  finishedLate: number;
  rejected: number;
  sentBack: number;
  openLate: number;
  openWithinSla: number;
  onTimePercent: number | null;
  medianWorkingDays: number | null;
  averageWorkingDays: number | null;
};
type Series = { months: (Cell & { month: string })[]; all: Cell };
type Name = { id: string; en: string };
type Figures = {
  from: string;
  to: string;
  months: string[];
  scope: 'regency' | 'agencies';
  total: Series;
  agencies: (Series & { id: string; code: string; shortName: string; name: Name; services: (Series & { id: string; code: string; name: Name })[] })[];
};

/** A chart.js canvas, redrawn when its configuration changes; the same figures are in the table below. */
function ChartCanvas({ config, label, height }: { config: ChartConfiguration; label: string; height: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
    return () => chart.destroy();
  }, [config]);
  return (
    <div className="sla-chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

function Tile({ label, value, sub, tone }: { label: string; value: string; sub: string; tone?: 'bad' | 'good' }) {
  return (
    <div className={`sla-tile ${tone ? `sla-tile--${tone}` : ''}`}>
      <div className="sla-tile__label">{label}</div>
      <div className="sla-tile__value">{value}</div>
      <div className="sla-tile__sub">{sub}</div>
    </div>
  );
}

/** This month and five before it, as YYYY-MM (the server's default range, shown in the pickers). */
function defaultRange(): { from: string; to: string } {
  const now = new Date(Date.now() + 7 * 3600_000); // WIB
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const ym = (yy: number, mm: number) => `${yy + Math.floor(mm / 12)}-${String((((mm % 12) + 12) % 12) + 1).padStart(2, '0')}`;
  return { from: ym(y, m - 5), to: ym(y, m) };
}

/** /dasbor/sla: SLA compliance of applications per agency and service, month by month (leader, MPP admin, agency staff). */
export function SlaCompliance() {
  const m = useSla();
  const lang = useLang();
  const { user } = useSession();
  const initial = useMemo(defaultRange, []);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [query, setQuery] = useState(initial);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const result = useApi<Figures>('/api/applications/figures/sla', query);
  const data = result.data;

  const monthName = useMemo(() => {
    const f = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return (ym: string) => f.format(new Date(`${ym}-01T00:00:00Z`));
  }, [lang]);
  const num = useMemo(() => new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }), [lang]);
  const n = (v: number | null, suffix = '') => (v == null ? '—' : `${num.format(v)}${suffix}`);

  const byAgency = useMemo<ChartConfiguration | null>(() => {
    if (!data) return null;
    const rows = data.agencies.filter((a) => a.all.finished > 0);
    return {
      type: 'bar',
      data: {
        labels: rows.map((a) => a.shortName),
        datasets: [{ label: m.chartSeries, data: rows.map((a) => a.all.onTimePercent ?? 0), backgroundColor: rows.map((a) => ((a.all.onTimePercent ?? 0) >= 80 ? '#146c43' : (a.all.onTimePercent ?? 0) >= 60 ? '#d99a00' : '#b42318')) }],
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { min: 0, max: 100, ticks: { callback: (v) => `${v}%` } } } },
    };
  }, [data, m]);
  const monthly = useMemo<ChartConfiguration | null>(() => {
    if (!data) return null;
    return {
      type: 'bar',
      data: {
        labels: data.total.months.map((c) => monthName(c.month)),
        datasets: [
          { label: m.onTimeSeries, data: data.total.months.map((c) => c.finishedOnTime), backgroundColor: '#0b5a66' },
          { label: m.lateSeries, data: data.total.months.map((c) => c.finishedLate), backgroundColor: '#b42318' },
        ],
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    };
  }, [data, m, monthName]);

  const csv = `/api/applications/figures/sla.csv?${new URLSearchParams({ from: query.from, to: query.to, lang })}`;
  const back = user?.role === 'agency_processor' ? { href: '/instansi', label: m.backAgency } : user?.role === 'mpp_admin' ? { href: '/admin', label: m.back } : { href: '/dasbor', label: m.back };
  const total = data?.total.all;
  const monthCaption = data?.scope === 'agencies' ? m.monthCaptionAgency : m.monthCaption;
  const columns = (c: Cell) => (
    <>
      <td className="num">{c.filed}</td>
      <td className="num">{c.finished}</td>
      <td className="num">{c.finishedOnTime}</td>
      <td className="num">{c.finishedLate}</td>
      <td className="num">{n(c.onTimePercent, '%')}</td>
      <td className="num">{n(c.medianWorkingDays)}</td>
      <td className="num">{n(c.averageWorkingDays)}</td>
      <td className="num">{c.openLate}</td>
      <td className="num">{c.openWithinSla}</td>
      <td className="num">{c.rejected}</td>
      <td className="num">{c.sentBack}</td>
    </>
  );
  const heads = (first: string) => (
    <tr>
      <th scope="col">{first}</th>
      {[m.col.filed, m.col.finished, m.col.onTime, m.col.late, m.col.pct, m.col.median, m.col.average, m.col.openLate, m.col.openWithin, m.col.rejected, m.col.sentBack].map((h) => (
        <th key={h} scope="col" className="num">
          {h}
        </th>
      ))}
    </tr>
  );

  return (
    <div className="sla-page">
      <PageHeader title={m.title} lead={m.lead} back={back} />
      <form
        className="sla-filters card"
        onSubmit={(e) => {
          e.preventDefault();
          if (from && to) setQuery({ from: from <= to ? from : to, to: from <= to ? to : from });
        }}
      >
        <TextField label={m.from} type="month" value={from} max={to} required onChange={(e) => setFrom(e.target.value)} />
        <TextField label={m.to} type="month" value={to} min={from} required onChange={(e) => setTo(e.target.value)} />
        <button type="submit" className="btn">
          {m.show}
        </button>
        {/* A plain link: the browser downloads the file (a router link would swallow the click). */}
        <a className="btn btn--secondary" href={csv} download>
          {m.csv}
        </a>
      </form>
      {data?.scope === 'agencies' && <p className="muted sla-scope">{m.scopeAgency}</p>}
      <ErrorAlert error={result.error} />
      {result.loading && !data ? (
        <Loading />
      ) : data && total ? (
        total.filed + total.finished + total.openLate + total.openWithinSla === 0 ? (
          <p className="muted">{m.none}</p>
        ) : (
          <>
            <div className="sla-tiles">
              <Tile label={m.cards.onTime} value={n(total.onTimePercent, '%')} sub={m.cards.onTimeSub(total.finished)} tone={total.onTimePercent == null ? undefined : total.onTimePercent >= 80 ? 'good' : 'bad'} />
              <Tile label={m.cards.lateOpen} value={String(total.openLate)} sub={m.cards.lateOpenSub(total.openWithinSla)} tone={total.openLate > 0 ? 'bad' : 'good'} />
              <Tile label={m.cards.median} value={total.medianWorkingDays == null ? '—' : m.days(n(total.medianWorkingDays))} sub={m.cards.medianSub(n(total.averageWorkingDays))} />
              <Tile label={m.cards.filed} value={String(total.filed)} sub={m.cards.filedSub(total.rejected, total.sentBack)} />
            </div>
            <div className="sla-charts">
              {byAgency && (
                <figure className="card">
                  <figcaption>
                    <strong>{m.chart}</strong>
                  </figcaption>
                  <ChartCanvas config={byAgency} label={m.chart} height={Math.max(180, (byAgency.data.labels?.length ?? 0) * 34 + 60)} />
                </figure>
              )}
              {monthly && (
                <figure className="card">
                  <figcaption>
                    <strong>{m.chartMonthly}</strong>
                  </figcaption>
                  <ChartCanvas config={monthly} label={m.chartMonthly} height={260} />
                </figure>
              )}
            </div>

            <div className="table-wrap" tabIndex={0} role="region" aria-label={m.tableCaption(monthName(data.from), monthName(data.to))}>
              <table className="table sla-table">
                <caption>{m.tableCaption(monthName(data.from), monthName(data.to))}</caption>
                <thead>{heads(m.col.name)}</thead>
                <tbody>
                  {data.agencies.map((a) => {
                    const expanded = open.has(a.id);
                    const name = a.shortName;
                    return (
                      <Fragment key={a.id}>
                        <tr className="sla-agency">
                          <th scope="row">
                            <button
                              type="button"
                              className="sla-toggle"
                              aria-expanded={expanded}
                              aria-label={expanded ? m.collapse(name) : m.expand(name)}
                              onClick={() =>
                                setOpen((s) => {
                                  const next = new Set(s);
                                  if (next.has(a.id)) next.delete(a.id);
                                  else next.add(a.id);
                                  return next;
                                })
                              }
                            >
                              <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> <abbr title={a.name[lang]}>{name}</abbr>
                            </button>
                          </th>
                          {columns(a.all)}
                        </tr>
                        {expanded &&
                          a.services.map((s) => (
                            <tr key={s.id} className="sla-service">
                              <th scope="row">{s.name[lang]}</th>
                              {columns(s.all)}
                            </tr>
                          ))}
                      </Fragment>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{data.scope === 'regency' ? m.total : m.totalAgency}</th>
                    {columns(data.total.all)}
                  </tr>
                </tfoot>
              </table>
            </div>

            <div className="table-wrap" tabIndex={0} role="region" aria-label={monthCaption}>
              <table className="table sla-table">
                <caption>{monthCaption}</caption>
                <thead>{heads(m.col.month)}</thead>
                <tbody>
                  {data.total.months.map((c) => (
                    <tr key={c.month}>
                      <th scope="row">{monthName(c.month)}</th>
                      {columns(c)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted sla-note">{m.openNote}</p>
          </>
        )
      ) : null}
    </div>
  );
}

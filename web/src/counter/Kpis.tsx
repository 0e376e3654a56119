import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '../use-api.ts';
import { ErrorAlert, Loading, PageHeader, SelectField, Table, TextField, type Column } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { fmt, useQ, type LocalText } from '../citizen/queue/messages.ts';
import './counter.css';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

type KpiItem = {
  day: string;
  key: string | null;
  label: string;
  arrived: number;
  called: number;
  served: number;
  noShow: number;
  noShowPct: number | null;
  avgWaitMinutes: number | null;
  maxWaitMinutes: number | null;
  aboveTargetPct: number | null;
  avgServiceMinutes: number | null;
  maxServiceMinutes: number | null;
};
type KpiResult = { point: { code: string; name: LocalText }; from: string; to: string; by: string; targetWaitMinutes: number; items: KpiItem[] };

function ChartBox({ build, label }: { build: (canvas: HTMLCanvasElement) => Chart; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = build(ref.current);
    return () => chart.destroy();
  }, [build]);
  return (
    <figure className="card">
      <figcaption>
        <strong>{label}</strong>
      </figcaption>
      <div className="kpi-chart">
        <canvas ref={ref} role="img" aria-label={label} />
      </div>
    </figure>
  );
}

/** /loket/kinerja: queue KPIs with charts and a CSV export (officer, admin, leader). */
export function QueueKpis() {
  const { q, tx } = useQ();
  const { user } = useSession();
  const points = useApi<{ items: { code: string; kind: string; name: LocalText }[] }>('/api/catalogue/points');
  const list = useMemo(() => (points.data?.items ?? []).filter((p) => p.kind === 'mpp' || p.kind === 'market'), [points.data]);
  const [point, setPoint] = useState('mpp-banyuwangi');
  // The range starts as the server's own last seven days (WIB), whatever the device's clock says.
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [by, setBy] = useState('point');
  const [query, setQuery] = useState<{ point: string; from?: string; to?: string; by: string }>({ point, by });
  const result = useApi<KpiResult>(`/api/queue/points/${query.point}/kpis`, { from: query.from, to: query.to, by: query.by });
  useEffect(() => {
    if (result.data && !from) {
      setFrom(result.data.from);
      setTo(result.data.to);
    }
  }, [result.data, from]);

  const byDay = useMemo(() => {
    const days = new Map<string, { arrived: number; served: number; waitSum: number; waitN: number }>();
    for (const i of result.data?.items ?? []) {
      const d = days.get(i.day) ?? { arrived: 0, served: 0, waitSum: 0, waitN: 0 };
      d.arrived += i.arrived;
      d.served += i.served;
      if (i.avgWaitMinutes != null) {
        d.waitSum += i.avgWaitMinutes * Math.max(1, i.called);
        d.waitN += Math.max(1, i.called);
      }
      days.set(i.day, d);
    }
    return [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [result.data]);

  const volume = useMemo(
    () => (canvas: HTMLCanvasElement) =>
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: byDay.map(([d]) => d),
          datasets: [
            { label: q.kpi.arrived, data: byDay.map(([, v]) => v.arrived), backgroundColor: '#8aa0a8' },
            { label: q.kpi.served, data: byDay.map(([, v]) => v.served), backgroundColor: '#0b5a66' },
          ],
        },
        options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      }),
    [byDay, q],
  );
  const waits = useMemo(
    () => (canvas: HTMLCanvasElement) =>
      new Chart(canvas, {
        type: 'line',
        data: {
          labels: byDay.map(([d]) => d),
          datasets: [
            { label: q.kpi.avgWait, data: byDay.map(([, v]) => (v.waitN ? Math.round((v.waitSum / v.waitN) * 10) / 10 : null)), borderColor: '#b34700', backgroundColor: '#b34700' },
            { label: fmt(q.kpi.target, { n: result.data?.targetWaitMinutes ?? 30 }), data: byDay.map(() => result.data?.targetWaitMinutes ?? null), borderColor: '#4a5d66', borderDash: [6, 4], pointRadius: 0 },
          ],
        },
        options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } },
      }),
    [byDay, q, result.data],
  );

  const n = (v: number | null, suffix = '') => (v == null ? '—' : `${v}${suffix}`);
  const columns: Column<KpiItem>[] = [
    { key: 'day', header: q.kpi.day, render: (r) => r.day },
    ...(query.by === 'point' ? [] : [{ key: 'name', header: q.kpi.name, render: (r: KpiItem) => r.label }]),
    { key: 'arrived', header: q.kpi.arrived, render: (r) => r.arrived, className: 'num' },
    { key: 'served', header: q.kpi.served, render: (r) => r.served, className: 'num' },
    { key: 'noShow', header: q.kpi.noShow, render: (r) => `${r.noShow} (${n(r.noShowPct, '%')})`, className: 'num' },
    { key: 'avgWait', header: q.kpi.avgWait, render: (r) => n(r.avgWaitMinutes), className: 'num' },
    { key: 'maxWait', header: q.kpi.maxWait, render: (r) => n(r.maxWaitMinutes), className: 'num' },
    { key: 'above', header: q.kpi.aboveTarget, render: (r) => n(r.aboveTargetPct, '%'), className: 'num' },
    { key: 'avgService', header: q.kpi.avgService, render: (r) => n(r.avgServiceMinutes), className: 'num' },
    { key: 'maxService', header: q.kpi.maxService, render: (r) => n(r.maxServiceMinutes), className: 'num' },
  ];
  const csv = `/api/queue/points/${query.point}/kpis?${new URLSearchParams({ ...(result.data ? { from: result.data.from, to: result.data.to } : {}), by: query.by, format: 'csv' })}`;

  return (
    <>
      <PageHeader title={q.kpi.title} lead={fmt(q.kpi.lead, { n: result.data?.targetWaitMinutes ?? 30 })} back={user?.role === 'leader' ? { href: '/dasbor', label: q.kiosk.back } : { href: '/loket', label: q.kiosk.back }} />
      <form
        className="kpi-filters card"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ point, from: from || undefined, to: to || undefined, by });
        }}
      >
        {list.length > 0 && (
          <SelectField label={q.home.point} value={point} onChange={(e) => setPoint(e.target.value)}>
            {list.map((p) => (
              <option key={p.code} value={p.code}>
                {tx(p.name)}
              </option>
            ))}
          </SelectField>
        )}
        <TextField label={q.kpi.from} type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={q.kpi.to} type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        <SelectField label={q.kpi.by} value={by} onChange={(e) => setBy(e.target.value)}>
          {Object.entries(q.kpi.dims).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="btn">
          {q.kpi.show}
        </button>
        {/* A plain link: the browser downloads the file (a router link would swallow the click). */}
        <a className="btn btn--secondary" href={csv} download>
          {q.kpi.csv}
        </a>
      </form>
      <ErrorAlert error={result.error} />
      {result.loading && !result.data ? (
        <Loading />
      ) : result.data && result.data.items.length ? (
        <>
          <div className="kpi-charts">
            <ChartBox build={volume} label={q.kpi.chartVolume} />
            <ChartBox build={waits} label={q.kpi.chartWait} />
          </div>
          <Table caption={`${q.kpi.title} — ${tx(result.data.point.name)} (${q.kpi.dims[result.data.by]})`} columns={columns} rows={result.data.items} rowKey={(r) => `${r.day}|${r.key}`} empty={q.kpi.none} stackOnPhone />
        </>
      ) : (
        <p className="muted">{q.kpi.none}</p>
      )}
    </>
  );
}

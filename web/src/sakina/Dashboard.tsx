import { useEffect, useRef, useState } from 'react';
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { useLang } from '../i18n/use-lang.ts';
import { Card, ErrorAlert, Loading, PageHeader, SelectField, Table, TextField } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { useS } from './messages.ts';
import { TargetsCard } from './Targets.tsx';
import type { Figures, FigureRow } from './types.ts';
import { todayWib } from './util.tsx';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, DoughnutController, ArcElement, Legend, Tooltip);

const COLORS = { k1: '#0b5a66', k4: '#3f8f9b', k6: '#f2b431', KRR: '#146c43', KRT: '#d99a00', KRST: '#b42318', unscreened: '#8aa0a8', births: '#0b5a66', facility: '#f2b431', risk: '#b42318' };

/** A chart.js canvas, redrawn when its configuration changes; the data are also in the table below it. */
function ChartCanvas({ config, label, small, height }: { config: ChartConfiguration; label: string; small?: boolean; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
    return () => chart.destroy();
  }, [config]);
  return (
    <div className={`sk-chart ${small ? 'sk-chart--small' : ''}`} style={height ? { height } : undefined}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

const pct = (c: { percent?: number | null }) => (c.percent === null || c.percent === undefined ? '—' : `${c.percent.toFixed(1)}%`);

function Tile({ label, value, sub }: { label: string; value: string | number; sub?: string }) {
  return (
    <div className="sk-tile">
      <div className="sk-tile__label">{label}</div>
      <div className="sk-tile__value">{value}</div>
      {sub && <div className="sk-tile__sub">{sub}</div>}
    </div>
  );
}

/** /sakina/dasbor — the puskesmas head's dashboard: PWS-KIA figures, charts, the CSV and XLSX sheets, and (for the puskesmas's midwives) the year's village targets. */
export function SakinaDashboard() {
  const s = useS();
  const lang = useLang();
  const { user } = useSession();
  const [month, setMonth] = useState(todayWib().slice(0, 7));
  const [puskesmasId, setPuskesmasId] = useState('');
  const { data, error, loading, reload } = useApi<Figures>('/api/sakina/figures', { month, puskesmasId: puskesmasId || undefined });
  const [choices, setChoices] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    if (data && !puskesmasId) setChoices(data.puskesmas.map((k) => ({ id: k.id, name: k.name })));
  }, [data, puskesmasId]);
  const [configs, setConfigs] = useState<{ coverage: ChartConfiguration; trend: ChartConfiguration; risk: ChartConfiguration } | null>(null);

  useEffect(() => {
    if (!data) return;
    const villages = data.puskesmas.flatMap((k) => k.villages);
    const monthName = (m: string) => new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
    setConfigs({
      coverage: {
        type: 'bar',
        data: {
          labels: villages.map((v) => v.name),
          datasets: [
            { label: 'K1', data: villages.map((v) => v.k1.percent ?? 0), backgroundColor: COLORS.k1 },
            { label: 'K4', data: villages.map((v) => v.k4.percent ?? 0), backgroundColor: COLORS.k4 },
            { label: 'K6', data: villages.map((v) => v.k6.percent ?? 0), backgroundColor: COLORS.k6 },
          ],
        },
        options: { indexAxis: 'y', scales: { x: { beginAtZero: true, suggestedMax: 100 }, y: { ticks: { autoSkip: false } } }, plugins: { legend: { position: 'bottom' } } },
      },
      trend: {
        type: 'line',
        data: {
          labels: data.trend.map((t) => monthName(t.month)),
          datasets: [
            { label: 'K1', data: data.trend.map((t) => t.k1), borderColor: COLORS.k1, backgroundColor: COLORS.k1 },
            { label: s.dashboard.highRisk, data: data.trend.map((t) => t.highRisk), borderColor: COLORS.risk, backgroundColor: COLORS.risk },
            { label: s.dashboard.births, data: data.trend.map((t) => t.births), borderColor: COLORS.k4, backgroundColor: COLORS.k4 },
            { label: s.dashboard.facilityBirths, data: data.trend.map((t) => t.facilityBirths), borderColor: COLORS.facility, backgroundColor: COLORS.facility },
          ],
        },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { position: 'bottom' } } },
      },
      risk: {
        type: 'doughnut',
        data: {
          labels: ['KRR', 'KRT', 'KRST', s.dashboard.unscreened],
          datasets: [{ data: [data.total.riskMix.KRR, data.total.riskMix.KRT, data.total.riskMix.KRST, data.total.riskMix.unscreened], backgroundColor: [COLORS.KRR, COLORS.KRT, COLORS.KRST, COLORS.unscreened] }],
        },
        options: { plugins: { legend: { position: window.innerWidth < 600 ? 'bottom' : 'right' } } },
      },
    });
  }, [data, lang, s]);

  const total: FigureRow | undefined = data?.total;
  const rows = data?.puskesmas.flatMap((k) => [...k.villages.map((v) => ({ key: v.villageId, name: v.name, row: v as FigureRow, total: false })), { key: `total-${k.id}`, name: `${s.dashboard.total} ${k.name}`, row: k.total, total: true }]) ?? [];
  const query = `month=${month}&lang=${lang}${puskesmasId ? `&puskesmasId=${puskesmasId}` : ''}`;
  const csv = `/api/sakina/figures.csv?${query}`;
  const xlsx = `/api/sakina/figures.xlsx?${query}`;

  return (
    <>
      <PageHeader
        title={s.dashboard.title}
        lead={s.dashboard.lead}
        back={user?.role === 'leader' ? { href: '/dasbor', label: s.figures.backToLeader } : { href: '/sakina', label: s.back }}
        actions={
          <>
            <a className="btn btn--secondary" href={csv} download>
              {s.dashboard.download}
            </a>
            <a className="btn btn--secondary" href={xlsx} download>
              {s.figures.downloadXlsx}
            </a>
          </>
        }
      />
      <div className="sk-filters">
        <TextField label={s.dashboard.month} type="month" value={month} max={todayWib().slice(0, 7)} onChange={(e) => e.target.value && setMonth(e.target.value)} />
        {user?.role === 'leader' && (
          <SelectField label={s.dashboard.puskesmas} value={puskesmasId} onChange={(e) => setPuskesmasId(e.target.value)}>
            <option value="">{s.home.all}</option>
            {choices.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <ErrorAlert error={error} />
      {loading && !data && <Loading />}
      {total && (
        <>
          <div className="sk-tiles" data-testid="tiles">
            <Tile label={s.dashboard.registered} value={total.registered.cumulative} sub={`${total.registered.month} ${s.dashboard.monthCount}${total.target ? ` · ${s.dashboard.target} ${total.target}` : ''}`} />
            <Tile label="K1 · K4 · K6" value={pct(total.k1)} sub={`K4 ${pct(total.k4)} · K6 ${pct(total.k6)}`} />
            <Tile label={s.dashboard.highRisk} value={total.riskHealthWorker.cumulative + total.riskCommunity.cumulative} sub={`${total.riskHealthWorker.cumulative} ${s.dashboard.byHealth} · ${total.riskCommunity.cumulative} ${s.dashboard.byCommunity}`} />
            <Tile label={s.dashboard.facilityBirths} value={pct(total.facilityBirths)} sub={`${total.facilityBirths.cumulative} / ${total.births.cumulative} ${s.dashboard.births.toLowerCase()}`} />
            <Tile label={s.dashboard.escorts} value={total.escortsDone.cumulative} sub={`${total.escortsDone.month} ${s.dashboard.monthCount}`} />
            <Tile label={s.dashboard.deaths} value={`${total.maternalDeaths.cumulative} / ${total.infantDeaths.cumulative}`} sub={s.dashboard.cumulative} />
          </div>
          {configs && (
            <div className="sk-sections">
              <Card title={s.dashboard.coverageChart}>
                {/* A bar per village: the chart grows with the villages so that every name shows (the regency has dozens). */}
                <ChartCanvas config={configs.coverage} label={s.dashboard.coverageChart} height={Math.max(260, (configs.coverage.data.labels?.length ?? 0) * 30 + 70)} />
              </Card>
              <Card title={s.dashboard.trendChart}>
                <ChartCanvas config={configs.trend} label={s.dashboard.trendChart} small />
              </Card>
              <Card title={s.dashboard.riskChart}>
                <ChartCanvas config={configs.risk} label={s.dashboard.riskChart} small />
              </Card>
            </div>
          )}
          <Card title={s.dashboard.table} className="section">
            <Table
              caption={s.dashboard.table}
              hideCaption
              rowKey={(r) => r.key}
              rows={rows}
              empty="—"
              columns={[
                { key: 'name', header: s.dashboard.village, render: (r) => (r.total ? <strong>{r.name}</strong> : r.name) },
                { key: 'target', header: s.dashboard.target, render: (r) => r.row.target ?? '—' },
                { key: 'k1', header: 'K1', render: (r) => `${r.row.k1.cumulative} (${pct(r.row.k1)})` },
                { key: 'k4', header: 'K4', render: (r) => `${r.row.k4.cumulative} (${pct(r.row.k4)})` },
                { key: 'k6', header: 'K6', render: (r) => `${r.row.k6.cumulative} (${pct(r.row.k6)})` },
                { key: 'risk', header: s.dashboard.highRisk, render: (r) => `${r.row.riskHealthWorker.cumulative} + ${r.row.riskCommunity.cumulative}` },
                { key: 'births', header: s.dashboard.facilityBirths, render: (r) => `${r.row.facilityBirths.cumulative}/${r.row.births.cumulative}` },
                { key: 'esc', header: s.dashboard.escorts, render: (r) => r.row.escortsDone.cumulative },
                { key: 'deaths', header: s.dashboard.deaths, render: (r) => `${r.row.maternalDeaths.cumulative} / ${r.row.infantDeaths.cumulative}` },
              ]}
            />
          </Card>
          {user?.role === 'midwife' && <TargetsCard year={Number(month.slice(0, 4))} onSaved={reload} />}
        </>
      )}
    </>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'wouter';
import { Badge, ErrorAlert, Loading, PageHeader, Table, TextField } from '../../kit/index.ts';
import { useApi } from '../../use-api.ts';
import { useC } from './messages.ts';
import { fmt, formatDay, hoursText, isCode, type DayView, type PointDetail, type PointSummary } from './model.ts';
import { OpenNow } from './parts.tsx';

const VILLAGES_SHOWN = 12;

function normalise(s: string): string {
  return s.toLocaleLowerCase('id').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function PointCard({ point }: { point: PointSummary }) {
  const { c, tx } = useC();
  return (
    <li className="place card">
      <h3 className="place__name">
        <Link href={`/lokasi/${point.code}`}>{tx(point.name)}</Link>
      </h3>
      {point.kind !== 'online' && <p className="place__address muted">{point.address}</p>}
      <OpenNow state={point} online={point.kind === 'online'} />
      <p className="muted place__count">{fmt(c.points.services, { n: point.serviceCount })}</p>
    </li>
  );
}

/** /lokasi — every service point: the MPP, the market units, online, and the 217 village offices (filtered). */
export function PointsPage() {
  const { c } = useC();
  const points = useApi<{ items: PointSummary[] }>('/api/catalogue/points');
  const [filter, setFilter] = useState('');
  const byKind = (kind: string) => (points.data?.items ?? []).filter((p) => p.kind === kind);
  const villages = useMemo(() => (points.data?.items ?? []).filter((p) => p.kind === 'village'), [points.data]);
  // "Find a village office" from a service page lands on the village list (/lokasi#desa).
  const loaded = !!points.data;
  useEffect(() => {
    if (loaded && window.location.hash === '#desa') document.getElementById('desa')?.focus();
  }, [loaded]);
  const matching = useMemo(() => {
    const f = normalise(filter.trim());
    return f ? villages.filter((v) => normalise(`${v.name.id} ${v.address}`).includes(f)) : villages;
  }, [villages, filter]);
  return (
    <>
      <PageHeader title={c.points.title} lead={c.points.lead} back={{ href: '/layanan', label: c.home.backToCatalogue }} />
      <ErrorAlert error={points.error} />
      {points.loading && <Loading />}
      {points.data &&
        (['mpp', 'market', 'online'] as const).map((kind) =>
          byKind(kind).length ? (
            <section key={kind} className="section" aria-labelledby={`kind-${kind}`}>
              <h2 id={`kind-${kind}`}>{c.points.kinds[kind]}</h2>
              <ul className="place-list">
                {byKind(kind).map((p) => (
                  <PointCard key={p.code} point={p} />
                ))}
              </ul>
            </section>
          ) : null,
        )}
      {villages.length > 0 && (
        <section className="section" aria-labelledby="desa" id="desa-section">
          <h2 id="desa" tabIndex={-1}>
            {c.points.kinds.village}
          </h2>
          <p className="muted">{fmt(c.points.villageHint, { n: villages.length })}</p>
          <TextField label={c.points.villageFilter} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
          <p className="muted" role="status">
            {matching.length === 0 ? c.points.villageNone : matching.length > VILLAGES_SHOWN ? fmt(c.points.villageShown, { shown: VILLAGES_SHOWN, n: matching.length }) : null}
          </p>
          <ul className="place-list">
            {matching.slice(0, VILLAGES_SHOWN).map((p) => (
              <PointCard key={p.code} point={p} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function dayHours(d: DayView, closed: string): string {
  return d.hours.length ? hoursText(d.hours) : closed;
}

/** /lokasi/:code — a point's week (with pasaran and holidays), open now, counters and services. */
export function PointPage() {
  const { code } = useParams<{ code: string }>();
  const { c, lang, tx } = useC();
  const point = useApi<PointDetail>(isCode(code) ? `/api/catalogue/points/${code}` : null);
  const [filter, setFilter] = useState('');
  if (!isCode(code)) return <PageHeader title={c.points.notFound} back={{ href: '/lokasi', label: c.points.back }} />;
  if (point.loading && !point.data) return <Loading />;
  if (!point.data) {
    return (
      <>
        <PageHeader title={c.points.notFound} back={{ href: '/lokasi', label: c.points.back }} />
        <ErrorAlert error={point.error} />
      </>
    );
  }
  const p = point.data;
  const online = p.kind === 'online';
  const f = normalise(filter.trim());
  const services = f ? p.services.filter((s) => normalise(`${s.name.id} ${s.name.en} ${s.agency.shortName}`).includes(f)) : p.services;
  return (
    <>
      <PageHeader title={tx(p.name)} lead={online ? undefined : p.address} meta={c.points.kinds[p.kind]} back={{ href: '/lokasi', label: c.points.back }} />
      <section className="card" aria-label={fmt(c.points.detailsOf, { name: tx(p.name) })}>
        <OpenNow state={p} online={online} />
        {!online && (
          <ul className="plain-list muted point-rules">
            <li>{fmt(c.points.pasaranToday, { day: p.today.javaneseDay })}</li>
            {p.fridayBreak && <li>{fmt(c.points.fridayBreak, p.fridayBreak)}</li>}
            {p.marketDays && <li>{fmt(c.points.marketDays, { days: p.marketDays.pasaran.join(', '), open: p.marketDays.open, close: p.marketDays.close })}</li>}
          </ul>
        )}
      </section>

      {!online && (
        <section className="section" aria-labelledby="week-title">
          <h2 id="week-title">{c.points.week}</h2>
          <Table<DayView>
            caption={fmt(c.points.weekCaption, { name: tx(p.name) })}
            hideCaption
            rows={p.week}
            rowKey={(d) => d.date}
            empty="—"
            columns={[
              {
                key: 'day',
                header: c.points.day,
                render: (d) => (
                  <span className={d.date === p.today.date ? 'week__today' : undefined}>
                    {tx(d.weekday)} {d.pasaran}, {formatDay(d.date, lang, { day: 'numeric', month: 'short' })}
                    {d.date === p.today.date && <span className="sr-only"> ({c.points.todayMark})</span>}
                  </span>
                ),
              },
              {
                key: 'hours',
                header: c.points.hours,
                render: (d) => (
                  <>
                    <span className="nowrap">{dayHours(d, c.points.closedDay)}</span>
                    {d.marketDay && (
                      <>
                        {' '}
                        <Badge tone="soon">{c.points.marketShort}</Badge>
                      </>
                    )}
                    {d.note && tx(d.note) !== c.points.closedDay && <span className="week__note">{tx(d.note)}</span>}
                  </>
                ),
              },
            ]}
          />
        </section>
      )}

      {p.upcomingSpecialDays.length > 0 && (
        <section className="section card" aria-labelledby="special-title">
          <h2 id="special-title" className="card__title">
            {c.points.special}
          </h2>
          <ul className="plain-list">
            {p.upcomingSpecialDays.map((d) => (
              <li key={d.date}>
                <strong>{formatDay(d.date, lang)}</strong>: {d.closed ? c.points.closedDay : `${d.open}–${d.close} WIB`} · {tx(d.note)}
              </li>
            ))}
          </ul>
        </section>
      )}

      {p.counters.length > 0 && (
        <section className="section" aria-labelledby="counters-title">
          <h2 id="counters-title">{c.points.counters}</h2>
          <ul className="counter-list">
            {p.counters
              .filter((ct) => ct.active)
              .map((ct) => (
                <li key={ct.code} className="card">
                  <h3>
                    <span className="counter-code">{ct.code}</span> {tx(ct.name)}
                  </h3>
                  <p className="muted">
                    {ct.allServices
                      ? c.points.allServicesCounter
                      : ct.services.slice(0, 6).map((s) => tx(s.name)).join(', ') + (ct.services.length > 6 ? ` ${fmt(c.points.moreServices, { n: ct.services.length - 6 })}` : '')}
                  </p>
                </li>
              ))}
          </ul>
        </section>
      )}

      <section className="section" aria-labelledby="services-title">
        <h2 id="services-title">
          {c.points.serviceList} ({p.services.length})
        </h2>
        {p.services.length > 8 && <TextField label={c.points.serviceFilter} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />}
        <ul className="link-list">
          {services.map((s) => (
            <li key={s.code}>
              <Link href={`/layanan/${s.code}`}>{tx(s.name)}</Link> <span className="muted">· {s.agency.shortName}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

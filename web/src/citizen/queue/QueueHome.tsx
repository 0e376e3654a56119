import { useMemo, useRef, useState } from 'react';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import { formatDateTime } from '../../format.ts';
import { Alert, ButtonLink, ErrorAlert, Loading, PageHeader, SelectField } from '../../kit/index.ts';
import type { Availability, Booking } from './api.ts';
import { useQueueEvents } from './live.ts';
import { fmt, useQ, type LocalText } from './messages.ts';
import './queue.css';

/** /antrian: today's quotas per service, online and walk-in apart, live; the way into booking. */
export function QueueHome() {
  const { q, tx, lang } = useQ();
  const { user } = useSession();
  const points = useApi<{ items: { code: string; kind: string; name: LocalText }[] }>('/api/catalogue/points');
  const list = useMemo(() => (points.data?.items ?? []).filter((p) => p.kind === 'mpp' || p.kind === 'market'), [points.data]);
  const [point, setPoint] = useState(() => new URLSearchParams(window.location.search).get('titik') ?? 'mpp-banyuwangi');
  const availability = useApi<Availability>(`/api/queue/points/${point}/availability`);
  const mine = useApi<{ items: Booking[] }>(user?.role === 'citizen' ? '/api/queue/bookings' : null);
  const timer = useRef<number | null>(null);
  useQueueEvents(point, (e) => {
    if (e.type !== 'quota' && e.type !== 'ticket' && e.type !== 'resync') return;
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      availability.reload();
    }, 1000);
  });
  const active = (mine.data?.items ?? []).filter((b) => b.status === 'booked' || b.status === 'checked_in');
  return (
    <>
      <PageHeader title={q.home.title} lead={q.home.lead} actions={<ButtonLink href={`/antrian/pesan?titik=${point}`}>{q.home.book}</ButtonLink>} />
      <Alert tone="info">{q.home.free}</Alert>
      {active.length > 0 && (
        <section className="section" aria-labelledby="my-bookings">
          <h2 id="my-bookings">{q.home.myBookings}</h2>
          <ul className="q-bookings">
            {active.map((b) => (
              <li key={b.code}>
                <a href={`/antrian/booking/${b.code}`} className="q-booking-link">
                  <strong>{b.code}</strong> · {tx(b.service.name)} · {b.date} {b.time} WIB · {q.bookingStatus[b.status]}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="section" aria-labelledby="quota-today">
        <h2 id="quota-today">{q.home.today}</h2>
        {list.length > 1 && (
          <SelectField label={q.home.point} value={point} onChange={(e) => setPoint(e.target.value)}>
            {list.map((p) => (
              <option key={p.code} value={p.code}>
                {tx(p.name)}
              </option>
            ))}
          </SelectField>
        )}
        <ErrorAlert error={availability.error} />
        {availability.loading && !availability.data ? (
          <Loading />
        ) : availability.data && availability.data.services.length ? (
          <ul className="q-quotas" aria-label={q.home.today}>
            {availability.data.services.map((s) => (
              <li key={s.service.code} className="q-quota card">
                <p className="q-quota__name">
                  <strong>{tx(s.service.name)}</strong> <span className="muted">· {s.service.agency}</span>
                </p>
                <dl className="q-quota__numbers">
                  <div>
                    <dt>{q.home.online}</dt>
                    <dd>
                      <strong>{s.online.remaining}</strong>/{s.online.quota}
                    </dd>
                  </div>
                  <div>
                    <dt>{q.home.walkIn}</dt>
                    <dd>{s.walkIn.remaining == null ? q.home.unlimited : <><strong>{s.walkIn.remaining}</strong>/{(s.walkIn.quota ?? 0) + s.walkIn.released}</>}</dd>
                  </div>
                </dl>
                {s.bookingEnabled && !s.open && <p className="muted">{fmt(q.home.opensAt, { when: formatDateTime(s.opensAt, lang) })}</p>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{q.home.none}</p>
        )}
        <p className="muted q-live-note">{q.home.live}</p>
      </section>
    </>
  );
}

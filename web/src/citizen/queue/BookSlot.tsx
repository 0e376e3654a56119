import { useEffect, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { api, ApiError } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { Alert, Button, ButtonLink, ErrorAlert, Loading, PageHeader, SelectField } from '../../kit/index.ts';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import type { Availability, Booking, Slots } from './api.ts';
import { fmt, useQ } from './messages.ts';
import './queue.css';

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** /antrian/pesan: choose service, day and slot; ?ubah=CODE moves an existing booking instead. */
export function BookSlot() {
  const { q, tx, lang } = useQ();
  const { user } = useSession();
  const [, navigate] = useLocation();
  const params = useMemo(() => new URLSearchParams(window.location.search), []);
  const point = params.get('titik') ?? 'mpp-banyuwangi';
  const moving = params.get('ubah');
  const availability = useApi<Availability>(`/api/queue/points/${point}/availability`);
  const services = (availability.data?.services ?? []).filter((s) => s.bookingEnabled);
  const [service, setService] = useState(params.get('layanan') ?? '');
  const today = availability.data?.day ?? null;
  const [day, setDay] = useState<string | null>(null);
  useEffect(() => {
    if (today && !day) setDay(today);
  }, [today, day]);
  const slots = useApi<Slots>(service && day ? `/api/queue/points/${point}/services/${service}/slots` : null, day ? { date: day } : undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  if (!user || user.role !== 'citizen') {
    return (
      <>
        <PageHeader title={q.book.title} lead={q.book.signIn} />
        <ButtonLink href={`/masuk?next=${encodeURIComponent(`/antrian/pesan?titik=${point}`)}`}>{q.book.signInButton}</ButtonLink>
      </>
    );
  }

  const book = async (time: string) => {
    setBusy(time);
    setError(null);
    try {
      const booking = moving
        ? await api.post<Booking>(`/api/queue/bookings/${moving}/reschedule`, { date: day, time, service })
        : await api.post<Booking>('/api/queue/bookings', { point, service, date: day, time });
      navigate(`/antrian/booking/${booking.code}`);
    } catch (e) {
      setError(e as ApiError);
      slots.reload();
    } finally {
      setBusy(null);
    }
  };

  const days = today ? Array.from({ length: 8 }, (_, i) => addDays(today, i)) : [];
  const dayLabel = (d: string) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  const allPast = slots.data && slots.data.slots.length > 0 && slots.data.slots.every((s) => !s.bookable);
  return (
    <>
      <PageHeader title={moving ? q.booking.reschedule : q.book.title} lead={q.book.lead} back={{ href: '/antrian', label: q.kiosk.back }} />
      <Alert tone="info">{q.book.rules}</Alert>
      <ErrorAlert error={error ?? availability.error} />
      {!availability.data ? (
        <Loading />
      ) : (
        <div className="stack">
          <SelectField label={q.book.service} value={service} onChange={(e) => setService(e.target.value)}>
            <option value="">{q.book.chooseService}</option>
            {services.map((s) => (
              <option key={s.service.code} value={s.service.code}>
                {tx(s.service.name)}
              </option>
            ))}
          </SelectField>
          <SelectField label={q.book.date} value={day ?? ''} onChange={(e) => setDay(e.target.value)}>
            {days.map((d) => (
              <option key={d} value={d}>
                {dayLabel(d)}
              </option>
            ))}
          </SelectField>
          {service && day && (
            <section aria-labelledby="slots-title">
              <h2 id="slots-title">{q.book.slots}</h2>
              <ErrorAlert error={slots.error} />
              {!slots.data ? (
                <Loading />
              ) : slots.data.slots.length === 0 ? (
                <p className="muted">{q.book.closed}</p>
              ) : (
                <>
                  {allPast && new Date(slots.data.opensAt) > new Date() && <p className="muted">{fmt(q.book.notOpen, { when: formatDateTime(slots.data.opensAt, lang) })}</p>}
                  <ul className="q-slots">
                    {slots.data.slots.map((s) => (
                      <li key={s.start}>
                        <Button variant={s.bookable ? 'primary' : 'secondary'} block disabled={!s.bookable} busy={busy === s.start} onClick={() => void book(s.start)}>
                          <span className="q-slot__time">{s.start}</span>
                          <span className="sr-only"> WIB, </span>
                          <span className="q-slot__left">{s.remaining > 0 ? fmt(q.book.left, { n: s.remaining }) : q.book.full}</span>
                        </Button>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}
        </div>
      )}
    </>
  );
}

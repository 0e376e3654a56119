import { useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { api, ApiError } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { Alert, Button, ButtonLink, ErrorAlert, Loading, PageHeader } from '../../kit/index.ts';
import { useApi } from '../../use-api.ts';
import type { Booking } from './api.ts';
import { fmt, useQ } from './messages.ts';
import './queue.css';

function longDay(day: string, lang: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** /antrian/booking/:code — the booking with its QR for the kiosk; cancel or change it. */
export function BookingPage() {
  const { q, tx, lang } = useQ();
  const { code } = useParams<{ code: string }>();
  const [, navigate] = useLocation();
  const booking = useApi<Booking>(`/api/queue/bookings/${encodeURIComponent(code ?? '')}`);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const b = booking.data;
  if (booking.loading && !b) return <Loading />;
  if (!b) return <ErrorAlert error={booking.error} />;
  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/queue/bookings/${b.code}/cancel`);
      setDone(true);
      booking.reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
      setConfirm(false);
    }
  };
  const time = (iso: string) => formatDateTime(iso, lang);
  return (
    <>
      <PageHeader title={fmt(q.booking.title, { code: b.code })} back={{ href: '/antrian', label: q.kiosk.back }} />
      {done && <Alert tone="success">{q.booking.cancelled}</Alert>}
      {b.standing.kind === 'warning' && <Alert tone="warning">{fmt(q.book.warning, { n: b.standing.count, remaining: b.standing.remaining })}</Alert>}
      <ErrorAlert error={error} />
      <div className="q-booking card">
        {b.status === 'booked' && (
          <figure className="q-booking__qr">
            {/* The SVG comes from our own server (qrcode), never from user input. */}
            <div className="q-qr" dangerouslySetInnerHTML={{ __html: b.qrSvg }} role="img" aria-label={`QR ${b.code}`} />
            <figcaption>{q.booking.qr}</figcaption>
          </figure>
        )}
        <dl className="q-facts">
          <div>
            <dt>{q.booking.code}</dt>
            <dd className="q-code" data-testid="booking-code">
              {b.code}
            </dd>
          </div>
          <div>
            <dt>{q.booking.status}</dt>
            <dd>{q.bookingStatus[b.status] ?? b.status}</dd>
          </div>
          <div>
            <dt>{q.booking.service}</dt>
            <dd>{tx(b.service.name)}</dd>
          </div>
          <div>
            <dt>{q.booking.when}</dt>
            <dd>
              {longDay(b.date, lang)} · {b.time} WIB
            </dd>
          </div>
          <div>
            <dt>{q.booking.where}</dt>
            <dd>{tx(b.point.name)}</dd>
          </div>
          <div>
            <dt>{q.booking.nik}</dt>
            <dd>{b.nik}</dd>
          </div>
        </dl>
        {b.status === 'booked' && <p>{fmt(q.booking.window, { from: time(b.checkInFrom), late: time(b.lateAfter) })}</p>}
        {b.ticket && (
          <p>
            <strong>{fmt(q.booking.ticket, { number: b.ticket.number })}</strong> <ButtonLink href={`/antrian/tiket/${b.ticket.token}`}>{q.booking.openTicket}</ButtonLink>
          </p>
        )}
        {b.status === 'booked' && (
          <div className="btn-row">
            <Button variant="secondary" onClick={() => navigate(`/antrian/pesan?titik=${b.point.code}&layanan=${b.service.code}&ubah=${b.code}`)}>
              {q.booking.reschedule}
            </Button>
            {confirm ? (
              <span className="q-confirm" role="group" aria-label={q.booking.cancel}>
                <span>{q.booking.cancelConfirm}</span>
                <Button variant="danger" busy={busy} onClick={() => void cancel()}>
                  {q.booking.cancel}
                </Button>
                <Button variant="secondary" onClick={() => setConfirm(false)}>
                  ✕
                </Button>
              </span>
            ) : (
              <Button variant="danger" onClick={() => setConfirm(true)}>
                {q.booking.cancel}
              </Button>
            )}
          </div>
        )}
      </div>
    </>
  );
}

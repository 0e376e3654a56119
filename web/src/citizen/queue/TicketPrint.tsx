import { formatDateTime } from '../../format.ts';
import type { Printable } from './api.ts';
import { fmt, useQ } from './messages.ts';

/**
 * The ticket as a 58 mm thermal printer prints it (see queue.css @media print): number, service,
 * point, time, people ahead, and the QR of the live page. On screen it is the kiosk's receipt.
 */
export function TicketPrint({ ticket, note }: { ticket: Printable; note?: string }) {
  const { q, tx, lang } = useQ();
  const estimate = ticket.estimate.kind === 'estimate' ? fmt(q.aroundMinutes, { n: ticket.estimate.minutes, low: ticket.estimate.low, high: ticket.estimate.high }) : q.noCounter;
  return (
    <article className="ticket-print" aria-label={q.kiosk.yourTicket} data-testid="ticket-print">
      <p className="ticket-print__point">{tx(ticket.point.name)}</p>
      <p className="ticket-print__label">{q.kiosk.yourTicket}</p>
      <p className="ticket-print__number" data-testid="ticket-number">
        {ticket.ticket.number}
      </p>
      <p className="ticket-print__service">{tx(ticket.ticket.service.name)}</p>
      {note && <p className="ticket-print__note">{note}</p>}
      <p className="ticket-print__meta">{fmt(q.kiosk.ahead, { n: ticket.ahead })}</p>
      <p className="ticket-print__meta">{fmt(q.kiosk.estimate, { text: estimate })}</p>
      <div className="ticket-print__qr q-qr" dangerouslySetInnerHTML={{ __html: ticket.qrSvg }} role="img" aria-label={q.kiosk.scan} />
      <p className="ticket-print__small">{q.kiosk.scan}</p>
      <p className="ticket-print__small">{formatDateTime(ticket.issuedAt, lang)}</p>
    </article>
  );
}

import { Link } from 'wouter';
import { Badge } from '../../kit/index.ts';
import { useC } from './messages.ts';
import { fmt, formatDay, hoursText, wibDay, wibTime, type OpenState, type ServiceSummary } from './model.ts';
import './catalogue.css';

/** "Open now" or "Closed · opens again Tuesday at 08:00", with today's hours and the market day. */
export function OpenNow({ state, online = false }: { state: OpenState; online?: boolean }) {
  const { c, lang, tx } = useC();
  const day = tx(state.today.weekday);
  const allDay = state.today.hours.length === 1 && state.today.hours[0]!.open === '00:00' && state.today.hours[0]!.close >= '23:59';
  let next: string | null = null;
  if (!state.openNow && state.nextOpening) {
    const sameDay = wibDay(state.nextOpening) === state.today.date;
    next = fmt(c.open.next, {
      when: sameDay
        ? fmt(c.open.nextToday, { time: wibTime(state.nextOpening) })
        : fmt(c.open.nextOther, { day: formatDay(wibDay(state.nextOpening), lang, { weekday: 'long', day: 'numeric', month: 'short' }), time: wibTime(state.nextOpening) }),
    });
  }
  return (
    <div className="open-state">
      <p className="open-state__now">
        {state.openNow ? <Badge tone="ok">{c.open.openNow}</Badge> : <Badge tone="off">{c.open.closed}</Badge>}
        {next && <span className="open-state__next"> {next}</span>}
      </p>
      {!online && (
        <p className="open-state__today">
          {state.today.hours.length ? fmt(c.open.today, { day, hours: allDay ? c.open.allDay : `${hoursText(state.today.hours)} WIB` }) : fmt(c.open.todayClosed, { day })}
          {state.today.note && ` · ${tx(state.today.note)}`}
        </p>
      )}
      {state.today.marketDay && <p className="open-state__market">{fmt(c.open.marketDay, { pasaran: state.today.javaneseDay })}</p>}
    </div>
  );
}

/** One search or browse result: name, agency, fee and time at a glance. */
export function ServiceItem({ service }: { service: ServiceSummary }) {
  const { c, tx } = useC();
  return (
    <li className="svc-item">
      <Link href={`/layanan/${service.code}`} className="svc-item__link">
        <span className="svc-item__name">{tx(service.name)}</span>
      </Link>
      <span className="svc-item__agency">{service.agency.shortName}</span>
      <p className="svc-item__summary">{tx(service.summary)}</p>
      <dl className="svc-item__facts">
        <div>
          <dt>{c.card.fee}</dt>
          <dd className={service.free ? 'svc-item__free' : undefined}>{tx(service.fee)}</dd>
        </div>
        <div>
          <dt>{c.card.duration}</dt>
          <dd>{tx(service.duration)}</dd>
        </div>
        {service.channels.includes('online') && (
          <div>
            <dt className="sr-only">{c.card.online}</dt>
            <dd>
              <Badge tone="ok">{c.card.online}</Badge>
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}

export function ServiceList({ items, label }: { items: ServiceSummary[]; label: string }) {
  return (
    <ul className="svc-list" aria-label={label}>
      {items.map((s) => (
        <ServiceItem key={s.code} service={s} />
      ))}
    </ul>
  );
}

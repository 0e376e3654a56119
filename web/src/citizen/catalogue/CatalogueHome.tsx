import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { Alert, Button, ErrorAlert, Field, Loading, PageHeader, Spinner } from '../../kit/index.ts';
import { useApi } from '../../use-api.ts';
import { useC } from './messages.ts';
import { fmt, isCode, type Agency, type LifeEvent, type ServiceSummary } from './model.ts';
import { ServiceList } from './parts.tsx';

const DEBOUNCE_MS = 300;
const RESULT_LIMIT = 20;

/**
 * /layanan — search as you type (the forgiving search is the API's), or browse by life event
 * (?peristiwa=kelahiran) or by agency (?instansi=dispendukcapil). The address follows the search,
 * so "back" from a service page returns to the same results.
 */
export function CatalogueHome() {
  const params = new URLSearchParams(useSearch());
  const lifeEvent = isCode(params.get('peristiwa') ?? undefined) ? params.get('peristiwa')! : undefined;
  const agency = !lifeEvent && isCode(params.get('instansi') ?? undefined) ? params.get('instansi')! : undefined;
  // A new browse target starts a new search box.
  return <Catalogue key={`${lifeEvent ?? ''}|${agency ?? ''}`} lifeEvent={lifeEvent} agency={agency} initial={params.get('q')?.trim() ?? ''} />;
}

function Catalogue({ lifeEvent, agency, initial }: { lifeEvent?: string; agency?: string; initial: string }) {
  const { c, tx } = useC();
  const [, navigate] = useLocation();
  const [text, setText] = useState(initial);
  const [query, setQuery] = useState(initial);
  const timer = useRef<number | null>(null);

  const events = useApi<{ items: LifeEvent[] }>('/api/catalogue/life-events');
  const agencies = useApi<{ items: Agency[] }>(lifeEvent || agency ? null : '/api/catalogue/agencies');
  const agencyDetail = useApi<Agency & { services: ServiceSummary[] }>(agency ? `/api/catalogue/agencies/${agency}` : null);
  const eventServices = useApi<{ items: ServiceSummary[]; total: number }>(lifeEvent && !query ? '/api/catalogue/services' : null, { lifeEvent });
  const results = useApi<{ items: ServiceSummary[]; total: number }>(query ? '/api/catalogue/services' : null, { q: query, limit: RESULT_LIMIT, lifeEvent, agency });

  const base = lifeEvent ? `/layanan?peristiwa=${lifeEvent}` : agency ? `/layanan?instansi=${agency}` : '/layanan';
  const apply = (value: string) => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const q = value.trim();
    setQuery(q);
    const sep = base.includes('?') ? '&' : '?';
    navigate(q ? `${base}${sep}q=${encodeURIComponent(q)}` : base, { replace: true });
  };
  useEffect(() => () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
  }, []);

  const event = events.data?.items.find((e) => e.code === lifeEvent);
  const title = lifeEvent ? fmt(c.home.lifeEventTitle, { name: event ? tx(event.name) : lifeEvent }) : agency ? fmt(c.home.agencyTitle, { name: agencyDetail.data?.shortName ?? agency }) : c.home.title;
  const lead = lifeEvent ? (event ? tx(event.description) : undefined) : agency ? (agencyDetail.data ? tx(agencyDetail.data.name) : undefined) : c.home.lead;
  const sortedAgencies = useMemo(() => [...(agencies.data?.items ?? [])].filter((a) => a.serviceCount > 0).sort((a, b) => a.shortName.localeCompare(b.shortName, 'id')), [agencies.data]);

  return (
    <>
      <PageHeader title={title} lead={lead} back={lifeEvent || agency ? { href: '/layanan', label: c.home.backToCatalogue } : { href: '/', label: c.home.homeLink }} />
      <div className="card">
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            apply(text);
          }}
        >
          <Field label={c.home.searchLabel} hint={c.home.searchHint}>
            {(control) => (
              <div className="search-box">
                <input
                  {...control}
                  className="input"
                  type="search"
                  name="q"
                  value={text}
                  autoComplete="off"
                  enterKeyHint="search"
                  onChange={(e) => {
                    const value = e.target.value;
                    setText(value);
                    if (timer.current !== null) window.clearTimeout(timer.current);
                    timer.current = window.setTimeout(() => apply(value), DEBOUNCE_MS);
                  }}
                />
                <Button type="submit">{c.home.searchButton}</Button>
              </div>
            )}
          </Field>
        </form>
        {agency && agencyDetail.data && (
          <p className="muted cat-agency-contact">
            {agencyDetail.data.phone && <span>{fmt(c.home.phone, { phone: agencyDetail.data.phone })}</span>} <span>{fmt(c.home.complaints, { channel: tx(agencyDetail.data.complaintChannel) })}</span>
          </p>
        )}
      </div>

      {query ? (
        <section className="section" aria-labelledby="results-title">
          <h2 id="results-title">{fmt(c.home.results, { q: query })}</h2>
          <ErrorAlert error={results.error} />
          <p className="muted" role="status" aria-live="polite">
            {results.loading ? (
              <>
                <Spinner /> {c.home.searching}
              </>
            ) : results.data ? (
              fmt(c.home.resultCount, { n: results.data.total })
            ) : null}
          </p>
          {results.data && results.data.items.length === 0 && !results.loading && <Alert tone="info">{fmt(c.home.noResults, { q: query })}</Alert>}
          {results.data && results.data.items.length > 0 && <ServiceList items={results.data.items} label={fmt(c.home.results, { q: query })} />}
          <p>
            <button type="button" className="link-button" onClick={() => {
                setText('');
                apply('');
              }}>
              {c.home.clear}
            </button>
          </p>
        </section>
      ) : lifeEvent ? (
        <section className="section" aria-labelledby="browse-title">
          <h2 id="browse-title">{c.home.allServices}</h2>
          <ErrorAlert error={eventServices.error} />
          {eventServices.loading && <Loading />}
          {eventServices.data && <ServiceList items={eventServices.data.items} label={title} />}
        </section>
      ) : agency ? (
        <section className="section" aria-labelledby="browse-title">
          <h2 id="browse-title">{c.home.allServices}</h2>
          <ErrorAlert error={agencyDetail.error} />
          {agencyDetail.loading && <Loading />}
          {agencyDetail.data && <ServiceList items={agencyDetail.data.services} label={title} />}
        </section>
      ) : null}

      {!lifeEvent && !agency && (
        <>
          <section className="section" aria-labelledby="events-title">
            <h2 id="events-title">{c.home.byLifeEvent}</h2>
            <ErrorAlert error={events.error} />
            {events.loading && <Loading />}
            <ul className="event-grid">
              {events.data?.items
                .filter((e) => e.serviceCount > 0)
                .map((e) => (
                  <li key={e.code}>
                    <Link href={`/layanan?peristiwa=${e.code}`} className="event-tile" data-event={e.code}>
                      <span className="event-tile__name">{tx(e.name)}</span>
                      <span className="event-tile__count">{fmt(c.home.serviceCount, { n: e.serviceCount })}</span>
                    </Link>
                  </li>
                ))}
            </ul>
          </section>

          <section className="section" aria-labelledby="agencies-title">
            <h2 id="agencies-title">{c.home.byAgency}</h2>
            <ErrorAlert error={agencies.error} />
            {agencies.loading && <Loading />}
            <ul className="agency-list">
              {sortedAgencies.map((a) => (
                <li key={a.code}>
                  <Link href={`/layanan?instansi=${a.code}`}>{a.shortName}</Link>
                  <span className="muted"> · {fmt(c.home.serviceCount, { n: a.serviceCount })}</span>
                  <span className="agency-list__name">{tx(a.name)}</span>
                </li>
              ))}
            </ul>
          </section>

          <section className="section card" aria-labelledby="places-title">
            <h2 id="places-title" className="card__title">
              <Link href="/lokasi">{c.home.places}</Link>
            </h2>
            <p className="muted">{c.home.placesBody}</p>
          </section>
        </>
      )}
    </>
  );
}

import { Link, useParams } from 'wouter';
import { Alert, ButtonLink, ErrorAlert, Loading, PageHeader } from '../../kit/index.ts';
import { formatDateTime } from '../../format.ts';
import { useApi } from '../../use-api.ts';
import { useC } from './messages.ts';
import { fmt, isCode, type ServiceDetail } from './model.ts';
import { OpenNow } from './parts.tsx';
import { KeyFacts, ManagementComponents, Procedure, Requirements } from './StandardView.tsx';

/**
 * Where the buttons lead. The queue module serves /antrian (today's quotas per point; tickets are
 * taken at the kiosk) and /antrian/pesan (booking a slot); the applications module serves /ajukan.
 */
export function actionLinks(service: ServiceDetail) {
  const hall = service.offeredAt.find((o) => o.point.kind === 'mpp') ?? service.offeredAt.find((o) => o.point.kind === 'market');
  const mpp = service.offeredAt.find((o) => o.point.kind === 'mpp');
  return {
    takeTicket: service.actions.takeTicket && hall ? `/antrian?titik=${hall.point.code}&layanan=${service.code}` : null,
    bookSlot: service.actions.bookSlot && mpp ? `/antrian/pesan?titik=${mpp.point.code}&layanan=${service.code}` : null,
    applyOnline: service.actions.applyOnline ? `/ajukan/${service.code}` : null,
  };
}

/** /layanan/:code — the service's standard in plain language, where it is offered, and how to start. */
export function ServicePage() {
  const { code } = useParams<{ code: string }>();
  const { c, lang, tx } = useC();
  const service = useApi<ServiceDetail>(isCode(code) ? `/api/catalogue/services/${code}` : null);
  if (!isCode(code)) return <PageHeader title={c.service.notFound} back={{ href: '/layanan', label: c.home.backToCatalogue }} />;
  if (service.loading && !service.data) return <Loading />;
  if (service.error || !service.data) {
    return (
      <>
        <PageHeader title={service.error?.status === 404 ? c.service.notFound : c.home.title} back={{ href: '/layanan', label: c.home.backToCatalogue }} />
        <ErrorAlert error={service.error} />
      </>
    );
  }
  const s = service.data;
  const links = actionLinks(s);
  const pdf = `${s.links.pdf}?lang=${lang}`;
  const physical = s.offeredAt.filter((o) => o.point.kind !== 'online');
  return (
    <article className="service-page">
      <PageHeader
        title={tx(s.name)}
        lead={tx(s.summary)}
        meta={
          <Link href={`/layanan?instansi=${s.agency.code}`} className="service-page__agency">
            {tx(s.agency.name)}
          </Link>
        }
        back={{ href: '/layanan', label: c.home.backToCatalogue }}
      />
      {!s.active && <Alert tone="warning">{c.service.inactive}</Alert>}

      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title" className="card__title">
          {c.service.facts}
        </h2>
        <KeyFacts standard={s.standard} />
        {(links.takeTicket || links.bookSlot || links.applyOnline) && (
          <div className="btn-row service-actions" role="group" aria-label={c.service.actions}>
            {links.applyOnline && <ButtonLink href={links.applyOnline}>{c.service.applyOnline}</ButtonLink>}
            {links.bookSlot && (
              <ButtonLink href={links.bookSlot} variant="secondary">
                {c.service.bookSlot}
              </ButtonLink>
            )}
            {links.takeTicket && (
              <ButtonLink href={links.takeTicket} variant="secondary">
                {c.service.takeTicket}
              </ButtonLink>
            )}
          </div>
        )}
      </section>

      <section className="card section" aria-labelledby="req-title">
        <h2 id="req-title" className="card__title">
          {c.service.requirements}
        </h2>
        <Requirements standard={s.standard} />
      </section>

      <section className="card section" aria-labelledby="proc-title">
        <h2 id="proc-title" className="card__title">
          {c.service.procedure}
        </h2>
        <Procedure standard={s.standard} />
      </section>

      <section className="section" aria-labelledby="where-title">
        <h2 id="where-title">{c.service.where}</h2>
        {physical.length === 0 && !s.smartKampung && <p>{c.service.noPlace}</p>}
        <ul className="place-list">
          {s.offeredAt.map((o) => (
            <li key={o.point.code} className="place card">
              <h3 className="place__name">
                <Link href={`/lokasi/${o.point.code}`}>{tx(o.point.name)}</Link>
              </h3>
              {o.point.kind !== 'online' && <p className="place__address muted">{o.point.address}</p>}
              <OpenNow state={o} online={o.point.kind === 'online'} />
              {o.counters.length > 0 && (
                <p className="place__counters">
                  <span className="place__label">{c.service.counters}: </span>
                  {o.counters.map((ct) => `${ct.code} – ${tx(ct.name)}`).join('; ')}
                </p>
              )}
            </li>
          ))}
          {s.smartKampung && (
            <li className="place card">
              <p className="place__name">{fmt(c.service.smartKampung, { n: s.smartKampung.points, open: s.smartKampung.openNow })}</p>
              <Link href="/lokasi#desa">{c.service.smartKampungLink}</Link>
            </li>
          )}
        </ul>
      </section>

      <section className="card section" aria-labelledby="complaint-title">
        <h2 id="complaint-title" className="card__title">
          {c.service.complaints}
        </h2>
        <p>{tx(s.standard.complaintHandling)}</p>
      </section>

      <ManagementComponents standard={s.standard} />

      <footer className="section service-foot">
        <p className="muted">{fmt(c.service.version, { n: s.standard.version, date: formatDateTime(s.standard.publishedAt, lang) })}</p>
        <div className="btn-row">
          <a className="btn btn--secondary" href={pdf} data-testid="standard-pdf">
            {c.service.pdf}
          </a>
          {s.currentVersion > 1 && <Link href={`/layanan/${s.code}/versi`}>{c.service.versions}</Link>}
        </div>
      </footer>
    </article>
  );
}

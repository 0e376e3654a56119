import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { Badge, ButtonLink, ErrorAlert, Field, Loading, PageHeader, SelectField, Table } from '../../kit/index.ts';
import type { Agency, ServiceSummary } from '../../citizen/catalogue/model.ts';
import { BASE, CatalogueNav, useFresh } from './form.tsx';
import { useA } from './messages.ts';

/** /admin/katalog — every service, searchable, with its version, fee and time; the way into editing. */
export function ServicesAdmin() {
  const { a, tx } = useA();
  const params = new URLSearchParams(window.location.search);
  const [text, setText] = useState(params.get('q') ?? '');
  const [q, setQ] = useState(text);
  const [agency, setAgency] = useState(params.get('instansi') ?? '');
  useEffect(() => {
    const t = window.setTimeout(() => setQ(text.trim()), 300);
    return () => window.clearTimeout(t);
  }, [text]);
  useEffect(() => {
    const qs = new URLSearchParams();
    if (q) qs.set('q', q);
    if (agency) qs.set('instansi', agency);
    const s = qs.toString();
    window.history.replaceState(window.history.state, '', s ? `${BASE}?${s}` : BASE);
  }, [q, agency]);
  const agencies = useFresh<{ items: Agency[] }>('/api/catalogue/agencies', { inactive: 'true' });
  const services = useFresh<{ items: ServiceSummary[]; total: number }>('/api/catalogue/services', { q: q || undefined, agency: agency || undefined, limit: 500, inactive: 'true' });
  const sortedAgencies = useMemo(() => [...(agencies.data?.items ?? [])].sort((x, y) => x.shortName.localeCompare(y.shortName, 'id')), [agencies.data]);
  const s = a.services;
  return (
    <>
      <CatalogueNav />
      <PageHeader title={s.title} lead={s.lead} actions={<ButtonLink href={`${BASE}/layanan/baru`}>{s.add}</ButtonLink>} />
      <div className="filter-bar" role="search">
        <Field label={s.search} hint={s.searchHint}>
          {(control) => <input {...control} className="input input--compact" type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />}
        </Field>
        <SelectField label={s.agencyFilter} value={agency} onChange={(e) => setAgency(e.target.value)} className="select--compact">
          <option value="">{a.common.all}</option>
          {sortedAgencies.map((ag) => (
            <option key={ag.code} value={ag.code}>
              {ag.shortName}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorAlert error={services.error} />
      <p className="muted" role="status">
        {services.data ? s.count.replace('{{n}}', String(services.data.total)) : a.common.loadingList}
      </p>
      {services.loading && !services.data && <Loading />}
      {services.data && (
        <div className={services.loading ? 'is-stale' : undefined}>
          <Table<ServiceSummary>
            caption={s.caption}
            hideCaption
            rows={services.data.items}
            rowKey={(r) => r.code}
            empty={a.common.none}
            columns={[
              {
                key: 'name',
                header: s.name,
                className: 'wrap',
                render: (r) => (
                  <>
                    <Link href={`${BASE}/layanan/${r.code}`}>{tx(r.name)}</Link>
                    {!r.active && (
                      <>
                        {' '}
                        <Badge tone="off">{a.common.inactive}</Badge>
                      </>
                    )}
                    <span className="mono muted cell-sub">{r.code}</span>
                  </>
                ),
              },
              { key: 'agency', header: s.agency, render: (r) => r.agency.shortName },
              { key: 'version', header: s.version, className: 'num', render: (r) => r.currentVersion },
              { key: 'fee', header: s.fee, render: (r) => tx(r.fee) },
              { key: 'duration', header: s.duration, className: 'nowrap', render: (r) => tx(r.duration) },
              {
                key: 'channels',
                header: s.channels,
                render: (r) => (
                  <span className="badges">
                    {r.channels.map((ch) => (
                      <Badge key={ch} tone="off">
                        {a.service.channelNames[ch] ?? ch}
                      </Badge>
                    ))}
                  </span>
                ),
              },
              {
                key: 'actions',
                header: s.actions,
                className: 'nowrap',
                render: (r) => (
                  <>
                    <Link href={`${BASE}/layanan/${r.code}`} aria-label={`${a.common.edit}: ${tx(r.name)}`}>
                      {a.common.edit}
                    </Link>
                    {' · '}
                    <Link href={`${BASE}/layanan/${r.code}/riwayat`} aria-label={`${s.history}: ${tx(r.name)}`}>
                      {s.history}
                    </Link>
                  </>
                ),
              },
            ]}
          />
        </div>
      )}
    </>
  );
}

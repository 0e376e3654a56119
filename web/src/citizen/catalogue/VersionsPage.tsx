import { Link, useParams } from 'wouter';
import { Alert, Badge, ErrorAlert, Loading, PageHeader, Table } from '../../kit/index.ts';
import { formatDateTime } from '../../format.ts';
import { useApi } from '../../use-api.ts';
import { useC } from './messages.ts';
import { fmt, isCode, type ServiceDetail, type VersionDetail, type VersionList } from './model.ts';
import { StandardSections } from './StandardView.tsx';

type Row = VersionList['items'][number];

/** /layanan/:code/versi — every published version of the standard, newest first. */
export function VersionsPage() {
  const { code } = useParams<{ code: string }>();
  const { c, lang, tx } = useC();
  const ok = isCode(code);
  const service = useApi<ServiceDetail>(ok ? `/api/catalogue/services/${code}` : null);
  const versions = useApi<VersionList>(ok ? `/api/catalogue/services/${code}/versions` : null);
  const name = service.data ? tx(service.data.name) : (code ?? '');
  if (!ok) return <PageHeader title={c.service.notFound} back={{ href: '/layanan', label: c.home.backToCatalogue }} />;
  return (
    <>
      <PageHeader title={fmt(c.versions.title, { name })} lead={c.versions.lead} back={{ href: `/layanan/${code}`, label: c.versions.back }} />
      <ErrorAlert error={versions.error ?? service.error} />
      {versions.loading && <Loading />}
      {versions.data && (
        <Table<Row>
          caption={c.versions.caption}
          rowKey={(r) => String(r.version)}
          rows={versions.data.items}
          empty="—"
          stackOnPhone
          columns={[
            {
              key: 'version',
              header: c.versions.version,
              render: (r) => (
                <>
                  <Link href={r.current ? `/layanan/${code}` : `/layanan/${code}/versi/${r.version}`} aria-label={fmt(c.versions.open, { n: r.version })}>
                    {r.version}
                  </Link>{' '}
                  {r.current && <Badge tone="ok">{c.versions.current}</Badge>}
                </>
              ),
            },
            { key: 'published', header: c.versions.published, render: (r) => formatDateTime(r.publishedAt, lang), className: 'nowrap' },
            { key: 'note', header: c.versions.note, render: (r) => r.changeNote ?? '—' },
          ]}
        />
      )}
    </>
  );
}

/** /layanan/:code/versi/:n — an earlier version, exactly as it was published. */
export function VersionPage() {
  const { code, n } = useParams<{ code: string; n: string }>();
  const { c, lang, tx } = useC();
  const version = Number(n);
  const ok = isCode(code) && Number.isInteger(version) && version >= 1;
  const detail = useApi<VersionDetail>(ok ? `/api/catalogue/services/${code}/versions/${version}` : null);
  if (!ok) return <PageHeader title={c.service.notFound} back={{ href: '/layanan', label: c.home.backToCatalogue }} />;
  if (detail.loading && !detail.data) return <Loading />;
  if (!detail.data) {
    return (
      <>
        <PageHeader title={c.service.notFound} back={{ href: `/layanan/${code}/versi`, label: c.versions.allVersions }} />
        <ErrorAlert error={detail.error} />
      </>
    );
  }
  const d = detail.data;
  return (
    <>
      <PageHeader
        title={fmt(c.versions.oldTitle, { name: tx(d.name), n: d.standard.version })}
        meta={fmt(c.service.version, { n: d.standard.version, date: formatDateTime(d.standard.publishedAt, lang) })}
        back={{ href: `/layanan/${code}/versi`, label: c.versions.allVersions }}
      />
      {!d.current && (
        <Alert tone="warning">
          <p>{fmt(c.versions.oldNotice, { n: d.standard.version, current: d.currentVersion })}</p>
          <p>
            <Link href={`/layanan/${code}`}>{c.versions.toCurrent}</Link> ·{' '}
            <a href={`/api/catalogue/services/${code}/standard.pdf?version=${d.standard.version}&lang=${lang}`}>{c.service.pdf}</a>
          </p>
        </Alert>
      )}
      {d.standard.changeNote && (
        <p>
          <strong>{c.versions.note}:</strong> {d.standard.changeNote}
        </p>
      )}
      <StandardSections standard={d.standard} />
    </>
  );
}

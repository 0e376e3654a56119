import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { Button, ButtonLink, ErrorAlert, Loading, PageHeader, Table, TextField, type Column } from '../kit/index.ts';
import { formatDateTime } from '../format.ts';
import { useApi } from '../use-api.ts';
import { useSession } from '../session.tsx';
import { useDeskM } from '../counter/applications/messages.ts';
import { useM } from '../citizen/applications/messages.ts';
import { formatDay, type ListItem } from '../citizen/applications/model.ts';
import { StatusBadge } from '../citizen/applications/parts.tsx';
import '../citizen/applications/applications.css';

const IN_PROGRESS = 'verifikasi_berkas,verifikasi_desa,survei_lapangan,pembayaran,proses_instansi,tanda_tangan,perlu_perbaikan';
const FILTERS: { key: string; status?: string; late?: string; filed?: string; drafts?: string }[] = [
  { key: 'all', status: IN_PROGRESS },
  { key: 'late', status: IN_PROGRESS, late: 'true' },
  { key: 'verifikasi_berkas', status: 'verifikasi_berkas,verifikasi_desa' },
  { key: 'proses_instansi', status: 'survei_lapangan,pembayaran,proses_instansi' },
  { key: 'tanda_tangan', status: 'tanda_tangan' },
  { key: 'perlu_perbaikan', status: 'perlu_perbaikan' },
  { key: 'selesai', status: 'selesai,diambil,dikirim,diunduh' },
  { key: 'ditolak', status: 'ditolak,dibatalkan' },
  // Counter and village desks: what this officer or office filed for residents, drafts included, newest first.
  { key: 'filed', filed: 'true', drafts: 'true' },
];
const FILTER_LABEL: Record<string, { id: string; en: string }> = {
  verifikasi_berkas: { id: 'Verifikasi', en: 'Checking' },
  proses_instansi: { id: 'Diproses', en: 'Processing' },
  tanda_tangan: { id: 'Tanda tangan', en: 'Signature' },
  perlu_perbaikan: { id: 'Perlu perbaikan', en: 'Needs correction' },
  selesai: { id: 'Selesai', en: 'Done' },
  ditolak: { id: 'Ditolak / batal', en: 'Rejected / withdrawn' },
};

/** The back-office inbox (/instansi/permohonan, also /loket/permohonan and /desa/permohonan): dense, filterable, oldest promise first. */
export function AgencyInbox() {
  const { m, tx, lang, fmt } = useM();
  const [location, navigate] = useLocation();
  const d = useDeskM();
  const desk = ['counter_officer', 'village_operator'].includes(useSession().user?.role ?? '');
  const filters = desk ? FILTERS : FILTERS.filter((f) => f.key !== 'filed');
  const params = new URLSearchParams(useSearch());
  const filter = filters.find((f) => f.key === params.get('f')) ?? filters[0]!;
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const { data, error, loading } = useApi<{ items: ListItem[]; total: number }>('/api/applications', { status: filter.status, late: filter.late, filed: filter.filed, drafts: filter.drafts, q: q || undefined, limit: 200 });
  const go = (f: string, query = q) => navigate(`${location}?${new URLSearchParams({ f, ...(query ? { q: query } : {}) }).toString()}`);
  const search = (e: FormEvent) => {
    e.preventDefault();
    go(filter.key, text.trim());
  };
  const columns: Column<ListItem>[] = [
    { key: 'number', header: m.inbox.number, render: (i) => <Link href={i.status === 'draft' || (filter.key === 'filed' && i.status === 'perlu_perbaikan') ? `${location}/baru/${i.number}/berkas` : `${location}/${i.number}`} className="mono">{i.number}</Link> },
    { key: 'service', header: m.inbox.service, render: (i) => tx(i.service.name) },
    { key: 'applicant', header: m.inbox.applicant, render: (i) => <>{i.applicantName}<br /><span className="muted mono">{i.applicantNikMasked}</span></> },
    { key: 'submitted', header: m.inbox.submitted, render: (i) => formatDateTime(i.submittedAt, lang) },
    { key: 'due', header: m.inbox.due, render: (i) => (i.dueDate ? <span className={i.late ? 'late-text' : undefined}>{formatDay(i.dueDate, lang)}{i.late ? ` (${m.inbox.lateBadge})` : ''}</span> : '—') },
    { key: 'status', header: m.inbox.status, render: (i) => <StatusBadge status={i.status} label={i.statusLabel} late={i.late} /> },
    { key: 'claimed', header: m.inbox.handler, render: (i) => i.claimedBy ?? '—' },
  ];
  return (
    <>
      <PageHeader title={m.inbox.title} lead={desk ? d.inboxLead : m.inbox.lead} actions={desk ? <ButtonLink href={`${location}/baru`}>{d.entry}</ButtonLink> : undefined} />
      <div className="inbox-filters">
        <div className="btn-row" role="group" aria-label={m.inbox.filter}>
          {filters.map((f) => (
            <Button key={f.key} size="small" variant={f.key === filter.key ? 'primary' : 'secondary'} aria-pressed={f.key === filter.key} onClick={() => go(f.key)}>
              {f.key === 'all' ? m.inbox.all : f.key === 'late' ? m.inbox.late : f.key === 'filed' ? d.filedFilter : tx(FILTER_LABEL[f.key]!)}
            </Button>
          ))}
        </div>
        <form onSubmit={search} role="search" className="btn-row">
          <TextField label={m.inbox.search} value={text} onChange={(e) => setText(e.target.value)} type="search" />
          <Button type="submit" size="small" variant="secondary">
            {m.apply.searchButton}
          </Button>
        </form>
      </div>
      <ErrorAlert error={error} />
      {loading && !data ? (
        <Loading />
      ) : (
        <>
          <p className="muted">{fmt(m.inbox.total, { n: data?.total ?? 0 })}</p>
          <div className="table--dense">
            <Table caption={m.inbox.title} hideCaption columns={columns} rows={data?.items ?? []} rowKey={(i) => i.number} empty={m.inbox.empty} />
          </div>
        </>
      )}
    </>
  );
}

import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { Alert, Badge, Button, ButtonLink, ErrorAlert, Loading, PageHeader, SelectField, Table, TextField } from '../../kit/index.ts';
import { isCode, type Agency, type LocalText } from '../../citizen/catalogue/model.ts';
import { write } from './api.ts';
import { BASE, BiField, CatalogueNav, CheckField, emptyText, errorsOf, useFresh, useSave } from './form.tsx';
import { useA } from './messages.ts';

const KINDS = ['regency', 'vertical', 'soe', 'bank', 'other'] as const;

/** /admin/katalog/instansi — the agencies with their number of services. */
export function AgenciesAdmin() {
  const { a, tx } = useA();
  const agencies = useFresh<{ items: Agency[] }>('/api/catalogue/agencies', { inactive: 'true' });
  const g = a.agencies;
  const rows = [...(agencies.data?.items ?? [])].sort((x, y) => x.shortName.localeCompare(y.shortName, 'id'));
  return (
    <>
      <CatalogueNav />
      <PageHeader title={g.title} lead={g.lead} actions={<ButtonLink href={`${BASE}/instansi/baru`}>{g.add}</ButtonLink>} />
      <ErrorAlert error={agencies.error} />
      {agencies.loading && !agencies.data && <Loading />}
      {agencies.data && (
        <Table<Agency>
          caption={g.caption}
          hideCaption
          rows={rows}
          rowKey={(r) => r.code}
          empty={a.common.none}
          columns={[
            {
              key: 'short',
              header: g.shortName,
              render: (r) => (
                <>
                  <Link href={`${BASE}/instansi/${r.code}`}>{r.shortName}</Link>
                  <span className="mono muted cell-sub">{r.code}</span>
                </>
              ),
            },
            { key: 'name', header: g.name, className: 'wrap', render: (r) => tx(r.name) },
            { key: 'kind', header: g.kind, render: (r) => g.kinds[r.kind] ?? r.kind },
            { key: 'phone', header: g.phone, className: 'nowrap', render: (r) => r.phone ?? '—' },
            {
              key: 'services',
              header: g.services,
              className: 'num',
              render: (r) => (
                <Link href={`${BASE}?instansi=${r.code}`} aria-label={`${g.services} ${r.shortName}: ${r.serviceCount}`}>
                  {r.serviceCount}
                </Link>
              ),
            },
            { key: 'active', header: a.common.active, render: (r) => (r.active ? <Badge tone="ok">{a.common.active}</Badge> : <Badge tone="off">{a.common.inactive}</Badge>) },
          ]}
        />
      )}
    </>
  );
}

type Draft = { code: string; shortName: string; name: LocalText; kind: string; phone: string; complaintChannel: LocalText; active: boolean };

/** /admin/katalog/instansi/baru and /admin/katalog/instansi/:code. */
export function AgencyForm() {
  const { code } = useParams<{ code?: string }>();
  const creating = !code || code === 'baru';
  const { a } = useA();
  const agency = useFresh<Agency>(!creating && isCode(code) ? `/api/catalogue/agencies/${code}` : null);
  if (!creating && agency.loading && !agency.data) return <Loading />;
  if (!creating && !agency.data) {
    return (
      <>
        <CatalogueNav />
        <PageHeader title={a.common.notFound} back={{ href: `${BASE}/instansi`, label: a.agencies.title }} />
        <ErrorAlert error={agency.error} />
      </>
    );
  }
  const initial: Draft = agency.data
    ? { code: agency.data.code, shortName: agency.data.shortName, name: { ...agency.data.name }, kind: agency.data.kind, phone: agency.data.phone ?? '', complaintChannel: { ...agency.data.complaintChannel }, active: agency.data.active }
    : { code: '', shortName: '', name: emptyText(), kind: 'regency', phone: '', complaintChannel: emptyText(), active: true };
  return <AgencyEditor key={agency.data?.code ?? 'new'} initial={initial} creating={creating} onSaved={agency.reload} />;
}

function AgencyEditor({ initial, creating, onSaved }: { initial: Draft; creating: boolean; onSaved: () => void }) {
  const { a } = useA();
  const g = a.agencies;
  const [, navigate] = useLocation();
  const [d, setD] = useState(initial);
  const save = useSave();
  const errors = errorsOf(save.error);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD({ ...d, [k]: v });
  const body = { shortName: d.shortName, name: d.name, kind: d.kind, phone: d.phone.trim() || null, complaintChannel: d.complaintChannel, active: d.active };
  const shown = ['code', 'shortName', 'name.id', 'name.en', 'kind', 'phone', 'complaintChannel.id', 'complaintChannel.en'];
  return (
    <>
      <CatalogueNav />
      <PageHeader title={creating ? g.createTitle : g.editTitle.replace('{{name}}', initial.shortName)} back={{ href: `${BASE}/instansi`, label: g.title }} />
      <form
        className="card admin-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (creating) {
            void save.run(() => write.post<Agency>('/api/catalogue/agencies', { code: d.code.trim(), ...body })).then((r) => r && navigate(`${BASE}/instansi/${r.body.code}`));
          } else {
            void save.run(() => write.patch(`/api/catalogue/agencies/${initial.code}`, body), () => a.common.saved).then((r) => r && onSaved());
          }
        }}
      >
        <ErrorAlert error={save.error} shownFields={shown} />
        <div className="form-grid form-grid--2">
          {creating && <TextField label={a.common.code} hint={a.common.codeHint} value={d.code} onChange={(e) => set('code', e.target.value)} error={errors('code')} className="mono" autoComplete="off" />}
          <TextField label={g.shortName} value={d.shortName} onChange={(e) => set('shortName', e.target.value)} error={errors('shortName')} />
          <SelectField label={g.kind} value={d.kind} onChange={(e) => set('kind', e.target.value)} error={errors('kind')}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {g.kinds[k]}
              </option>
            ))}
          </SelectField>
          <TextField label={g.phone} hint={g.phoneHint} value={d.phone} onChange={(e) => set('phone', e.target.value)} error={errors('phone')} inputMode="tel" optional />
        </div>
        <BiField label={g.name} value={d.name} onChange={(v) => set('name', v)} errors={errors} path="name" />
        <BiField label={g.complaintChannel} value={d.complaintChannel} onChange={(v) => set('complaintChannel', v)} errors={errors} path="complaintChannel" multiline />
        <CheckField label={g.active} checked={d.active} onChange={(v) => set('active', v)} />
        {save.done && <Alert tone="success">{save.done}</Alert>}
        <Button type="submit" busy={save.busy}>
          {save.busy ? a.common.saving : a.common.save}
        </Button>
      </form>
    </>
  );
}

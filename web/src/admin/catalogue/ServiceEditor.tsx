import { useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { Alert, Button, ErrorAlert, Loading, PageHeader, SelectField, TextField } from '../../kit/index.ts';
import { isCode, type Agency, type DocumentType, type LifeEvent, type LocalText, type ServiceDetail } from '../../citizen/catalogue/model.ts';
import { write } from './api.ts';
import { BASE, BiField, CatalogueNav, CheckField, TextArea, emptyText, errorsOf, lines, type Errors, useFresh, useSave } from './form.tsx';
import { useA } from './messages.ts';
import { draftOf, emptyDraft, StandardForm, standardInput, type StandardDraft } from './StandardForm.tsx';

const CHANNELS = ['mpp', 'market', 'village', 'online'] as const;

type Meta = {
  agencyCode: string;
  name: LocalText;
  summary: LocalText;
  level: 'regency' | 'village';
  channels: string[];
  lifeEvents: string[];
  keywords: string;
  active: boolean;
};

function metaOf(s: ServiceDetail): Meta {
  return {
    agencyCode: s.agency.code,
    name: { ...s.name },
    summary: { ...s.summary },
    level: s.level === 'village' ? 'village' : 'regency',
    channels: [...s.channels],
    lifeEvents: [...s.lifeEvents],
    keywords: s.keywords.join('\n'),
    active: s.active,
  };
}

function metaBody(m: Meta) {
  return { agencyCode: m.agencyCode, name: m.name, summary: m.summary, level: m.level, channels: m.channels, lifeEvents: m.lifeEvents, keywords: lines(m.keywords), active: m.active };
}

/** The lists every service form chooses from. */
function useChoices() {
  const agencies = useFresh<{ items: Agency[] }>('/api/catalogue/agencies');
  const documents = useFresh<{ items: DocumentType[] }>('/api/catalogue/document-types');
  const events = useFresh<{ items: LifeEvent[] }>('/api/catalogue/life-events');
  return {
    agencies: useMemo(() => [...(agencies.data?.items ?? [])].sort((x, y) => x.shortName.localeCompare(y.shortName, 'id')), [agencies.data]),
    documents: documents.data?.items ?? [],
    events: events.data?.items ?? [],
    ready: !!agencies.data && !!documents.data && !!events.data,
    error: agencies.error ?? documents.error ?? events.error,
  };
}

function MetaFields({ meta, onChange, errors, choices }: { meta: Meta; onChange: (m: Meta) => void; errors: Errors; choices: ReturnType<typeof useChoices> }) {
  const { a, tx } = useA();
  const s = a.service;
  const set = <K extends keyof Meta>(key: K, value: Meta[K]) => onChange({ ...meta, [key]: value });
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  return (
    <>
      <BiField label={s.name} value={meta.name} onChange={(v) => set('name', v)} errors={errors} path="name" />
      <BiField label={s.summary} value={meta.summary} onChange={(v) => set('summary', v)} errors={errors} path="summary" multiline />
      <div className="form-grid form-grid--2">
        <SelectField label={s.agency} value={meta.agencyCode} onChange={(e) => set('agencyCode', e.target.value)} error={errors('agencyCode')}>
          <option value="">—</option>
          {choices.agencies.map((ag) => (
            <option key={ag.code} value={ag.code}>
              {ag.shortName} — {tx(ag.name)}
            </option>
          ))}
        </SelectField>
        <SelectField label={s.level} value={meta.level} onChange={(e) => set('level', e.target.value as Meta['level'])} error={errors('level')}>
          {(['regency', 'village'] as const).map((l) => (
            <option key={l} value={l}>
              {s.levels[l]}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="fieldset">
        <legend>{s.channels}</legend>
        {errors('channels') && <p className="field__error">{errors('channels')}</p>}
        <div className="check-row">
          {CHANNELS.map((ch) => (
            <CheckField key={ch} label={s.channelNames[ch]} checked={meta.channels.includes(ch)} onChange={(on) => set('channels', toggle(meta.channels, ch, on))} />
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{s.lifeEvents}</legend>
        {errors('lifeEvents') && <p className="field__error">{errors('lifeEvents')}</p>}
        <div className="check-row">
          {choices.events.map((ev) => (
            <CheckField key={ev.code} label={tx(ev.name)} checked={meta.lifeEvents.includes(ev.code)} onChange={(on) => set('lifeEvents', toggle(meta.lifeEvents, ev.code, on))} />
          ))}
        </div>
      </fieldset>
      <TextArea label={s.keywords} hint={s.keywordsHint} rows={4} value={meta.keywords} onChange={(e) => set('keywords', e.target.value)} error={errors('keywords') ?? errors('keywords.0')} />
      <CheckField label={s.active} checked={meta.active} onChange={(v) => set('active', v)} />
    </>
  );
}

const META_FIELDS = /^(name|summary|agencyCode|level|channels|lifeEvents|keywords|active)(\.|$)/;
const STANDARD_FIELDS = /^(standard\.|changeNote$)/;

/** /admin/katalog/layanan/:code — the service's details, and its standard (saving publishes a new version). */
export function ServiceEdit() {
  const { code } = useParams<{ code: string }>();
  const { a, tx } = useA();
  const service = useFresh<ServiceDetail>(isCode(code) ? `/api/catalogue/services/${code}` : null);
  const choices = useChoices();
  const [generation, setGeneration] = useState(0);
  const [notice] = useState<string | null>(() => (new URLSearchParams(window.location.search).get('baru') ? a.service.created.replace('{{code}}', code ?? '') : null));
  const [published, setPublished] = useState<string | null>(null);
  if (!isCode(code)) return <PageHeader title={a.common.notFound} back={{ href: BASE, label: a.services.title }} />;
  if ((service.loading && !service.data) || (!choices.ready && !choices.error)) return <Loading />;
  if (!service.data) {
    return (
      <>
        <CatalogueNav />
        <PageHeader title={a.common.notFound} back={{ href: BASE, label: a.services.title }} />
        <ErrorAlert error={service.error ?? choices.error} />
      </>
    );
  }
  const s = service.data;
  return (
    <>
      <CatalogueNav />
      <PageHeader
        title={a.service.editTitle.replace('{{name}}', tx(s.name))}
        meta={<span className="mono">{s.code}</span>}
        back={{ href: BASE, label: a.services.title }}
        actions={
          <>
            <Link href={`${BASE}/layanan/${s.code}/riwayat`}>{a.service.history}</Link>
            <Link href={`/layanan/${s.code}`}>{a.service.viewPublic}</Link>
          </>
        }
      />
      {notice && <Alert tone="success">{notice}</Alert>}
      <MetaForm key={`meta-${generation}`} service={s} choices={choices} onSaved={() => service.reload()} />
      <StandardEditor
        key={`std-${s.currentVersion}-${generation}`}
        service={s}
        documents={choices.documents}
        published={published}
        onPublished={(message) => {
          setPublished(message);
          service.reload();
        }}
        onReload={() => {
          setPublished(null);
          setGeneration((g) => g + 1);
          service.reload();
        }}
      />
    </>
  );
}

function MetaForm({ service, choices, onSaved }: { service: ServiceDetail; choices: ReturnType<typeof useChoices>; onSaved: () => void }) {
  const { a } = useA();
  const [meta, setMeta] = useState(() => metaOf(service));
  const save = useSave();
  const errors = errorsOf(save.error);
  return (
    <form
      className="card section admin-form"
      aria-labelledby="meta-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save.run(
          () => write.patch(`/api/catalogue/services/${service.code}`, metaBody(meta)),
          () => a.service.metaSaved,
        ).then((r) => r && onSaved());
      }}
    >
      <h2 id="meta-title">{a.service.metaTitle}</h2>
      <p className="muted">{a.service.metaLead}</p>
      <MetaFields meta={meta} onChange={setMeta} errors={errors} choices={choices} />
      <ErrorAlert error={save.error} shownFields={(save.error?.errors ?? []).map((x) => x.field).filter((f) => META_FIELDS.test(f))} />
      {save.done && <Alert tone="success">{save.done}</Alert>}
      <Button type="submit" busy={save.busy}>
        {save.busy ? a.common.saving : a.service.saveMeta}
      </Button>
    </form>
  );
}

function StandardEditor({ service, documents, published, onPublished, onReload }: { service: ServiceDetail; documents: DocumentType[]; published: string | null; onPublished: (message: string) => void; onReload: () => void }) {
  const { a } = useA();
  const [draft, setDraft] = useState<StandardDraft>(() => draftOf(service.standard));
  const [changeNote, setChangeNote] = useState('');
  const expectedVersion = service.currentVersion;
  const save = useSave();
  const errors = errorsOf(save.error);
  const conflict = save.error?.status === 409;
  return (
    <form
      className="card section admin-form"
      aria-labelledby="std-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save
          .run(() => write.put<{ version: number; published: boolean; changed: string[] }>(`/api/catalogue/services/${service.code}/standard`, { expectedVersion, changeNote, standard: standardInput(draft) }))
          .then((r) => {
            if (!r) return;
            if (r.body.published) onPublished(a.service.published.replace('{{n}}', String(r.body.version)).replace('{{changed}}', r.body.changed.map((c) => a.standard.components[c] ?? c).join(', ')));
            else save.setDone(a.service.unchanged);
          });
      }}
    >
      <h2 id="std-title">{a.service.standardTitle.replace('{{n}}', String(service.currentVersion))}</h2>
      <p className="muted">{a.service.standardLead.replace('{{next}}', String(service.currentVersion + 1))}</p>
      <StandardForm draft={draft} onChange={setDraft} errors={errors} documents={documents} />
      <div className="publish-bar">
        <TextArea label={a.service.changeNote} hint={a.service.changeNoteHint} value={changeNote} onChange={(e) => setChangeNote(e.target.value)} error={errors('changeNote')} rows={2} />
        {conflict ? (
          <Alert tone="error" title={a.service.conflictTitle}>
            <p>{save.error!.detail}</p>
            <p>{a.service.conflictBody}</p>
            <Button variant="secondary" size="small" onClick={onReload}>
              {a.service.reload}
            </Button>
          </Alert>
        ) : (
          <ErrorAlert error={save.error} shownFields={(save.error?.errors ?? []).map((x) => x.field).filter((f) => STANDARD_FIELDS.test(f))} />
        )}
        {save.done && <Alert tone="info">{save.done}</Alert>}
        {!save.done && !save.error && published && <Alert tone="success">{published}</Alert>}
        <Button type="submit" busy={save.busy}>
          {save.busy ? a.common.saving : a.service.publish}
        </Button>
      </div>
    </form>
  );
}

/** /admin/katalog/layanan/baru — a new service with version 1 of its standard, in one form. */
export function ServiceCreate() {
  const { a } = useA();
  const [, navigate] = useLocation();
  const choices = useChoices();
  const [code, setCode] = useState('');
  const [meta, setMeta] = useState<Meta>({ agencyCode: '', name: emptyText(), summary: emptyText(), level: 'regency', channels: ['mpp'], lifeEvents: [], keywords: '', active: true });
  const [draft, setDraft] = useState<StandardDraft>(emptyDraft);
  const save = useSave();
  const errors = errorsOf(save.error);
  if (!choices.ready && !choices.error) return <Loading />;
  return (
    <>
      <CatalogueNav />
      <PageHeader title={a.service.createTitle} lead={a.service.createLead} back={{ href: BASE, label: a.services.title }} />
      <form
        className="admin-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save
            .run(() => write.post<{ code: string }>('/api/catalogue/services', { code: code.trim(), ...metaBody(meta), standard: standardInput(draft) }))
            .then((r) => r && navigate(`${BASE}/layanan/${r.body.code}?baru=1`));
        }}
      >
        <section className="card" aria-labelledby="meta-title">
          <h2 id="meta-title">{a.service.metaTitle}</h2>
          <div className="form-grid form-grid--2">
            <TextField label={a.common.code} hint={a.common.codeHint} value={code} onChange={(e) => setCode(e.target.value)} error={errors('code')} className="mono" autoComplete="off" />
          </div>
          <MetaFields meta={meta} onChange={setMeta} errors={errors} choices={choices} />
        </section>
        <section className="card section" aria-labelledby="std-title">
          <h2 id="std-title">{a.service.standardCreate}</h2>
          <StandardForm draft={draft} onChange={setDraft} errors={errors} documents={choices.documents} />
          <div className="publish-bar">
            <ErrorAlert error={save.error ?? choices.error} shownFields={(save.error?.errors ?? []).map((x) => x.field).filter((f) => f === 'code' || META_FIELDS.test(f) || STANDARD_FIELDS.test(f))} />
            <Button type="submit" busy={save.busy}>
              {save.busy ? a.common.saving : a.service.create}
            </Button>
          </div>
        </section>
      </form>
    </>
  );
}

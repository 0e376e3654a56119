import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useLocation, useSearch } from 'wouter';
import { api } from '../../api.ts';
import { formatDateTime } from '../../format.ts';
import { Alert, Badge, Button, ErrorAlert, Field, Loading, PageHeader, SelectField, Table, TextField } from '../../kit/index.ts';
import { useApi } from '../../use-api.ts';
import { write } from '../catalogue/api.ts';
import { BiField, CheckField, CompactField, errorsOf, useSave, type Errors } from '../catalogue/form.tsx';
import { fill, useQA, type LocalText } from './messages.ts';
import './admin-queue.css';

export const QUEUE_ADMIN_PATH = '/admin/antrian';

type PointChoice = { code: string; kind: string; name: LocalText; manageable: boolean };
type Group = { code: string; label: LocalText; weight: number };
type PointSettings = {
  policy: { groups: Group[]; mix: { priority: number; normal: number }; maxWaitMinutes: number };
  targetWaitMinutes: number;
  checkIn: { earlyMinutes: number; lateMinutes: number };
  near: { ahead: number; minutes: number };
  phoneDailyLimit: number;
  defaultServiceMinutes: number;
  counterWord: 'loket' | 'gerai' | 'meja' | 'ruang';
  runningText: LocalText;
};
type ServiceSettings = {
  bookingEnabled: boolean;
  slotMinutes: number;
  slotCapacity: number;
  onlineDailyQuota: number | null;
  walkInDailyQuota: number | null;
  opening: { daysBefore: number; at: string };
  closingMarginMinutes: number;
};
type ServiceRow = ServiceSettings & { service: { code: string; name: LocalText; agency: string }; queue: string | null; configured: boolean };
type Kiosk = { id: string; name: string; createdAt: string; lastSeenAt: string | null; revoked: boolean };
type Settings = { point: { code: string; kind: string; name: LocalText }; settings: PointSettings; services: ServiceRow[]; kiosks: Kiosk[] };

const TABS = ['policy', 'services', 'kiosks'] as const;
type Tab = (typeof TABS)[number];
const KIND_ORDER = ['mpp', 'market', 'village'] as const;

/** /admin/antrian — the MPP admin's queue console: choose a point, then its rule, services and kiosks. */
export function QueueAdmin() {
  const { m, tx } = useQA();
  const search = useSearch();
  const [, navigate] = useLocation();
  const chosen = new URLSearchParams(search).get('titik');
  const points = useApi<{ items: PointChoice[] }>('/api/queue/settings/points');
  const first = points.data?.items.find((p) => p.manageable)?.code ?? null;
  const pointCode = chosen ?? first;
  const choice = points.data?.items.find((p) => p.code === pointCode) ?? null;
  const settings = useApi<Settings>(choice?.manageable ? `/api/queue/points/${encodeURIComponent(choice.code)}/settings` : null);
  const [tab, setTab] = useState<Tab>('policy');

  return (
    <div className="queue-admin">
      <PageHeader title={m.title} lead={m.lead} back={{ href: '/admin', label: m.back }} />
      <ErrorAlert error={points.error} />
      {points.loading && !points.data && <Loading />}
      {points.data && <PointPicker points={points.data.items} value={pointCode} onChange={(code) => navigate(`${QUEUE_ADMIN_PATH}?titik=${encodeURIComponent(code)}`, { replace: true })} />}
      {choice && !choice.manageable && <Alert tone="warning">{m.point.notOwnNote}</Alert>}
      <ErrorAlert error={settings.error} />
      {choice?.manageable && settings.loading && !settings.data && <Loading />}
      {settings.data && settings.data.point.code === choice?.code && (
        <section aria-labelledby="qa-point-title">
          <h2 id="qa-point-title" className="qa-point-title">
            {tx(settings.data.point.name)} <span className="mono muted qa-code">{settings.data.point.code}</span>
          </h2>
          {/* Every panel stays mounted (hidden when not chosen): switching tabs keeps unsaved edits. */}
          <Tabs
            value={tab}
            onChange={setTab}
            labels={m.tabs}
            panels={{
              policy: <PolicyPanel key={settings.data.point.code} point={settings.data.point.code} initial={settings.data.settings} onSaved={settings.reload} />,
              services: <ServicesPanel point={settings.data.point.code} rows={settings.data.services} onSaved={settings.reload} />,
              kiosks: <KiosksPanel point={settings.data.point.code} kiosks={settings.data.kiosks} onChanged={settings.reload} />,
            }}
          />
        </section>
      )}
    </div>
  );
}

function PointPicker({ points, value, onChange }: { points: PointChoice[]; value: string | null; onChange: (code: string) => void }) {
  const { m, tx } = useQA();
  const [filter, setFilter] = useState('');
  const f = filter.trim().toLowerCase();
  const shown = f ? points.filter((p) => p.code === value || `${p.code} ${p.name.id} ${p.name.en}`.toLowerCase().includes(f)) : points;
  return (
    <fieldset className="fieldset qa-picker">
      <legend>{m.point.legend}</legend>
      <div className="filter-bar">
        <Field label={m.point.filter} hint={m.point.filterHint}>
          {(control) => <input {...control} className="input input--compact" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />}
        </Field>
        <SelectField label={m.point.select} value={value ?? ''} onChange={(e) => onChange(e.target.value)} className="select--compact qa-picker__select">
          {KIND_ORDER.map((kind) => {
            const group = shown.filter((p) => p.kind === kind);
            return group.length ? (
              <optgroup key={kind} label={m.point.kinds[kind] ?? kind}>
                {group.map((p) => (
                  <option key={p.code} value={p.code} disabled={!p.manageable}>
                    {tx(p.name)}
                    {p.manageable ? '' : ` (${m.point.notOwn})`}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </SelectField>
      </div>
      {f && shown.length === 0 && <p className="muted">{m.point.none}</p>}
    </fieldset>
  );
}

/** WAI-ARIA tabs: arrow keys, Home and End move between them; the other panels stay mounted but hidden. */
function Tabs({ value, onChange, labels, panels }: { value: Tab; onChange: (tab: Tab) => void; labels: Record<Tab | 'label', string>; panels: Record<Tab, ReactNode> }) {
  const base = useId();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const move = (e: KeyboardEvent) => {
    const i = TABS.indexOf(value);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : null;
    if (!next) return;
    e.preventDefault();
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label={labels.label} className="qa-tabs" onKeyDown={move}>
        {TABS.map((t) => (
          <button
            key={t}
            ref={(el) => {
              refs.current[t] = el;
            }}
            role="tab"
            type="button"
            id={`${base}-tab-${t}`}
            aria-selected={t === value}
            aria-controls={`${base}-panel-${t}`}
            tabIndex={t === value ? 0 : -1}
            className="qa-tab"
            onClick={() => onChange(t)}
          >
            {labels[t]}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div key={t} role="tabpanel" id={`${base}-panel-${t}`} aria-labelledby={`${base}-tab-${t}`} className="qa-panel" hidden={t !== value}>
          {panels[t]}
        </div>
      ))}
    </>
  );
}

/** A number typed into a field: sent as a number when it is one, otherwise as typed, for the API to name the field. */
function numberOf(text: string): number | string {
  return /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : text;
}
function quotaOf(text: string): number | string | null {
  return text.trim() === '' ? null : numberOf(text);
}

function NumberField({ label, hint, value, onChange, error, min, max, className }: { label: ReactNode; hint?: ReactNode; value: string; onChange: (v: string) => void; error?: string | null; min?: number; max?: number; className?: string }) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => <input {...control} className={['input input--compact qa-number', className].filter(Boolean).join(' ')} type="text" inputMode="numeric" value={value} min={min} max={max} autoComplete="off" onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

// — ordering rule —

type GroupDraft = { key: number; code: string; label: LocalText; weight: string; existing: boolean };

function PolicyPanel({ point, initial, onSaved }: { point: string; initial: PointSettings; onSaved: () => void }) {
  const { m } = useQA();
  const p = m.policy;
  const counter = useRef(0);
  const [groups, setGroups] = useState<GroupDraft[]>(() => initial.policy.groups.map((g) => ({ key: counter.current++, code: g.code, label: { ...g.label }, weight: String(g.weight), existing: true })));
  const [v, setV] = useState(() => ({
    mixPriority: String(initial.policy.mix.priority),
    mixNormal: String(initial.policy.mix.normal),
    maxWait: String(initial.policy.maxWaitMinutes),
    targetWait: String(initial.targetWaitMinutes),
    early: String(initial.checkIn.earlyMinutes),
    late: String(initial.checkIn.lateMinutes),
    nearAhead: String(initial.near.ahead),
    nearMinutes: String(initial.near.minutes),
    phoneLimit: String(initial.phoneDailyLimit),
    serviceMinutes: String(initial.defaultServiceMinutes),
  }));
  const [counterWord, setCounterWord] = useState(initial.counterWord);
  const [runningText, setRunningText] = useState<LocalText>({ ...initial.runningText });
  const save = useSave();
  const errors = errorsOf(save.error);
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const setGroup = (key: number, patch: Partial<GroupDraft>) => setGroups((old) => old.map((g) => (g.key === key ? { ...g, ...patch } : g)));

  const submit = async () => {
    const body = {
      policy: {
        groups: groups.map((g) => ({ code: g.code.trim(), label: g.label, weight: numberOf(g.weight) })),
        mix: { priority: numberOf(v.mixPriority), normal: numberOf(v.mixNormal) },
        maxWaitMinutes: numberOf(v.maxWait),
      },
      targetWaitMinutes: numberOf(v.targetWait),
      checkIn: { earlyMinutes: numberOf(v.early), lateMinutes: numberOf(v.late) },
      near: { ahead: numberOf(v.nearAhead), minutes: numberOf(v.nearMinutes) },
      phoneDailyLimit: numberOf(v.phoneLimit),
      defaultServiceMinutes: numberOf(v.serviceMinutes),
      counterWord,
      runningText,
    };
    const saved = await save.run(() => write.put<PointSettings>(`/api/queue/points/${encodeURIComponent(point)}/settings`, body), () => p.saved);
    if (saved) {
      setGroups((old) => old.map((g) => ({ ...g, existing: true })));
      onSaved();
    }
  };
  const fieldPaths = (field: string) => /^policy\.(groups\.\d+\.(code|weight|label\.(id|en))|mix(\.\w+)?|maxWaitMinutes)$|^(targetWaitMinutes|checkIn\.\w+|near\.\w+|phoneDailyLimit|defaultServiceMinutes|runningText\.\w+)$/.test(field);

  return (
    <form
      className="admin-form qa-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <section aria-labelledby="qa-groups">
        <h3 id="qa-groups">{p.groupsTitle}</h3>
        <p className="muted">{p.groupsLead}</p>
        {groups.length === 0 ? (
          <p>{p.noGroups}</p>
        ) : (
          <GroupTable groups={groups} errors={errors} onChange={setGroup} onRemove={(key) => setGroups((old) => old.filter((g) => g.key !== key))} />
        )}
        <Button variant="secondary" size="small" onClick={() => setGroups((old) => [...old, { key: counter.current++, code: '', label: { id: '', en: '' }, weight: '1', existing: false }])} disabled={groups.length >= 12}>
          {p.addGroup}
        </Button>
      </section>

      <section aria-labelledby="qa-mix" className="qa-section">
        <h3 id="qa-mix">{p.mixTitle}</h3>
        <div className="qa-grid">
          <fieldset className="fieldset qa-mix">
            <legend>{p.mixPriority}</legend>
            <p className="field__hint">{p.mixHint}</p>
            {errors('policy.mix') && <p className="field__error">{errors('policy.mix')}</p>}
            <div className="qa-inline">
              <NumberField label={<span className="sr-only">{p.mixPriority}</span>} value={v.mixPriority} onChange={set('mixPriority')} error={errors('policy.mix.priority')} />
              <span aria-hidden="true">:</span>
              <NumberField label={p.mixNormal} value={v.mixNormal} onChange={set('mixNormal')} error={errors('policy.mix.normal')} />
            </div>
          </fieldset>
          <NumberField label={p.maxWait} hint={p.maxWaitHint} value={v.maxWait} onChange={set('maxWait')} error={errors('policy.maxWaitMinutes')} />
          <NumberField label={p.targetWait} hint={p.targetWaitHint} value={v.targetWait} onChange={set('targetWait')} error={errors('targetWaitMinutes')} />
        </div>
      </section>

      <section aria-labelledby="qa-checkin" className="qa-section">
        <h3 id="qa-checkin">{p.checkInTitle}</h3>
        <div className="qa-grid">
          <NumberField label={p.early} hint={p.earlyHint} value={v.early} onChange={set('early')} error={errors('checkIn.earlyMinutes')} />
          <NumberField label={p.late} hint={p.lateHint} value={v.late} onChange={set('late')} error={errors('checkIn.lateMinutes')} />
        </div>
      </section>

      <section aria-labelledby="qa-near" className="qa-section">
        <h3 id="qa-near">{p.nearTitle}</h3>
        <div className="qa-grid">
          <NumberField label={p.nearAhead} hint={p.nearAheadHint} value={v.nearAhead} onChange={set('nearAhead')} error={errors('near.ahead')} />
          <NumberField label={p.nearMinutes} hint={p.nearMinutesHint} value={v.nearMinutes} onChange={set('nearMinutes')} error={errors('near.minutes')} />
        </div>
      </section>

      <section aria-labelledby="qa-other" className="qa-section">
        <h3 id="qa-other">{p.otherTitle}</h3>
        <div className="qa-grid">
          <NumberField label={p.phoneLimit} hint={p.phoneLimitHint} value={v.phoneLimit} onChange={set('phoneLimit')} error={errors('phoneDailyLimit')} />
          <NumberField label={p.serviceMinutes} hint={p.serviceMinutesHint} value={v.serviceMinutes} onChange={set('serviceMinutes')} error={errors('defaultServiceMinutes')} />
          <SelectField label={p.counterWord} value={counterWord} onChange={(e) => setCounterWord(e.target.value as PointSettings['counterWord'])} className="select--compact" error={errors('counterWord')}>
            {(['loket', 'gerai', 'meja', 'ruang'] as const).map((w) => (
              <option key={w} value={w}>
                {p.counterWords[w]}
              </option>
            ))}
          </SelectField>
        </div>
        <BiField label={p.runningText} hint={p.runningTextHint} value={runningText} onChange={setRunningText} errors={errors} path="runningText" multiline />
      </section>

      <div className="qa-actions">
        <ErrorAlert error={save.error} shownFields={save.error?.errors.map((e) => e.field).filter(fieldPaths) ?? []} />
        {save.done && <Alert tone="success">{save.done}</Alert>}
        <Button type="submit" busy={save.busy}>
          {p.save}
        </Button>
      </div>
    </form>
  );
}

function GroupTable({ groups, errors, onChange, onRemove }: { groups: GroupDraft[]; errors: Errors; onChange: (key: number, patch: Partial<GroupDraft>) => void; onRemove: (key: number) => void }) {
  const { m, lang } = useQA();
  const p = m.policy;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={p.groupsCaption}>
      <table className="table qa-groups">
        <caption className="sr-only">{p.groupsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.code}</th>
            <th scope="col">{p.nameId}</th>
            <th scope="col">{p.nameEn}</th>
            <th scope="col" className="num">
              {p.weight}
            </th>
            <th scope="col">
              <span className="sr-only">{p.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g, i) => {
            const name = g.label[lang] || g.code || p.newGroup;
            return (
              <tr key={g.key} data-group={g.code}>
                <td>
                  <CompactField label={`${p.code} — ${name}`} error={errors(`policy.groups.${i}.code`)}>
                    {(control) => <input {...control} className="input input--compact mono qa-group-code" value={g.code} readOnly={g.existing} onChange={(e) => onChange(g.key, { code: e.target.value })} />}
                  </CompactField>
                  {g.existing && <Badge tone="ok">{p.configured}</Badge>}
                </td>
                <td>
                  <CompactField label={`${p.nameId} — ${name}`} error={errors(`policy.groups.${i}.label.id`)}>
                    {(control) => <input {...control} lang="id" className="input input--compact" value={g.label.id} onChange={(e) => onChange(g.key, { label: { ...g.label, id: e.target.value } })} />}
                  </CompactField>
                </td>
                <td>
                  <CompactField label={`${p.nameEn} — ${name}`} error={errors(`policy.groups.${i}.label.en`)}>
                    {(control) => <input {...control} lang="en" className="input input--compact" value={g.label.en} onChange={(e) => onChange(g.key, { label: { ...g.label, en: e.target.value } })} />}
                  </CompactField>
                </td>
                <td className="num">
                  <CompactField label={`${p.weight} — ${name}`} error={errors(`policy.groups.${i}.weight`)}>
                    {(control) => <input {...control} className="input input--compact qa-number" inputMode="numeric" value={g.weight} onChange={(e) => onChange(g.key, { weight: e.target.value })} />}
                  </CompactField>
                </td>
                <td>
                  <Button variant="danger" size="small" onClick={() => onRemove(g.key)} aria-label={fill(p.removeGroup, { name })}>
                    ×
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// — services —

function ServicesPanel({ point, rows, onSaved }: { point: string; rows: ServiceRow[]; onSaved: () => void }) {
  const { m, tx } = useQA();
  const s = m.services;
  const [filter, setFilter] = useState('');
  const [onlyBooking, setOnlyBooking] = useState(false);
  const [editing, setEditing] = useState<ServiceRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return rows.filter((r) => (!onlyBooking || r.bookingEnabled) && (!f || `${r.service.code} ${r.service.name.id} ${r.service.name.en} ${r.service.agency}`.toLowerCase().includes(f)));
  }, [rows, filter, onlyBooking]);
  const quota = (q: number | null) => (q === null ? <span className="muted">{m.common.unlimited}</span> : q);
  return (
    <>
      <p className="muted">{s.lead}</p>
      <div className="filter-bar" role="search">
        <Field label={s.filter}>{(control) => <input {...control} className="input input--compact" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />}</Field>
        <CheckField label={s.onlyBooking} checked={onlyBooking} onChange={setOnlyBooking} />
      </div>
      <p className="muted" aria-live="polite">
        {fill(s.count, { n: shown.length, total: rows.length })}
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}
      <div className="qa-services">
        <Table<ServiceRow>
          caption={s.caption}
          hideCaption
          rows={shown}
          rowKey={(r) => r.service.code}
          empty={m.common.none}
          columns={[
            {
              key: 'service',
              header: s.service,
              className: 'wrap',
              render: (r) => (
                <>
                  {tx(r.service.name)}
                  <span className="mono muted cell-sub">
                    {r.service.agency} · {r.service.code}
                  </span>
                </>
              ),
            },
            { key: 'queue', header: s.queue, render: (r) => (r.queue ? <span className="mono">{r.queue}</span> : <span className="muted">{s.noQueue}</span>) },
            {
              key: 'booking',
              header: s.booking,
              render: (r) => (
                <>
                  {r.bookingEnabled ? <Badge tone="ok">{m.common.yes}</Badge> : <Badge tone="off">{m.common.no}</Badge>}
                  {!r.configured && <span className="muted cell-sub">{s.notConfigured}</span>}
                </>
              ),
            },
            { key: 'slot', header: s.slot, className: 'num nowrap', render: (r) => `${r.slotMinutes} ${m.common.minutes}` },
            { key: 'capacity', header: s.capacity, className: 'num', render: (r) => <span data-capacity={r.service.code}>{r.slotCapacity}</span> },
            { key: 'online', header: s.online, className: 'num', render: (r) => quota(r.onlineDailyQuota) },
            { key: 'walkIn', header: s.walkIn, className: 'num', render: (r) => quota(r.walkInDailyQuota) },
            { key: 'opening', header: s.opening, className: 'nowrap', render: (r) => fill(s.openingValue, { days: r.opening.daysBefore, at: r.opening.at }) },
            {
              key: 'edit',
              header: <span className="sr-only">{m.common.edit}</span>,
              render: (r) => (
                <Button size="small" variant="secondary" onClick={() => setEditing(r)} aria-label={fill(s.editService, { name: tx(r.service.name) })}>
                  {m.common.edit}
                </Button>
              ),
            },
          ]}
        />
      </div>
      {editing && (
        <ServiceEditor
          point={point}
          row={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setNotice(fill(s.saved, { name: tx(editing.service.name) }));
            setEditing(null);
            onSaved();
          }}
        />
      )}
    </>
  );
}

/** A modal side drawer (native <dialog>: focus stays inside, Escape closes). */
function Drawer({ title, onClose, children, className }: { title: string; onClose: () => void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={['qa-dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

function ServiceEditor({ point, row, onClose, onSaved }: { point: string; row: ServiceRow; onClose: () => void; onSaved: () => void }) {
  const { m, tx } = useQA();
  const s = m.services;
  const [bookingEnabled, setBookingEnabled] = useState(row.bookingEnabled);
  const [v, setV] = useState({
    slotMinutes: String(row.slotMinutes),
    slotCapacity: String(row.slotCapacity),
    online: row.onlineDailyQuota === null ? '' : String(row.onlineDailyQuota),
    walkIn: row.walkInDailyQuota === null ? '' : String(row.walkInDailyQuota),
    daysBefore: String(row.opening.daysBefore),
    at: row.opening.at,
    closingMargin: String(row.closingMarginMinutes),
  });
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const save = useSave();
  const errors = errorsOf(save.error);
  const submit = async () => {
    const body = {
      bookingEnabled,
      slotMinutes: numberOf(v.slotMinutes),
      slotCapacity: numberOf(v.slotCapacity),
      onlineDailyQuota: quotaOf(v.online),
      walkInDailyQuota: quotaOf(v.walkIn),
      opening: { daysBefore: numberOf(v.daysBefore), at: v.at.trim() },
      closingMarginMinutes: numberOf(v.closingMargin),
    };
    const saved = await save.run(() => write.put<ServiceSettings>(`/api/queue/points/${encodeURIComponent(point)}/services/${encodeURIComponent(row.service.code)}/settings`, body));
    if (saved) onSaved();
  };
  const shown = ['slotMinutes', 'slotCapacity', 'onlineDailyQuota', 'walkInDailyQuota', 'opening.daysBefore', 'opening.at', 'closingMarginMinutes'];
  return (
    <Drawer title={s.editorTitle} onClose={onClose} className="qa-drawer">
      <p className="qa-drawer__service">
        <strong>{tx(row.service.name)}</strong>
        <span className="mono muted cell-sub">
          {row.service.agency} · {row.service.code}
        </span>
      </p>
      <form
        className="admin-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <CheckField label={s.bookingEnabled} hint={s.bookingHint} checked={bookingEnabled} onChange={setBookingEnabled} />
        <div className="qa-grid qa-grid--2">
          <NumberField label={s.slotMinutes} value={v.slotMinutes} onChange={set('slotMinutes')} error={errors('slotMinutes')} />
          <NumberField label={s.slotCapacity} hint={s.slotCapacityHint} value={v.slotCapacity} onChange={set('slotCapacity')} error={errors('slotCapacity')} />
          <NumberField label={s.onlineQuota} hint={s.quotaHint} value={v.online} onChange={set('online')} error={errors('onlineDailyQuota')} />
          <NumberField label={s.walkInQuota} hint={s.quotaHint} value={v.walkIn} onChange={set('walkIn')} error={errors('walkInDailyQuota')} />
          <NumberField label={s.daysBefore} value={v.daysBefore} onChange={set('daysBefore')} error={errors('opening.daysBefore')} />
          <TextField label={s.opensAt} value={v.at} onChange={(e) => set('at')(e.target.value)} error={errors('opening.at')} className="input--compact input--time" inputMode="numeric" maxLength={5} autoComplete="off" />
          <NumberField label={s.closingMargin} value={v.closingMargin} onChange={set('closingMargin')} error={errors('closingMarginMinutes')} />
        </div>
        <ErrorAlert error={save.error} shownFields={shown} />
        <div className="btn-row">
          <Button type="submit" busy={save.busy}>
            {m.common.save}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {m.common.cancel}
          </Button>
        </div>
      </form>
    </Drawer>
  );
}

// — kiosks —

function KiosksPanel({ point, kiosks, onChanged }: { point: string; kiosks: Kiosk[]; onChanged: () => void }) {
  const { m, lang } = useQA();
  const k = m.kiosks;
  const [name, setName] = useState('');
  const [paired, setPaired] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<Kiosk | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const pair = useSave();
  const revoke = useSave();
  const pairErrors = errorsOf(pair.error);
  const sorted = [...kiosks].sort((a, b) => Number(a.revoked) - Number(b.revoked) || b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <p className="muted">{k.lead}</p>
      {paired && <TokenOnce name={paired.name} token={paired.token} onDone={() => setPaired(null)} />}
      {notice && <Alert tone="success">{notice}</Alert>}
      <Table<Kiosk>
        caption={k.caption}
        rows={sorted}
        rowKey={(r) => r.id}
        empty={m.common.none}
        columns={[
          { key: 'name', header: k.name, render: (r) => r.name },
          { key: 'paired', header: k.pairedAt, className: 'nowrap', render: (r) => formatDateTime(r.createdAt, lang) },
          { key: 'seen', header: k.lastSeen, className: 'nowrap', render: (r) => (r.lastSeenAt ? formatDateTime(r.lastSeenAt, lang) : <span className="muted">{k.never}</span>) },
          { key: 'status', header: k.status, render: (r) => (r.revoked ? <Badge tone="off">{k.revoked}</Badge> : <Badge tone="ok">{k.active}</Badge>) },
          {
            key: 'revoke',
            header: <span className="sr-only">{k.revoke}</span>,
            render: (r) =>
              r.revoked ? null : (
                <Button size="small" variant="danger" onClick={() => setRevoking(r)} aria-label={fill(k.revokeKiosk, { name: r.name })}>
                  {k.revoke}
                </Button>
              ),
          },
        ]}
      />
      <form
        className="admin-form qa-section qa-pair"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const kioskName = name.trim();
          void pair
            .run(() => api.post<{ id: string; token: string }>(`/api/queue/points/${encodeURIComponent(point)}/kiosks`, { name: kioskName }))
            .then((result) => {
              if (!result) return;
              setPaired({ name: kioskName, token: result.token });
              setNotice(null);
              setName('');
              onChanged();
            });
        }}
      >
        <h3>{k.pairTitle}</h3>
        <div className="filter-bar">
          <TextField label={k.pairName} hint={k.pairNameHint} value={name} onChange={(e) => setName(e.target.value)} error={pairErrors('name')} className="input--compact" maxLength={80} />
          <Button type="submit" busy={pair.busy}>
            {k.pair}
          </Button>
        </div>
        <ErrorAlert error={pair.error} shownFields={['name']} />
        <p className="muted">{fill(k.onDevice, { url: `/kios?titik=${point}` })}</p>
      </form>
      {revoking && (
        <Drawer title={k.confirmTitle} onClose={() => setRevoking(null)} className="qa-confirm">
          <p>{fill(k.confirmBody, { name: revoking.name })}</p>
          <ErrorAlert error={revoke.error} />
          <div className="btn-row">
            <Button
              variant="danger"
              busy={revoke.busy}
              onClick={() =>
                void revoke.run(() => write.delete(`/api/queue/points/${encodeURIComponent(point)}/kiosks/${revoking.id}`)).then((r) => {
                  if (!r) return;
                  setNotice(fill(k.revokedDone, { name: revoking.name }));
                  setRevoking(null);
                  onChanged();
                })
              }
            >
              {k.confirm}
            </Button>
            <Button variant="secondary" onClick={() => setRevoking(null)}>
              {m.common.cancel}
            </Button>
          </div>
        </Drawer>
      )}
    </>
  );
}

function TokenOnce({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const { m } = useQA();
  const k = m.kiosks;
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const tokenId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('ok');
    } catch {
      input.current?.select();
      setCopied('failed');
    }
  };
  return (
    <div className="qa-token">
      <Alert tone="warning" title={fill(k.tokenTitle, { name })}>
        <p>{k.tokenWarning}</p>
        <label htmlFor={tokenId} className="field__label">
          {k.token}
        </label>
        <div className="qa-token__row">
          <input ref={input} id={tokenId} className="input input--compact mono qa-token__value" readOnly value={token} onFocus={(e) => e.target.select()} />
          <Button size="small" onClick={() => void copy()}>
            {k.copy}
          </Button>
          <Button size="small" variant="secondary" onClick={onDone}>
            {k.done}
          </Button>
        </div>
        <p role="status" className="qa-token__status">
          {copied === 'ok' ? k.copied : copied === 'failed' ? k.copyFailed : ''}
        </p>
      </Alert>
    </div>
  );
}

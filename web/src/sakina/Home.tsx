import { useState } from 'react';
import { Link } from 'wouter';
import { useLang } from '../i18n/use-lang.ts';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonLink, Card, ErrorAlert, FeatureGrid, Loading, PageHeader, SelectField, TextField, type Feature } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { api, ApiError } from '../api.ts';
import { useF } from './field-messages.ts';
import { PendingReports, useReportQueue } from './PendingReports.tsx';
import { useLocal, useS } from './messages.ts';
import { TasksPanel, useAutoReload } from './Tasks.tsx';
import type { AlertList, Summary } from './types.ts';
import { formatDateTime } from '../format.ts';
import { CategoryBadge, daysBetween, StatusBadge, todayWib, useDay } from './util.tsx';

function WomanItem({ w }: { w: Summary }) {
  const s = useS();
  const day = useDay();
  const pregnant = w.status === undefined || w.status === 'active';
  const due = w.dueDate && pregnant ? daysBetween(todayWib(), w.dueDate) : null;
  const urgent = pregnant && (w.emergency || (due !== null && due <= 14 && (w.category === 'KRT' || w.category === 'KRST')));
  return (
    <li>
      <Link href={`/sakina/ibu/${w.id}`} className={`sk-item ${urgent ? 'sk-item--urgent' : ''}`} data-testid="woman">
        <div className="sk-item__top">
          <span className="sk-item__name">{w.name ?? '—'}</span>
          <span className="sk-item__badges">
            {w.status && w.status !== 'active' && <StatusBadge status={w.status} />}
            {w.category !== undefined && w.status !== 'reported' && <CategoryBadge category={w.category} />}
          </span>
        </div>
        <div className="sk-item__meta">
          {s.inVillage(w.village.name)}
          {w.gestationalAge ? ` · ${s.weeksDays(w.gestationalAge.weeks, w.gestationalAge.days)}` : ''}
        </div>
        {w.addressLine && <div className="sk-item__meta">{w.addressLine}</div>}
        {w.dueDate && (
          <div className="sk-item__meta">
            {s.fields.hpl}: <strong>{day(w.dueDate)}</strong>
            {due !== null && ` (${s.dueIn(due)})`}
          </div>
        )}
      </Link>
    </li>
  );
}

/** A phone on a weak signal gets the list in pages. */
const PAGE = 15;

function WomenList({ title, status, showFilters = true, anchor }: { title: string; status?: string; showFilters?: boolean; anchor?: string }) {
  const s = useS();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const { data, error, loading } = useApi<{ items: Summary[] }>('/api/sakina/pregnancies', { q: q || undefined, category: category || undefined, status, limit });
  const items = (data?.items ?? []).filter((w) => status || w.status !== 'reported');
  return (
    <div id={anchor}>
    <Card title={title}>
      {showFilters && (
        <div className="sk-filters">
          <TextField label={s.home.search} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          <SelectField label={s.home.filterCategory} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{s.home.all}</option>
            <option value="KRST">KRST</option>
            <option value="KRT">KRT</option>
            <option value="KRR">KRR</option>
          </SelectField>
        </div>
      )}
      <ErrorAlert error={error} />
      {loading && !data ? <Loading /> : items.length === 0 ? <p className="muted">{status === 'reported' ? s.home.noReports : s.home.noWomen}</p> : null}
      <ul className="sk-list">
        {items.map((w) => (
          <WomanItem key={w.id} w={w} />
        ))}
      </ul>
      {(data?.items.length ?? 0) >= limit && limit < 100 && (
        <Button variant="secondary" block className="section" busy={loading} onClick={() => setLimit(limit + PAGE)}>
          {s.home.more}
        </Button>
      )}
    </Card>
    </div>
  );
}

/** My alerts, newest first: unread ones marked and counted; each person marks their own read. */
function AlertsPanel() {
  const s = useS();
  const f = useF();
  const local = useLocal();
  const lang = useLang();
  const { data, error, reload } = useApi<AlertList>('/api/sakina/alerts');
  const [busy, setBusy] = useState<string | null>(null);
  const [markError, setMarkError] = useState<ApiError | null>(null);
  useAutoReload(reload, 60_000);
  const items = (data?.items ?? []).slice(0, 6);
  const unread = data?.unread ?? 0;
  const mark = async (id: string | null) => {
    setBusy(id ?? 'all');
    setMarkError(null);
    try {
      await api.post(id ? `/api/sakina/alerts/${id}/read` : '/api/sakina/alerts/read');
      reload();
    } catch (e) {
      setMarkError(e as ApiError);
    } finally {
      setBusy(null);
    }
  };
  const title = (
    <>
      {s.home.alerts}
      {unread > 0 && (
        <span className="sk-count" data-testid="unread-count" aria-label={f.alerts.unread(unread)}>
          {unread}
        </span>
      )}
    </>
  );
  return (
    <div id="peringatan">
    <Card title={title}>
      <ErrorAlert error={error ?? markError} />
      {data && items.length === 0 && <p className="muted">{s.home.noAlerts}</p>}
      {data && items.length > 0 && (
        <p className="sk-item__meta" aria-live="polite">
          {f.alerts.unread(unread)}
        </p>
      )}
      <ul className="sk-list">
        {items.map((a) => (
          <li key={a.id} className="sk-alert-row">
            <Link
              href={`/sakina/ibu/${a.woman.id}`}
              className={`sk-item ${a.kind === 'emergency' || a.kind === 'escort_not_accepted' ? 'sk-item--urgent' : 'sk-item--warn'} ${a.read ? 'sk-item--read' : 'sk-item--unread'}`}
              data-testid="alert"
              data-read={a.read ? 'true' : 'false'}
              onClick={() => {
                // Opening an alert reads it (for me only).
                if (!a.read) void api.post(`/api/sakina/alerts/${a.id}/read`).catch(() => undefined);
              }}
            >
              <div className="sk-item__top">
                <span className="sk-item__name">
                  {!a.read && <span className="sr-only">{f.alerts.newBadge}: </span>}
                  {local(a.title)}
                </span>
                <span className="sk-item__meta">{formatDateTime(a.createdAt, lang)}</span>
              </div>
              <div className="sk-item__meta">
                {a.woman.name} · {s.inVillage(a.woman.village)}
                {typeof a.details.destination === 'string' ? ` → ${a.details.destination}` : ''}
              </div>
            </Link>
            {!a.read && (
              <Button variant="secondary" size="small" busy={busy === a.id} aria-label={f.alerts.markReadFor(local(a.title), a.woman.name ?? '')} onClick={() => mark(a.id)}>
                {f.alerts.markRead}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {unread > 0 && (
        <p className="section">
          <Button variant="secondary" size="small" busy={busy === 'all'} onClick={() => mark(null)}>
            {f.alerts.markAll}
          </Button>
        </p>
      )}
    </Card>
    </div>
  );
}

/** A kader's reports still on the phone: sent from here too when the signal returns. */
function HomePending() {
  const queue = useReportQueue();
  if (!queue.pending.length && !queue.delivered) return null;
  return (
    <div>
      <PendingReports queue={queue} />
    </div>
  );
}

type FeatureKey = 'register' | 'kspr' | 'anc' | 'p4k' | 'alerts' | 'outcome' | 'villageWatch' | 'report' | 'tasks' | 'escort' | 'policeWatch';

// Each member of the laskar sees their own part: the police never see the clinical record.
const FEATURES: Partial<Record<string, [FeatureKey, string][]>> = {
  midwife: [
    ['register', '/sakina/daftar'],
    ['kspr', '/sakina#ibu'],
    ['anc', '/sakina#ibu'],
    ['p4k', '/sakina#ibu'],
    ['alerts', '/sakina#peringatan'],
    ['outcome', '/sakina#ibu'],
  ],
  village_official: [
    ['villageWatch', '/sakina#ibu'],
    ['report', '/sakina/lapor'],
    ['tasks', '/sakina#tugas'],
    ['alerts', '/sakina#peringatan'],
  ],
  police_officer: [
    ['escort', '/sakina#tugas'],
    ['policeWatch', '/sakina#ibu'],
    ['tasks', '/sakina#tugas'],
  ],
};

/** /sakina: each member of the laskar sees their own part. */
export function SakinaHome() {
  const s = useS();
  const { t } = useTranslation();
  const { user } = useSession();
  if (!user) return <Loading />;
  const role = user.role;
  const features: Feature[] = (FEATURES[role] ?? []).map(([key, href]) => ({ key, href, title: t(`sakina.features.${key}.title`), body: t(`sakina.features.${key}.body`) }));
  const actions =
    role === 'midwife' ? (
      <>
        <ButtonLink href="/sakina/daftar">{s.home.registerNew}</ButtonLink>
        <ButtonLink href="/sakina/dasbor" variant="secondary">
          {s.home.dashboard}
        </ButtonLink>
      </>
    ) : role === 'village_official' ? (
      <ButtonLink href="/sakina/lapor">{s.home.reportNew}</ButtonLink>
    ) : undefined;
  return (
    <>
      <PageHeader title={s.title} lead={s.lead} meta={user.places.map((p) => p.name).join(', ')} actions={actions} />
      <Alert tone="info">
        <p>{s.privacy}</p>
      </Alert>
      <div className="sk-sections section">
        {role === 'police_officer' && (
          <>
            {/* An officer's tasks are the escorts. */}
            <TasksPanel showTasks={false} />
            <AlertsPanel />
            <WomenList title={s.home.womenPolice} showFilters={false} anchor="ibu" />
          </>
        )}
        {role === 'village_official' && (
          <>
            <HomePending />
            <TasksPanel escortsFirst={false} />
            <AlertsPanel />
            <WomenList title={s.home.reports} status="reported" showFilters={false} />
            <WomenList title={s.home.women} anchor="ibu" />
          </>
        )}
        {role === 'midwife' && (
          <>
            <AlertsPanel />
            <WomenList title={s.home.reports} status="reported" showFilters={false} />
            <WomenList title={s.home.women} anchor="ibu" />
            <TasksPanel />
          </>
        )}
      </div>
      <section className="section" aria-label={s.title}>
        <FeatureGrid features={features} label={s.title} />
      </section>
    </>
  );
}

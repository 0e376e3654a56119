import { useState } from 'react';
import { Link } from 'wouter';
import { useLang } from '../i18n/use-lang.ts';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonLink, Card, ErrorAlert, FeatureGrid, Loading, PageHeader, SelectField, TextField, type Feature } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { useLocal, useS } from './messages.ts';
import { TasksPanel, useAutoReload } from './Tasks.tsx';
import type { AlertItem, Summary } from './types.ts';
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

function AlertsPanel() {
  const s = useS();
  const local = useLocal();
  const lang = useLang();
  const { data, error, reload } = useApi<{ items: AlertItem[] }>('/api/sakina/alerts');
  useAutoReload(reload, 60_000);
  const items = (data?.items ?? []).slice(0, 6);
  return (
    <div id="peringatan">
    <Card title={s.home.alerts}>
      <ErrorAlert error={error} />
      {data && items.length === 0 && <p className="muted">{s.home.noAlerts}</p>}
      <ul className="sk-list">
        {items.map((a) => (
          <li key={a.id}>
            <Link href={`/sakina/ibu/${a.woman.id}`} className={`sk-item ${a.kind === 'emergency' || a.kind === 'escort_not_accepted' ? 'sk-item--urgent' : 'sk-item--warn'}`} data-testid="alert">
              <div className="sk-item__top">
                <span className="sk-item__name">{local(a.title)}</span>
                <span className="sk-item__meta">{formatDateTime(a.createdAt, lang)}</span>
              </div>
              <div className="sk-item__meta">
                {a.woman.name} · {s.inVillage(a.woman.village)}
                {typeof a.details.destination === 'string' ? ` → ${a.details.destination}` : ''}
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
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

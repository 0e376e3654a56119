import { useEffect, useState } from 'react';
import { api, ApiError } from '../api.ts';
import { useLang } from '../i18n/use-lang.ts';
import { Button, Card, ErrorAlert, Loading, TextField } from '../kit/index.ts';
import { useApi } from '../use-api.ts';
import { useLocal, useS } from './messages.ts';
import type { Escort, TaskList, Woman } from './types.ts';
import { CategoryBadge, formatTime, Phone, useDay } from './util.tsx';

const NEXT: Partial<Record<Escort['status'], 'accept' | 'depart' | 'arrive'>> = { requested: 'accept', accepted: 'depart', on_the_way: 'arrive' };

/** One escort as the officer works it: who, where to, and one big button for the next step. */
export function EscortCard({ escort, woman, canAccept, mine, onChange }: { escort: Escort; woman: Woman; canAccept: boolean; mine: boolean; onChange(): void }) {
  const s = useS();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const step = NEXT[escort.status];
  const mayStep = step === 'accept' ? canAccept : mine && !!step;
  const go = async () => {
    if (!step) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/sakina/escorts/${escort.id}/${step}`);
      onChange();
    } catch (e) {
      setError(e as ApiError);
      onChange();
    } finally {
      setBusy(false);
    }
  };
  const stamps: [keyof typeof s.escort.steps, string | null][] = [
    ['requestedAt', escort.requestedAt],
    ['acceptedAt', escort.acceptedAt],
    ['onTheWayAt', escort.onTheWayAt],
    ['arrivedAt', escort.arrivedAt],
  ];
  return (
    <li className={`sk-item sk-escort sk-escort--${escort.status}`} data-testid="escort">
      <div className="sk-item__top">
        <span className="sk-item__name">{woman.name ?? '—'}</span>
        <span className="sk-badge sk-badge--status">{s.escort.statuses[escort.status]}</span>
      </div>
      <p className="sk-item__meta">
        {s.inVillage(woman.village)}
        {woman.addressLine ? ` · ${woman.addressLine}` : ''}
      </p>
      <p>
        <strong>{s.escort.to}:</strong> {escort.destination}
        {escort.note ? ` — ${escort.note}` : ''}
      </p>
      <p className="btn-row">
        <Phone number={woman.phone} label={`${s.escort.call} ${woman.name ?? ''}`.trim()} />
        {woman.familyPhone && <Phone number={woman.familyPhone} label={s.escort.callFamily} />}
      </p>
      {escort.acceptedBy && <p className="sk-item__meta">{s.escort.acceptedBy(escort.acceptedBy)}</p>}
      {escort.escalatedAt && escort.status === 'requested' && <p className="field__error">{s.escort.escalated}</p>}
      <ol className="sk-timeline" aria-label={s.record.escorts}>
        {stamps.map(([key, at]) => (
          <li key={key} className={at ? 'is-done' : undefined}>
            {s.escort.steps[key]} {at ? formatTime(at, lang) : '—'}
          </li>
        ))}
      </ol>
      <ErrorAlert error={error} />
      {mayStep && step && (
        <div className="sk-actions">
          <Button block busy={busy} onClick={go} variant={step === 'accept' ? 'danger' : 'primary'}>
            {s.escort[step]}
          </Button>
        </div>
      )}
    </li>
  );
}

function TaskCard({ task, onChange }: { task: TaskList['tasks'][number]; onChange(): void }) {
  const s = useS();
  const local = useLocal();
  const day = useDay();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const done = async () => {
    setBusy(true);
    try {
      await api.post(`/api/sakina/tasks/${task.id}/done`, { note: note || null });
      onChange();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className={`sk-item ${task.kind === 'missed_visit_follow_up' ? 'sk-item--warn' : ''}`} data-testid="task">
      <div className="sk-item__top">
        <span className="sk-item__name">{task.woman.name}</span>
        {task.woman.category !== undefined && <CategoryBadge category={task.woman.category} />}
      </div>
      <p className="sk-item__meta">
        {s.tasks.kinds[task.kind]} · {s.tasks.due} {day(task.dueOn)}
      </p>
      <p>{local(task.reason)}</p>
      <p className="sk-item__meta">
        {s.inVillage(task.woman.village)}
        {task.woman.addressLine ? ` · ${task.woman.addressLine}` : ''} · <Phone number={task.woman.phone} />
      </p>
      <ErrorAlert error={error} />
      {open ? (
        <div>
          <TextField label={s.tasks.doneNote} optional value={note} onChange={(e) => setNote(e.target.value)} />
          <div className="btn-row">
            <Button busy={busy} onClick={done}>
              {s.tasks.done}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {s.cancel}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" size="small" onClick={() => setOpen(true)}>
          {s.tasks.done}
        </Button>
      )}
    </li>
  );
}

/** The escorts under way and this person's open tasks, refreshed every 30 seconds. */
export function TasksPanel({ escortsFirst = true, showTasks = true }: { escortsFirst?: boolean; showTasks?: boolean }) {
  const s = useS();
  const { data, error, loading, reload } = useApi<TaskList>('/api/sakina/tasks');
  const [all, setAll] = useState(false);
  useAutoReload(reload, 30_000);
  const shownTasks = all ? (data?.tasks ?? []) : (data?.tasks ?? []).slice(0, 5);
  if (loading && !data) return <Loading />;
  const escorts = (
    <Card title={s.home.escorts} key="escorts">
      {data && data.escorts.length === 0 && <p className="muted">{s.home.noEscorts}</p>}
      <ul className="sk-list">
        {data?.escorts.map((e) => <EscortCard key={e.id} escort={e} woman={e.woman} canAccept={e.canAccept} mine={e.mine} onChange={reload} />)}
      </ul>
    </Card>
  );
  const tasks = (
    <Card title={s.home.tasks} key="tasks">
      {data && data.tasks.length === 0 && <p className="muted">{s.home.noTasks}</p>}
      <ul className="sk-list">
        {shownTasks.map((t) => <TaskCard key={t.id} task={t} onChange={reload} />)}
      </ul>
      {!all && (data?.tasks.length ?? 0) > shownTasks.length && (
        <Button variant="secondary" block className="section" onClick={() => setAll(true)}>
          {s.home.allTasks(data!.tasks.length)}
        </Button>
      )}
    </Card>
  );
  return (
    <div className="sk-sections" id="tugas">
      <ErrorAlert error={error} />
      {!showTasks ? escorts : escortsFirst ? [escorts, tasks] : [tasks, escorts]}
    </div>
  );
}


/** Polls while the page is visible: an escort request must not wait for a manual refresh. */
export function useAutoReload(reload: () => void, ms: number): void {
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, ms);
    return () => clearInterval(timer);
  }, [reload, ms]);
}

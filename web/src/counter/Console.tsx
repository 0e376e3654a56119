import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { formatClock } from '../format.ts';
import { Alert, Badge, Button, ButtonLink, ErrorAlert, Loading, PageHeader, SelectField, TextField } from '../kit/index.ts';
import type { CheckInResult, Printable, PriorityGroup, TicketView } from '../citizen/queue/api.ts';
import { useQueueEvents } from '../citizen/queue/live.ts';
import { fmt, useQ, type LocalText } from '../citizen/queue/messages.ts';
import './counter.css';

type ConsoleData = {
  session: { id: string; status: 'open' | 'paused'; openedAt: string } | null;
  counter: { code: string; name: LocalText } | null;
  point: { code: string; name: LocalText } | null;
  current: TicketView | null;
  waiting: (TicketView & { pick: string; waitedMinutes: number })[];
  parked: TicketView[];
  counters: { code: string; name: LocalText; open: boolean }[];
  services: { code: string; name: LocalText; here: boolean }[];
  priorityGroups: PriorityGroup[];
  eligiblePoints: { code: string; name: LocalText }[];
};

type CallResult = { ticket: TicketView | null; announcement: LocalText | null; pick: string | null };

/** /loket/antrian: the counter console. Dense, keyboard-first, live. */
export function CounterConsole() {
  const { q, tx } = useQ();
  const [data, setData] = useState<ConsoleData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await api.get<ConsoleData>('/api/queue/console'));
    } catch (e) {
      setError(e as ApiError);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const timer = useRef<number | null>(null);
  useQueueEvents(data?.point?.code ?? null, () => {
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      void load();
    }, 300);
  });

  /** Runs one console action; the answer's announcement is shown, the console reloaded. */
  const act = useCallback(
    async (key: string, path: string, body: unknown = {}) => {
      setBusy(key);
      setError(null);
      try {
        const result = await api.post<CallResult | ConsoleData | undefined>(path, body);
        if (result && 'announcement' in result && result.announcement) setSaid(tx(result.announcement));
        else if (result && 'ticket' in result && result.ticket === null) setSaid(q.console.emptyQueue);
        await load();
      } catch (e) {
        setError(e as ApiError);
      } finally {
        setBusy(null);
      }
    },
    [load, q, tx],
  );

  if (!data) return error ? <ErrorAlert error={error} /> : <Loading />;
  if (!data.session || !data.counter || !data.point) return <CounterSignIn points={data.eligiblePoints} onDone={load} />;
  return <ConsoleView data={data} busy={busy} act={act} said={said} error={error} />;
}

function CounterSignIn({ points, onDone }: { points: { code: string; name: LocalText }[]; onDone: () => Promise<void> }) {
  const { q, tx } = useQ();
  const [point, setPoint] = useState(points[0]?.code ?? '');
  const [counters, setCounters] = useState<{ code: string; name: LocalText; officer: string | null; status: string }[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    if (!point) return;
    setCounters(null);
    api
      .get<{ counters: { code: string; name: LocalText; officer: string | null; status: string }[] }>(`/api/queue/points/${point}/counters`)
      .then((r) => setCounters(r.counters))
      .catch((e: ApiError) => setError(e));
  }, [point]);
  const choose = async (code: string) => {
    setBusy(code);
    setError(null);
    try {
      await api.post('/api/queue/console/sign-in', { point, counter: code });
      await onDone();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <PageHeader title={q.console.signInTitle} lead={q.console.signInLead} back={{ href: '/loket', label: q.kiosk.back }} />
      <ErrorAlert error={error} />
      {points.length > 1 && (
        <SelectField label={q.console.point} value={point} onChange={(e) => setPoint(e.target.value)}>
          {points.map((p) => (
            <option key={p.code} value={p.code}>
              {tx(p.name)}
            </option>
          ))}
        </SelectField>
      )}
      {!counters ? (
        <Loading />
      ) : (
        <ul className="counter-pick" aria-label={q.console.choose}>
          {counters.map((c) => (
            <li key={c.code}>
              <Button variant={c.officer ? 'secondary' : 'primary'} block busy={busy === c.code} disabled={!!c.officer} onClick={() => void choose(c.code)}>
                <span className="counter-pick__code">{fmt(q.console.counter, { code: c.code })}</span>
                <span className="counter-pick__name">{tx(c.name)}</span>
                <span className="counter-pick__who">{c.officer ? fmt(q.console.taken, { who: c.officer }) : q.console.free}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function minutesSince(iso: string | null): number {
  return iso ? Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 60_000)) : 0;
}

function ConsoleView({ data, busy, act, said, error }: { data: ConsoleData; busy: string | null; act: (key: string, path: string, body?: unknown) => Promise<void>; said: string | null; error: ApiError | null }) {
  const { q, tx, lang } = useQ();
  const current = data.current;
  const paused = data.session!.status === 'paused';
  const [confirmNoShow, setConfirmNoShow] = useState(false);
  const [delivered, setDelivered] = useState<string[]>([]);
  const [next, setNext] = useState('');
  const [moveQueue, setMoveQueue] = useState('');
  const [moveCounter, setMoveCounter] = useState('');
  const [moveService, setMoveService] = useState('');
  const [reasonFor, setReasonFor] = useState<string | null>(null);
  const [reason, setReason] = useState('');

  useEffect(() => {
    setConfirmNoShow(false);
    setDelivered(current ? [current.service.code] : []);
    setNext('');
  }, [current?.id, current?.state]);

  const ticketPath = (action: string) => `/api/queue/tickets/${current!.id}/${action}`;

  // Keyboard: the officer's hands stay on the keys. Letters are Indonesian verbs (mulai, selesai, tunda, hadir).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || busy) return;
      const key = e.key.toLowerCase();
      if (key === 'n' && !current && !paused) void act('next', '/api/queue/console/call-next');
      else if (key === 'u' && current?.state === 'called') void act('recall', ticketPath('recall'));
      else if (key === 'm' && current?.state === 'called') void act('start', ticketPath('start'));
      else if (key === 's' && current?.state === 'serving') void act('finish', ticketPath('finish'), { services: delivered });
      else if (key === 't' && current) void act('park', ticketPath('park'));
      else if (key === 'h' && current?.state === 'called') setConfirmNoShow(true);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const servicesHere = data.services.filter((s) => s.here);
  return (
    <div className="console">
      <PageHeader
        title={q.console.title}
        meta={
          <span className="console__meta">
            <strong>{fmt(q.console.counter, { code: data.counter!.code })}</strong> · {tx(data.counter!.name)} · {tx(data.point!.name)} {paused && <Badge tone="soon">{q.console.paused}</Badge>}
          </span>
        }
        actions={
          <>
            <Button variant="secondary" size="small" busy={busy === 'pause'} onClick={() => void act('pause', paused ? '/api/queue/console/resume' : '/api/queue/console/pause')}>
              {paused ? q.console.resume : q.console.pause}
            </Button>
            <Button variant="secondary" size="small" busy={busy === 'close'} onClick={() => void act('close', '/api/queue/console/sign-out')}>
              {q.console.signOut}
            </Button>
            <ButtonLink variant="secondary" size="small" href={`/layar?titik=${data.point!.code}`} target="_blank" rel="noopener">
              {q.console.board}
            </ButtonLink>
            <ButtonLink variant="secondary" size="small" href="/loket/kinerja">
              {q.console.kpi}
            </ButtonLink>
          </>
        }
      />
      <ErrorAlert error={error} />
      {said && (
        <p className="console__said" role="status" data-testid="console-said">
          {fmt(q.console.announce, { text: said })}
        </p>
      )}
      <div className="console__grid">
        <section className="console__current card" aria-labelledby="console-current">
          <h2 id="console-current">{q.console.current}</h2>
          {current ? (
            <>
              <div className="console__number" data-testid="console-number">
                {current.number}
              </div>
              <p className="console__service">{tx(current.service.name)}</p>
              <p className="console__badges">
                <Badge tone={current.state === 'serving' ? 'ok' : 'soon'}>{q.states[current.state] ?? current.state}</Badge>
                {current.kind === 'appointment' && <Badge tone="off">{q.console.picks.appointment}</Badge>}
                {current.priorityGroup && <Badge tone="soon">{tx(data.priorityGroups.find((g) => g.code === current.priorityGroup)?.label) || current.priorityGroup}</Badge>}
                <span className="muted">
                  {current.calledAt && formatClock(new Date(current.calledAt), lang, false)} · ×{current.callCount}
                </span>
              </p>
              {current.state === 'called' && (
                <div className="btn-row">
                  <Button busy={busy === 'start'} onClick={() => void act('start', ticketPath('start'))} aria-keyshortcuts="M">
                    {q.console.start} <kbd>M</kbd>
                  </Button>
                  <Button variant="secondary" busy={busy === 'recall'} onClick={() => void act('recall', ticketPath('recall'))} aria-keyshortcuts="U">
                    {q.console.recall} <kbd>U</kbd>
                  </Button>
                  {confirmNoShow ? (
                    <span className="console__confirm" role="group" aria-label={q.console.noShow}>
                      <span>{fmt(q.console.noShowConfirm, { number: current.number, n: current.callCount })}</span>
                      <Button variant="danger" size="small" busy={busy === 'noshow'} onClick={() => void act('noshow', ticketPath('no-show'), { confirm: true })}>
                        {q.console.noShow}
                      </Button>
                      <Button variant="secondary" size="small" onClick={() => setConfirmNoShow(false)}>
                        ✕
                      </Button>
                    </span>
                  ) : (
                    <Button variant="danger" onClick={() => setConfirmNoShow(true)} aria-keyshortcuts="H">
                      {q.console.noShow} <kbd>H</kbd>
                    </Button>
                  )}
                  <Button variant="secondary" busy={busy === 'park'} onClick={() => void act('park', ticketPath('park'))} aria-keyshortcuts="T">
                    {q.console.park} <kbd>T</kbd>
                  </Button>
                  <Button variant="secondary" busy={busy === 'return'} onClick={() => void act('return', ticketPath('return'))}>
                    {q.console.return}
                  </Button>
                </div>
              )}
              {current.state === 'serving' && (
                <>
                  <fieldset className="console__delivered">
                    <legend>{q.console.delivered}</legend>
                    {servicesHere.map((s) => (
                      <label key={s.code} className="check">
                        <input type="checkbox" checked={delivered.includes(s.code)} onChange={(e) => setDelivered((d) => (e.target.checked ? [...d, s.code] : d.filter((x) => x !== s.code)))} />
                        {tx(s.name)}
                      </label>
                    ))}
                  </fieldset>
                  <div className="btn-row">
                    <Button busy={busy === 'finish'} onClick={() => void act('finish', ticketPath('finish'), { services: delivered })} aria-keyshortcuts="S">
                      {q.console.finish} <kbd>S</kbd>
                    </Button>
                    <Button variant="secondary" busy={busy === 'park'} onClick={() => void act('park', ticketPath('park'))} aria-keyshortcuts="T">
                      {q.console.park} <kbd>T</kbd>
                    </Button>
                    <Button variant="secondary" busy={busy === 'walkout'} onClick={() => void act('walkout', ticketPath('walk-out'))}>
                      {q.console.walkOut}
                    </Button>
                  </div>
                  <form
                    className="console__inline"
                    onSubmit={(e) => {
                      e.preventDefault();
                      if (next) void act('redirect', ticketPath('redirect'), { services: delivered, to: next });
                    }}
                  >
                    <SelectField label={q.console.redirect} value={next} onChange={(e) => setNext(e.target.value)}>
                      <option value="">—</option>
                      {data.services.map((s) => (
                        <option key={s.code} value={s.code}>
                          {tx(s.name)}
                        </option>
                      ))}
                    </SelectField>
                    <Button type="submit" variant="secondary" size="small" disabled={!next} busy={busy === 'redirect'}>
                      {q.console.apply}
                    </Button>
                  </form>
                </>
              )}
              <details className="console__transfer">
                <summary>{q.console.transfer}</summary>
                <form
                  className="console__inline"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void act('transfer', ticketPath('transfer'), { queue: moveQueue || null, counter: moveCounter || null, service: moveService || null });
                  }}
                >
                  <SelectField label={q.console.toQueue} value={moveQueue} onChange={(e) => setMoveQueue(e.target.value)}>
                    <option value="">—</option>
                    {data.counters.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.code} · {tx(c.name)}
                      </option>
                    ))}
                  </SelectField>
                  <SelectField label={q.console.toCounter} value={moveCounter} onChange={(e) => setMoveCounter(e.target.value)}>
                    <option value="">{q.console.anyCounter}</option>
                    {data.counters
                      .filter((c) => c.open)
                      .map((c) => (
                        <option key={c.code} value={c.code}>
                          {c.code}
                        </option>
                      ))}
                  </SelectField>
                  <SelectField label={q.console.toService} value={moveService} onChange={(e) => setMoveService(e.target.value)}>
                    <option value="">{q.console.sameService}</option>
                    {data.services.map((s) => (
                      <option key={s.code} value={s.code}>
                        {tx(s.name)}
                      </option>
                    ))}
                  </SelectField>
                  <Button type="submit" variant="secondary" size="small" busy={busy === 'transfer'} disabled={!moveQueue && !moveCounter && !moveService}>
                    {q.console.transfer}
                  </Button>
                </form>
              </details>
            </>
          ) : (
            <>
              <p className="muted">{q.console.nobody}</p>
              <Button block busy={busy === 'next'} disabled={paused} onClick={() => void act('next', '/api/queue/console/call-next')} aria-keyshortcuts="N" data-testid="call-next">
                {q.console.callNext} <kbd>N</kbd>
              </Button>
            </>
          )}
          <p className="console__keys muted">{q.console.keys}</p>
        </section>

        <section className="console__lists" aria-labelledby="console-waiting">
          <h2 id="console-waiting">{fmt(q.console.waitingList, { n: data.waiting.length })}</h2>
          {data.waiting.length === 0 ? (
            <p className="muted">{q.console.empty}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table--dense" aria-labelledby="console-waiting">
                <thead>
                  <tr>
                    <th scope="col">{q.console.number}</th>
                    <th scope="col">{q.console.service}</th>
                    <th scope="col">{q.console.waited}</th>
                    <th scope="col">{q.console.pick}</th>
                    <th scope="col">
                      <span className="sr-only">{q.console.callThis}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.waiting.slice(0, 30).map((t) => (
                    <tr key={t.id}>
                      <td className="console__cell-number">{t.number}</td>
                      <td>{tx(t.service.name)}</td>
                      <td>{fmt(q.minutes, { n: t.waitedMinutes })}</td>
                      <td>
                        <Badge tone={t.pick === 'overdue' ? 'danger' : t.pick === 'priority' ? 'soon' : 'off'}>{q.console.picks[t.pick] ?? t.pick}</Badge>
                      </td>
                      <td>
                        {reasonFor === t.id ? (
                          <form
                            className="console__reason"
                            onSubmit={(e: FormEvent) => {
                              e.preventDefault();
                              void act(`call-${t.id}`, `/api/queue/tickets/${t.id}/call`, { reason }).then(() => {
                                setReasonFor(null);
                                setReason('');
                              });
                            }}
                          >
                            <TextField label={fmt(q.console.reasonPrompt, { number: t.number })} value={reason} onChange={(e) => setReason(e.target.value)} minLength={3} required autoFocus />
                            <Button type="submit" size="small" busy={busy === `call-${t.id}`}>
                              {q.console.callThis}
                            </Button>
                          </form>
                        ) : (
                          <Button size="small" variant="secondary" disabled={!!current || paused} onClick={() => setReasonFor(t.id)}>
                            {q.console.callThis}
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data.parked.length > 0 && (
            <>
              <h2>{fmt(q.console.parkedList, { n: data.parked.length })}</h2>
              <ul className="console__parked">
                {data.parked.map((t) => (
                  <li key={t.id}>
                    <span className="console__cell-number">{t.number}</span> {tx(t.service.name)}
                    <Button size="small" variant="secondary" disabled={!!current} busy={busy === `resume-${t.id}`} onClick={() => void act(`resume-${t.id}`, `/api/queue/tickets/${t.id}/resume`)}>
                      {q.console.resumeTicket}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <CounterTools data={data} />
        </section>
      </div>
    </div>
  );
}

/** Walk-in ticket and booking check-in from the counter, for citizens who skipped the kiosk. */
function CounterTools({ data }: { data: ConsoleData }) {
  const { q, tx } = useQ();
  const [service, setService] = useState('');
  const [group, setGroup] = useState('');
  const [code, setCode] = useState('');
  const [result, setResult] = useState<Printable | CheckInResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const point = data.point!.code;
  const run = async (key: string, path: string, body: unknown) => {
    setBusy(key);
    setError(null);
    setResult(null);
    try {
      setResult(await api.post<Printable>(path, body));
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="console__tools">
      <form
        className="console__inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (service) void run('issue', `/api/queue/points/${point}/tickets`, { service, priorityGroup: group || null });
        }}
      >
        <SelectField label={q.console.issue} value={service} onChange={(e) => setService(e.target.value)}>
          <option value="">—</option>
          {data.services.map((s) => (
            <option key={s.code} value={s.code}>
              {tx(s.name)}
            </option>
          ))}
        </SelectField>
        <SelectField label={q.console.priority} value={group} onChange={(e) => setGroup(e.target.value)}>
          <option value="">{q.kiosk.priorityNone}</option>
          {data.priorityGroups.map((g) => (
            <option key={g.code} value={g.code}>
              {tx(g.label)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" size="small" disabled={!service} busy={busy === 'issue'}>
          {q.kiosk.take}
        </Button>
      </form>
      <form
        className="console__inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) void run('checkin', `/api/queue/points/${point}/check-in`, { code });
        }}
      >
        <TextField label={q.console.checkIn} hint={q.kiosk.codeHint} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" />
        <Button type="submit" size="small" busy={busy === 'checkin'}>
          {q.kiosk.checkInButton}
        </Button>
      </form>
      <ErrorAlert error={error} />
      {result && (
        <Alert tone="success">
          <strong className="console__cell-number">{result.ticket.number}</strong> · {tx(result.ticket.service.name)}
          {'decision' in result && <> · {result.decision === 'walk_in' ? fmt(q.kiosk.late, { n: result.minutesLate ?? 0 }) : q.kiosk.onTime}</>}
        </Alert>
      )}
    </div>
  );
}

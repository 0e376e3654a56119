import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'wouter';
import { api, ApiError } from '../../api.ts';
import { formatClock } from '../../format.ts';
import { Alert, Button, ErrorAlert, Loading, PageHeader } from '../../kit/index.ts';
import type { Estimate, LiveTicket as Live } from './api.ts';
import { useQueueEvents } from './live.ts';
import { fmt, useQ } from './messages.ts';
import './queue.css';

/**
 * /antrian/tiket/:token — the printed ticket's QR opens this on the citizen's phone: position,
 * estimated wait, state, live. Small: no sign-in, no personal data.
 */
export function LiveTicket() {
  const { q, tx, lang } = useQ();
  const { token } = useParams<{ token: string }>();
  const [live, setLive] = useState<Live | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [at, setAt] = useState<Date | null>(null);
  const [confirm, setConfirm] = useState(false);
  const previous = useRef<string | null>(null);
  const load = useCallback(async () => {
    try {
      const next = await api.get<Live>(`/api/queue/live/${encodeURIComponent(token ?? '')}`);
      if (next.state === 'called' && previous.current !== 'called' && previous.current !== null) navigator.vibrate?.([300, 150, 300]);
      previous.current = next.state;
      setLive(next);
      setAt(new Date());
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  }, [token]);
  useEffect(() => {
    void load();
    const every = window.setInterval(() => void load(), 30_000);
    return () => window.clearInterval(every);
  }, [load]);
  const timer = useRef<number | null>(null);
  useQueueEvents(live && (live.state === 'waiting' || live.state === 'called') ? live.point.code : null, () => {
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      void load();
    }, 500);
  });
  if (!live) return error ? <ErrorAlert error={error} /> : <Loading />;
  const word = q.counterWord[live.counterWord] ?? q.counterWord.loket;
  const estimateText = (e: Estimate | null) => (!e ? '—' : e.kind === 'no_counter' ? q.noCounter : e.minutes === 0 ? q.live.aheadNone : fmt(q.aroundMinutes, { n: e.minutes, low: e.low, high: e.high }));
  const cancel = async () => {
    try {
      await api.post(`/api/queue/live/${encodeURIComponent(token ?? '')}/cancel`);
      await load();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <div className="q-live">
      <PageHeader title={fmt(q.live.title, { number: live.number })} lead={`${tx(live.service.name)} · ${tx(live.point.name)}`} />
      <ErrorAlert error={error} />
      <div className={`q-live__card card q-live__card--${live.state}`} aria-live="polite">
        <p className="q-live__label">{q.live.yourNumber}</p>
        <p className="q-live__number" data-testid="live-number">
          {live.number}
        </p>
        <p className="q-live__state">
          <strong>{q.states[live.state] ?? live.state}</strong>
        </p>
        {live.state === 'called' && live.counter && (
          <Alert tone="success" title={q.live.called}>
            <p className="q-live__go">{fmt(q.live.goTo, { counter: `${word} ${live.counter}` })}</p>
          </Alert>
        )}
        {live.held && <Alert tone="warning">{q.live.parked}</Alert>}
        {live.state === 'done' && <Alert tone="success">{q.live.finished}</Alert>}
        {live.state === 'waiting' && !live.held && (
          <dl className="q-facts q-facts--big">
            <div>
              <dt>{q.live.ahead}</dt>
              <dd data-testid="live-ahead">{live.ahead === 0 ? q.live.aheadNone : fmt(q.live.aheadN, { n: live.ahead ?? '—' })}</dd>
            </div>
            <div>
              <dt>{q.live.estimate}</dt>
              <dd>{estimateText(live.estimate)}</dd>
            </div>
          </dl>
        )}
        {at && <p className="muted q-live__updated">{fmt(q.live.updated, { time: formatClock(at, lang, false) })} WIB</p>}
      </div>
      {live.state === 'waiting' && <p className="muted">{q.live.notify}</p>}
      {live.canCancel &&
        (confirm ? (
          <div className="q-confirm" role="group" aria-label={q.live.cancel}>
            <span>{q.live.cancelConfirm}</span>
            <Button variant="danger" onClick={() => void cancel()}>
              {q.live.cancel}
            </Button>
            <Button variant="secondary" onClick={() => setConfirm(false)}>
              ✕
            </Button>
          </div>
        ) : (
          <Button variant="secondary" onClick={() => setConfirm(true)}>
            {q.live.cancel}
          </Button>
        ))}
    </div>
  );
}

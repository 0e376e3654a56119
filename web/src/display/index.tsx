import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { formatClock, formatLongDate } from '../format.ts';
import { useLang } from '../i18n/use-lang.ts';
import { usePageTitle } from '../kit/index.ts';
import { LanguageSwitch } from '../shell/LanguageSwitch.tsx';
import type { Board } from '../citizen/queue/api.ts';
import { useQueueEvents } from '../citizen/queue/live.ts';
import { fmt, useQ } from '../citizen/queue/messages.ts';
import { Announcer, hasVoice } from './announcer.ts';
import './board.css';

const DEFAULT_POINT = 'mpp-banyuwangi';
const SOUND_KEY = 'satupintu.board.sound';

/** The device's clock, corrected by the server's: a TV with a wrong clock still shows WIB right. */
function useServerClock(serverNow: string | null): Date {
  const offset = useRef(0);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (serverNow) offset.current = new Date(serverNow).getTime() - Date.now();
  }, [serverNow]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date(Date.now() + offset.current)), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return new Date(now.getTime());
}

function pointFromUrl(): string {
  return new URLSearchParams(window.location.search).get('titik') ?? DEFAULT_POINT;
}

/**
 * /layar?titik=…: the waiting-hall TV. No sign-in. Live through Server-Sent Events; every call is
 * shown big, listed with its counter, and announced by voice (queued, never overlapping) after a
 * chime that sounds even where no Indonesian voice exists.
 */
export function DisplayBoard() {
  const { t } = useTranslation();
  const { q, tx } = useQ();
  const lang = useLang();
  const point = useMemo(pointFromUrl, []);
  const [board, setBoard] = useState<Board | null>(null);
  const [failed, setFailed] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  /** The last call in words, also for screen readers (the voice may be off, or missing). */
  const [spoken, setSpoken] = useState('');
  const seen = useRef<Set<string> | null>(null);
  const announcer = useRef<Announcer | null>(null);
  const [sound, setSound] = useState(false);
  const [voiceOk, setVoiceOk] = useState(true);
  const now = useServerClock(board?.now ?? null);
  usePageTitle(q.board.title);

  announcer.current ??= new Announcer();
  useEffect(() => () => announcer.current?.dispose(), []);

  const load = useCallback(async () => {
    try {
      const next = await api.get<Board>(`/api/queue/points/${encodeURIComponent(point)}/board`);
      const keys = next.lastCalls.map((c) => `${c.ticketId}@${c.at}`);
      if (seen.current === null) {
        // The first load shows earlier calls without announcing them.
        seen.current = new Set(keys);
      } else {
        const fresh = next.lastCalls.filter((c) => !seen.current!.has(`${c.ticketId}@${c.at}`)).reverse();
        for (const call of fresh) {
          seen.current.add(`${call.ticketId}@${call.at}`);
          announcer.current!.enqueue(lang === 'en' ? [{ text: call.speech.id, lang: 'id' }, { text: call.speech.en, lang: 'en' }] : [{ text: call.speech.id, lang: 'id' }]);
          setFlash(`${call.ticketId}@${call.at}`);
          setSpoken(lang === 'en' ? call.speech.en : call.speech.id);
        }
      }
      setBoard(next);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [point, lang]);

  useEffect(() => {
    void load();
  }, [load]);

  // Events arrive in bursts (a call is ticket + call + near-turn); one reload per burst.
  const timer = useRef<number | null>(null);
  // The stream opens once the point is known to exist (a 404 stream would only log errors).
  const connected = useQueueEvents(board ? point : null, () => {
    if (timer.current !== null) return;
    timer.current = window.setTimeout(() => {
      timer.current = null;
      void load();
    }, 250);
  });
  // A safety net for a stream that silently stopped: reload every 30 s anyway.
  useEffect(() => {
    const every = window.setInterval(() => void load(), 30_000);
    return () => window.clearInterval(every);
  }, [load]);

  useEffect(() => {
    if (!flash) return;
    const off = window.setTimeout(() => setFlash(null), 8000);
    return () => window.clearTimeout(off);
  }, [flash]);

  const enableSound = () => {
    announcer.current!.enable();
    setSound(true);
    try {
      localStorage.setItem(SOUND_KEY, '1');
    } catch {
      /* not remembered */
    }
    // Voices load asynchronously in Chrome.
    const check = () => setVoiceOk(hasVoice('id'));
    check();
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.onvoiceschanged = check;
  };

  const latest = board?.lastCalls[0] ?? null;
  const word = q.counterWord[board?.counterWord ?? 'loket'] ?? q.counterWord.loket;
  const running = board ? tx(board.runningText) : '';

  return (
    <div className="board qboard">
      <header className="board__top">
        <div>
          <h1 className="board__title">{q.board.title}</h1>
          <p className="board__place">{board ? tx(board.point.name) : t('display.place')}</p>
        </div>
        <div className="board__clock">
          <time dateTime={now.toISOString()} aria-label={`${formatClock(now, lang, false)} ${t('common.wib')}, ${q.board.clockLabel}`}>
            <span className="board__time" data-testid="board-clock">
              {formatClock(now, lang)} <abbr className="board__zone" title={q.board.clockLabel}>{t('common.wib')}</abbr>
            </span>
            <span className="board__date">{formatLongDate(now, lang)}</span>
          </time>
        </div>
      </header>
      <main className="board__body">
        <section className={`board__panel qboard__now${latest && flash === `${latest.ticketId}@${latest.at}` ? ' qboard__now--flash' : ''}`} aria-labelledby="now-serving" aria-live="assertive">
          <h2 id="now-serving">{q.board.nowServing}</h2>
          {latest ? (
            <>
              <div className="board__ticket" data-testid="board-number">
                {latest.number}
              </div>
              <div className="board__counter" data-testid="board-counter">
                {word} {latest.counter}
              </div>
            </>
          ) : (
            <>
              <div className="board__ticket board__ticket--empty" aria-hidden="true">
                —
              </div>
              <p className="board__status">{q.board.noneYet}</p>
            </>
          )}
          {board && (
            <ul className="qboard__counters" aria-label={q.board.counters}>
              {board.counters
                .filter((c) => c.status !== 'closed' || c.current)
                .map((c) => (
                  <li key={c.code} className={`qboard__counter qboard__counter--${c.status}`}>
                    <span className="qboard__counter-code">
                      {word} {c.code}
                    </span>
                    <span className="qboard__counter-number">{c.current?.number ?? '—'}</span>
                    <span className="qboard__counter-state">{c.status === 'open' ? fmt(q.board.waiting, { n: c.waiting }) : c.status === 'paused' ? q.board.paused : q.board.closed}</span>
                  </li>
                ))}
            </ul>
          )}
        </section>
        <section className="board__panel board__side" aria-labelledby="recent-calls">
          <h2 id="recent-calls">{q.board.lastCalls}</h2>
          {board && board.lastCalls.length > 0 ? (
            <ol className="qboard__calls" data-testid="board-calls">
              {board.lastCalls.slice(0, 8).map((c) => (
                <li key={`${c.ticketId}@${c.at}`} className="qboard__call">
                  <span className="qboard__call-number">{c.number}</span>
                  <span className="qboard__call-arrow" aria-hidden="true">
                    →
                  </span>
                  <span className="qboard__call-counter">
                    {word} {c.counter}
                  </span>
                  <span className="qboard__call-time">{formatClock(new Date(c.at), lang, false)}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="board__status">{q.board.noneYet}</p>
          )}
        </section>
      </main>
      <p className="sr-only" aria-live="polite" data-testid="board-speech">
        {spoken}
      </p>
      <footer className="qboard__foot">
        {running && (
          <div className="qboard__ticker" role="marquee" aria-label={running}>
            <span className="qboard__ticker-text" aria-hidden="true">
              {running}
            </span>
          </div>
        )}
        <div className="qboard__controls">
          {failed || (board && !connected) ? <span className="qboard__offline">{q.board.offline}</span> : null}
          {sound ? (
            <span className="qboard__sound">{voiceOk ? q.board.soundOn : q.board.voiceMissing}</span>
          ) : (
            <button type="button" className="btn btn--on-dark" onClick={enableSound} data-testid="board-sound">
              {q.board.sound}
            </button>
          )}
          <LanguageSwitch />
        </div>
      </footer>
    </div>
  );
}

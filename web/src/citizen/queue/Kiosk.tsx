import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { Alert, Button, ErrorAlert, Loading, TextField } from '../../kit/index.ts';
import { useSession } from '../../session.tsx';
import { LanguageSwitch } from '../../shell/LanguageSwitch.tsx';
import { type CheckInResult, type KioskHome, KIOSK_TOKEN_KEY, kioskSend, kioskToken, type Printable } from './api.ts';
import { fmt, useQ } from './messages.ts';
import { TicketPrint } from './TicketPrint.tsx';
import './queue.css';

const IDLE_MS = 60_000;
const RECEIPT_MS = 20_000;

type Screen = { kind: 'unpair' } | { kind: 'home' } | { kind: 'queue'; queue: string } | { kind: 'priority'; service: string } | { kind: 'checkin' } | { kind: 'ticket'; ticket: Printable | CheckInResult };

/**
 * /kios — the hall kiosk, locked to itself: no header, no links out, back and the context menu do
 * nothing, and it returns to its first screen after a minute idle. It acts with its paired kiosk
 * token only (no session), so a kiosk can take numbers and check bookings in, and nothing else.
 */
export function Kiosk() {
  const { q } = useQ();
  const [token, setToken] = useState(() => kioskToken());
  // Why the device shows the unpaired screen: its token was refused (revoked), or staff unpaired it.
  const [notice, setNotice] = useState<'revoked' | 'unpaired' | null>(null);
  const unpair = useCallback((why: 'revoked' | 'unpaired') => {
    localStorage.removeItem(KIOSK_TOKEN_KEY);
    setNotice(why);
    setToken(null);
  }, []);
  useKioskLock();
  return (
    <div className="kiosk">
      <header className="kiosk__top">
        <span className="kiosk__brand">satupintu</span>
        <LanguageSwitch />
      </header>
      {token ? (
        <KioskMain token={token} onUnpaired={unpair} />
      ) : (
        <KioskPairing
          notice={notice}
          onPaired={(paired) => {
            setNotice(null);
            setToken(paired);
          }}
        />
      )}
      <footer className="kiosk__foot muted">{q.kiosk.locked}</footer>
    </div>
  );
}

/** Back, the context menu and text selection do nothing; the kiosk never leaves its page. */
function useKioskLock(): void {
  useEffect(() => {
    history.pushState(null, '', window.location.href);
    const onPop = () => history.pushState(null, '', window.location.href);
    const onMenu = (e: Event) => e.preventDefault();
    window.addEventListener('popstate', onPop);
    window.addEventListener('contextmenu', onMenu);
    document.body.classList.add('kiosk-mode');
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('contextmenu', onMenu);
      document.body.classList.remove('kiosk-mode');
    };
  }, []);
}

function KioskPairing({ notice, onPaired }: { notice: 'revoked' | 'unpaired' | null; onPaired: (token: string) => void }) {
  const { q } = useQ();
  const { user } = useSession();
  const [pasted, setPasted] = useState('');
  const [tokenError, setTokenError] = useState<ApiError | 'invalid' | null>(null);
  const [checking, setChecking] = useState(false);
  // The token the admin was shown once: tried against the kiosk API before the device keeps it.
  const pairWithToken = async () => {
    const token = pasted.trim();
    setChecking(true);
    setTokenError(null);
    try {
      await kioskSend<KioskHome>('/api/queue/kiosk', { token });
      localStorage.setItem(KIOSK_TOKEN_KEY, token);
      onPaired(token);
    } catch (e) {
      setTokenError((e as ApiError).status === 401 ? 'invalid' : (e as ApiError));
    } finally {
      setChecking(false);
    }
  };
  const [name, setName] = useState('Kios lobi');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const point = new URLSearchParams(window.location.search).get('titik') ?? 'mpp-banyuwangi';
  const pair = async () => {
    setBusy(true);
    setError(null);
    try {
      const { token } = await api.post<{ token: string }>(`/api/queue/points/${point}/kiosks`, { name });
      localStorage.setItem(KIOSK_TOKEN_KEY, token);
      onPaired(token);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="kiosk__main kiosk__narrow">
      <h1>{q.kiosk.notPaired}</h1>
      {notice === 'revoked' && <Alert tone="error">{q.kiosk.tokenInvalid}</Alert>}
      {notice === 'unpaired' && <Alert tone="success">{q.kiosk.unpaired}</Alert>}
      <form
        className="kiosk__pair"
        aria-labelledby="kiosk-token-title"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (pasted.trim()) void pairWithToken();
          else setTokenError('invalid');
        }}
      >
        <h2 id="kiosk-token-title">{q.kiosk.tokenTitle}</h2>
        <TextField
          label={q.kiosk.tokenLabel}
          hint={q.kiosk.tokenLead}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
          error={tokenError === 'invalid' ? q.kiosk.tokenInvalid : undefined}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
        />
        {tokenError !== 'invalid' && <ErrorAlert error={tokenError} />}
        <Button type="submit" busy={checking}>
          {q.kiosk.tokenSubmit}
        </Button>
      </form>
      <h2 className="kiosk__admin-pair">{q.kiosk.adminTitle}</h2>
      <p>{q.kiosk.pairLead}</p>
      <ErrorAlert error={error} />
      {user?.role === 'mpp_admin' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void pair();
          }}
        >
          <TextField label={q.kiosk.pairName} value={name} onChange={(e) => setName(e.target.value)} required minLength={2} />
          <Button type="submit" busy={busy}>
            {q.kiosk.pair}
          </Button>
        </form>
      ) : (
        <a className="btn" href={`/masuk/petugas?next=${encodeURIComponent(`/kios?titik=${point}`)}`}>
          {q.kiosk.signInAdmin}
        </a>
      )}
    </main>
  );
}

function KioskMain({ token, onUnpaired }: { token: string; onUnpaired: (why: 'revoked' | 'unpaired') => void }) {
  const { q, tx, lang } = useQ();
  const [home, setHome] = useState<KioskHome | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'home' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');

  const load = useCallback(async () => {
    try {
      setHome(await kioskSend<KioskHome>('/api/queue/kiosk'));
    } catch (e) {
      if ((e as ApiError).status === 401) onUnpaired('revoked');
      else setError(e as ApiError);
    }
  }, [onUnpaired]);
  useEffect(() => {
    void load();
  }, [load]);

  // Back to the first screen after a minute without a touch, or some seconds after a ticket.
  const idle = useRef<number | null>(null);
  useEffect(() => {
    const reset = () => {
      if (idle.current !== null) window.clearTimeout(idle.current);
      idle.current = window.setTimeout(() => {
        setScreen({ kind: 'home' });
        setError(null);
        setPhone('');
        setCode('');
        void load();
      }, screen.kind === 'ticket' ? RECEIPT_MS : IDLE_MS);
    };
    reset();
    window.addEventListener('pointerdown', reset);
    window.addEventListener('keydown', reset);
    return () => {
      if (idle.current !== null) window.clearTimeout(idle.current);
      window.removeEventListener('pointerdown', reset);
      window.removeEventListener('keydown', reset);
    };
  }, [screen, load]);

  const services = useMemo(() => home?.services ?? [], [home]);
  if (!home) return error ? <ErrorAlert error={error} /> : <Loading />;

  // A revoked kiosk goes back to the unpaired screen on its next request.
  const refused = (e: ApiError) => {
    if (e.status === 401) onUnpaired('revoked');
    else setError(e);
  };
  const take = async (service: string, priorityGroup: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const ticket = await kioskSend<Printable>(`/api/queue/points/${home.point.code}/tickets`, { method: 'POST', body: { service, priorityGroup, phone: phone.trim() || null, locale: lang } });
      setScreen({ kind: 'ticket', ticket });
      window.setTimeout(() => window.print(), 300);
    } catch (e) {
      refused(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const checkIn = async () => {
    setBusy(true);
    setError(null);
    try {
      const ticket = await kioskSend<CheckInResult>(`/api/queue/points/${home.point.code}/check-in`, { method: 'POST', body: { code } });
      setScreen({ kind: 'ticket', ticket });
      window.setTimeout(() => window.print(), 300);
    } catch (e) {
      refused(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="kiosk__main">
      <h1 className="kiosk__title">{screen.kind === 'checkin' ? q.kiosk.checkInTitle : screen.kind === 'unpair' ? q.kiosk.unpairTitle : q.kiosk.title}</h1>
      <p className="kiosk__point">{tx(home.point.name)}</p>
      <ErrorAlert error={error} />
      {screen.kind === 'home' && (
        <>
          <p className="kiosk__lead">{q.kiosk.lead}</p>
          <ul className="kiosk__tiles">
            {home.queues.map((queue) => (
              <li key={queue.code}>
                <button type="button" className="kiosk__tile" onClick={() => setScreen({ kind: 'queue', queue: queue.code })}>
                  <span className="kiosk__tile-code">{queue.code}</span>
                  <span className="kiosk__tile-name">{tx(queue.name)}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="kiosk__checkin" onClick={() => setScreen({ kind: 'checkin' })}>
            {q.kiosk.checkIn}
          </button>
        </>
      )}
      {screen.kind === 'queue' && (
        <>
          <ul className="kiosk__list">
            {services
              .filter((s) => s.queue === screen.queue)
              .map((s) => (
                <li key={s.code}>
                  <button type="button" className="kiosk__service" disabled={s.walkInRemaining === 0} onClick={() => setScreen({ kind: 'priority', service: s.code })}>
                    <span>{tx(s.name)}</span>
                    {s.walkInRemaining != null && <span className="kiosk__left">{s.walkInRemaining === 0 ? q.kiosk.walkInFull : fmt(q.kiosk.walkInLeft, { n: s.walkInRemaining })}</span>}
                  </button>
                </li>
              ))}
          </ul>
          <Button variant="secondary" onClick={() => setScreen({ kind: 'home' })}>
            {q.kiosk.back}
          </Button>
        </>
      )}
      {screen.kind === 'priority' && (
        <div className="kiosk__narrow">
          <p className="kiosk__lead">{tx(services.find((s) => s.code === screen.service)?.name)}</p>
          <TextField label={q.kiosk.phoneLabel} type="tel" inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} optional />
          <h2>{q.kiosk.priorityTitle}</h2>
          <div className="kiosk__priority">
            <Button block busy={busy} onClick={() => void take(screen.service, null)}>
              {q.kiosk.priorityNone} — {q.kiosk.take}
            </Button>
            {home.priorityGroups.map((g) => (
              <Button key={g.code} block variant="secondary" busy={busy} onClick={() => void take(screen.service, g.code)}>
                {tx(g.label)}
              </Button>
            ))}
          </div>
          <Button variant="secondary" onClick={() => setScreen({ kind: 'home' })}>
            {q.kiosk.back}
          </Button>
        </div>
      )}
      {screen.kind === 'checkin' && (
        <form
          className="kiosk__narrow"
          onSubmit={(e) => {
            e.preventDefault();
            if (code.trim()) void checkIn();
          }}
        >
          <TextField label={q.kiosk.codeLabel} hint={q.kiosk.codeHint} value={code} onChange={(e) => setCode(e.target.value)} autoFocus autoComplete="off" autoCapitalize="characters" className="kiosk__code" />
          <div className="btn-row">
            <Button type="submit" busy={busy}>
              {q.kiosk.checkInButton}
            </Button>
            <Button variant="secondary" onClick={() => setScreen({ kind: 'home' })}>
              {q.kiosk.back}
            </Button>
          </div>
        </form>
      )}
      {screen.kind === 'home' && (
        <button type="button" className="kiosk__unpair" onClick={() => setScreen({ kind: 'unpair' })}>
          {q.kiosk.unpair}
        </button>
      )}
      {screen.kind === 'unpair' && <KioskUnpair token={token} onCancel={() => setScreen({ kind: 'home' })} onConfirmed={() => onUnpaired('unpaired')} />}
      {screen.kind === 'ticket' && (
        <div className="kiosk__receipt">
          {'decision' in screen.ticket && <Alert tone={screen.ticket.decision === 'walk_in' ? 'warning' : 'success'}>{screen.ticket.decision === 'walk_in' ? fmt(q.kiosk.late, { n: screen.ticket.minutesLate ?? 0 }) : q.kiosk.onTime}</Alert>}
          <TicketPrint ticket={screen.ticket} />
          <p className="muted">{q.kiosk.printing}</p>
          <Button onClick={() => setScreen({ kind: 'home' })}>{q.kiosk.again}</Button>
        </div>
      )}
    </main>
  );
}

/** Staff unpair the device by pasting its token again (a passer-by cannot); a lost token is revoked in the admin instead. */
function KioskUnpair({ token, onCancel, onConfirmed }: { token: string; onCancel: () => void; onConfirmed: () => void }) {
  const { q } = useQ();
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return (
    <form
      className="kiosk__narrow"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (typed.trim() === token) onConfirmed();
        else setMismatch(true);
      }}
    >
      <p>{q.kiosk.unpairLead}</p>
      <TextField label={q.kiosk.tokenLabel} value={typed} onChange={(e) => setTyped(e.target.value)} error={mismatch ? q.kiosk.unpairMismatch : undefined} autoFocus autoComplete="off" autoCapitalize="off" spellCheck={false} />
      <div className="btn-row">
        <Button type="submit" variant="danger">
          {q.kiosk.unpairConfirm}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {q.kiosk.cancel}
        </Button>
      </div>
    </form>
  );
}

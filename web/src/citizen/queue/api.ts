/**
 * The queue API as the browser sees it, and a fetch for the calls the shared client does not cover
 * (PUT, and the kiosk's X-Kiosk-Token header). Errors are the shared ApiError.
 */
import { ApiError } from '../../api.ts';
import { currentLang, i18n } from '../../i18n/index.ts';
import type { LocalText } from './messages.ts';

export type Estimate = { kind: 'estimate'; minutes: number; low: number; high: number } | { kind: 'no_counter' };

export type TicketView = {
  id: string;
  number: string;
  service: { code: string; name: LocalText };
  queue: string;
  kind: 'walk_in' | 'appointment';
  priorityGroup: string | null;
  state: string;
  held: boolean;
  counter: string | null;
  arrivedAt: string;
  bookedAt: string | null;
  calledAt: string | null;
  servingAt: string | null;
  callCount: number;
};

export type Printable = { ticket: TicketView; point: { code: string; name: LocalText }; ahead: number; estimate: Estimate; liveUrl: string; qrSvg: string; issuedAt: string };
export type CheckInResult = Printable & { decision: 'appointment' | 'walk_in'; minutesLate: number | null; bookingCode: string };

export type Booking = {
  code: string;
  status: string;
  point: { code: string; name: LocalText };
  service: { code: string; name: LocalText };
  date: string;
  time: string;
  nik: string;
  checkInFrom: string;
  lateAfter: string;
  createdAt: string;
  ticket: { number: string; token: string; state: string } | null;
  checkInUrl: string;
  qrSvg: string;
  standing: { kind: 'clear' } | { kind: 'warning'; count: number; remaining: number } | { kind: 'blocked'; count: number; until: string };
};

export type Availability = {
  point: { code: string; name: LocalText };
  day: string;
  services: {
    service: { code: string; name: LocalText; agency: string };
    bookingEnabled: boolean;
    online: { quota: number; booked: number; remaining: number };
    walkIn: { quota: number | null; issued: number; released: number; remaining: number | null };
    opensAt: string;
    open: boolean;
  }[];
};

export type Slots = {
  day: string;
  bookingEnabled: boolean;
  opensAt: string;
  service: { code: string; name: LocalText };
  slots: { start: string; end: string; capacity: number; booked: number; remaining: number; bookable: boolean }[];
};

export type LiveTicket = {
  number: string;
  state: string;
  held: boolean;
  kind: string;
  day: string;
  service: { code: string; name: LocalText };
  point: { code: string; name: LocalText };
  counter: string | null;
  counterWord: string;
  ahead: number | null;
  estimate: Estimate | null;
  arrivedAt: string;
  calledAt: string | null;
  canCancel: boolean;
};

export type PriorityGroup = { code: string; label: LocalText; weight: number };

export type Board = {
  point: { code: string; name: LocalText };
  now: string;
  counterWord: string;
  runningText: LocalText;
  counters: { code: string; name: LocalText; status: 'open' | 'paused' | 'closed'; current: { number: string; state: string; calledAt: string | null } | null; waiting: number }[];
  lastCalls: { ticketId: string; number: string; counter: string; at: string; recall: boolean; speech: LocalText }[];
  waitingTotal: number;
};

export type KioskHome = {
  kiosk: { id: string; name: string };
  point: { code: string; name: LocalText };
  priorityGroups: PriorityGroup[];
  queues: { code: string; name: LocalText }[];
  services: { code: string; name: LocalText; agency: string; queue: string; walkInRemaining: number | null }[];
};

export const KIOSK_TOKEN_KEY = 'satupintu.kiosk';

export function kioskToken(): string | null {
  try {
    return localStorage.getItem(KIOSK_TOKEN_KEY);
  } catch {
    return null;
  }
}

/**
 * A kiosk request: the paired kiosk's token instead of a session (no cookie is sent, so a kiosk
 * left signed in by the admin still acts only as a kiosk). Other calls use the shared client.
 */
export async function kioskSend<T>(path: string, options: { method?: 'GET' | 'POST'; body?: unknown; token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': currentLang() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const token = options.token ?? kioskToken();
  if (token) headers['x-kiosk-token'] = token;
  let res: Response;
  try {
    res = await fetch(path, { method: options.method ?? 'GET', headers, credentials: 'omit', body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch {
    const message = i18n.t('errors.network');
    throw new ApiError(0, 'network', message, message);
  }
  if (!res.ok) {
    const p = (await res.json().catch(() => ({}))) as { title?: string; detail?: string; code?: string; errors?: { field: string; message: string }[] };
    throw new ApiError(res.status, p.code ?? `http_${res.status}`, p.title ?? '', p.detail ?? p.title ?? i18n.t('errors.unexpected'), p.errors ?? []);
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Small pieces the SAKINA screens share: dates in WIB, badges, a one-time message for the next page. */
import type { ReactNode } from 'react';
import { TIME_ZONE } from '../format.ts';
import type { Lang } from '../i18n/index.ts';
import { useLang } from '../i18n/use-lang.ts';
import { useS } from './messages.ts';
import type { Category, Status } from './types.ts';

/** Today as a WIB calendar day, 'YYYY-MM-DD', whatever the phone's own zone. */
export function todayWib(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400_000);
}

/** '2026-12-10' → '10 Des 2026' / '10 Dec 2026'. */
export function formatDay(day: string | null | undefined, lang: Lang): string {
  if (!day) return '—';
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A time of an instant in WIB: '02:14'. */
export function formatTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

export function useDay(): (day: string | null | undefined) => string {
  const lang = useLang();
  return (day) => formatDay(day, lang);
}

export function CategoryBadge({ category }: { category: Category | null | undefined }) {
  const s = useS();
  const key = category ?? 'none';
  return <span className={`sk-badge sk-badge--${key.toLowerCase()}`}>{s.category[key]}</span>;
}

export function StatusBadge({ status }: { status: Status | undefined }) {
  const s = useS();
  if (!status) return null;
  return <span className={`sk-badge sk-badge--status sk-badge--${status}`}>{s.status[status]}</span>;
}

/** A phone number as a link that dials (the police and kader call from the list). */
export function Phone({ number, label }: { number: string | null | undefined; label?: ReactNode }) {
  if (!number) return <span>—</span>;
  const shown = number.startsWith('+62') ? `0${number.slice(3).replace(/(\d{3})(\d{4})(\d+)/, '$1-$2-$3')}` : number;
  return (
    <a className="sk-phone" href={`tel:${number}`}>
      {label ?? shown}
    </a>
  );
}

export const ID_PATTERN = '[0-9a-f-]{36}';

/** A one-time message carried to the next page (e.g. "visit saved" on her record). */
export function setFlash(message: string): void {
  try {
    sessionStorage.setItem('sakina.flash', message);
  } catch {
    /* private mode: the page shows the new data anyway */
  }
}

export function takeFlash(): string | null {
  try {
    const message = sessionStorage.getItem('sakina.flash');
    sessionStorage.removeItem('sakina.flash');
    return message;
  } catch {
    return null;
  }
}

import type { Lang } from './i18n/index.ts';

/** Every time on screen is WIB (Asia/Jakarta), whatever the device's own time zone. */
export const TIME_ZONE = 'Asia/Jakarta';

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

export function formatDateTime(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  return `${new Intl.DateTimeFormat(locales[lang], { timeZone: TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date)} WIB`;
}

export function formatClock(date: Date, lang: Lang, seconds = true): string {
  return new Intl.DateTimeFormat(locales[lang], { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hourCycle: 'h23' }).format(date);
}

export function formatLongDate(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/**
 * The catalogue API as the browser sees it (GET /api/catalogue/…, see src/catalogue/routes.ts),
 * and the small formatting rules the catalogue pages share: rupiah, WIB hours, dates.
 */
import type { Lang } from '../../i18n/index.ts';

export type LocalText = { id: string; en: string };
export type Interval = { open: string; close: string };

export type DayView = {
  date: string;
  weekday: LocalText;
  pasaran: string;
  javaneseDay: string;
  marketDay: boolean;
  hours: Interval[];
  note: LocalText | null;
};
export type OpenState = { today: DayView; openNow: boolean; nextOpening: string | null };

export type Agency = {
  code: string;
  shortName: string;
  name: LocalText;
  kind: string;
  phone: string | null;
  complaintChannel: LocalText;
  active: boolean;
  serviceCount: number;
};

export type ServiceSummary = {
  code: string;
  name: LocalText;
  summary: LocalText;
  level: string;
  channels: string[];
  lifeEvents: string[];
  agency: { code: string; shortName: string };
  fee: LocalText;
  free: boolean;
  duration: LocalText;
  currentVersion: number;
  active: boolean;
  score?: number;
};

export type Requirement = { position: number; documentCode: string; document: LocalText; documentDescription: LocalText | null; optional: boolean; note: LocalText | null };
export type DurationUnit = 'working_days' | 'hours' | 'minutes';

export type Standard = {
  version: number;
  publishedAt: string;
  changeNote: string | null;
  requirements: Requirement[];
  procedure: LocalText[];
  duration: { value: number; unit: DurationUnit; text: LocalText };
  fee: { amount: number; variable: boolean; free: boolean; legalBasis: string | null; note: LocalText | null; text: LocalText };
  product: LocalText;
  complaintHandling: LocalText;
  legalBasis: string[];
  facilities: LocalText;
  staffCompetence: LocalText;
  internalSupervision: LocalText;
  staffCount: number;
  serviceGuarantee: LocalText;
  securityGuarantee: LocalText;
  performanceEvaluation: LocalText;
};

export type PointRef = { code: string; kind: string; name: LocalText; address: string };

export type ServiceDetail = {
  code: string;
  name: LocalText;
  summary: LocalText;
  level: string;
  channels: string[];
  keywords: string[];
  lifeEvents: string[];
  active: boolean;
  agency: { code: string; shortName: string; name: LocalText; phone: string | null };
  currentVersion: number;
  standard: Standard;
  offeredAt: (OpenState & { point: PointRef; counters: { code: string; name: LocalText }[] })[];
  smartKampung: { points: number; openNow: number } | null;
  actions: { takeTicket: boolean; bookSlot: boolean; applyOnline: boolean };
  links: { page: string; pdf: string; versions: string };
};

export type VersionList = { code: string; currentVersion: number; items: { version: number; publishedAt: string; changeNote: string | null; current: boolean }[] };
export type VersionDetail = { code: string; name: LocalText; current: boolean; currentVersion: number; standard: Standard };

export type LifeEvent = { code: string; name: LocalText; description: LocalText; serviceCount: number };

export type PointSummary = PointRef & OpenState & { regionCode: string | null; serviceCount: number; active: boolean };

export type PointDetail = PointRef &
  OpenState & {
    regionCode: string | null;
    active: boolean;
    weeklyHours: Record<string, Interval | null>;
    fridayBreak: { start: string; end: string } | null;
    marketDays: { pasaran: string[]; open: string; close: string } | null;
    pasaranToday: string;
    week: DayView[];
    upcomingSpecialDays: { date: string; closed: boolean; open: string | null; close: string | null; note: LocalText }[];
    counters: { code: string; name: LocalText; agency: { code: string; shortName: string } | null; active: boolean; allServices: boolean; services: { code: string; name: LocalText }[] }[];
    services: { code: string; name: LocalText; agency: { code: string; shortName: string } }[];
  };

export type DocumentType = { code: string; name: LocalText; description: LocalText | null };

export const POINT_KINDS = ['mpp', 'market', 'village', 'online'] as const;

/** The same kebab codes the API takes in its path (lower case, digits, dots, dashes). */
export function isCode(value: string | undefined): value is string {
  return !!value && /^[a-z0-9][a-z0-9.-]{0,79}$/.test(value);
}

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'id-ID');

/** 'Rp 50.000' (Indonesian grouping in both languages, as on the fee notices). */
export function rupiah(amount: number): string {
  return `Rp ${amount.toLocaleString('id-ID')}`;
}

/** '08:00–15:00', or '08:00–11:30, 13:00–14:00' with the Friday prayer break cut out. */
export function hoursText(hours: readonly Interval[]): string {
  return hours.map((h) => `${h.open}–${h.close}`).join(', ');
}

/** A calendar day ('2026-12-24') in words, without a time zone shift. */
export function formatDay(day: string, lang: Lang, options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', ...options }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The WIB calendar day of an instant. */
export function wibDay(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

export function wibTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

export function fmt(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

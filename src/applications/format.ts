/** Small pure helpers for what applications print and send: dates in words, tracking numbers, file names. */
import { randomInt } from 'node:crypto';
import { wibDateOf, weekdayOf, type LocalDate } from '../catalogue/calendar/local-date.ts';
import type { Lang } from '../shared/i18n.ts';

const MONTHS: Record<Lang, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const DAYS: Record<Lang, string[]> = {
  id: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** "Kamis, 3 Desember 2026" / "Thursday 3 December 2026". */
export function formatLongDate(date: LocalDate, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = DAYS[lang][weekdayOf(date) - 1];
  return lang === 'id' ? `${day}, ${d} ${MONTHS.id[m - 1]} ${y}` : `${day} ${d} ${MONTHS.en[m - 1]} ${y}`;
}

/** "3 Desember 2026, 09.15 WIB" / "3 December 2026, 09:15 WIB". */
export function formatDateTime(at: Date, lang: Lang): string {
  const date = wibDateOf(at);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wib = new Date(at.getTime() + 7 * 3600_000);
  const hh = String(wib.getUTCHours()).padStart(2, '0');
  const mm = String(wib.getUTCMinutes()).padStart(2, '0');
  return `${d} ${MONTHS[lang][m - 1]} ${y}, ${hh}${lang === 'id' ? '.' : ':'}${mm} WIB`;
}

/** Crockford's base 32: no I, L, O, U — nothing to misread over the phone. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const NUMBER_PATTERN = /^SP-\d{6}-[0-9A-HJKMNP-TV-Z]{8}$/;

/** A tracking number: SP-YYMMDD-XXXXXXXX, the WIB filing date and 40 random bits (numbers do not reveal volumes). */
export function newApplicationNumber(now: Date): string {
  const date = wibDateOf(now).replaceAll('-', '').slice(2);
  let random = '';
  for (let i = 0; i < 8; i++) random += ALPHABET[randomInt(0, 32)];
  return `SP-${date}-${random}`;
}

/** Reads a number the way people type it: lower case, spaces, O for 0. */
export function normaliseNumber(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** A file name safe to show and to put in Content-Disposition: never used as a path. */
export function displayName(name: string | null | undefined): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim().slice(0, 120);
  return clean || null;
}

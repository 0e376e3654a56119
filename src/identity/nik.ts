/**
 * NIK (Nomor Induk Kependudukan), the 16-digit resident number of UU 23/2006 jo. UU 24/2013 on
 * Administrasi Kependudukan, laid out as Dukcapil issues it:
 *
 *   PP KK CC  DD MM YY  SSSS
 *   kecamatan birth     serial
 *
 * - PPKKCC: province, regency, kecamatan code from the official region list (Permendagri 72/2019 and
 *   its updates); it must exist.
 * - DDMMYY: date of birth; women have 40 added to the day (41–71).
 * - SSSS: serial within kecamatan and birth date, 0001–9999.
 *
 * Pure: no I/O. The region list is passed in, so the caller chooses the data and tests stay fast.
 * Validation checks format and region only; it must never reveal whether a NIK belongs to anyone.
 */

export type NikInvalidReason =
  | 'empty'
  /** Not a string (e.g. a JSON number, which cannot hold 16 digits exactly). */
  | 'not_text'
  | 'not_digits'
  | 'wrong_length'
  | 'unknown_kecamatan'
  | 'invalid_birth_date'
  | 'birth_date_in_future'
  | 'zero_serial';

export type Sex = 'F' | 'M';

export interface ParsedNik {
  ok: true;
  /** The 16 digits, separators removed. */
  nik: string;
  /** Dotted form, e.g. `35.10.01`. */
  kecamatanCode: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex: Sex;
  serial: string;
}

/** What the message needs to be specific; only ever the user's own input, never stored data. */
export interface NikReasonDetails {
  /** Digits found, for `wrong_length`. */
  digitCount?: number;
  /** The 6-digit prefix, for `unknown_kecamatan`. */
  kecamatanCode6?: string;
}

export interface NikInvalid {
  ok: false;
  reason: NikInvalidReason;
  details?: NikReasonDetails;
}

export interface ParseNikOptions {
  isKecamatan: (code6: string) => boolean;
  /** Defaults to now; read as a calendar date in Asia/Jakarta (WIB). */
  today?: Date;
}

const NIK_LENGTH = 16;
const WOMAN_DAY_OFFSET = 40;
/** What people type between groups: spaces, dots, and dashes (including the typographic ones phones insert). */
const SEPARATORS = /[\s.\-\u2010-\u2013\u2212]/g;

export function parseNik(input: unknown, opts: ParseNikOptions): ParsedNik | NikInvalid {
  if (input === undefined || input === null) return invalid('empty');
  if (typeof input !== 'string') return invalid('not_text');
  const trimmed = input.trim();
  if (trimmed === '') return invalid('empty');

  const digits = trimmed.replace(SEPARATORS, '');
  if (!/^[0-9]+$/.test(digits)) return invalid('not_digits');
  if (digits.length !== NIK_LENGTH) return invalid('wrong_length', { digitCount: digits.length });

  const code6 = digits.slice(0, 6);
  if (!opts.isKecamatan(code6)) return invalid('unknown_kecamatan', { kecamatanCode6: code6 });

  const birth = decodeBirthDate(digits.slice(6, 12), jakartaDate(opts.today));
  if (!birth.ok) return invalid(birth.reason);

  const serial = digits.slice(12);
  if (serial === '0000') return invalid('zero_serial');

  return {
    ok: true,
    nik: digits,
    kecamatanCode: `${code6.slice(0, 2)}.${code6.slice(2, 4)}.${code6.slice(4, 6)}`,
    birthDate: birth.date,
    sex: birth.sex,
    serial,
  };
}

function invalid(reason: NikInvalidReason, details?: NikReasonDetails): NikInvalid {
  return details ? { ok: false, reason, details } : { ok: false, reason };
}

type BirthResult =
  | { ok: true; date: string; sex: Sex }
  | { ok: false; reason: 'invalid_birth_date' | 'birth_date_in_future' };

/** `ddmmyy` is six ASCII digits; `today` is `YYYY-MM-DD`. */
function decodeBirthDate(ddmmyy: string, today: string): BirthResult {
  const rawDay = Number(ddmmyy.slice(0, 2));
  const month = Number(ddmmyy.slice(2, 4));
  const yy = Number(ddmmyy.slice(4, 6));
  const sex: Sex = rawDay > WOMAN_DAY_OFFSET ? 'F' : 'M';
  const day = sex === 'F' ? rawDay - WOMAN_DAY_OFFSET : rawDay;

  // Two-digit year: the most recent century that does not put the birth after today.
  // 1900 and 2000 differ in leap years, so the calendar check comes after the century choice.
  const recent = isoDate(2000 + yy, month, day);
  const year = recent <= today ? 2000 + yy : 1900 + yy;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: 'invalid_birth_date' };
  }
  const date = isoDate(year, month, day);
  // Only reachable when `today` is itself before 2000 + yy and 1900 + yy (back-dated checks, tests):
  // with a real clock the century rule never yields a future date.
  if (date > today) return { ok: false, reason: 'birth_date_in_future' };
  return { ok: true, date, sex };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

const JAKARTA_DAY = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Jakarta',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Calendar date in WIB: a baby born just after midnight in Banyuwangi is still "today" there, not in UTC. */
function jakartaDate(at: Date | undefined): string {
  // An invalid Date would make Intl throw; parseNik must not, so fall back to the clock.
  const when = at && !Number.isNaN(at.getTime()) ? at : new Date();
  const parts = Object.fromEntries(JAKARTA_DAY.formatToParts(when).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const MESSAGES: Record<NikInvalidReason, Record<'id' | 'en', (d: NikReasonDetails) => string>> = {
  empty: {
    id: () => 'NIK wajib diisi',
    en: () => 'NIK is required',
  },
  not_text: {
    id: () => 'NIK harus dikirim sebagai teks 16 angka',
    en: () => 'NIK must be sent as text of 16 digits',
  },
  not_digits: {
    id: () => 'NIK hanya boleh berisi angka (spasi, titik, dan tanda hubung boleh)',
    en: () => 'NIK may contain digits only (spaces, dots and dashes are allowed)',
  },
  wrong_length: {
    id: (d) => `NIK harus 16 angka${d.digitCount === undefined ? '' : `, yang diisi ${d.digitCount} angka`}`,
    en: (d) => `NIK must be 16 digits${d.digitCount === undefined ? '' : `; ${d.digitCount} were entered`}`,
  },
  unknown_kecamatan: {
    id: (d) => `Kode kecamatan ${d.kecamatanCode6 ?? 'pada NIK'} tidak ada dalam daftar wilayah resmi`,
    en: (d) => `Kecamatan code ${d.kecamatanCode6 ?? 'in the NIK'} is not in the official region list`,
  },
  invalid_birth_date: {
    id: () => 'Digit ke-7 sampai ke-12 NIK bukan tanggal lahir yang valid (untuk perempuan, tanggal ditambah 40)',
    en: () => 'Digits 7–12 of the NIK are not a valid date of birth (for women, 40 is added to the day)',
  },
  birth_date_in_future: {
    id: () => 'Tanggal lahir pada NIK belum terjadi',
    en: () => 'The date of birth in the NIK is in the future',
  },
  zero_serial: {
    id: () => 'Empat digit terakhir NIK tidak boleh 0000',
    en: () => 'The last four digits of a NIK cannot be 0000',
  },
};

export function nikReasonMessage(reason: NikInvalidReason, lang: 'id' | 'en', details: NikReasonDetails = {}): string {
  return MESSAGES[reason][lang](details);
}

/**
 * Masks a NIK for printouts and screens (UU PDP 27/2022): region and serial stay visible so a person
 * can recognise their own number, the birth date does not. `3510 20•• •••• 0001`.
 * Anything that is not 16 digits is masked entirely, so a typo never leaks a partial number.
 */
export function maskNik(nik: string): string {
  const digits = nik.replace(SEPARATORS, '');
  if (!/^[0-9]{16}$/.test(digits)) return '•••• •••• •••• ••••';
  return `${digits.slice(0, 4)} ${digits.slice(4, 6)}•• •••• ${digits.slice(12)}`;
}

/** KK (Kartu Keluarga) numbers share the NIK layout (region, date of issue, serial), so they mask the same way. */
export function maskKk(kk: string): string {
  return maskNik(kk);
}

export interface NikComponents {
  /** `351001` or dotted `35.10.01`. */
  kecamatanCode6: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex: Sex;
  /** 1–9999, or its 4-digit string. */
  serial: string | number;
}

/** Builds a NIK from its parts, for tests and demo seed. Throws on parts no real NIK could have. */
export function buildNik({ kecamatanCode6, birthDate, sex, serial }: NikComponents): string {
  const code6 = kecamatanCode6.replaceAll('.', '');
  if (!/^[0-9]{6}$/.test(code6)) throw new RangeError(`kecamatan code must be 6 digits: ${kecamatanCode6}`);

  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`birth date must be a real YYYY-MM-DD date: ${birthDate}`);
  }

  const serial4 = String(serial).padStart(4, '0');
  if (!/^[0-9]{4}$/.test(serial4) || serial4 === '0000') throw new RangeError(`serial must be 0001–9999: ${serial}`);

  const dd = sex === 'F' ? day + WOMAN_DAY_OFFSET : day;
  return `${code6}${pad2(dd)}${pad2(month)}${pad2(year % 100)}${serial4}`;
}

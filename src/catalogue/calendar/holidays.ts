/**
 * Indonesian national holidays (hari libur nasional), as fixed each year by the joint decree (SKB) of
 * the Ministers of Religious Affairs, Manpower and PANRB. Dates come from the `date-holidays` library,
 * corrected by OFFICIAL_OVERRIDES where the government fixed an Islamic holiday on another day than the
 * library's tabular Hijri calendar; names follow the wording of the SKB.
 *
 * Cuti bersama (collective leave) is not a holiday and lives in cuti-bersama.ts.
 * The library lists Nyepi and Waisak as one-off dates (through 2027 in 3.37.0): later years lack
 * them until the library is updated or an admin enters them as closures.
 */
import Holidays from 'date-holidays';
import type { LocalText } from '../../shared/errors.ts';
import type { LocalDate } from './local-date.ts';

export type NationalHoliday = { date: LocalDate; name: LocalText };

/** Moves one holiday, found by its date-holidays rule and library date, to the officially decreed day. */
export type HolidayMove = { rule: string; from: LocalDate; to: LocalDate };

export const OFFICIAL_OVERRIDES: Readonly<Record<number, readonly HolidayMove[]>> = {
  // SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB No. 1017/2024, 2/2024, 2/2024
  // tentang Hari Libur Nasional dan Cuti Bersama Tahun 2025.
  2025: [
    { rule: '1 Shawwal', from: '2025-03-30', to: '2025-03-31' },
    { rule: '2 Shawwal', from: '2025-03-31', to: '2025-04-01' },
    { rule: '1 Muharram', from: '2025-06-26', to: '2025-06-27' },
  ],
  // SKB No. 1497/2025, 2/2025, 5/2025 tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026.
  2026: [
    { rule: '1 Shawwal', from: '2026-03-20', to: '2026-03-21' },
    { rule: '2 Shawwal', from: '2026-03-21', to: '2026-03-22' },
  ],
};

/** SKB wording by date-holidays rule; Nyepi and Waisak (dated rules) keep the library's names. */
const NAMES: Readonly<Record<string, LocalText>> = {
  '01-01': { id: 'Tahun Baru Masehi', en: "New Year's Day" },
  '27 Rajab': { id: 'Isra Mikraj Nabi Muhammad SAW', en: "Isra Mi'raj of the Prophet Muhammad" },
  'chinese 01-0-01': { id: 'Tahun Baru Imlek', en: 'Chinese New Year' },
  '1 Shawwal': { id: 'Hari Raya Idul Fitri', en: 'Eid al-Fitr' },
  '2 Shawwal': { id: 'Hari Raya Idul Fitri (hari kedua)', en: 'Eid al-Fitr (second day)' },
  'easter -2': { id: 'Wafat Yesus Kristus', en: 'Good Friday' },
  easter: { id: 'Kebangkitan Yesus Kristus (Paskah)', en: 'Easter Sunday' },
  '05-01': { id: 'Hari Buruh Internasional', en: 'International Labour Day' },
  'easter 39': { id: 'Kenaikan Yesus Kristus', en: 'Ascension of Jesus Christ' },
  '10 Dhu al-Hijjah': { id: 'Hari Raya Idul Adha', en: 'Eid al-Adha' },
  '06-01': { id: 'Hari Lahir Pancasila', en: 'Pancasila Day' },
  '1 Muharram': { id: 'Tahun Baru Islam (1 Muharam)', en: 'Islamic New Year' },
  '08-17': { id: 'Hari Kemerdekaan Republik Indonesia', en: 'Independence Day' },
  '12 Rabi al-awwal': { id: 'Maulid Nabi Muhammad SAW', en: "Prophet Muhammad's Birthday" },
  '12-25': { id: 'Kelahiran Yesus Kristus (Natal)', en: 'Christmas Day' },
};

const library = new Holidays('ID');
// Easter Sunday has been on every SKB list since 2024; date-holidays 3.37.0 lacks it.
library.setHoliday('easter', { name: NAMES.easter!, type: 'public', active: [{ from: '2024-01-01' }] });

/** Public holidays only (date-holidays marks all of Indonesia's as 'public'), sorted by date. */
export function nationalHolidays(
  year: number,
  overrides: Readonly<Record<number, readonly HolidayMove[]>> = OFFICIAL_OVERRIDES,
): NationalHoliday[] {
  const english = new Map(library.getHolidays(year, 'en').map((h) => [`${h.rule}|${h.date}`, h.name]));
  const found = library
    .getHolidays(year, 'id')
    .filter((h) => h.type === 'public' && h.date.startsWith(`${year}-`))
    .map((h) => ({
      rule: h.rule,
      date: h.date.slice(0, 10),
      name: { ...(NAMES[h.rule] ?? { id: h.name, en: english.get(`${h.rule}|${h.date}`) ?? h.name }) },
    }));

  for (const move of overrides[year] ?? []) {
    const holiday = found.find((h) => h.rule === move.rule && h.date === move.from);
    if (holiday) holiday.date = move.to;
    else if (!found.some((h) => h.rule === move.rule && h.date === move.to)) {
      throw new Error(`override ${move.rule} ${move.from} → ${move.to}: date-holidays gives neither date`);
    }
  }

  return found
    .map(({ date, name }) => ({ date, name }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

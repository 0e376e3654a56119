import { describe, expect, it } from 'vitest';
import { CUTI_BERSAMA_SEED } from './cuti-bersama.ts';
import { nationalHolidays, OFFICIAL_OVERRIDES } from './holidays.ts';
import { isLocalDate, weekdayOf } from './local-date.ts';

/** SKB 3 Menteri No. 1017/2024, 2/2024, 2/2024: national holidays 2025 (17 days). */
const OFFICIAL_2025: [string, string][] = [
  ['2025-01-01', 'Tahun Baru Masehi'],
  ['2025-01-27', 'Isra Mikraj Nabi Muhammad SAW'],
  ['2025-01-29', 'Tahun Baru Imlek'],
  ['2025-03-29', 'Hari Raya Nyepi'],
  ['2025-03-31', 'Hari Raya Idul Fitri'],
  ['2025-04-01', 'Hari Raya Idul Fitri (hari kedua)'],
  ['2025-04-18', 'Wafat Yesus Kristus'],
  ['2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'],
  ['2025-05-01', 'Hari Buruh Internasional'],
  ['2025-05-12', 'Hari Raya Waisak'],
  ['2025-05-29', 'Kenaikan Yesus Kristus'],
  ['2025-06-01', 'Hari Lahir Pancasila'],
  ['2025-06-06', 'Hari Raya Idul Adha'],
  ['2025-06-27', 'Tahun Baru Islam (1 Muharam)'],
  ['2025-08-17', 'Hari Kemerdekaan Republik Indonesia'],
  ['2025-09-05', 'Maulid Nabi Muhammad SAW'],
  ['2025-12-25', 'Kelahiran Yesus Kristus (Natal)'],
];

/** SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025: national holidays 2026 (17 days). */
const OFFICIAL_2026: [string, string][] = [
  ['2026-01-01', 'Tahun Baru Masehi'],
  ['2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'],
  ['2026-02-17', 'Tahun Baru Imlek'],
  ['2026-03-19', 'Hari Raya Nyepi'],
  ['2026-03-21', 'Hari Raya Idul Fitri'],
  ['2026-03-22', 'Hari Raya Idul Fitri (hari kedua)'],
  ['2026-04-03', 'Wafat Yesus Kristus'],
  ['2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'],
  ['2026-05-01', 'Hari Buruh Internasional'],
  ['2026-05-14', 'Kenaikan Yesus Kristus'],
  ['2026-05-27', 'Hari Raya Idul Adha'],
  ['2026-05-31', 'Hari Raya Waisak'],
  ['2026-06-01', 'Hari Lahir Pancasila'],
  ['2026-06-16', 'Tahun Baru Islam (1 Muharam)'],
  ['2026-08-17', 'Hari Kemerdekaan Republik Indonesia'],
  ['2026-08-25', 'Maulid Nabi Muhammad SAW'],
  ['2026-12-25', 'Kelahiran Yesus Kristus (Natal)'],
];

const CUTI_BERSAMA_2025 = [
  '2025-01-28', '2025-03-28', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07',
  '2025-05-13', '2025-05-30', '2025-06-09', '2025-08-18', '2025-12-26',
];
const CUTI_BERSAMA_2026 = [
  '2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24',
];

const asPairs = (year: number) => nationalHolidays(year).map((h) => [h.date, h.name.id]);

describe('nationalHolidays: the official lists', () => {
  it('2026 equals SKB 3 Menteri 2026 exactly, dates and names', () => {
    expect(asPairs(2026)).toEqual(OFFICIAL_2026);
  });

  it('2025 equals SKB 3 Menteri 2025 exactly, dates and names', () => {
    expect(asPairs(2025)).toEqual(OFFICIAL_2025);
  });

  it('has an English name for every holiday', () => {
    for (const year of [2025, 2026, 2027]) {
      for (const { name } of nationalHolidays(year)) {
        expect(name.en).toMatch(/\S/);
        expect(name.en).not.toBe(name.id);
      }
    }
  });

  it('gives only days of the asked year, sorted', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      const dates = nationalHolidays(year).map((h) => h.date);
      expect(dates.every((d) => d.startsWith(`${year}-`) && isLocalDate(d))).toBe(true);
      expect([...dates].sort()).toEqual(dates);
    }
  });
});

describe('nationalHolidays: where date-holidays needs correcting', () => {
  const libraryOnly = (year: number) => nationalHolidays(year, {}).map((h) => h.date);

  it('without the overrides, Idul Fitri 2026 falls a day early (20–21 instead of 21–22 March)', () => {
    expect(libraryOnly(2026)).toContain('2026-03-20');
    expect(libraryOnly(2026)).not.toContain('2026-03-22');
  });

  it('without the overrides, 2025 has Idul Fitri on 30–31 March and 1 Muharam on 26 June', () => {
    expect(libraryOnly(2025)).toEqual(expect.arrayContaining(['2025-03-30', '2025-03-31', '2025-06-26']));
    expect(libraryOnly(2025)).not.toContain('2025-04-01');
    expect(libraryOnly(2025)).not.toContain('2025-06-27');
  });

  it('overrides only years with a decree, each moving a date by one day', () => {
    expect(Object.keys(OFFICIAL_OVERRIDES)).toEqual(['2025', '2026']);
    for (const moves of Object.values(OFFICIAL_OVERRIDES)) {
      for (const { from, to } of moves) expect(Date.parse(to) - Date.parse(from)).toBe(24 * 60 * 60 * 1000);
    }
  });

  it('adds Easter Sunday (Paskah) from 2024, when the SKB lists began to include it', () => {
    expect(nationalHolidays(2024).map((h) => h.date)).toContain('2024-03-31');
    expect(nationalHolidays(2023).some((h) => h.name.id.includes('Paskah'))).toBe(false);
  });

  it('names 27 Rajab Isra Mikraj, where the library says Maulid', () => {
    const isra = nationalHolidays(2026).find((h) => h.date === '2026-01-16');
    expect(isra?.name).toEqual({ id: 'Isra Mikraj Nabi Muhammad SAW', en: "Isra Mi'raj of the Prophet Muhammad" });
  });

  it('fails loudly when an override no longer matches the library', () => {
    expect(() => nationalHolidays(2026, { 2026: [{ rule: '1 Shawwal', from: '2026-03-01', to: '2026-03-02' }] })).toThrow(
      /gives neither date/,
    );
  });

  it('accepts an override the library already agrees with', () => {
    const moves = { 2026: [{ rule: '10 Dhu al-Hijjah', from: '2026-05-26', to: '2026-05-27' }] };
    expect(nationalHolidays(2026, moves).map((h) => h.date)).toContain('2026-05-27');
  });
});

describe('nationalHolidays: 2027 and later, library only', () => {
  it('2027 has 27 Rajab twice (1448 and 1449 H), the second on Christmas Day', () => {
    const dec25 = nationalHolidays(2027).filter((h) => h.date === '2027-12-25');
    expect(dec25.map((h) => h.name.id).sort()).toEqual(['Isra Mikraj Nabi Muhammad SAW', 'Kelahiran Yesus Kristus (Natal)']);
  });

  it('lacks Nyepi and Waisak after 2027: date-holidays 3.37.0 lists them only as one-off dates', () => {
    const names = nationalHolidays(2028).map((h) => h.name.id);
    expect(names).not.toContain('Hari Raya Nyepi');
    expect(names).not.toContain('Hari Raya Waisak');
  });
});

describe('CUTI_BERSAMA_SEED', () => {
  it('holds the SKB days for 2025 (with the 18 August amendment) and 2026, and none guessed for 2027', () => {
    expect(CUTI_BERSAMA_SEED[2025]?.map((c) => c.date)).toEqual(CUTI_BERSAMA_2025);
    expect(CUTI_BERSAMA_SEED[2026]?.map((c) => c.date)).toEqual(CUTI_BERSAMA_2026);
    expect(CUTI_BERSAMA_SEED[2027]).toEqual([]);
  });

  it('falls on weekdays that are not national holidays, with names in both languages', () => {
    for (const [year, days] of Object.entries(CUTI_BERSAMA_SEED)) {
      const holidays = new Set(nationalHolidays(Number(year)).map((h) => h.date));
      for (const { date, name } of days) {
        expect(date.startsWith(`${year}-`)).toBe(true);
        expect(weekdayOf(date)).toBeLessThanOrEqual(5);
        expect(holidays.has(date)).toBe(false);
        expect(name.id).toMatch(/^Cuti bersama /);
        expect(name.en).toMatch(/^Collective leave: /);
      }
    }
  });
});

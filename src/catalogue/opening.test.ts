import { describe, expect, it } from 'vitest';
import { buildClosureCalendar } from './calendar/calendar.ts';
import { nationalHolidays } from './calendar/holidays.ts';
import type { NamedCalendar } from './opening.ts';
import { dayView, openState, servicePointOf, weekOf } from './opening.ts';
import type { PointRow, SpecialDayRow } from './repository.ts';

const hours = { open: '08:00', close: '15:00' };
const row = (over: Partial<PointRow> = {}): PointRow => ({
  regencyCode: '35.10',
  id: 'p1',
  placeId: 'pl1',
  code: 'mpp',
  kind: 'mpp',
  nameId: 'MPP',
  nameEn: 'MPP',
  address: 'Jl. A. Yani',
  regionCode: null,
  weeklyHours: { 1: hours, 2: hours, 3: hours, 4: hours, 5: { open: '08:00', close: '14:00' }, 6: { open: '08:00', close: '12:00' }, 7: null },
  fridayBreak: { start: '11:30', end: '13:00' },
  marketPasaran: null,
  marketOpen: null,
  marketClose: null,
  active: true,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...over,
});

const cal: NamedCalendar = {
  ...buildClosureCalendar({ years: [2026], cutiBersama: ['2026-12-24'], specialClosures: [] }),
  names: new Map<string, { name: { id: string; en: string }; kind: 'holiday' | 'cuti_bersama' | 'special_closure' }>([
    ...nationalHolidays(2026).map((h) => [h.date, { name: h.name, kind: 'holiday' }] as [string, { name: { id: string; en: string }; kind: 'holiday' }]),
    ['2026-12-24', { name: { id: 'Cuti bersama Natal', en: 'Collective leave: Christmas' }, kind: 'cuti_bersama' }],
  ]),
};
const wib = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);

describe('opening state of a point', () => {
  it('cuts the Friday prayer break out of the day and points to the reopening', () => {
    const p = row();
    const state = openState(wib('2026-12-04', '12:00'), p, servicePointOf(p, []), cal, []);
    expect(state.openNow).toBe(false);
    expect(state.today.hours).toEqual([{ open: '08:00', close: '11:30' }, { open: '13:00', close: '14:00' }]);
    expect(state.nextOpening).toBe(wib('2026-12-04', '13:00').toISOString());
  });

  it('explains a closed day: the holiday, cuti bersama, or a plain closed weekday', () => {
    const p = row();
    const point = servicePointOf(p, []);
    expect(dayView('2026-12-25', p, point, cal, []).note?.id).toBe('Kelahiran Yesus Kristus (Natal)');
    expect(dayView('2026-12-24', p, point, cal, []).note?.id).toBe('Cuti bersama Natal');
    expect(dayView('2026-12-06', p, point, cal, []).note).toEqual({ id: 'Tutup', en: 'Closed' });
    expect(dayView('2026-12-07', p, point, cal, []).note).toBeNull();
  });

  it('lets a special day override a closure, with its own note', () => {
    const p = row();
    const special: SpecialDayRow[] = [{ regencyCode: '35.10', pointId: 'p1', date: '2026-12-24', open: '09:00', close: '12:00', noteId: 'Layanan darurat', noteEn: 'Emergency service', createdAt: new Date(0) }];
    const day = dayView('2026-12-24', p, servicePointOf(p, special), cal, special);
    expect(day).toMatchObject({ hours: [{ open: '09:00', close: '12:00' }], note: { id: 'Layanan darurat' }, marketDay: false });
  });

  it('marks a market unit’s pasaran days, but not when the day is closed', () => {
    const p = row({ kind: 'market', marketPasaran: ['Legi', 'Kliwon'], marketOpen: '07:00', marketClose: '15:00' });
    const point = servicePointOf(p, []);
    expect(dayView('2026-12-09', p, point, cal, [])).toMatchObject({ javaneseDay: 'Rabu Kliwon', marketDay: true, hours: [{ open: '07:00', close: '15:00' }] });
    expect(dayView('2026-12-08', p, point, cal, [])).toMatchObject({ javaneseDay: 'Selasa Wage', marketDay: false });
    expect(dayView('2026-12-24', p, point, cal, [])).toMatchObject({ marketDay: false, hours: [] }); // Kamis Legi, but cuti bersama
  });

  it('keeps the online channel open whatever the closure calendar says', () => {
    const always = { open: '00:00', close: '23:59' };
    const p = row({ kind: 'online', fridayBreak: null, weeklyHours: { 1: always, 2: always, 3: always, 4: always, 5: always, 6: always, 7: always } });
    const state = openState(wib('2026-12-25', '21:00'), p, servicePointOf(p, []), cal, []);
    expect(state).toMatchObject({ openNow: true, today: { note: null } });
  });

  it('gives the week from Monday to Sunday', () => {
    expect(weekOf('2026-12-04')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weekOf('2026-11-30')[0]).toBe('2026-11-30');
    expect(weekOf('2026-12-06')[6]).toBe('2026-12-06');
  });
});

/**
 * Cuti bersama: collective leave days that the same joint decree (SKB 3 Menteri) sets beside the
 * national holidays. Government offices close on them, so they close the SLA clock too. Seed data
 * only: admins keep the list in the database and enter each new year's SKB and any amendment.
 */
import type { LocalText } from '../../shared/errors.ts';
import type { LocalDate } from './local-date.ts';

export type CutiBersama = { date: LocalDate; name: LocalText };

function leave(date: LocalDate, id: string, en: string): CutiBersama {
  return { date, name: { id: `Cuti bersama ${id}`, en: `Collective leave: ${en}` } };
}

export const CUTI_BERSAMA_SEED: Readonly<Record<number, readonly CutiBersama[]>> = {
  // SKB No. 1017/2024, 2/2024, 2/2024, amended by SKB No. 933/2025, 1/2025, 3/2025 (adds 18 August).
  2025: [
    leave('2025-01-28', 'Tahun Baru Imlek', 'Chinese New Year'),
    leave('2025-03-28', 'Hari Suci Nyepi', 'Nyepi'),
    leave('2025-04-02', 'Idul Fitri', 'Eid al-Fitr'),
    leave('2025-04-03', 'Idul Fitri', 'Eid al-Fitr'),
    leave('2025-04-04', 'Idul Fitri', 'Eid al-Fitr'),
    leave('2025-04-07', 'Idul Fitri', 'Eid al-Fitr'),
    leave('2025-05-13', 'Hari Raya Waisak', 'Vesak'),
    leave('2025-05-30', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ'),
    leave('2025-06-09', 'Idul Adha', 'Eid al-Adha'),
    leave('2025-08-18', 'HUT ke-80 Kemerdekaan RI', '80th Independence Day'),
    leave('2025-12-26', 'Kelahiran Yesus Kristus', 'Christmas'),
  ],
  // SKB No. 1497/2025, 2/2025, 5/2025.
  2026: [
    leave('2026-02-16', 'Tahun Baru Imlek', 'Chinese New Year'),
    leave('2026-03-18', 'Hari Suci Nyepi', 'Nyepi'),
    leave('2026-03-20', 'Idul Fitri', 'Eid al-Fitr'),
    leave('2026-03-23', 'Idul Fitri', 'Eid al-Fitr'),
    leave('2026-03-24', 'Idul Fitri', 'Eid al-Fitr'),
    leave('2026-05-15', 'Kenaikan Yesus Kristus', 'Ascension of Jesus Christ'),
    leave('2026-05-28', 'Idul Adha', 'Eid al-Adha'),
    leave('2026-12-24', 'Kelahiran Yesus Kristus', 'Christmas'),
  ],
  // Left empty on purpose: the SKB for 2027 itself was not at hand when this was written (only
  // second-hand reports of it), and a wrong leave day would promise citizens a wrong date. The
  // calendar admin shows a note while a coming year's list is empty; admins enter the days from the
  // SKB's annex.
  2027: [],
};

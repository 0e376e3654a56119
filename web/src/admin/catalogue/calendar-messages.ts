import type { Lang } from '../../i18n/index.ts';

/** The calendar admin's note for a year whose cuti bersama list is still empty (Indonesian first). */
type CalendarNote = { title: string; body: string };

export const AWAITING_SKB: Record<Lang, CalendarNote> = {
  id: {
    title: 'Cuti bersama {{year}} belum diisi',
    body: 'Daftar cuti bersama {{year}} menunggu SKB 3 Menteri (Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB) tentang Hari Libur Nasional dan Cuti Bersama Tahun {{year}}. Sampai harinya dimasukkan di sini, hari-hari itu dihitung sebagai hari kerja: jam buka dan tenggat SLA belum memperhitungkannya. Masukkan setiap tanggal dari lampiran SKB dengan jenis "Cuti bersama".',
  },
  en: {
    title: 'Cuti bersama {{year}} not entered yet',
    body: 'The {{year}} collective leave list awaits the joint decree (SKB 3 Menteri) on national holidays and collective leave for {{year}}. Until the days are entered here they count as working days: opening hours and SLA deadlines do not yet allow for them. Enter each date from the decree’s annex with the kind “Collective leave”.',
  },
};

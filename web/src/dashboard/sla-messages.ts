/**
 * The SLA compliance page's words, in their own file so that they travel with its chunk only.
 * Indonesian is the source; English is typed against it, so a missing key is a compile error.
 */
import { useLang } from '../i18n/use-lang.ts';

const id = {
  title: 'Kepatuhan SLA',
  lead: 'Permohonan per instansi dan layanan: berapa yang selesai tepat waktu menurut janji standar pelayanan, dihitung dalam hari kerja (libur nasional, cuti bersama dan akhir pekan tidak dihitung). Hanya angka, tanpa data pribadi.',
  back: 'Kembali ke dasbor',
  backAgency: 'Kembali ke kotak masuk',
  from: 'Dari bulan',
  to: 'Sampai bulan',
  show: 'Tampilkan',
  csv: 'Unduh CSV',
  scopeAgency: 'Angka instansi Anda saja.',
  cards: {
    onTime: 'Selesai tepat waktu',
    onTimeSub: (done: number) => `dari ${done} permohonan yang selesai`,
    lateOpen: 'Terlambat, belum selesai',
    lateOpenSub: (within: number) => `${within} lainnya masih dalam batas waktu`,
    median: 'Median lama penyelesaian',
    medianSub: (avg: string) => `rata-rata ${avg} hari kerja`,
    filed: 'Permohonan masuk',
    filedSub: (rejected: number, sentBack: number) => `${rejected} ditolak, ${sentBack} kali dikembalikan untuk perbaikan`,
  },
  days: (n: string) => `${n} hari kerja`,
  chart: 'Persentase selesai tepat waktu per instansi',
  chartSeries: '% tepat waktu',
  chartMonthly: 'Per bulan: selesai tepat waktu dan terlambat',
  onTimeSeries: 'Tepat waktu',
  lateSeries: 'Terlambat',
  tableCaption: (from: string, to: string) => `Kepatuhan SLA per instansi, ${from} s.d. ${to}`,
  monthCaption: 'Per bulan, seluruh kabupaten',
  monthCaptionAgency: 'Per bulan, instansi Anda',
  expand: (name: string) => `Tampilkan layanan ${name}`,
  collapse: (name: string) => `Sembunyikan layanan ${name}`,
  col: {
    name: 'Instansi / layanan',
    month: 'Bulan',
    filed: 'Masuk',
    finished: 'Selesai',
    onTime: 'Tepat waktu',
    late: 'Terlambat',
    pct: '% tepat waktu',
    median: 'Median hari',
    average: 'Rata-rata hari',
    openLate: 'Terbuka terlambat',
    openWithin: 'Terbuka dalam SLA',
    rejected: 'Ditolak',
    sentBack: 'Dikembalikan',
  },
  total: 'Seluruh kabupaten',
  totalAgency: 'Total',
  none: 'Belum ada permohonan pada bulan-bulan ini.',
  openNote: 'Terbuka terlambat dan dalam SLA: keadaan pada akhir bulan terakhir (atau hari ini).',
};

export type SlaMessages = typeof id;

const en: SlaMessages = {
  title: 'SLA compliance',
  lead: 'Applications per agency and service: how many were finished on time, as the service standard promises, counted in working days (national holidays, cuti bersama and weekends do not count). Figures only, no personal data.',
  back: 'Back to the dashboard',
  backAgency: 'Back to the inbox',
  from: 'From month',
  to: 'To month',
  show: 'Show',
  csv: 'Download CSV',
  scopeAgency: 'Your agency’s figures only.',
  cards: {
    onTime: 'Finished on time',
    onTimeSub: (done) => `of ${done} applications finished`,
    lateOpen: 'Late, not yet finished',
    lateOpenSub: (within) => (within === 1 ? '1 more still within the deadline' : `${within} more still within the deadline`),
    median: 'Median time to finish',
    medianSub: (avg) => `average ${avg} working days`,
    filed: 'Applications filed',
    filedSub: (rejected, sentBack) => `${rejected} rejected, ${sentBack} times sent back for correction`,
  },
  days: (n) => (n === '1' ? '1 working day' : `${n} working days`),
  chart: 'Share finished on time per agency',
  chartSeries: '% on time',
  chartMonthly: 'Per month: finished on time and late',
  onTimeSeries: 'On time',
  lateSeries: 'Late',
  tableCaption: (from, to) => `SLA compliance per agency, ${from} to ${to}`,
  monthCaption: 'Per month, whole regency',
  monthCaptionAgency: 'Per month, your agency',
  expand: (name) => `Show the services of ${name}`,
  collapse: (name) => `Hide the services of ${name}`,
  col: {
    name: 'Agency / service',
    month: 'Month',
    filed: 'Filed',
    finished: 'Finished',
    onTime: 'On time',
    late: 'Late',
    pct: '% on time',
    median: 'Median days',
    average: 'Average days',
    openLate: 'Open, late',
    openWithin: 'Open, within SLA',
    rejected: 'Rejected',
    sentBack: 'Sent back',
  },
  total: 'Whole regency',
  totalAgency: 'Total',
  none: 'No applications in these months yet.',
  openNote: 'Open late and within SLA: the state at the end of the last month (or today).',
};

const MESSAGES = { id, en };

export function useSla(): SlaMessages {
  return MESSAGES[useLang()];
}

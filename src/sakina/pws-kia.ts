/**
 * The monthly figures as a PWS-KIA sheet (Pemantauan Wilayah Setempat KIA, Kemenkes): a title
 * block, then one row per village with, for each indicator, last month's running total, this
 * month, the running total to date and (for coverage) the percentage of the target; the
 * puskesmas total last. CSV in UTF-8 with a BOM so that spreadsheet programs read the names right.
 */
import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../shared/i18n.ts';
import type { Count, Coverage, FigureRow } from './figures.ts';

export type SheetBlock = { puskesmas: string; district: string | null; villages: (FigureRow & { name: string })[]; total: Omit<FigureRow, 'villageId'> };

export const MONTHS: Record<Lang, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

type Column = { label: Record<Lang, string>; pick: (r: Omit<FigureRow, 'villageId'>) => Count | Coverage; coverage?: boolean };

const COLUMNS: Column[] = [
  { label: { id: 'Ibu hamil terdaftar', en: 'Pregnant women registered' }, pick: (r) => r.registered, coverage: true },
  { label: { id: 'K1', en: 'K1' }, pick: (r) => r.k1, coverage: true },
  { label: { id: 'K4', en: 'K4' }, pick: (r) => r.k4, coverage: true },
  { label: { id: 'K6', en: 'K6' }, pick: (r) => r.k6, coverage: true },
  { label: { id: 'Risti ditemukan nakes', en: 'High risk found by health workers' }, pick: (r) => r.riskHealthWorker },
  { label: { id: 'Risti ditemukan masyarakat', en: 'High risk found by community' }, pick: (r) => r.riskCommunity },
  { label: { id: 'Persalinan', en: 'Births' }, pick: (r) => r.births },
  { label: { id: 'Persalinan di fasyankes', en: 'Births at a health facility' }, pick: (r) => r.facilityBirths, coverage: true },
  { label: { id: 'Pendampingan selesai', en: 'Escorts done' }, pick: (r) => r.escortsDone },
  { label: { id: 'Kematian ibu', en: 'Maternal deaths' }, pick: (r) => r.maternalDeaths },
  { label: { id: 'Kematian bayi', en: 'Infant deaths' }, pick: (r) => r.infantDeaths },
  { label: { id: 'Lahir mati', en: 'Stillbirths' }, pick: (r) => r.stillbirths },
];

const SUB: Record<Lang, [string, string, string, string]> = {
  id: ['s.d. bln lalu', 'bln ini', 's.d. bln ini', '%'],
  en: ['to last month', 'this month', 'to date', '%'],
};

function cells(c: Count | Coverage, coverage: boolean): (string | number)[] {
  const base = [c.previous, c.month, c.cumulative];
  return coverage ? [...base, 'percent' in c && c.percent !== null ? c.percent.toFixed(1) : ''] : base;
}

export function pwsKiaCsv(blocks: SheetBlock[], month: string, lang: Lang, regency: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const t = (id: string, en: string) => (lang === 'id' ? id : en);
  const rows: (string | number)[][] = [];
  rows.push([t('PEMANTAUAN WILAYAH SETEMPAT KESEHATAN IBU DAN ANAK (PWS-KIA)', 'LOCAL AREA MONITORING OF MATERNAL AND CHILD HEALTH (PWS-KIA)')]);
  rows.push([t('Kabupaten', 'Regency'), regency]);
  rows.push([t('Bulan', 'Month'), `${MONTHS[lang][m - 1]} ${year}`]);
  for (const block of blocks) {
    rows.push([]);
    rows.push([t('Puskesmas', 'Health centre'), block.puskesmas, t('Kecamatan', 'District'), block.district ?? '']);
    const head1: string[] = [t('No', 'No'), t('Desa/Kelurahan', 'Village'), t('Sasaran ibu hamil', 'Target pregnant women')];
    const head2: string[] = ['', '', ''];
    for (const col of COLUMNS) {
      const subs = col.coverage ? SUB[lang] : SUB[lang].slice(0, 3);
      subs.forEach((s, i) => {
        head1.push(i === 0 ? col.label[lang] : '');
        head2.push(s);
      });
    }
    head1.push(t('Bumil KRR', 'Low risk (KRR)'), t('Bumil KRT', 'High risk (KRT)'), t('Bumil KRST', 'Very high risk (KRST)'), t('Belum diskrining', 'Not yet screened'));
    head2.push(t('akhir bulan', 'end of month'), '', '', '');
    rows.push(head1, head2);
    const line = (no: string | number, name: string, r: Omit<FigureRow, 'villageId'>) => [
      no,
      name,
      r.target ?? '',
      ...COLUMNS.flatMap((col) => cells(col.pick(r), !!col.coverage)),
      r.riskMix.KRR,
      r.riskMix.KRT,
      r.riskMix.KRST,
      r.riskMix.unscreened,
    ];
    block.villages.forEach((v, i) => rows.push(line(i + 1, v.name, v)));
    rows.push(line('', t(`JUMLAH ${block.puskesmas.toUpperCase()}`, `TOTAL ${block.puskesmas.toUpperCase()}`), block.total));
  }
  rows.push([]);
  rows.push([
    t(
      'Cakupan (%) terhadap sasaran desa; tanpa sasaran, terhadap ibu hamil terdaftar tahun ini. Persalinan di fasyankes (%) terhadap seluruh persalinan. K6: 1-2-3 kunjungan per trimester dan 2 kali dengan dokter (Permenkes 21/2021).',
      'Coverage (%) against the village target; without one, against the women registered this year. Facility births (%) against all births. K6: 1-2-3 visits by trimester and 2 with a doctor (Permenkes 21/2021).',
    ),
  ]);
  return '\ufeff' + stringify(rows, { record_delimiter: '\r\n' });
}

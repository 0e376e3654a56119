/**
 * The PWS-KIA sheet as an Excel workbook (Pemantauan Wilayah Setempat Kesehatan Ibu dan Anak,
 * Kemenkes): the form puskesmas send to the Dinas Kesehatan each month. One sheet per puskesmas —
 * title block, a three-row header of merged cells (indicator → period → absolute / %), one row per
 * village, the puskesmas total with formulas — plus, for the regency, a sheet of puskesmas totals,
 * and a sheet of notes. Numbers are numbers; percentages are formulas over the cells beside them
 * (cached results included), so a sheet read without recalculation shows the same figures as the
 * dashboard, and one whose target is corrected in Excel recomputes its coverage.
 */
import ExcelJS from 'exceljs';
import type { Lang } from '../shared/i18n.ts';
import type { Count, FigureRow } from './figures.ts';
import { MONTHS, type SheetBlock } from './pws-kia.ts';

type Row = Omit<FigureRow, 'villageId'>;
type L = Record<Lang, string>;
type Denominator = 'target' | 'coverage' | 'births';
/** One column under the header: an absolute count, or a percentage of the count to its left. */
type Leaf = { label: L; count?: (r: Row) => number; percentOf?: Denominator };
type Sub = { label: L; leaves: Leaf[] };
type Group = { key: string; label: L; subs: Sub[] };

const ABS: L = { id: 'Abs', en: 'No.' };
const PCT: L = { id: '%', en: '%' };
const NOLABEL: L = { id: '', en: '' };
const PERIODS: { label: L; pick: (c: Count) => number }[] = [
  { label: { id: 's.d. bulan lalu', en: 'to last month' }, pick: (c) => c.previous },
  { label: { id: 'bulan ini', en: 'this month' }, pick: (c) => c.month },
  { label: { id: 's.d. bulan ini', en: 'to date' }, pick: (c) => c.cumulative },
];
const MONTH_AND_TO_DATE = PERIODS.slice(1);

/** Absolute and % of the target for each period: the coverage indicators. */
function coverageGroup(key: string, label: L, pick: (r: Row) => Count, percentOf: Denominator): Group {
  return { key, label, subs: PERIODS.map((p) => ({ label: p.label, leaves: [{ label: ABS, count: (r) => p.pick(pick(r)) }, { label: PCT, percentOf }] })) };
}

/** This month and to date, no percentage. */
function countSub(label: L, pick: (r: Row) => Count): Sub {
  return { label, leaves: MONTH_AND_TO_DATE.map((p) => ({ label: p.label, count: (r) => p.pick(pick(r)) })) };
}

const GROUPS: Group[] = [
  coverageGroup('registered', { id: 'Ibu hamil terdaftar', en: 'Pregnant women registered' }, (r) => r.registered, 'target'),
  coverageGroup('k1', { id: 'K1 (akses)', en: 'K1 (first visit)' }, (r) => r.k1, 'coverage'),
  coverageGroup('k4', { id: 'K4', en: 'K4' }, (r) => r.k4, 'coverage'),
  coverageGroup('k6', { id: 'K6', en: 'K6' }, (r) => r.k6, 'coverage'),
  {
    key: 'risk',
    label: { id: 'Deteksi risiko tinggi / komplikasi', en: 'High risk / complications found' },
    subs: [countSub({ id: 'oleh nakes', en: 'by health workers' }, (r) => r.riskHealthWorker), countSub({ id: 'oleh masyarakat', en: 'by the community' }, (r) => r.riskCommunity)],
  },
  {
    key: 'births',
    label: { id: 'Persalinan', en: 'Births' },
    subs: [
      countSub({ id: 'seluruhnya', en: 'all' }, (r) => r.births),
      { label: { id: 'di fasyankes', en: 'at a health facility' }, leaves: [...countSub(NOLABEL, (r) => r.facilityBirths).leaves, { label: PCT, percentOf: 'births' }] },
    ],
  },
  { key: 'escorts', label: { id: 'Pendampingan ke fasyankes', en: 'Escorts to a facility' }, subs: [countSub({ id: 'selesai (tiba)', en: 'done (arrived)' }, (r) => r.escortsDone)] },
  {
    key: 'deaths',
    label: { id: 'Kematian', en: 'Deaths' },
    subs: [
      countSub({ id: 'ibu', en: 'maternal' }, (r) => r.maternalDeaths),
      countSub({ id: 'bayi', en: 'infant' }, (r) => r.infantDeaths),
      countSub({ id: 'lahir mati', en: 'stillbirth' }, (r) => r.stillbirths),
    ],
  },
  {
    key: 'riskMix',
    label: { id: 'Ibu hamil akhir bulan menurut risiko', en: 'Women pregnant at month end, by risk' },
    subs: (
      [
        [{ id: 'KRR', en: 'KRR (low)' }, (r) => r.riskMix.KRR],
        [{ id: 'KRT', en: 'KRT (high)' }, (r) => r.riskMix.KRT],
        [{ id: 'KRST', en: 'KRST (very high)' }, (r) => r.riskMix.KRST],
        [{ id: 'belum diskrining', en: 'not yet screened' }, (r) => r.riskMix.unscreened],
      ] as [L, (r: Row) => number][]
    ).map(([label, count]) => ({ label, leaves: [{ label: NOLABEL, count }] })),
  },
];

/** Where each column of a sheet sits: the fixed three, then every leaf in order. */
type Column = Leaf & { col: number; group: string; period?: number };
const FIXED = 3; // No, village, target
const COLUMNS: Column[] = (() => {
  const out: Column[] = [];
  let col = FIXED + 1;
  for (const g of GROUPS) for (const s of g.subs) for (const leaf of s.leaves) out.push({ ...leaf, col: col++, group: g.key });
  return out;
})();
const LAST_COL = FIXED + COLUMNS.length;
/** The "to date" absolute count of registered women: coverage falls back to it without a target (as figures.ts). */
const REGISTERED_TO_DATE = COLUMNS.filter((c) => c.group === 'registered' && c.count)[2]!.col;
/** The "to date" count of all births: the denominator of facility births. */
const BIRTHS_TO_DATE = COLUMNS.filter((c) => c.group === 'births' && c.count)[1]!.col;

const HEADER_ROWS = 3;
const TITLE_ROWS = 6; // title, puskesmas, kecamatan, kabupaten, month, blank

const THIN = { style: 'thin' as const, color: { argb: 'FF8A9BA3' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDEBEE' } };
const TOTAL_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF6EBC8' } };

const letter = (col: number): string => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

function fraction(part: number, whole: number | null | undefined): number | '' {
  return whole ? part / whole : '';
}

/** A sheet name Excel accepts: ≤ 31 characters, none of []:*?/\ . */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim();
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${base.slice(0, 28)} ${i}`;
  taken.add(out.toLowerCase());
  return out;
}

/** A line of the table; an aggregate (a puskesmas in the regency summary) has no single denominator cell when its target is incomplete. */
type Line = { no: number | ''; name: string; row: Row; aggregate?: boolean };

/** Writes one PWS-KIA table (title block, header, lines, total) on a fresh sheet. */
function writeTable(ws: ExcelJS.Worksheet, lang: Lang, title: { place: [string, string][]; month: string }, lines: Line[], total: { name: string; row: Row }) {
  const t = (l: L) => l[lang];
  ws.properties.defaultRowHeight = 15;
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${TITLE_ROWS + 1}:${TITLE_ROWS + HEADER_ROWS}` };

  // Title block.
  ws.mergeCells(1, 1, 1, LAST_COL);
  const head = ws.getCell(1, 1);
  head.value = lang === 'id' ? 'PEMANTAUAN WILAYAH SETEMPAT KESEHATAN IBU DAN ANAK (PWS-KIA)' : 'LOCAL AREA MONITORING OF MATERNAL AND CHILD HEALTH (PWS-KIA)';
  head.font = { bold: true, size: 13 };
  head.alignment = { horizontal: 'center' };
  [...title.place, [lang === 'id' ? 'Bulan' : 'Month', title.month] as [string, string]].forEach(([label, value], i) => {
    const r = ws.getRow(2 + i);
    r.getCell(1).value = label;
    r.getCell(1).font = { bold: true };
    ws.mergeCells(2 + i, 1, 2 + i, 2);
    r.getCell(3).value = `: ${value}`;
    ws.mergeCells(2 + i, 3, 2 + i, 12);
  });

  // Header: No, village, target span three rows; each indicator spans its periods, each period its Abs / %.
  const top = TITLE_ROWS + 1;
  const fixed: L[] = [
    { id: 'No', en: 'No' },
    { id: 'Desa/Kelurahan', en: 'Village' },
    { id: 'Sasaran ibu hamil (setahun)', en: 'Target pregnant women (year)' },
  ];
  fixed.forEach((label, i) => {
    ws.mergeCells(top, i + 1, top + 2, i + 1);
    ws.getCell(top, i + 1).value = t(label);
  });
  let col = FIXED + 1;
  for (const g of GROUPS) {
    const width = g.subs.reduce((n, s) => n + s.leaves.length, 0);
    if (width > 1) ws.mergeCells(top, col, top, col + width - 1);
    ws.getCell(top, col).value = t(g.label);
    for (const s of g.subs) {
      const leafLabels = s.leaves.map((l) => t(l.label));
      if (s.leaves.length === 1 && !leafLabels[0]) {
        ws.mergeCells(top + 1, col, top + 2, col);
        ws.getCell(top + 1, col).value = t(s.label);
      } else {
        if (s.leaves.length > 1) ws.mergeCells(top + 1, col, top + 1, col + s.leaves.length - 1);
        ws.getCell(top + 1, col).value = t(s.label);
        s.leaves.forEach((_, i) => (ws.getCell(top + 2, col + i).value = leafLabels[i]!));
      }
      col += s.leaves.length;
    }
  }
  for (let r = top; r < top + HEADER_ROWS; r++) {
    const row = ws.getRow(r);
    row.height = r === top ? 30 : 28;
    for (let c = 1; c <= LAST_COL; c++) {
      const cell = row.getCell(c);
      cell.font = { bold: true, size: 9 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = HEAD_FILL;
      cell.border = BORDER;
    }
  }

  // Body: one line per village (or puskesmas), then the total.
  const first = top + HEADER_ROWS;
  const last = first + lines.length - 1;
  const write = (r: number, line: Line, isTotal: boolean) => {
    const row = ws.getRow(r);
    row.getCell(1).value = line.no;
    row.getCell(2).value = line.name;
    const target = row.getCell(3);
    if (isTotal) target.value = line.row.target === null ? null : lines.length ? { formula: `SUM(C${first}:C${last})`, result: line.row.target } : line.row.target;
    else target.value = line.row.target;
    const denominators: Record<Denominator, number | null> = {
      target: line.row.target,
      coverage: line.row.coverageBase,
      births: line.row.births.cumulative,
    };
    const denominatorCell: Record<Denominator, string> = {
      target: `$C${r}`,
      coverage: `$C${r}`,
      births: `$${letter(BIRTHS_TO_DATE)}${r}`,
    };
    let previous = 0; // the count to the left of a percentage
    for (const c of COLUMNS) {
      const cell = row.getCell(c.col);
      if (c.count) {
        previous = c.count(line.row);
        const L = letter(c.col);
        cell.value = isTotal && lines.length ? { formula: `SUM(${L}${first}:${L}${last})`, result: previous } : previous;
        cell.numFmt = '0';
        continue;
      }
      const kind = c.percentOf!;
      const num = `${letter(c.col - 1)}${r}`;
      const den = denominatorCell[kind];
      const result = fraction(previous, denominators[kind]);
      // An aggregate without a complete target is measured against the sum of its villages' own
      // denominators (figures.ts), which no cell of this sheet holds: its value, not a formula.
      if (kind === 'coverage' && line.row.target === null && (isTotal || line.aggregate)) {
        cell.value = result === '' ? null : result;
        cell.numFmt = '0.0%';
        continue;
      }
      const formula =
        kind === 'coverage'
          ? `IF(ISBLANK(${den}),IF($${letter(REGISTERED_TO_DATE)}${r}>0,${num}/$${letter(REGISTERED_TO_DATE)}${r},""),IF(${den}>0,${num}/${den},""))`
          : `IF(${den}>0,${num}/${den},"")`;
      cell.value = { formula, result };
      cell.numFmt = '0.0%';
    }
    for (let c = 1; c <= LAST_COL; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.font = { size: 10, bold: isTotal };
      if (isTotal) cell.fill = TOTAL_FILL;
      if (c > 2) cell.alignment = { horizontal: 'right' };
    }
  };
  lines.forEach((line, i) => write(first + i, line, false));
  write(last + 1, { no: '', name: total.name, row: total.row }, true);

  // Notes under the table.
  const note = last + 3;
  ws.getCell(note, 1).value = NOTES[lang][0];
  ws.getCell(note, 1).font = { italic: true, size: 9 };

  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: top + HEADER_ROWS - 1, topLeftCell: `C${top + HEADER_ROWS}`, activeCell: `C${top + HEADER_ROWS}` }];
  ws.getColumn(1).width = 4.5;
  ws.getColumn(2).width = 24;
  ws.getColumn(3).width = 10;
  for (const c of COLUMNS) ws.getColumn(c.col).width = c.percentOf ? 7 : 7.5;
}

const NOTES: Record<Lang, string[]> = {
  id: [
    'Cakupan (%) terhadap sasaran ibu hamil desa setahun; tanpa sasaran, terhadap ibu hamil terdaftar tahun ini. Persalinan di fasyankes (%) terhadap seluruh persalinan.',
    'Ibu hamil terdaftar: kehamilan yang dikonfirmasi bidan (laporan kader dihitung setelah dikonfirmasi).',
    'K1: kunjungan antenatal pertama. K4: empat kunjungan (1-1-2 per trimester). K6: enam kunjungan, 1-2-3 per trimester, dua kali dengan dokter di trimester 1 dan 3 (Permenkes 21/2021).',
    'Deteksi risiko tinggi: hari pertama ibu tercatat KRT atau KRST (Kartu Skor Poedji Rochjati), menurut siapa yang pertama melaporkannya — tenaga kesehatan atau masyarakat (kader, perangkat desa).',
    'Persalinan di fasyankes: rumah sakit, puskesmas, klinik, praktik mandiri bidan. Pendampingan selesai: pengantaran yang tiba di fasilitas.',
    'Kematian ibu: selama hamil, bersalin, atau 42 hari setelahnya. Kematian bayi: lahir hidup lalu meninggal. Lahir mati dihitung terpisah.',
    'Ibu hamil akhir bulan menurut risiko: ibu yang masih hamil pada hari terakhir bulan, menurut kategori KSPR terakhirnya.',
    's.d. bulan lalu: sejak 1 Januari sampai akhir bulan lalu; s.d. bulan ini: sejak 1 Januari sampai akhir bulan ini.',
  ],
  en: [
    'Coverage (%) against the village\'s yearly target of pregnant women; without a target, against the women registered this year. Facility births (%) against all births.',
    'Pregnant women registered: pregnancies confirmed by a midwife (a kader\'s report counts once confirmed).',
    'K1: first antenatal visit. K4: four visits (1-1-2 by trimester). K6: six visits, 1-2-3 by trimester, two with a doctor in trimesters 1 and 3 (Permenkes 21/2021).',
    'High risk found: the first day the woman was recorded KRT or KRST (Poedji Rochjati score card), by who first brought her in — a health worker or the community (kader, village official).',
    'Facility births: hospital, puskesmas, clinic, midwife\'s practice. Escorts done: escorts that arrived at the facility.',
    'Maternal deaths: during pregnancy, delivery, or the 42 days after. Infant deaths: born alive, then died. Stillbirths are counted apart.',
    'Women pregnant at month end by risk: women still pregnant on the last day of the month, by their latest KSPR category.',
    'To last month: 1 January to the end of last month; to date: 1 January to the end of this month.',
  ],
};

const SHEETS: Record<Lang, { summary: string; notes: string; all: string }> = {
  id: { summary: 'Rekap kabupaten', notes: 'Keterangan', all: 'Semua puskesmas' },
  en: { summary: 'Regency summary', notes: 'Notes', all: 'All health centres' },
};

/** The workbook: a sheet per puskesmas, a regency summary when there are several, and the notes. */
export async function pwsKiaXlsx(blocks: SheetBlock[], month: string, lang: Lang, regency: string, regencyTotal: Row, createdAt: Date): Promise<Buffer> {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const monthLabel = `${MONTHS[lang][m - 1]} ${year}`;
  const regencyName = regency.replace(/^Kabupaten\s+/i, '');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'satupintu';
  wb.created = createdAt;
  wb.modified = createdAt;
  const taken = new Set<string>();
  const labels = lang === 'id' ? { pkm: 'Puskesmas', district: 'Kecamatan', regency: 'Kabupaten', total: 'JUMLAH' } : { pkm: 'Health centre', district: 'District', regency: 'Regency', total: 'TOTAL' };

  if (blocks.length > 1) {
    const ws = wb.addWorksheet(sheetName(SHEETS[lang].summary, taken));
    const lines = blocks.map((b, i) => ({ no: i + 1, name: b.puskesmas, row: b.total, aggregate: true }));
    writeTable(ws, lang, { place: [[labels.pkm, SHEETS[lang].all], [labels.district, '—'], [labels.regency, regencyName]], month: monthLabel }, lines, { name: `${labels.total} ${regency.toUpperCase()}`, row: regencyTotal });
    ws.getCell(TITLE_ROWS + 1, 2).value = lang === 'id' ? 'Puskesmas' : 'Health centre';
  }
  for (const b of blocks) {
    const ws = wb.addWorksheet(sheetName(`PWS-KIA ${b.puskesmas.replace(/^Puskesmas\s+/i, '')}`, taken));
    const lines = b.villages.map((v, i) => ({ no: i + 1, name: v.name, row: v }));
    writeTable(ws, lang, { place: [[labels.pkm, b.puskesmas], [labels.district, b.district ?? '—'], [labels.regency, regencyName]], month: monthLabel }, lines, { name: `${labels.total} ${b.puskesmas.toUpperCase()}`, row: b.total });
  }
  const notes = wb.addWorksheet(sheetName(SHEETS[lang].notes, taken));
  notes.getColumn(1).width = 120;
  NOTES[lang].forEach((text, i) => {
    const cell = notes.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Column numbers for readers of the sheet (tests): the count columns of a group, in order. */
export function pwsKiaColumns(group: string): { col: number; percent: boolean }[] {
  return COLUMNS.filter((c) => c.group === group).map((c) => ({ col: c.col, percent: !!c.percentOf }));
}
export const PWS_KIA_FIRST_ROW = TITLE_ROWS + HEADER_ROWS + 1;

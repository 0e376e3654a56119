/** The PWS-KIA workbook: read back with exceljs, its figures are the JSON endpoint's; who may export it. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestPlatform } from '../../tests/support/app.ts';
import { PWS_KIA_FIRST_ROW, pwsKiaColumns } from './figures-xlsx.ts';
import { auditRows, placeId, sakinaPlatform } from './testing.ts';

let platform: TestPlatform;
let bidan: Session;
let pimpinan: Session;

const MONTH = '2026-11';
type Count = { previous: number; month: number; cumulative: number; percent?: number | null };
type Row = Record<string, Count> & { target: number | null; riskMix: { KRR: number; KRT: number; KRST: number; unscreened: number }; name?: string };

beforeAll(async () => {
  // The demo register with its year of synthetic Sempu pregnancies: figures like a working puskesmas's.
  platform = await sakinaPlatform({ start: new Date('2026-11-24T03:00:00Z'), demoRecords: true, history: true });
  bidan = await platform.as('bidan.sempu');
  pimpinan = await platform.as('pimpinan');
}, 120_000);
afterAll(() => platform.close());

async function workbook(session: Session, query: string) {
  const res = await session.get(`/api/sakina/figures.xlsx?${query}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK'); // a zip, as every xlsx
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { wb, res };
}

/**
 * A cell's number, whether written as a value or as a formula with its cached result. exceljs reads
 * a cached 0 (or "") back as no result at all: a count's formula without one is 0, a percentage's
 * is "none" — so percentages are compared with 0 and none alike as null (see `pct`).
 */
function num(cell: ExcelJS.Cell): number | null {
  const v = cell.value;
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && 'formula' in v) return 'result' in v && typeof v.result === 'number' ? v.result : cell.numFmt === '0.0%' ? null : 0;
  throw new Error(`not a number: ${JSON.stringify(v)}`);
}
const asPercent = (fraction: number | null) => (fraction === null ? null : Math.round(fraction * 1000) / 10) || null;
const pct = (percent: number | null | undefined) => percent || null;

/** Reads one line of the sheet back into the JSON's shape (the figures that the sheet shows). */
function readLine(ws: ExcelJS.Worksheet, r: number) {
  const row = ws.getRow(r);
  const cells = (group: string) => pwsKiaColumns(group).map((c) => row.getCell(c.col));
  const coverage = (group: string) => {
    const [prev, , month, , cum, cumPct] = cells(group);
    return { previous: num(prev!), month: num(month!), cumulative: num(cum!), percent: asPercent(num(cumPct!)) };
  };
  const pair = (list: ExcelJS.Cell[]) => ({ month: num(list[0]!), cumulative: num(list[1]!) });
  const risk = cells('risk');
  const births = cells('births');
  const deaths = cells('deaths');
  const mix = cells('riskMix');
  return {
    name: row.getCell(2).value,
    target: num(row.getCell(3)),
    registered: coverage('registered'),
    k1: coverage('k1'),
    k4: coverage('k4'),
    k6: coverage('k6'),
    riskHealthWorker: pair(risk.slice(0, 2)),
    riskCommunity: pair(risk.slice(2, 4)),
    births: pair(births.slice(0, 2)),
    facilityBirths: { ...pair(births.slice(2, 4)), percent: asPercent(num(births[4]!)) },
    escortsDone: pair(cells('escorts')),
    maternalDeaths: pair(deaths.slice(0, 2)),
    infantDeaths: pair(deaths.slice(2, 4)),
    stillbirths: pair(deaths.slice(4, 6)),
    riskMix: { KRR: num(mix[0]!), KRT: num(mix[1]!), KRST: num(mix[2]!), unscreened: num(mix[3]!) },
  };
}

/** The same figures from the JSON row. */
function expected(r: Row, name: string) {
  const coverage = (c: Count) => ({ previous: c.previous, month: c.month, cumulative: c.cumulative, percent: pct(c.percent) });
  const pair = (c: Count) => ({ month: c.month, cumulative: c.cumulative });
  return {
    name,
    target: r.target,
    registered: coverage(r.registered!),
    k1: coverage(r.k1!),
    k4: coverage(r.k4!),
    k6: coverage(r.k6!),
    riskHealthWorker: pair(r.riskHealthWorker!),
    riskCommunity: pair(r.riskCommunity!),
    births: pair(r.births!),
    facilityBirths: { ...pair(r.facilityBirths!), percent: pct(r.facilityBirths!.percent) },
    escortsDone: pair(r.escortsDone!),
    maternalDeaths: pair(r.maternalDeaths!),
    infantDeaths: pair(r.infantDeaths!),
    stillbirths: pair(r.stillbirths!),
    riskMix: r.riskMix,
  };
}

describe('the PWS-KIA workbook', () => {
  it('holds, village by village and in the total, the figures of the JSON endpoint', async () => {
    const json = (await bidan.get(`/api/sakina/figures?month=${MONTH}`)).json();
    const [pkm] = json.puskesmas as { name: string; district: string; villages: (Row & { name: string })[]; total: Row }[];
    expect(pkm!.villages.some((v) => v.k1!.cumulative > 0 && v.births!.cumulative > 0)).toBe(true); // the demo year is there

    const { wb, res } = await workbook(bidan, `month=${MONTH}`);
    expect(res.headers['content-disposition']).toBe('attachment; filename="pws-kia-pkm-sempu-2026-11.xlsx"');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['PWS-KIA Sempu', 'Keterangan']);
    const ws = wb.getWorksheet('PWS-KIA Sempu')!;

    // Title block.
    expect(ws.getCell('A1').value).toBe('PEMANTAUAN WILAYAH SETEMPAT KESEHATAN IBU DAN ANAK (PWS-KIA)');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect([2, 3, 4, 5].map((r) => `${ws.getCell(r, 1).value} ${ws.getCell(r, 3).value}`)).toEqual(['Puskesmas : Puskesmas Sempu', `Kecamatan : ${pkm!.district}`, 'Kabupaten : Banyuwangi', 'Bulan : November 2026']);

    // Header: indicators over periods over Abs / %, merged.
    const head = PWS_KIA_FIRST_ROW - 3;
    expect(ws.getCell(head, 2).value).toBe('Desa/Kelurahan');
    expect(ws.getCell(head, 3).value).toBe('Sasaran ibu hamil (setahun)');
    const k1 = pwsKiaColumns('k1');
    expect(ws.getCell(head, k1[0]!.col).value).toBe('K1 (akses)');
    expect(ws.getCell(head, k1[5]!.col).master.address).toBe(ws.getCell(head, k1[0]!.col).address);
    expect([0, 2, 4].map((i) => ws.getCell(head + 1, k1[i]!.col).value)).toEqual(['s.d. bulan lalu', 'bulan ini', 's.d. bulan ini']);
    expect(k1.map((c) => ws.getCell(head + 2, c.col).value)).toEqual(['Abs', '%', 'Abs', '%', 'Abs', '%']);
    expect(ws.getCell(head, pwsKiaColumns('risk')[0]!.col).value).toBe('Deteksi risiko tinggi / komplikasi');
    expect(ws.getCell(head + 1, pwsKiaColumns('risk')[2]!.col).value).toBe('oleh masyarakat');
    expect(ws.getCell(head, pwsKiaColumns('deaths')[0]!.col).value).toBe('Kematian');

    // Frozen below the header and right of the village names.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: PWS_KIA_FIRST_ROW - 1 });
    expect(ws.getColumn(2).width).toBeGreaterThan(ws.getColumn(5).width!);

    // One line per village, in the JSON's order, equal to it.
    pkm!.villages.forEach((v, i) => {
      expect(ws.getCell(PWS_KIA_FIRST_ROW + i, 1).value).toBe(i + 1);
      expect(readLine(ws, PWS_KIA_FIRST_ROW + i), v.name).toEqual(expected(v, v.name));
    });
    // Counts are numbers, percentages formatted as such.
    const sempuK1 = ws.getRow(PWS_KIA_FIRST_ROW).getCell(k1[4]!.col);
    expect(typeof sempuK1.value).toBe('number');
    expect(ws.getRow(PWS_KIA_FIRST_ROW).getCell(k1[5]!.col).numFmt).toBe('0.0%');

    // The total: sums as formulas, with the JSON's totals as results.
    const totalRow = PWS_KIA_FIRST_ROW + pkm!.villages.length;
    expect(readLine(ws, totalRow)).toEqual(expected(pkm!.total, 'JUMLAH PUSKESMAS SEMPU'));
    const last = totalRow - 1;
    expect(ws.getRow(totalRow).getCell(k1[4]!.col).value).toMatchObject({ formula: `SUM(${ws.getRow(PWS_KIA_FIRST_ROW).getCell(k1[4]!.col).address}:${ws.getRow(last).getCell(k1[4]!.col).address})` });
    expect(ws.getCell(totalRow, 3).value).toMatchObject({ formula: `SUM(C${PWS_KIA_FIRST_ROW}:C${last})`, result: pkm!.total.target });

    const notes = wb.getWorksheet('Keterangan')!;
    expect(String(notes.getCell('A1').value)).toContain('Cakupan (%) terhadap sasaran');
  });

  it('speaks the reader\'s language, sheet names included', async () => {
    const { wb } = await workbook(bidan, `month=${MONTH}&lang=en`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['PWS-KIA Sempu', 'Notes']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('LOCAL AREA MONITORING OF MATERNAL AND CHILD HEALTH (PWS-KIA)');
    expect(ws.getCell(5, 3).value).toBe(': November 2026');
    expect(ws.getCell(PWS_KIA_FIRST_ROW - 3, 2).value).toBe('Village');
    expect(ws.getCell(PWS_KIA_FIRST_ROW - 1, pwsKiaColumns('k1')[0]!.col).value).toBe('No.');
  });

  it('gives the leader the regency: a summary of puskesmas totals, then a sheet for each', async () => {
    const json = (await pimpinan.get(`/api/sakina/figures?month=${MONTH}`)).json();
    const { wb, res } = await workbook(pimpinan, `month=${MONTH}`);
    expect(res.headers['content-disposition']).toContain('pws-kia-kabupaten-2026-11.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Rekap kabupaten', 'PWS-KIA Genteng Kulon', 'PWS-KIA Sempu', 'PWS-KIA Srono', 'Keterangan']);
    const summary = wb.getWorksheet('Rekap kabupaten')!;
    expect(summary.getCell(PWS_KIA_FIRST_ROW - 3, 2).value).toBe('Puskesmas');
    (json.puskesmas as { name: string; total: Row }[]).forEach((k, i) => expect(readLine(summary, PWS_KIA_FIRST_ROW + i)).toEqual(expected(k.total, k.name)));
    expect(readLine(summary, PWS_KIA_FIRST_ROW + 3)).toEqual(expected(json.total, 'JUMLAH KABUPATEN BANYUWANGI'));
    // One puskesmas on request.
    const sempu = await placeId(platform, 'pkm-sempu', 'puskesmas');
    const one = await workbook(pimpinan, `month=${MONTH}&puskesmasId=${sempu}`);
    expect(one.wb.worksheets.map((w) => w.name)).toEqual(['PWS-KIA Sempu', 'Keterangan']);
  });

  it('is refused to the kader and the police, and to a midwife of another puskesmas; each export is audited', async () => {
    expect((await (await platform.as('kader.sempu')).get(`/api/sakina/figures.xlsx?month=${MONTH}`)).statusCode).toBe(403);
    expect((await (await platform.as('polisi.sempu')).get(`/api/sakina/figures.xlsx?month=${MONTH}`)).statusCode).toBe(403);
    expect((await platform.anonymous.get(`/api/sakina/figures.xlsx?month=${MONTH}`)).statusCode).toBe(401);
    const genteng = await placeId(platform, 'pkm-genteng-kulon', 'puskesmas');
    expect((await bidan.get(`/api/sakina/figures.xlsx?month=${MONTH}&puskesmasId=${genteng}`)).statusCode).toBe(403);
    expect((await bidan.get('/api/sakina/figures.xlsx?month=2026-13')).statusCode).toBe(400);
    const exports = (await auditRows(platform, MONTH)).filter((r) => r.entityType === 'sakina_figures' && r.action === 'export');
    expect(exports.some((r) => (r.details as { format?: string } | null)?.format === 'xlsx')).toBe(true);
  });
});

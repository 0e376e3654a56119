import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestPlatform } from '../../tests/support/app.ts';
import { auditRows, daysAgo, JAMBEWANGI, messagesTo, nik, PHONES, placeId, registration, registerWoman, sakinaPlatform, SEMPU, GENTENG_KULON } from './testing.ts';

let platform: TestPlatform;
let bidan: Session;
let kader: Session;
let bidanGenteng: Session;

beforeAll(async () => {
  platform = await sakinaPlatform();
  bidan = await platform.as('bidan.sempu');
  kader = await platform.as('kader.sempu');
  bidanGenteng = await platform.as('bidan.genteng');
});
afterAll(() => platform.close());

describe('a kader reports, the midwife confirms', () => {
  it('accepts a report with only a name and a village, and tells the puskesmas', async () => {
    const res = await kader.post('/api/sakina/reports', { name: 'Ibu Laporan Kader', villageId: await placeId(platform, SEMPU), phone: '0812-1111-2222', note: 'Telat haid 2 bulan' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'reported', possibleDuplicates: 0 });
    const id = res.json().id;

    const seen = (await kader.get(`/api/sakina/pregnancies/${id}`)).json();
    expect(seen).toMatchObject({ status: 'reported', name: 'Ibu Laporan Kader', phone: '+6281211112222', report: { via: 'community', note: 'Telat haid 2 bulan' } });
    expect(seen.dueDate).toBeNull();
    const [message] = await messagesTo(platform, PHONES.bidan);
    expect(message!.body).toContain('Ibu Laporan Kader');
    expect(message!.body).toContain('Kader Posyandu Sempu');

    const body = await registration(platform, { name: 'Ibu Laporan Kader', gaDays: 60 });
    const confirmed = await bidan.post(`/api/sakina/pregnancies/${id}/confirm`, body);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const record = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json();
    expect(record).toMatchObject({ status: 'active', nik: body.nik, hpht: body.hpht, report: { via: 'community' }, gestationalAge: { weeks: 8, days: 4, trimester: 1 } });
    expect(record.dueDate).toBe(new Date(Date.parse(`${body.hpht}T00:00:00Z`) + 280 * 86400_000).toISOString().slice(0, 10));
    expect((await auditRows(platform, id)).map((r) => r.action)).toEqual(['create', 'read', 'confirm', 'read']);
  });

  it('replays a report sent twice with the same client id', async () => {
    const body = { clientId: 'kader-phone-0001', name: 'Ibu Dua Kali', villageId: await placeId(platform, SEMPU) };
    const first = await kader.post('/api/sakina/reports', body);
    const second = await kader.post('/api/sakina/reports', body);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ id: first.json().id, replayed: true });
  });

  it('records a report sent twice at the same moment once (a retry while the first is in flight)', async () => {
    const body = { clientId: 'kader-phone-race-0001', name: 'Ibu Serentak', villageId: await placeId(platform, SEMPU) };
    const answers = await Promise.all([kader.post('/api/sakina/reports', body), kader.post('/api/sakina/reports', body), kader.post('/api/sakina/reports', body)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const list = (await kader.get('/api/sakina/pregnancies?q=Ibu%20Serentak')).json().items;
    expect(list).toHaveLength(1);
  });

  it('refuses a report for another village, and a bad NIK, phone or HPHT with every problem named', async () => {
    const other = await kader.post('/api/sakina/reports', { name: 'Ibu Jambewangi', villageId: await placeId(platform, JAMBEWANGI) });
    expect(other.statusCode).toBe(403);
    const bad = await kader.post('/api/sakina/reports?lang=en', { name: 'Ibu Salah', villageId: await placeId(platform, SEMPU), nik: '3510201203940001', phone: '12345', hpht: '2030-01-01' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(['nik', 'phone', 'hpht']);
    expect(bad.json().errors[0].message).toContain("man's");
    const id = await kader.post('/api/sakina/reports', { name: 'Ibu Salah', villageId: await placeId(platform, SEMPU), nik: '1234' });
    expect(id.json().errors[0].message).toContain('16 angka');
  });

  it('checks the birth date against the NIK and G = P + A + 1', async () => {
    const body = await registration(platform, { birthDate: '1990-01-01' });
    const res = await bidan.post('/api/sakina/pregnancies', { ...body, birthDate: '1991-01-01', gravida: 2, para: 2, abortus: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['para']);
  });

  it('lets a midwife register only inside her puskesmas area', async () => {
    const res = await bidan.post('/api/sakina/pregnancies', await registration(platform, { village: GENTENG_KULON }));
    expect(res.statusCode).toBe(403);
    expect((await bidanGenteng.post('/api/sakina/pregnancies', await registration(platform, { village: GENTENG_KULON }))).statusCode).toBe(201);
  });

  it('withdraws a report that was not a pregnancy', async () => {
    const { id } = (await kader.post('/api/sakina/reports', { name: 'Ibu Tidak Hamil', villageId: await placeId(platform, SEMPU) })).json();
    const res = await bidan.post(`/api/sakina/pregnancies/${id}/withdraw`, { reason: 'Tes kehamilan negatif' });
    expect(res.json()).toMatchObject({ status: 'withdrawn' });
    expect((await kader.get(`/api/sakina/pregnancies/${id}`)).statusCode).toBe(404);
  });
});

describe('duplicate detection', () => {
  it('refuses a second open pregnancy with the same NIK, naming the record', async () => {
    const first = await registration(platform, { name: 'Ibu Ganda NIK' });
    const id = (await bidan.post('/api/sakina/pregnancies', first)).json().id;
    const again = await bidan.post('/api/sakina/pregnancies', { ...first, name: 'Ibu Lain Nama', notDuplicateOf: [id] });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_exists', duplicates: [{ id, name: 'Ibu Ganda NIK', sameNik: true }] });
  });

  it('tells a midwife of another puskesmas only where the woman is registered', async () => {
    const body = await registration(platform, { name: 'Ibu Pindahan' });
    await bidan.post('/api/sakina/pregnancies', body);
    const res = await bidanGenteng.post('/api/sakina/pregnancies', { ...body, villageId: await placeId(platform, GENTENG_KULON) });
    expect(res.statusCode).toBe(409);
    expect(res.json().duplicates).toEqual([{ id: null, name: null, village: null, puskesmas: 'Puskesmas Sempu', status: null, dueDate: null, sameNik: true }]);
  });

  it('flags the same name, birth date and village under another NIK until the midwife has judged it', async () => {
    const first = await registration(platform, { name: 'Siti  Rahayu', birthDate: '1994-08-17' });
    const firstId = (await bidan.post('/api/sakina/pregnancies', first)).json().id;
    const second = await registration(platform, { name: 'siti rahayu.', birthDate: '1994-08-17' });
    const refused = await bidan.post('/api/sakina/pregnancies', second);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'conflict', duplicates: [{ id: firstId, sameNik: false }] });
    const decided = await bidan.post('/api/sakina/pregnancies', { ...second, notDuplicateOf: [firstId] });
    expect(decided.statusCode).toBe(201);
    const [creation] = await auditRows(platform, decided.json().id);
    expect(creation!.details).toMatchObject({ notDuplicateOf: [firstId] });
  });

  it('does not flag the same name in another village', async () => {
    await registerWoman(platform, bidan, { name: 'Ibu Nama Sama', birthDate: '1997-02-02' });
    expect(await registerWoman(platform, bidan, { name: 'Ibu Nama Sama', birthDate: '1997-02-02', village: JAMBEWANGI })).toBeTruthy();
  });

  it('shows the kader a possible duplicate in her village and lets the midwife merge the report', async () => {
    const registered = await registration(platform, { name: 'Ibu Sudah Terdaftar', birthDate: '1993-03-03' });
    const targetId = (await bidan.post('/api/sakina/pregnancies', registered)).json().id;
    const report = await kader.post('/api/sakina/reports', { name: 'Ibu Sudah Terdaftar', villageId: await placeId(platform, SEMPU), nik: registered.nik, phone: '0812 9999 0000' });
    expect(report.json()).toMatchObject({ status: 'reported', possibleDuplicates: 1 });
    const reportId = report.json().id;

    const confirm = await bidan.post(`/api/sakina/pregnancies/${reportId}/confirm`, registered);
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().duplicates[0]).toMatchObject({ id: targetId, sameNik: true });

    const merged = await bidan.post(`/api/sakina/pregnancies/${reportId}/merge`, { into: targetId });
    expect(merged.json()).toMatchObject({ status: 'merged', into: targetId });
    expect((await bidan.get(`/api/sakina/pregnancies/${reportId}`)).json()).toMatchObject({ status: 'merged', report: { mergedInto: targetId } });
    // Nothing the register held was overwritten.
    expect((await bidan.get(`/api/sakina/pregnancies/${targetId}`)).json().phone).toBe('+6281234561234');
    expect((await auditRows(platform, reportId)).map((r) => r.action)).toContain('merge');
  });

  it('a kader cannot confirm, and sees nothing of other villages', async () => {
    const id = await registerWoman(platform, bidan, { village: JAMBEWANGI });
    expect((await kader.get(`/api/sakina/pregnancies/${id}`)).statusCode).toBe(404);
    const own = (await kader.post('/api/sakina/reports', { name: 'Ibu Kader', villageId: await placeId(platform, SEMPU) })).json().id;
    expect((await kader.post(`/api/sakina/pregnancies/${own}/confirm`, await registration(platform))).statusCode).toBe(403);
  });
});

describe('the side-by-side check before saving', () => {
  it('lists possible duplicates for the midwife without saving anything, and refuses the kader', async () => {
    const body = await registration(platform, { name: 'Ibu Cek Ganda', birthDate: '1991-01-11' });
    const id = (await bidan.post('/api/sakina/pregnancies', body)).json().id;
    const res = await bidan.post('/api/sakina/duplicates', { nik: body.nik, name: 'ibu cek ganda', villageId: body.villageId });
    expect(res.json().items).toEqual([expect.objectContaining({ id, name: 'Ibu Cek Ganda', sameNik: true })]);
    expect((await bidan.post('/api/sakina/duplicates', { name: 'Ibu Cek Ganda', villageId: body.villageId, excludeId: id })).json().items).toEqual([]);
    expect((await kader.post('/api/sakina/duplicates', { name: 'Ibu Cek Ganda', villageId: body.villageId })).statusCode).toBe(403);
    expect((await auditRows(platform, id)).at(-1)).toMatchObject({ action: 'read', details: { view: 'duplicates' } });
  });
});

describe('corrections', () => {
  it('lets the midwife correct the HPHT (the due date follows) and the phone, audited with the fields changed', async () => {
    const id = await registerWoman(platform, bidan, { name: 'Ibu Koreksi', gaDays: 100 });
    const res = await bidan.patch(`/api/sakina/pregnancies/${id}`, { hpht: daysAgo(platform, 90), phone: '0813 1111 2222' });
    expect(res.statusCode, res.body).toBe(200);
    const record = (await bidan.get(`/api/sakina/pregnancies/${id}`)).json();
    expect(record).toMatchObject({ hpht: daysAgo(platform, 90), dueDate: daysAgo(platform, 90 - 280), phone: '+6281311112222' });
    const rows = await auditRows(platform, id);
    expect(rows.find((r) => r.action === 'update')!.details).toMatchObject({ fields: ['phone', 'hpht', 'hpl'] });
    expect((await kader.patch(`/api/sakina/pregnancies/${id}`, { phone: '0813 1111 3333' })).statusCode).toBe(403);
    expect((await bidan.patch(`/api/sakina/pregnancies/${id}`, { phone: '12' })).statusCode).toBe(400);
  });
});

describe('the register list', () => {
  it('lists her area for the midwife, reports first, each row an audited read', async () => {
    const items = (await bidan.get('/api/sakina/pregnancies')).json().items as { id: string; status: string; village: { code: string } }[];
    expect(items.length).toBeGreaterThan(5);
    expect(items[0]!.status).toBe('reported');
    expect(new Set(items.map((i) => i.village.code.slice(0, 8)))).toEqual(new Set(['35.10.20']));
    const rows = await auditRows(platform, items[0]!.id);
    expect(rows.at(-1)).toMatchObject({ action: 'read', actorRole: 'midwife', details: { view: 'list' } });
  });

  it('refuses the leader (figures only) and the anonymous', async () => {
    expect((await (await platform.as('pimpinan')).get('/api/sakina/pregnancies')).statusCode).toBe(403);
    expect((await platform.anonymous.get('/api/sakina/pregnancies')).statusCode).toBe(401);
  });

  it('filters by due date', async () => {
    await registerWoman(platform, bidan, { name: 'Ibu Hampir Lahir', gaDays: 275 });
    const items = (await bidan.get('/api/sakina/pregnancies?dueWithinDays=7&status=active')).json().items as { name: string; dueDate: string }[];
    expect(items.map((i) => i.name)).toContain('Ibu Hampir Lahir');
    for (const i of items) expect(i.dueDate <= daysAgo(platform, -7)).toBe(true);
    expect(nik('1990-01-01', 1)).toHaveLength(16);
  });
});

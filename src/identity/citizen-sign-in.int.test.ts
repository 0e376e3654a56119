import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, latestCode, type TestPlatform } from '../../tests/support/app.ts';
import { listMessages } from '../notifications/repository.ts';
import { DEMO_CITIZEN } from '../seed/demo.ts';
import { buildNik } from './nik.ts';
import * as repo from './repository.ts';
import { oneTimeCodes, users } from './schema.ts';

const MINUTE = 60_000;
const STRANGER_PHONE = '+6281398765432';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform.close());

let serial = 100;
/** A valid NIK of Kecamatan Sempu that no account holds yet. */
function freshNik(): string {
  return buildNik({ kecamatanCode6: '351020', birthDate: '1990-05-17', sex: 'M', serial: serial++ });
}

function requestCode(nik: string, phone: string, headers: Record<string, string> = {}) {
  return platform.app.inject({ method: 'POST', url: '/api/auth/citizen/request-code', payload: { nik, phone }, headers });
}

function verify(nik: string, phone: string, code: string) {
  return platform.app.inject({ method: 'POST', url: '/api/auth/citizen/verify', payload: { nik, phone, code } });
}

async function messagesTo(phone: string) {
  return listMessages(platform.ctx.db, platform.ctx.regencyCode, 500, phone);
}

async function codeRows(nik: string) {
  return platform.ctx.db.select().from(oneTimeCodes).where(and(eq(oneTimeCodes.regencyCode, '35.10'), eq(oneTimeCodes.nik, nik))).orderBy(desc(oneTimeCodes.createdAt));
}

function otherCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

describe('citizen sign-in with a one-time code', () => {
  it('sends the code by SMS through the outbox, in Indonesian, and the code signs the citizen in', async () => {
    const before = (await messagesTo(DEMO_CITIZEN.phone)).length;
    const sent = await requestCode(DEMO_CITIZEN.nik, '0812-3456-7890');
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toMatchObject({ sent: true, maskedPhone: '+62 812-••••-7890' });

    const messages = await messagesTo(DEMO_CITIZEN.phone);
    expect(messages).toHaveLength(before + 1);
    const [message] = messages;
    const [codeRow] = await codeRows(DEMO_CITIZEN.nik);
    expect(message).toMatchObject({ channel: 'sms', recipient: '+6281234567890', template: 'otp.citizen_login', locale: 'id', status: 'pending', dedupeKey: `otp:${codeRow!.id}` });
    expect(message!.body).toMatch(/^Kode masuk satupintu Anda: \d{6}\. Berlaku 5 menit\./);
    // Only the hash is stored with the code.
    const code = message!.body.match(/\d{6}/)![0];
    expect(codeRow!.codeHash).not.toContain(code);

    const signedIn = await verify(DEMO_CITIZEN.nik, DEMO_CITIZEN.phone, code);
    expect(signedIn.statusCode).toBe(200);
    expect(String(signedIn.headers['set-cookie'])).toMatch(/HttpOnly/i);
    const cookie = `sp_session=${signedIn.cookies.find((c) => c.name === 'sp_session')!.value}`;
    const session = await platform.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(session.json().user).toMatchObject({ role: 'citizen', displayName: DEMO_CITIZEN.displayName });
  });

  it('writes the SMS in English for a citizen using the app in English', async () => {
    const sent = await requestCode(DEMO_CITIZEN.nik, DEMO_CITIZEN.phone, { 'accept-language': 'en-US,en;q=0.9' });
    expect(sent.statusCode).toBe(202);
    expect(sent.json().message).toBe('If the data match, a 6-digit code is on its way to +62 812-••••-7890.');
    const [message] = await messagesTo(DEMO_CITIZEN.phone);
    expect(message!.locale).toBe('en');
    expect(message!.body).toMatch(/^Your satupintu sign-in code: \d{6}\. Valid for 5 minutes\./);
  });

  it('counts wrong codes, and after 5 the code is dead even when typed right', async () => {
    const nik = freshNik();
    expect((await requestCode(nik, DEMO_CITIZEN.phone)).statusCode).toBe(202);
    const code = await latestCode(platform.ctx, DEMO_CITIZEN.phone);
    for (let i = 1; i <= 5; i++) {
      const miss = await verify(nik, DEMO_CITIZEN.phone, otherCode(code));
      expect(miss.statusCode).toBe(401);
      expect(miss.json().code).toBe('invalid_otp');
      expect((await codeRows(nik))[0]!.attempts).toBe(i);
    }
    const late = await verify(nik, DEMO_CITIZEN.phone, code);
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('invalid_otp');
    expect(await repo.findUserByNik(platform.ctx.db, '35.10', nik)).toBeNull();

    // A new code is the way back in.
    platform.clock.advance(MINUTE);
    await requestCode(nik, DEMO_CITIZEN.phone);
    expect((await verify(nik, DEMO_CITIZEN.phone, await latestCode(platform.ctx, DEMO_CITIZEN.phone))).statusCode).toBe(200);
  });

  it('takes the newest code when two were asked for at the same instant', async () => {
    const nik = freshNik();
    await requestCode(nik, DEMO_CITIZEN.phone);
    await requestCode(nik, DEMO_CITIZEN.phone);
    const res = await verify(nik, DEMO_CITIZEN.phone, await latestCode(platform.ctx, DEMO_CITIZEN.phone));
    expect(res.statusCode).toBe(200);
  });

  it('refuses a code after its 5 minutes', async () => {
    const nik = freshNik();
    await requestCode(nik, DEMO_CITIZEN.phone);
    const code = await latestCode(platform.ctx, DEMO_CITIZEN.phone);
    platform.clock.advance(6 * MINUTE);
    const res = await verify(nik, DEMO_CITIZEN.phone, code);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'invalid_otp', detail: 'Kode sekali pakai salah atau sudah kedaluwarsa.' });
  });

  it('accepts a code once only', async () => {
    const nik = freshNik();
    await requestCode(nik, DEMO_CITIZEN.phone);
    const code = await latestCode(platform.ctx, DEMO_CITIZEN.phone);
    expect((await verify(nik, DEMO_CITIZEN.phone, code)).statusCode).toBe(200);
    const replay = await verify(nik, DEMO_CITIZEN.phone, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.headers['set-cookie']).toBeUndefined();
  });

  it('creates a citizen account on the first verified sign-in of a new NIK, and reuses it after', async () => {
    const nik = freshNik();
    await requestCode(nik, '081311112222');
    expect(await repo.findUserByNik(platform.ctx.db, '35.10', nik)).toBeNull(); // asking for a code creates nothing
    const first = await verify(nik, '081311112222', await latestCode(platform.ctx, '+6281311112222'));
    expect(first.statusCode).toBe(200);
    expect(first.json().user.role).toBe('citizen');
    const created = await repo.findUserByNik(platform.ctx.db, '35.10', nik);
    expect(created).toMatchObject({ role: 'citizen', nik, phone: '+6281311112222', active: true, username: null, passwordHash: null });

    await requestCode(nik, '081311112222');
    const second = await verify(nik, '081311112222', await latestCode(platform.ctx, '+6281311112222'));
    expect(second.json().user.id).toBe(created!.id);
    expect((await platform.ctx.db.select().from(users).where(eq(users.nik, nik))).length).toBe(1);
  });

  it('does not sign in a deactivated citizen', async () => {
    const nik = freshNik();
    await platform.asCitizen(nik, '081322223333');
    await platform.ctx.db.update(users).set({ active: false }).where(eq(users.nik, nik));
    await requestCode(nik, '081322223333');
    const res = await verify(nik, '081322223333', await latestCode(platform.ctx, '+6281322223333'));
    expect(res.statusCode).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('no NIK enumeration', () => {
  it('answers a known NIK with another phone, an unknown NIK and the right pair identically; the stranger gets no code', async () => {
    // A second citizen whose phone is the stranger's, so all three requests carry the same phone.
    const neighbour = freshNik();
    await platform.asCitizen(neighbour, STRANGER_PHONE);
    const strangerInbox = (await messagesTo(STRANGER_PHONE)).length;

    const knownOtherPhone = await requestCode(DEMO_CITIZEN.nik, STRANGER_PHONE);
    expect(await messagesTo(STRANGER_PHONE)).toHaveLength(strangerInbox); // nothing for the stranger
    const unknownNik = await requestCode(freshNik(), STRANGER_PHONE);
    const rightPair = await requestCode(neighbour, STRANGER_PHONE);
    expect(await messagesTo(STRANGER_PHONE)).toHaveLength(strangerInbox + 2);

    for (const res of [knownOtherPhone, unknownNik, rightPair]) {
      expect(res.statusCode).toBe(202);
      expect(res.headers['content-type']).toBe(rightPair.headers['content-type']);
      expect(res.body).toBe(rightPair.body);
    }
  });

  it('gives the stranger no way in with the known NIK: whatever code they type is wrong', async () => {
    await requestCode(DEMO_CITIZEN.nik, '081344445555');
    for (const guess of ['000000', '123456', '999999']) expect((await verify(DEMO_CITIZEN.nik, '081344445555', guess)).statusCode).toBe(401);
  });

  it('sends no code to any phone for a NIK on file without a phone', async () => {
    const nik = freshNik();
    await repo.insertUser(platform.ctx.db, { regencyCode: '35.10', role: 'citizen', nik, displayName: 'Warga tanpa HP' });
    const res = await requestCode(nik, '081355556666');
    expect(res.statusCode).toBe(202);
    expect(res.body).toBe((await requestCode(freshNik(), '081355556666')).body);
    expect((await messagesTo('+6281355556666')).map((m) => m.template)).toEqual(['otp.citizen_login']); // the unknown NIK's only
  });

  it('reaches the hourly limit the same way for a known and an unknown NIK, and the owner keeps theirs', async () => {
    const unknown = freshNik();
    const known = [];
    const fresh = [];
    for (let i = 0; i < 6; i++) {
      known.push(await requestCode(DEMO_CITIZEN.nik, '081366667777'));
      fresh.push(await requestCode(unknown, '081366667777'));
    }
    expect(known.map((r) => r.statusCode)).toEqual([202, 202, 202, 202, 202, 429]);
    expect(fresh.map((r) => r.statusCode)).toEqual(known.map((r) => r.statusCode));
    expect(known[5]!.body).toBe(fresh[5]!.body);
    // The stranger used up their own allowance, not the citizen's.
    expect((await requestCode(DEMO_CITIZEN.nik, DEMO_CITIZEN.phone)).statusCode).toBe(202);
  });
});

describe('request-code input', () => {
  it.each([
    ['3510205203940', 'NIK harus 16 angka, yang diisi 13 angka', 'NIK must be 16 digits; 13 were entered'],
    ['9999995203940001', 'Kode kecamatan 999999 tidak ada dalam daftar wilayah resmi', 'Kecamatan code 999999 is not in the official region list'],
    ['3510203213940001', 'Digit ke-7 sampai ke-12 NIK bukan tanggal lahir yang valid (untuk perempuan, tanggal ditambah 40)', 'Digits 7–12 of the NIK are not a valid date of birth (for women, 40 is added to the day)'],
    ['3510205203940000', 'Empat digit terakhir NIK tidak boleh 0000', 'The last four digits of a NIK cannot be 0000'],
    ['35102052O3940001', 'NIK hanya boleh berisi angka (spasi, titik, dan tanda hubung boleh)', 'NIK may contain digits only (spaces, dots and dashes are allowed)'],
  ])('names the field nik with the specific reason for %s', async (nik, id, en) => {
    const res = await requestCode(nik, DEMO_CITIZEN.phone);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'nik', message: id }] });
    const resEn = await requestCode(nik, DEMO_CITIZEN.phone, { 'accept-language': 'en' });
    expect(resEn.json().errors).toEqual([{ field: 'nik', message: en }]);
  });

  it.each([['0333 424242'], ['12345'], ['+1 415 555 2671']])('names the field phone for %s (not an Indonesian mobile)', async (phone) => {
    const res = await requestCode(DEMO_CITIZEN.nik, phone);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'phone', message: 'Nomor HP Indonesia tidak valid (contoh: 0812 3456 7890).' }]);
  });

  it('names both fields when both are wrong', async () => {
    const res = await requestCode('123', '123');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['nik', 'phone']);
  });

  it('sends nothing for a refused request', async () => {
    const before = (await messagesTo(DEMO_CITIZEN.phone)).length;
    await requestCode('3510205203940000', DEMO_CITIZEN.phone);
    expect(await messagesTo(DEMO_CITIZEN.phone)).toHaveLength(before);
  });

  it('allows 5 codes an hour per NIK and phone, then 429; an hour later again', async () => {
    const nik = freshNik();
    for (let i = 0; i < 5; i++) expect((await requestCode(nik, '081377778888')).statusCode).toBe(202);
    const limited = await requestCode(nik, '081377778888');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(await messagesTo('+6281377778888')).toHaveLength(5);

    platform.clock.advance(61 * MINUTE);
    expect((await requestCode(nik, '081377778888')).statusCode).toBe(202);
  });
});

/** Test helpers for SAKINA's integration tests: a seeded platform and factories for women and visits. */
import { and, asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { addDays, wibDateOf } from '../catalogue/calendar/local-date.ts';
import { auditLog } from '../audit/schema.ts';
import { buildNik } from '../identity/nik.ts';
import * as identity from '../identity/repository.ts';
import { outbox } from '../notifications/schema.ts';
import { seedSakina } from './seed.ts';

export const SEMPU = '35.10.20.2001';
export const JAMBEWANGI = '35.10.20.2002';
export const KARANGSARI = '35.10.20.2003';
export const TEMUGURUH = '35.10.20.2004';
export const GENTENG_KULON = '35.10.09.2003';

/** The platform with SAKINA's areas and laskar accounts, and an empty register. */
export async function sakinaPlatform(options: { start?: Date; demoRecords?: boolean; history?: boolean } = {}): Promise<TestPlatform> {
  const platform = await createTestPlatform({ start: options.start });
  await seedSakina(platform.ctx.db, platform.ctx.regencyCode, { demo: true, demoRecords: options.demoRecords ?? false, history: options.history ?? false, today: wibDateOf(platform.clock.now) });
  return platform;
}

export const today = (platform: TestPlatform) => wibDateOf(platform.clock.now);
export const daysAgo = (platform: TestPlatform, n: number) => addDays(today(platform), -n);

export async function placeId(platform: TestPlatform, code: string, kind: 'village' | 'puskesmas' = 'village'): Promise<string> {
  const place = await identity.findPlaceByCode(platform.ctx.db, platform.ctx.regencyCode, kind, code);
  if (!place) throw new Error(`no ${kind} ${code}`);
  return place.id;
}

export async function userId(platform: TestPlatform, username: string): Promise<string> {
  return (await identity.findUserByUsername(platform.ctx.db, platform.ctx.regencyCode, username))!.id;
}

/** A woman's NIK from Kecamatan Sempu. */
export function nik(birthDate: string, serial: number, kecamatan = '351020'): string {
  return buildNik({ kecamatanCode6: kecamatan, birthDate, sex: 'F', serial });
}

let serial = 100;

export type WomanSpec = { village?: string; name?: string; birthDate?: string; nik?: string; gaDays?: number; gravida?: number; para?: number; abortus?: number; heightCm?: number; notDuplicateOf?: string[] };

/** A registration body for the midwife's form. */
export async function registration(platform: TestPlatform, spec: WomanSpec = {}) {
  const birthDate = spec.birthDate ?? '1996-04-10';
  return {
    name: spec.name ?? `Ibu Uji ${serial}`,
    nik: spec.nik ?? nik(birthDate, ++serial),
    villageId: await placeId(platform, spec.village ?? SEMPU),
    dusun: 'Krajan',
    rt: '2',
    rw: '1',
    phone: '0812 3456 1234',
    hpht: daysAgo(platform, spec.gaDays ?? 100),
    gravida: spec.gravida ?? 2,
    para: spec.para ?? 1,
    abortus: spec.abortus ?? 0,
    heightCm: spec.heightCm ?? 155,
    familyName: 'Suami Uji',
    familyRelation: 'suami',
    familyPhone: '0813 3333 4444',
    notDuplicateOf: spec.notDuplicateOf ?? [],
  };
}

export async function registerWoman(platform: TestPlatform, midwife: Session, spec: WomanSpec = {}): Promise<string> {
  const res = await midwife.post('/api/sakina/pregnancies', await registration(platform, spec));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

export async function recordVisit(platform: TestPlatform, midwife: Session, id: string, visit: { daysAgo?: number; factors?: string[]; examiner?: 'midwife' | 'doctor'; hb?: number } = {}) {
  const res = await midwife.post(`/api/sakina/pregnancies/${id}/visits`, {
    visitDate: daysAgo(platform, visit.daysAgo ?? 0),
    place: 'Polindes Sempu',
    examiner: visit.examiner ?? 'midwife',
    weightKg: 60,
    bpSystolic: 120,
    bpDiastolic: 80,
    hb: visit.hb ?? 11.5,
    factors: visit.factors ?? [],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A woman scored KRST (previous caesarean + breech: 2 + 8 + 8 = 18). */
export async function krstWoman(platform: TestPlatform, midwife: Session, spec: WomanSpec = {}): Promise<string> {
  const id = await registerWoman(platform, midwife, { gaDays: 230, ...spec });
  await recordVisit(platform, midwife, id, { factors: ['previous_caesarean', 'breech'], examiner: 'doctor' });
  return id;
}

export const DONORS = [
  { name: 'Kusnadi', bloodType: 'O+', phone: '081234560001' },
  { name: 'Sumiati', bloodType: 'O', phone: '081234560002' },
  { name: 'Joko', bloodType: 'O+', phone: '081234560003' },
  { name: 'Wiwik', bloodType: 'O rh+', phone: '081234560004' },
];

export const HOSPITAL_PLAN = {
  attendant: 'obstetrician',
  attendantName: 'dr. Hendra, Sp.OG',
  place: 'hospital',
  placeName: 'RSUD Genteng',
  companionName: 'Suparno',
  companionRelation: 'suami',
  transport: 'village_ambulance',
  transportDetail: 'Ambulans Desa Sempu',
  transportPhone: '081234569999',
  donors: DONORS,
  funding: ['bpjs'],
  bpjsNumber: '0001234567890',
  contraception: 'iud',
  motherBloodType: 'O+',
};

export async function auditRows(platform: TestPlatform, entityId: string) {
  return platform.ctx.db.select().from(auditLog).where(and(eq(auditLog.regencyCode, platform.ctx.regencyCode), eq(auditLog.entityId, entityId))).orderBy(asc(auditLog.seq));
}

export async function messagesTo(platform: TestPlatform, phone: string) {
  return platform.ctx.db.select().from(outbox).where(and(eq(outbox.regencyCode, platform.ctx.regencyCode), eq(outbox.recipient, phone))).orderBy(asc(outbox.createdAt));
}

export const PHONES = {
  bidan: '+6281230000101',
  kader: '+6281230000102',
  polisi: '+6281230000103',
  polisi2: '+6281230000104',
  bidanGenteng: '+6281230000105',
  kaderJambewangi: '+6281230000106',
};

/**
 * SAKINA's demo and reference data, on first start: which villages each puskesmas serves, the
 * second police officer (the backup) and a midwife of another puskesmas, phone numbers for the
 * laskar so alerts reach the outbox, the year's village targets, and a handful of pregnant women
 * in Kecamatan Sempu at every stage (reported, low risk, high risk, very high risk near her due
 * date, a missed visit, delivered) so every screen has something real to show.
 * A second start finds the puskesmas areas and stops.
 */
import { and, eq, like } from 'drizzle-orm';
import { addDays, wibDateOf, type LocalDate } from '../catalogue/calendar/local-date.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { buildNik } from '../identity/nik.ts';
import * as identity from '../identity/repository.ts';
import { places, users } from '../identity/schema.ts';
import { hashPassword } from '../identity/secrets.ts';
import { DEMO_PASSWORD } from '../seed/demo.ts';
import { activeFactors, fillCard, scoreKspr, type KsprFactor } from './kspr.ts';
import { dueDateOf, ksprColumnOfDays } from './pregnancy.ts';
import * as repo from './repository.ts';
import { seedHistory } from './seed-history.ts';

/** Puskesmas and the kecamatan whose villages they serve (the model regency's). */
const PUSKESMAS: { code: string; name: string; district: string }[] = [
  { code: 'pkm-sempu', name: 'Puskesmas Sempu', district: '35.10.20' },
  { code: 'pkm-genteng-kulon', name: 'Puskesmas Genteng Kulon', district: '35.10.09' },
  { code: 'pkm-srono', name: 'Puskesmas Srono', district: '35.10.08' },
];

type Account = { username: string; role: 'midwife' | 'village_official' | 'police_officer'; displayName: string; phone: string; places: { kind: 'puskesmas' | 'village' | 'police_post'; code: string }[] };

/** SAKINA's extra demo accounts (password as the others'). */
export const SAKINA_ACCOUNTS: Account[] = [
  {
    username: 'polisi2.sempu',
    role: 'police_officer',
    displayName: 'Brigpol Dedi Kurniawan (Bhabinkamtibmas cadangan)',
    phone: '+6281230000104',
    places: [
      { kind: 'police_post', code: 'polsek-sempu' },
      { kind: 'village', code: '35.10.20.2001' },
      { kind: 'village', code: '35.10.20.2002' },
      { kind: 'village', code: '35.10.20.2003' },
    ],
  },
  { username: 'bidan.genteng', role: 'midwife', displayName: 'Bidan Yuniarti (Puskesmas Genteng Kulon)', phone: '+6281230000105', places: [{ kind: 'puskesmas', code: 'pkm-genteng-kulon' }] },
  { username: 'kader.jambewangi', role: 'village_official', displayName: 'Kader Posyandu Jambewangi', phone: '+6281230000106', places: [{ kind: 'village', code: '35.10.20.2002' }] },
];

/** Phones for the foundation's SAKINA accounts, so their alerts have somewhere to go. */
const PHONES: Record<string, string> = {
  'bidan.sempu': '+6281230000101',
  'kader.sempu': '+6281230000102',
  'polisi.sempu': '+6281230000103',
};

/** Yearly targets (sasaran ibu hamil) of Kecamatan Sempu's villages. */
const TARGETS: Record<string, number> = {
  '35.10.20.2001': 96,
  '35.10.20.2002': 74,
  '35.10.20.2003': 58,
  '35.10.20.2004': 81,
  '35.10.20.2005': 63,
  '35.10.20.2006': 52,
  '35.10.20.2007': 47,
};

export type SeedSakinaOptions = {
  /** Extra accounts, phones and the demo women (SEED_DEMO). */
  demo?: boolean;
  /** The demo women; off in tests that want an empty register. */
  demoRecords?: boolean;
  /** A year of synthetic pregnancies in Kecamatan Sempu behind the named ones (the figures' body); defaults to demoRecords. */
  history?: boolean;
  /** The WIB day the demo women's dates are counted from. */
  today?: LocalDate;
};

export async function seedSakina(db: Db, regencyCode: string, options: SeedSakinaOptions = {}): Promise<boolean> {
  if ((await repo.countPuskesmasVillages(db, regencyCode)) > 0) return false;
  const today = options.today ?? wibDateOf(new Date());
  const demo = options.demo ?? true;
  const passwordHash = demo ? await hashPassword(DEMO_PASSWORD) : null;
  await db.transaction(async (tx) => {
    for (const pkm of PUSKESMAS) {
      const [district] = await tx.select().from(places).where(and(eq(places.regencyCode, regencyCode), eq(places.kind, 'village'), like(places.code, `${pkm.district}.%`))).limit(1);
      if (!district) continue; // another regency: its puskesmas areas are loaded by its admin
      const place = await identity.upsertPlace(tx, { regencyCode, kind: 'puskesmas', code: pkm.code, name: pkm.name, regionCode: pkm.district });
      const villages = await tx.select({ id: places.id }).from(places).where(and(eq(places.regencyCode, regencyCode), eq(places.kind, 'village'), like(places.code, `${pkm.district}.%`)));
      await repo.insertPuskesmasVillages(tx, villages.map((v) => ({ regencyCode, villageId: v.id, puskesmasId: place.id })));
    }
    if (!demo || !(await identity.findUserByUsername(tx, regencyCode, 'bidan.sempu'))) return;

    for (const [username, phone] of Object.entries(PHONES)) {
      const user = await identity.findUserByUsername(tx, regencyCode, username);
      if (user && !user.phone) await identity.updateUser(tx, regencyCode, user.id, { phone });
    }
    for (const account of SAKINA_ACCOUNTS) {
      if (await identity.findUserByUsername(tx, regencyCode, account.username)) continue;
      const user = await identity.insertUser(tx, { regencyCode, role: account.role, username: account.username, passwordHash, displayName: account.displayName, phone: account.phone });
      const ids: string[] = [];
      for (const ref of account.places) {
        const place = await identity.findPlaceByCode(tx, regencyCode, ref.kind, ref.code);
        if (place) ids.push(place.id);
      }
      await identity.setUserPlaces(tx, regencyCode, user.id, ids);
    }
    const year = Number(today.slice(0, 4));
    for (const [code, target] of Object.entries(TARGETS)) {
      const village = await identity.findPlaceByCode(tx, regencyCode, 'village', code);
      if (village) await repo.upsertTarget(tx, { regencyCode, year, villageId: village.id, pregnantWomen: target });
    }
    if (options.demoRecords ?? true) await seedWomen(tx, regencyCode, today);
    if (options.history ?? options.demoRecords ?? true) await seedYear(tx, regencyCode, today);
  });
  return true;
}

type Visit = { atDays: number; examiner?: 'midwife' | 'doctor'; factors?: KsprFactor[]; hb?: number; bp?: [number, number]; weight?: number };
type Woman = {
  name: string;
  birthDate: string;
  serial: number;
  village: string;
  dusun: string;
  rt: string;
  rw: string;
  phone: string;
  family: [string, string, string];
  /** Days pregnant today (negative: delivered that many days after HPHT — see `delivered`). */
  gaToday: number;
  obstetric: { gravida: number; para: number; abortus: number; heightCm: number; previousCaesarean?: boolean };
  visits: Visit[];
  reportedByKader?: boolean;
  reportedOnly?: boolean;
  plan?: boolean;
  delivered?: { daysAgo: number; placeKind: 'hospital' | 'puskesmas' | 'midwife_practice' | 'home'; placeName: string; attendant: 'obstetrician' | 'midwife'; mode: 'spontaneous' | 'caesarean'; sex: 'F' | 'M'; weight: number };
  escortArrivedDaysAgo?: number;
  /** An open home visit for the village's kader, due in this many days. */
  homeVisitInDays?: number;
};

const WOMEN: Woman[] = [
  {
    name: 'Sri Wahyuni',
    birthDate: '1989-02-14',
    serial: 3,
    village: '35.10.20.2001',
    dusun: 'Krajan',
    rt: '002',
    rw: '001',
    phone: '+6281233401001',
    family: ['Suparno', 'suami', '+6281233401002'],
    gaToday: 245,
    obstetric: { gravida: 4, para: 3, abortus: 0, heightCm: 152 },
    visits: [
      { atDays: 70, examiner: 'doctor', factors: ['older_age'], hb: 11.8, bp: [110, 70], weight: 58 },
      { atDays: 126, hb: 11.2, bp: [115, 75], weight: 61 },
      { atDays: 161, factors: ['anaemia'], hb: 9.6, bp: [110, 70], weight: 63 },
      { atDays: 210, examiner: 'doctor', hb: 10.4, bp: [120, 80], weight: 66 },
      { atDays: 238, hb: 10.9, bp: [120, 80], weight: 67 },
    ],
    reportedByKader: true,
    plan: true,
    homeVisitInDays: 2,
  },
  {
    name: 'Dewi Kartika Sari',
    birthDate: '2003-07-21',
    serial: 4,
    village: '35.10.20.2001',
    dusun: 'Sumberrejo',
    rt: '004',
    rw: '002',
    phone: '+6281233401011',
    family: ['Agus Salim', 'suami', '+6281233401012'],
    gaToday: 120,
    obstetric: { gravida: 1, para: 0, abortus: 0, heightCm: 156 },
    visits: [{ atDays: 63, examiner: 'doctor', hb: 12.1, bp: [110, 70], weight: 50 }, { atDays: 105, hb: 12.0, bp: [110, 70], weight: 52 }],
  },
  {
    name: 'Nur Hidayah',
    birthDate: '1995-11-03',
    serial: 5,
    village: '35.10.20.2002',
    dusun: 'Jambewangi Krajan',
    rt: '001',
    rw: '003',
    phone: '+6281233401021',
    family: ['Mohammad Rofiq', 'suami', '+6281233401022'],
    gaToday: 270,
    obstetric: { gravida: 3, para: 2, abortus: 0, heightCm: 150, previousCaesarean: true },
    visits: [{ atDays: 77, examiner: 'doctor', factors: ['previous_caesarean'], hb: 11.5, bp: [110, 70] }, { atDays: 133, hb: 11.6 }, { atDays: 160, hb: 11.4 }, { atDays: 196, examiner: 'doctor', factors: ['breech'], hb: 11.0 }, { atDays: 238, hb: 11.2 }, { atDays: 259, examiner: 'doctor' }],
    plan: true,
  },
  {
    name: 'Yuli Astuti',
    birthDate: '1993-05-30',
    serial: 6,
    village: '35.10.20.2004',
    dusun: 'Temuguruh Lor',
    rt: '003',
    rw: '001',
    phone: '+6281233401031',
    family: ['Slamet Riyadi', 'suami', '+6281233401032'],
    gaToday: 175,
    obstetric: { gravida: 2, para: 1, abortus: 0, heightCm: 144 },
    visits: [{ atDays: 80, examiner: 'doctor', factors: ['short_stature'], hb: 12.0 }, { atDays: 112, hb: 11.7 }],
  },
  {
    name: 'Rina Marlina',
    birthDate: '1991-09-09',
    serial: 7,
    village: '35.10.20.2003',
    dusun: 'Karangsari',
    rt: '002',
    rw: '002',
    phone: '+6281233401041',
    family: ['Hadi Purnomo', 'suami', '+6281233401042'],
    gaToday: 300,
    obstetric: { gravida: 2, para: 1, abortus: 0, heightCm: 145 },
    visits: [{ atDays: 60, examiner: 'doctor', factors: ['short_stature'] }, { atDays: 110 }, { atDays: 150 }, { atDays: 190, examiner: 'doctor' }, { atDays: 230 }, { atDays: 255 }],
    plan: true,
    delivered: { daysAgo: 20, placeKind: 'puskesmas', placeName: 'Puskesmas Sempu (PONED)', attendant: 'midwife', mode: 'spontaneous', sex: 'F', weight: 2900 },
    escortArrivedDaysAgo: 20,
  },
  {
    name: 'Lestari',
    birthDate: '1998-01-17',
    serial: 8,
    village: '35.10.20.2001',
    dusun: 'Krajan',
    rt: '005',
    rw: '001',
    phone: '+6281233401051',
    family: ['Bambang', 'suami', '+6281233401052'],
    gaToday: 56,
    obstetric: { gravida: 2, para: 1, abortus: 0, heightCm: 155 },
    visits: [],
    reportedByKader: true,
    reportedOnly: true,
  },
  {
    name: 'Siti Maemunah',
    birthDate: '1987-04-25',
    serial: 9,
    village: '35.10.20.2005',
    dusun: 'Gendoh',
    rt: '001',
    rw: '001',
    phone: '+6281233401061',
    family: ['Sugeng', 'suami', '+6281233401062'],
    gaToday: 300,
    obstetric: { gravida: 5, para: 4, abortus: 0, heightCm: 151 },
    visits: [{ atDays: 84, examiner: 'doctor', factors: ['grand_multipara', 'older_age'] }, { atDays: 120 }, { atDays: 160 }, { atDays: 200, examiner: 'doctor' }, { atDays: 230 }, { atDays: 250 }],
    reportedByKader: true,
    plan: true,
    delivered: { daysAgo: 45, placeKind: 'hospital', placeName: 'RSUD Genteng', attendant: 'obstetrician', mode: 'caesarean', sex: 'M', weight: 3300 },
    escortArrivedDaysAgo: 45,
  },
];

async function seedYear(tx: DbOrTx, regencyCode: string, today: LocalDate): Promise<void> {
  const user = async (username: string) => (await identity.findUserByUsername(tx, regencyCode, username))?.id ?? null;
  const [midwifeId, kaderId, policeId] = [await user('bidan.sempu'), await user('kader.sempu'), await user('polisi.sempu')];
  const pkm = await identity.findPlaceByCode(tx, regencyCode, 'puskesmas', 'pkm-sempu');
  if (!midwifeId || !kaderId || !pkm) return;
  const villages = [];
  for (const [code, weight] of Object.entries(TARGETS)) {
    const place = await identity.findPlaceByCode(tx, regencyCode, 'village', code);
    if (place) villages.push({ id: place.id, code, name: place.name, weight });
  }
  // About three in four of the year's target registered, as a working puskesmas shows by November.
  await seedHistory(tx, { regencyCode, today, villages, puskesmasId: pkm.id, midwifeId, kaderId, policeId, count: 360 });
}

async function seedWomen(tx: DbOrTx, regencyCode: string, today: LocalDate): Promise<void> {
  const [bidan] = await tx.select().from(users).where(and(eq(users.regencyCode, regencyCode), eq(users.username, 'bidan.sempu')));
  const [kader] = await tx.select().from(users).where(and(eq(users.regencyCode, regencyCode), eq(users.username, 'kader.sempu')));
  if (!bidan || !kader) return;
  const now = new Date(`${today}T09:00:00+07:00`);
  for (const w of WOMEN) {
    const village = await identity.findPlaceByCode(tx, regencyCode, 'village', w.village);
    const pkm = village ? await repo.findPuskesmasOfVillage(tx, regencyCode, village.id) : null;
    if (!village || !pkm) continue;
    const deliveredOn = w.delivered ? addDays(today, -w.delivered.daysAgo) : null;
    const hpht = w.delivered ? addDays(deliveredOn!, -(w.gaToday - 28)) : addDays(today, -w.gaToday);
    const visits = w.visits.map((v) => ({ ...v, date: addDays(hpht, v.atDays) })).filter((v) => v.date <= today && (!deliveredOn || v.date <= deliveredOn));
    const screenings = visits.map((v) => ({ date: v.date, gaDays: v.atDays, factors: v.factors ?? [] }));
    const card = screenings.length ? scoreKspr(activeFactors(screenings, today, null)) : null;
    const firstHigh = fillCard(screenings).find((e) => e.result.category !== 'KRR');
    const reportedAt = new Date(`${addDays(hpht, Math.max(35, (visits[0]?.atDays ?? 60) - 7))}T10:00:00+07:00`);
    const confirmedAt = visits[0] ? new Date(`${visits[0].date}T11:00:00+07:00`) : null;
    const p = await repo.insertPregnancy(tx, {
      regencyCode,
      status: w.reportedOnly ? 'reported' : deliveredOn ? (today > addDays(deliveredOn, 42) ? 'closed' : 'delivered') : 'active',
      nik: w.reportedOnly ? null : buildNik({ kecamatanCode6: '351020', birthDate: w.birthDate, sex: 'F', serial: w.serial }),
      name: w.name,
      birthDate: w.reportedOnly ? null : w.birthDate,
      villageId: village.id,
      puskesmasId: pkm.id,
      dusun: w.dusun,
      rt: w.rt,
      rw: w.rw,
      phone: w.phone,
      hpht: w.reportedOnly ? null : hpht,
      hpl: w.reportedOnly ? null : dueDateOf(hpht),
      ...(w.reportedOnly ? {} : w.obstetric),
      familyName: w.family[0],
      familyRelation: w.family[1],
      familyPhone: w.family[2],
      reportedVia: w.reportedByKader ? 'community' : 'health_worker',
      reportedBy: w.reportedByKader ? kader.id : bidan.id,
      reportedAt: w.reportedOnly ? new Date(now.getTime() - 2 * 3600_000) : reportedAt,
      reportNote: w.reportedOnly ? 'Sudah telat haid dua bulan, belum periksa ke bidan.' : null,
      confirmedBy: w.reportedOnly ? null : bidan.id,
      confirmedAt: w.reportedOnly ? null : (confirmedAt ?? reportedAt),
      factors: card?.factors ?? [],
      score: card?.score ?? null,
      category: card?.category ?? null,
      emergency: card?.emergency ?? false,
      riskFoundOn: firstHigh?.date ?? null,
      deliveredOn,
      createdAt: reportedAt,
      updatedAt: now,
    });
    let seen: KsprFactor[] = [];
    for (const v of visits) {
      seen = [...new Set([...seen, ...(v.factors ?? [])])];
      const r = scoreKspr(seen);
      await repo.insertVisit(tx, {
        regencyCode,
        pregnancyId: p.id,
        visitDate: v.date,
        gaDays: v.atDays,
        ksprColumn: ksprColumnOfDays(v.atDays),
        place: v.examiner === 'doctor' ? 'Puskesmas Sempu (dokter)' : 'Posyandu / Polindes',
        examiner: v.examiner ?? 'midwife',
        examinerName: v.examiner === 'doctor' ? 'dr. Andi Pratama' : 'Bidan Rina Wulandari',
        weightKg: v.weight ?? null,
        bpSystolic: v.bp?.[0] ?? null,
        bpDiastolic: v.bp?.[1] ?? null,
        hb: v.hb ?? null,
        findings: null,
        factorsFound: v.factors ?? [],
        factorsTotal: r.factors,
        score: r.score,
        category: r.category,
        emergency: r.emergency,
        recordedBy: bidan.id,
        createdAt: new Date(`${v.date}T11:00:00+07:00`),
      });
    }
    if (w.plan) {
      const krst = card?.category === 'KRST';
      await repo.upsertBirthPlan(tx, {
        regencyCode,
        pregnancyId: p.id,
        attendant: krst ? 'obstetrician' : 'midwife',
        attendantName: krst ? 'dr. Hendra Wijaya, Sp.OG' : 'Bidan Rina Wulandari',
        place: krst ? 'hospital' : 'puskesmas',
        placeName: krst ? 'RSUD Genteng' : 'Puskesmas Sempu (PONED)',
        companionName: w.family[0],
        companionRelation: w.family[1],
        transport: 'village_ambulance',
        transportDetail: `Ambulans Desa ${village.name} (Pak Wito)`,
        transportPhone: '+6281233409999',
        donors: [
          { name: 'Kusnadi', bloodType: 'O+', phone: `+62812334${String(w.serial).padStart(2, '0')}901`, relation: 'kakak' },
          { name: 'Sumiati', bloodType: 'O+', phone: `+62812334${String(w.serial).padStart(2, '0')}902`, relation: 'tetangga' },
          { name: 'Joko Susilo', bloodType: 'B+', phone: `+62812334${String(w.serial).padStart(2, '0')}903`, relation: 'adik ipar' },
          { name: 'Wiwik', bloodType: 'O+', phone: `+62812334${String(w.serial).padStart(2, '0')}904`, relation: 'kader' },
        ],
        funding: ['bpjs', 'savings'],
        bpjsNumber: `000${String(1234567000 + w.serial)}`,
        contraception: krst ? 'tubectomy' : 'iud',
        motherBloodType: 'O+',
        updatedBy: bidan.id,
        updatedAt: now,
      });
    }
    if (card && card.category !== 'KRR') {
      const staff = async (placeId: string, role: string) => repo.listStaffAt(tx, regencyCode, placeId, role);
      const officers = await staff(village.id, 'police_officer');
      const kaders = await staff(village.id, 'village_official');
      const team: [('midwife' | 'village_official' | 'police' | 'police_backup'), string | undefined][] = [
        ['midwife', bidan.id],
        ['village_official', kaders[0]?.id],
        ['police', officers[0]?.id],
        ['police_backup', officers[1]?.id],
      ];
      for (const [duty, userId] of team) if (userId) await repo.setTeamMember(tx, { regencyCode, pregnancyId: p.id, duty, userId, assignedAt: reportedAt });
      if (w.homeVisitInDays !== undefined && kaders[0]) {
        await repo.insertTask(tx, { regencyCode, pregnancyId: p.id, kind: 'home_visit', duty: 'village_official', assigneeId: kaders[0].id, dueOn: addDays(today, w.homeVisitInDays), reason: 'risk_found', dedupeKey: `home_visit:risk:${p.id}`, createdAt: now });
      }
      if (w.escortArrivedDaysAgo !== undefined && officers[0]) {
        const at = new Date(`${addDays(today, -w.escortArrivedDaysAgo)}T02:10:00+07:00`);
        const min = (n: number) => new Date(at.getTime() + n * 60_000);
        await repo.insertEscort(tx, { regencyCode, pregnancyId: p.id, reason: 'labour', destination: w.delivered!.placeName, status: 'arrived', requestedBy: kaders[0]?.id ?? kader.id, requestedAt: at, acceptedBy: officers[0].id, acceptedAt: min(4), onTheWayAt: min(9), arrivedAt: min(41) });
      }
    }
    if (w.delivered && deliveredOn) {
      await repo.insertOutcome(
        tx,
        { regencyCode, pregnancyId: p.id, kind: 'birth', deliveryDate: deliveredOn, deliveryTime: '04:35', gaDays: w.gaToday - 28, placeKind: w.delivered.placeKind, placeName: w.delivered.placeName, attendant: w.delivered.attendant, attendantName: w.delivered.attendant === 'obstetrician' ? 'dr. Hendra Wijaya, Sp.OG' : 'Bidan Rina Wulandari', mode: w.delivered.mode, motherStatus: 'alive', motherDiedOn: null, recordedBy: bidan.id, recordedAt: new Date(`${deliveredOn}T09:00:00+07:00`) },
        [{ regencyCode, pregnancyId: p.id, seq: 1, sex: w.delivered.sex, weightGrams: w.delivered.weight, lengthCm: 49, status: 'alive', diedOn: null, name: null }],
      );
    }
  }
}

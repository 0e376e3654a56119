/**
 * A year of synthetic pregnancies for Kecamatan Sempu, so that the demo's PWS-KIA figures and
 * charts look like a puskesmas's: women registered month by month, visits on the schedule with
 * some missed, the risk mix of a real register, births mostly at facilities, escorts for the
 * high-risk ones. Deterministic (a seeded generator): the same day gives the same register.
 * Every name is invented; every NIK is built for the demo and belongs to nobody.
 */
import { addDays, type LocalDate } from '../catalogue/calendar/local-date.ts';
import type { DbOrTx } from '../db/client.ts';
import { buildNik } from '../identity/nik.ts';
import { babies, escorts, outcomes, pregnancies, visits } from './schema.ts';
import { intervalAfter } from './anc.ts';
import { deriveFactors, fillCard, scoreKspr, type KsprFactor } from './kspr.ts';
import { dueDateOf, ksprColumnOfDays, POSTPARTUM_DAYS } from './pregnancy.ts';
import { seededRandom } from '../shared/random.ts';

const FIRST = ['Siti', 'Sri', 'Nur', 'Dewi', 'Ani', 'Endang', 'Wahyu', 'Rini', 'Tutik', 'Yuliana', 'Eka', 'Indah', 'Lilis', 'Ratna', 'Fitri', 'Nining', 'Umi', 'Suci', 'Diah', 'Winarti', 'Lina', 'Erna', 'Novi', 'Puji', 'Heni'];
const LAST = ['Rahayu', 'Lestari', 'Wulandari', 'Hidayati', 'Susanti', 'Astuti', 'Handayani', 'Purwanti', 'Kusumawati', 'Safitri', 'Maulida', 'Fatimah', 'Ningsih', 'Anggraini', 'Pratiwi', 'Rohmah', 'Yuliati', 'Mardiyah'];
const DUSUN = ['Krajan', 'Sumberrejo', 'Kebonrejo', 'Sukorejo', 'Tegalrejo', 'Karangrejo'];

export type HistoryContext = {
  regencyCode: string;
  today: LocalDate;
  villages: { id: string; code: string; name: string; weight: number }[];
  puskesmasId: string;
  midwifeId: string;
  kaderId: string;
  policeId: string | null;
  count: number;
};

export async function seedHistory(tx: DbOrTx, c: HistoryContext): Promise<number> {
  const rnd = seededRandom(20261130);
  const totalWeight = c.villages.reduce((s, v) => s + v.weight, 0);
  const pickVillage = () => {
    let x = rnd.next() * totalWeight;
    for (const v of c.villages) if ((x -= v.weight) < 0) return v;
    return c.villages[0]!;
  };
  const pregnancyRows: (typeof pregnancies.$inferInsert)[] = [];
  const visitRows: (typeof visits.$inferInsert)[] = [];
  const outcomeRows: (typeof outcomes.$inferInsert)[] = [];
  const babyRows: (typeof babies.$inferInsert)[] = [];
  const escortRows: (typeof escorts.$inferInsert)[] = [];
  const at = (day: LocalDate, hh = 10, mm = 0) => new Date(`${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+07:00`);

  for (let i = 0; i < c.count; i++) {
    const id = crypto.randomUUID();
    const village = pickVillage();
    // Spread over the last 15 months, so this year has registrations every month and births in the second half.
    const hpht = addDays(c.today, -rnd.int(45, 450));
    const firstGa = rnd.chance(0.85) ? rnd.int(42, 84) : rnd.int(85, 130);
    const registeredOn = addDays(hpht, firstGa);
    if (registeredOn > c.today) continue;
    const age = rnd.chance(0.85) ? rnd.int(20, 34) : rnd.chance(0.55) ? rnd.int(35, 40) : rnd.int(17, 19);
    const birthDate = addDays(hpht, -(age * 365 + rnd.int(0, 300)));
    const g = rnd.next();
    const gravida = g < 0.35 ? 1 : g < 0.65 ? 2 : g < 0.85 ? 3 : g < 0.95 ? 4 : 5;
    const abortus = gravida > 1 && rnd.chance(0.06) ? 1 : 0;
    const para = gravida - 1 - abortus;
    const heightCm = rnd.chance(0.95) ? rnd.int(146, 165) : rnd.int(142, 145);
    const previousCaesarean = para > 0 && rnd.chance(0.08);
    const interval = rnd.next();
    const lastBirthDate = para > 0 ? addDays(hpht, -(interval < 0.9 ? rnd.int(800, 3300) : interval < 0.96 ? rnd.int(400, 700) : rnd.int(3700, 4200))) : null;
    const gaToday = Number((Date.parse(c.today) - Date.parse(hpht)) / 86400_000);
    const deliveryGa = rnd.int(259, 287);
    const delivered = gaToday >= deliveryGa;
    const deliveryDate = delivered ? addDays(hpht, deliveryGa) : null;

    // Visits: on the schedule from registration, some skipped, a doctor at the first and one late visit.
    const found = deriveFactors({ birthDate, hpht, gravida, para, abortus, heightCm, lastBirthDate, previousCaesarean });
    const clinical: [KsprFactor, number, number][] = [
      ['anaemia', 0.12, 100],
      ['oedema_hypertension', 0.04, 200],
      ['breech', 0.04, 230],
      ['twins', 0.015, 120],
      ['bleeding', 0.006, 180],
    ];
    const planned = clinical.filter(([, p]) => rnd.chance(p));
    const list: { date: LocalDate; ga: number; examiner: 'midwife' | 'doctor'; factors: KsprFactor[] }[] = [];
    let ga = firstGa;
    let doctorLate = false;
    const lastGa = delivered ? deliveryGa - 1 : gaToday;
    while (ga <= lastGa) {
      const skip = list.length > 0 && rnd.chance(0.1);
      if (!skip) {
        const factors: KsprFactor[] = list.length === 0 ? [...found] : [];
        for (const [f, , from] of planned) if (ga >= from && !list.some((v) => v.factors.includes(f)) && !factors.includes(f)) factors.push(f);
        const late = ga > 196 && !doctorLate && rnd.chance(0.6);
        if (late) doctorLate = true;
        list.push({ date: addDays(hpht, ga), ga, examiner: list.length === 0 ? (rnd.chance(0.75) ? 'doctor' : 'midwife') : late ? 'doctor' : 'midwife', factors });
      }
      ga += intervalAfter(ga) + rnd.int(-3, 5);
    }
    if (!list.length) continue;
    const screenings = list.map((v) => ({ date: v.date, gaDays: v.ga, factors: v.factors }));
    const card = fillCard(screenings);
    const overall = card.at(-1)!.result;
    const firstHigh = card.find((e) => e.result.category !== 'KRR');
    const status = !delivered ? 'active' : addDays(deliveryDate!, POSTPARTUM_DAYS) < c.today ? 'closed' : 'delivered';
    const community = rnd.chance(0.35);

    pregnancyRows.push({
      regencyCode: c.regencyCode,
      id,
      status,
      nik: buildNik({ kecamatanCode6: '351020', birthDate, sex: 'F', serial: 2000 + i }),
      name: `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`,
      birthDate,
      villageId: village.id,
      puskesmasId: c.puskesmasId,
      dusun: rnd.pick(DUSUN),
      rt: String(rnd.int(1, 6)).padStart(3, '0'),
      rw: String(rnd.int(1, 4)).padStart(3, '0'),
      phone: `+628123${String(500000 + i).padStart(7, '0')}`,
      hpht,
      hpl: dueDateOf(hpht),
      gravida,
      para,
      abortus,
      heightCm,
      lastBirthDate,
      previousCaesarean,
      familyName: `${rnd.pick(['Pak', 'Mas'])} ${rnd.pick(['Slamet', 'Agus', 'Budi', 'Joko', 'Eko', 'Hadi', 'Imam', 'Rofiq', 'Sugeng'])}`,
      familyRelation: 'suami',
      reportedVia: community ? 'community' : 'health_worker',
      reportedBy: community ? c.kaderId : c.midwifeId,
      reportedAt: at(addDays(registeredOn, -rnd.int(0, 6))),
      confirmedBy: c.midwifeId,
      confirmedAt: at(registeredOn, 11),
      factors: overall.factors,
      score: overall.score,
      category: overall.category,
      emergency: overall.emergency,
      riskFoundOn: firstHigh?.date ?? null,
      deliveredOn: deliveryDate,
      createdAt: at(registeredOn),
      updatedAt: at(c.today, 8),
    });
    let seen: KsprFactor[] = [];
    for (const v of list) {
      seen = [...new Set([...seen, ...v.factors])];
      const r = scoreKspr(seen);
      visitRows.push({
        regencyCode: c.regencyCode,
        pregnancyId: id,
        visitDate: v.date,
        gaDays: v.ga,
        ksprColumn: ksprColumnOfDays(v.ga),
        place: v.examiner === 'doctor' ? 'Puskesmas Sempu' : rnd.pick(['Posyandu', 'Polindes', 'Puskesmas Sempu']),
        examiner: v.examiner,
        weightKg: rnd.int(45, 75),
        bpSystolic: v.factors.includes('oedema_hypertension') ? rnd.int(145, 165) : rnd.int(100, 130),
        bpDiastolic: v.factors.includes('oedema_hypertension') ? rnd.int(95, 105) : rnd.int(65, 85),
        hb: v.factors.includes('anaemia') || seen.includes('anaemia') ? rnd.int(85, 105) / 10 : rnd.int(110, 135) / 10,
        factorsFound: v.factors,
        factorsTotal: r.factors,
        score: r.score,
        category: r.category,
        emergency: r.emergency,
        recordedBy: c.midwifeId,
        createdAt: at(v.date, 11),
      });
    }
    if (delivered && deliveryDate) {
      const high = overall.category !== 'KRR';
      const home = !high && rnd.chance(0.03);
      const placeKind = home ? 'home' : overall.category === 'KRST' || overall.emergency ? 'hospital' : high ? rnd.pick(['hospital', 'puskesmas'] as const) : rnd.pick(['puskesmas', 'midwife_practice', 'puskesmas'] as const);
      const caesarean = placeKind === 'hospital' && rnd.chance(overall.factors.includes('previous_caesarean') || overall.factors.includes('breech') ? 0.8 : 0.3);
      const stillborn = rnd.chance(0.006);
      const infantDied = !stillborn && rnd.chance(0.004);
      outcomeRows.push({
        regencyCode: c.regencyCode,
        pregnancyId: id,
        kind: 'birth',
        deliveryDate,
        deliveryTime: `${String(rnd.int(0, 23)).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}`,
        gaDays: deliveryGa,
        placeKind,
        placeName: placeKind === 'hospital' ? rnd.pick(['RSUD Genteng', 'RSUD Blambangan']) : placeKind === 'puskesmas' ? 'Puskesmas Sempu (PONED)' : placeKind === 'midwife_practice' ? 'PMB Bidan Yuli' : null,
        attendant: placeKind === 'hospital' ? 'obstetrician' : 'midwife',
        mode: caesarean ? 'caesarean' : 'spontaneous',
        motherStatus: 'alive',
        motherDiedOn: null,
        recordedBy: c.midwifeId,
        recordedAt: at(deliveryDate, 12),
      });
      babyRows.push({
        regencyCode: c.regencyCode,
        pregnancyId: id,
        seq: 1,
        sex: rnd.chance(0.5) ? 'F' : 'M',
        weightGrams: rnd.int(2300, 3900),
        lengthCm: rnd.int(46, 52),
        status: stillborn ? 'stillborn' : infantDied ? 'died' : 'alive',
        diedOn: infantDied ? addDays(deliveryDate, rnd.int(1, 20)) : null,
      });
      if (high && !home && c.policeId && rnd.chance(0.7)) {
        const start = at(deliveryDate, rnd.int(0, 20), rnd.int(0, 59));
        const min = (n: number) => new Date(start.getTime() + n * 60_000);
        escortRows.push({ regencyCode: c.regencyCode, pregnancyId: id, reason: 'labour', destination: 'RSUD Genteng', status: 'arrived', requestedBy: c.kaderId, requestedAt: start, acceptedBy: c.policeId, acceptedAt: min(rnd.int(2, 9)), onTheWayAt: min(rnd.int(10, 15)), arrivedAt: min(rnd.int(30, 55)) });
      }
    }
  }
  for (let i = 0; i < pregnancyRows.length; i += 200) await tx.insert(pregnancies).values(pregnancyRows.slice(i, i + 200));
  for (let i = 0; i < visitRows.length; i += 500) await tx.insert(visits).values(visitRows.slice(i, i + 500));
  for (let i = 0; i < outcomeRows.length; i += 200) await tx.insert(outcomes).values(outcomeRows.slice(i, i + 200));
  for (let i = 0; i < babyRows.length; i += 200) await tx.insert(babies).values(babyRows.slice(i, i + 200));
  if (escortRows.length) await tx.insert(escorts).values(escortRows);
  return pregnancyRows.length;
}

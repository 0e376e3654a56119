/**
 * Kartu Skor Poedji Rochjati (KSPR), the risk score card East Java's midwives and kader use to
 * screen pregnant women (Poedji Rochjati, Universitas Airlangga; Buku KIA Jawa Timur).
 *
 * - Every pregnant woman starts at 2 (skor awal).
 * - Each risk factor found adds 4; previous caesarean, breech, transverse lie, bleeding in this
 *   pregnancy and (severe) pre-eclampsia / convulsions add 8.
 * - Groups: I "ada potensi gawat obstetrik" (history and body), II "ada gawat obstetrik" (danger
 *   signs in this pregnancy), III "ada gawat darurat obstetrik" (emergency).
 * - Category by total: KRR (kehamilan risiko rendah) 2, KRT (risiko tinggi) 6–10,
 *   KRST (risiko sangat tinggi) 12 and over. Any group III factor is an emergency whatever the
 *   total: refer now (rujukan tepat waktu).
 * - The card is filled per visit in its column (tribulan I, II, III.1, III.2); a factor once found
 *   stays counted until 42 days after delivery, when the card closes.
 *
 * Pure: no I/O, no clock.
 */
import type { LocalText } from '../shared/errors.ts';
import type { LocalDate } from '../catalogue/calendar/local-date.ts';
import { ageOn, daysBetween, ksprColumnOfDays, postpartumEnd, type KsprColumn } from './pregnancy.ts';

export const INITIAL_SCORE = 2;

export type KsprGroup = 'I' | 'II' | 'III';

type FactorDef = { no: string; group: KsprGroup; score: 4 | 8; label: LocalText };

/** The card's rows, in its order; `no` is the card's row number. */
export const KSPR_FACTORS = {
  // I — potensi gawat obstetrik
  young_primi: { no: '1', group: 'I', score: 4, label: { id: 'Terlalu muda, hamil pertama umur ≤16 tahun', en: 'Too young: first pregnancy at age 16 or under' } },
  old_primi: { no: '2a', group: 'I', score: 4, label: { id: 'Terlalu tua, hamil pertama umur ≥35 tahun', en: 'Too old: first pregnancy at age 35 or over' } },
  late_primi: { no: '2b', group: 'I', score: 4, label: { id: 'Terlalu lambat hamil pertama, kawin ≥4 tahun', en: 'First pregnancy after 4 or more years of marriage' } },
  long_interval: { no: '3', group: 'I', score: 4, label: { id: 'Terlalu lama hamil lagi (anak terakhir ≥10 tahun)', en: 'Too long since the last child (10 years or more)' } },
  short_interval: { no: '4', group: 'I', score: 4, label: { id: 'Terlalu cepat hamil lagi (anak terakhir <2 tahun)', en: 'Too soon after the last child (under 2 years)' } },
  grand_multipara: { no: '5', group: 'I', score: 4, label: { id: 'Terlalu banyak anak, 4 atau lebih', en: 'Too many children: 4 or more' } },
  older_age: { no: '6', group: 'I', score: 4, label: { id: 'Terlalu tua, umur ≥35 tahun', en: 'Too old: age 35 or over' } },
  short_stature: { no: '7', group: 'I', score: 4, label: { id: 'Terlalu pendek, tinggi badan ≤145 cm', en: 'Too short: height 145 cm or under' } },
  previous_loss: { no: '8', group: 'I', score: 4, label: { id: 'Pernah gagal kehamilan', en: 'Previous pregnancy loss' } },
  previous_instrumental: { no: '9a', group: 'I', score: 4, label: { id: 'Pernah melahirkan dengan tarikan tang/vakum', en: 'Previous forceps or vacuum delivery' } },
  manual_placenta: { no: '9b', group: 'I', score: 4, label: { id: 'Pernah melahirkan dengan uri dirogoh', en: 'Previous manual removal of the placenta' } },
  infusion_transfusion: { no: '9c', group: 'I', score: 4, label: { id: 'Pernah melahirkan dengan diberi infus/transfusi', en: 'Previous delivery needing infusion or transfusion' } },
  previous_caesarean: { no: '10', group: 'I', score: 8, label: { id: 'Pernah operasi sesar', en: 'Previous caesarean section' } },
  // II — gawat obstetrik
  anaemia: { no: '11a', group: 'II', score: 4, label: { id: 'Kurang darah (anemia)', en: 'Anaemia' } },
  malaria: { no: '11b', group: 'II', score: 4, label: { id: 'Malaria', en: 'Malaria' } },
  tuberculosis: { no: '11c', group: 'II', score: 4, label: { id: 'TBC paru', en: 'Pulmonary tuberculosis' } },
  heart_failure: { no: '11d', group: 'II', score: 4, label: { id: 'Payah jantung', en: 'Heart failure' } },
  diabetes: { no: '11e', group: 'II', score: 4, label: { id: 'Kencing manis (diabetes)', en: 'Diabetes' } },
  sti: { no: '11f', group: 'II', score: 4, label: { id: 'Penyakit menular seksual', en: 'Sexually transmitted infection' } },
  oedema_hypertension: { no: '12', group: 'II', score: 4, label: { id: 'Bengkak pada muka/tungkai dan tekanan darah tinggi', en: 'Swelling of face or legs with high blood pressure' } },
  twins: { no: '13', group: 'II', score: 4, label: { id: 'Hamil kembar', en: 'Twin pregnancy' } },
  polyhydramnios: { no: '14', group: 'II', score: 4, label: { id: 'Hamil kembar air (hidramnion)', en: 'Polyhydramnios' } },
  fetal_death: { no: '15', group: 'II', score: 4, label: { id: 'Janin mati dalam kandungan', en: 'Fetal death in the womb' } },
  post_term: { no: '16', group: 'II', score: 4, label: { id: 'Kehamilan lebih bulan', en: 'Post-term pregnancy' } },
  breech: { no: '17', group: 'II', score: 8, label: { id: 'Letak sungsang', en: 'Breech presentation' } },
  transverse_lie: { no: '18', group: 'II', score: 8, label: { id: 'Letak lintang', en: 'Transverse lie' } },
  // III — gawat darurat obstetrik
  bleeding: { no: '19', group: 'III', score: 8, label: { id: 'Perdarahan dalam kehamilan ini', en: 'Bleeding in this pregnancy' } },
  severe_preeclampsia: { no: '20', group: 'III', score: 8, label: { id: 'Preeklampsia berat/kejang-kejang', en: 'Severe pre-eclampsia or convulsions' } },
} as const satisfies Record<string, FactorDef>;

export type KsprFactor = keyof typeof KSPR_FACTORS;
export const KSPR_FACTOR_CODES = Object.keys(KSPR_FACTORS) as KsprFactor[];

export function isKsprFactor(value: string): value is KsprFactor {
  return Object.hasOwn(KSPR_FACTORS, value);
}

export const CATEGORIES = ['KRR', 'KRT', 'KRST'] as const;
export type KsprCategory = (typeof CATEGORIES)[number];

/** KRR 2, KRT 6–10, KRST 12 and over (totals are always 2 + a multiple of 4: 2, 6, 10, 14 …). */
export function categoryOf(score: number): KsprCategory {
  if (score >= 12) return 'KRST';
  if (score >= 6) return 'KRT';
  return 'KRR';
}

export function isHighRisk(category: KsprCategory | null | undefined): boolean {
  return category === 'KRT' || category === 'KRST';
}

/** Rujukan: none, RDB (rujukan dini berencana, planned early referral), RTW (rujukan tepat waktu, now). */
export type Referral = 'none' | 'planned' | 'emergency';

export type Recommendation = { attendant: LocalText; place: LocalText; referral: Referral; note: LocalText };

/** Who should attend the birth and where, by the card's category; an emergency overrides all. */
export function recommendationFor(category: KsprCategory, emergency: boolean): Recommendation {
  if (emergency) {
    return {
      attendant: { id: 'Dokter spesialis kandungan (SpOG)', en: 'Obstetrician' },
      place: { id: 'Rumah sakit (PONEK)', en: 'Hospital with comprehensive emergency obstetric care (PONEK)' },
      referral: 'emergency',
      note: { id: 'Gawat darurat obstetrik: rujuk segera ke rumah sakit (rujukan tepat waktu).', en: 'Obstetric emergency: refer to hospital now (timely referral).' },
    };
  }
  switch (category) {
    case 'KRR':
      return {
        attendant: { id: 'Bidan', en: 'Midwife' },
        place: { id: 'Fasilitas kesehatan primer (puskesmas, praktik bidan)', en: 'Primary health facility (puskesmas, midwife practice)' },
        referral: 'none',
        note: { id: 'Kehamilan risiko rendah: persalinan normal oleh bidan di fasilitas kesehatan.', en: 'Low-risk pregnancy: normal delivery by a midwife at a health facility.' },
      };
    case 'KRT':
      return {
        attendant: { id: 'Bidan atau dokter', en: 'Midwife or doctor' },
        place: { id: 'Puskesmas PONED atau rumah sakit', en: 'Puskesmas with basic emergency obstetric care (PONED) or hospital' },
        referral: 'planned',
        note: { id: 'Kehamilan risiko tinggi: rencanakan rujukan dini ke puskesmas PONED atau rumah sakit.', en: 'High-risk pregnancy: plan an early referral to a PONED puskesmas or hospital.' },
      };
    case 'KRST':
      return {
        attendant: { id: 'Dokter spesialis kandungan (SpOG)', en: 'Obstetrician' },
        place: { id: 'Rumah sakit (PONEK)', en: 'Hospital (PONEK)' },
        referral: 'planned',
        note: { id: 'Kehamilan risiko sangat tinggi: rujuk dini berencana, bersalin di rumah sakit.', en: 'Very high-risk pregnancy: planned early referral, deliver in hospital.' },
      };
  }
}

export type KsprResult = {
  score: number;
  category: KsprCategory;
  /** A group III factor: refer now whatever the total. */
  emergency: boolean;
  factors: KsprFactor[];
  byGroup: Record<KsprGroup, KsprFactor[]>;
  recommendation: Recommendation;
};

/** Scores a set of factors (each counted once, in the card's order). */
export function scoreKspr(found: Iterable<KsprFactor>): KsprResult {
  const set = new Set(found);
  const factors = KSPR_FACTOR_CODES.filter((f) => set.has(f));
  const byGroup: Record<KsprGroup, KsprFactor[]> = { I: [], II: [], III: [] };
  let score = INITIAL_SCORE;
  for (const f of factors) {
    score += KSPR_FACTORS[f].score;
    byGroup[KSPR_FACTORS[f].group].push(f);
  }
  const category = categoryOf(score);
  const emergency = byGroup.III.length > 0;
  return { score, category, emergency, factors, byGroup, recommendation: recommendationFor(category, emergency) };
}

/** What the register knows about the woman, from which some group I factors follow. */
export type RiskProfile = {
  birthDate?: LocalDate | null;
  hpht?: LocalDate | null;
  /** Pregnancies including this one. */
  gravida?: number | null;
  /** Births after 20+ weeks. */
  para?: number | null;
  /** Pregnancy losses. */
  abortus?: number | null;
  heightCm?: number | null;
  /** Living children (para minus those who died), when known; else para is used. */
  livingChildren?: number | null;
  lastBirthDate?: LocalDate | null;
  marriageDate?: LocalDate | null;
  previousCaesarean?: boolean | null;
};

/**
 * Group I factors that follow from the register's data, to pre-tick the card. The midwife still
 * decides: history the data do not hold (forceps, manual placenta, transfusion) is asked.
 */
export function deriveFactors(p: RiskProfile): KsprFactor[] {
  const out = new Set<KsprFactor>();
  const age = p.birthDate && p.hpht ? ageOn(p.birthDate, p.hpht) : null;
  const first = p.gravida === 1;
  if (age !== null && first && age <= 16) out.add('young_primi');
  if (age !== null && first && age >= 35) out.add('old_primi');
  if (age !== null && !first && age >= 35) out.add('older_age');
  if (first && p.marriageDate && p.hpht && daysBetween(p.marriageDate, p.hpht) >= 4 * 365) out.add('late_primi');
  if (!first && p.lastBirthDate && p.hpht) {
    const years = ageOn(p.lastBirthDate, p.hpht);
    if (years >= 10) out.add('long_interval');
    if (years < 2) out.add('short_interval');
  }
  const children = p.livingChildren ?? p.para ?? null;
  if (children !== null && children >= 4) out.add('grand_multipara');
  if (p.heightCm !== null && p.heightCm !== undefined && p.heightCm <= 145) out.add('short_stature');
  if ((p.abortus ?? 0) > 0) out.add('previous_loss');
  if (p.previousCaesarean) out.add('previous_caesarean');
  return KSPR_FACTOR_CODES.filter((f) => out.has(f));
}

/** One screening: a visit's date, its gestational age in days, and the factors ticked at it. */
export type Screening = { date: LocalDate; gaDays: number; factors: readonly KsprFactor[]; retracted?: readonly KsprFactor[] };

export type CardEntry = { date: LocalDate; column: KsprColumn; found: KsprFactor[]; newlyFound: KsprFactor[]; result: KsprResult; retracted: KsprFactor[] };

/** A screening as recorded (ms since epoch), with what was ticked at it, before any retraction. */
export type RecordedScreening = Screening & { recordedAt: number };
/** A mistaken factor withdrawn by the midwife at `at` (ms since epoch). */
export type Retraction = { factor: KsprFactor; at: number };

/**
 * The screenings as they count after retractions: a retraction withdraws its factor from every
 * screening recorded at or before it; a screening recorded after it that ticks the factor again
 * counts it again. What was withdrawn stays on the screening as `retracted` (the card's history).
 */
export function applyRetractions(screenings: readonly RecordedScreening[], retractions: readonly Retraction[]): Screening[] {
  return screenings.map((s) => {
    const withdrawn = new Set(retractions.filter((r) => r.at >= s.recordedAt).map((r) => r.factor));
    return { date: s.date, gaDays: s.gaDays, factors: s.factors.filter((f) => !withdrawn.has(f)), retracted: s.factors.filter((f) => withdrawn.has(f)) };
  });
}

/** The first day the card (after retractions) reached KRT or KRST; null when it never did. */
export function riskFoundOnOf(screenings: readonly Screening[]): LocalDate | null {
  return fillCard(screenings).find((e) => isHighRisk(e.result.category))?.date ?? null;
}

/**
 * The card as it fills, screening by screening in date order: each entry scores everything found
 * so far (a factor once found stays), in the column of its gestational age.
 */
export function fillCard(screenings: readonly Screening[]): CardEntry[] {
  const sorted = [...screenings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.gaDays - b.gaDays));
  const seen = new Set<KsprFactor>();
  return sorted.map((s) => {
    const newlyFound = KSPR_FACTOR_CODES.filter((f) => s.factors.includes(f) && !seen.has(f));
    for (const f of s.factors) seen.add(f);
    const result = scoreKspr(seen);
    return { date: s.date, column: ksprColumnOfDays(s.gaDays), found: result.factors, newlyFound, result, retracted: KSPR_FACTOR_CODES.filter((f) => s.retracted?.includes(f)) };
  });
}

/** Per column, the score of its last screening (the card's four boxes); null where none was made. */
export function cardColumns(screenings: readonly Screening[]): Record<KsprColumn, KsprResult | null> {
  const columns: Record<KsprColumn, KsprResult | null> = { I: null, II: null, 'III.1': null, 'III.2': null };
  for (const entry of fillCard(screenings)) columns[entry.column] = entry.result;
  return columns;
}

/**
 * The factors that count on `asOf`: everything found up to that day, until 42 days after
 * delivery; after that the card is closed and nothing counts (a next pregnancy starts afresh).
 */
export function activeFactors(screenings: readonly Screening[], asOf: LocalDate, deliveryDate: LocalDate | null): KsprFactor[] {
  if (deliveryDate && asOf > postpartumEnd(deliveryDate)) return [];
  const found = new Set<KsprFactor>();
  for (const s of screenings) if (s.date <= asOf) for (const f of s.factors) found.add(f);
  return KSPR_FACTOR_CODES.filter((f) => found.has(f));
}

/** Danger signs (groups II and III) in `after` that `before` did not have: these raise an alert. */
export function newDangerSigns(before: readonly KsprFactor[], after: readonly KsprFactor[]): KsprFactor[] {
  return after.filter((f) => KSPR_FACTORS[f].group !== 'I' && !before.includes(f));
}

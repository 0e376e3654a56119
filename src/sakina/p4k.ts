/**
 * P4K — Program Perencanaan Persalinan dan Pencegahan Komplikasi (Kemenkes, Buku KIA): the birth
 * plan the family, midwife and village agree on and stick on the house. It names the attendant,
 * the place, a companion, transport, at least four blood-donor candidates, the funding and the
 * contraception after birth. A very high-risk woman (KRST) or one with an emergency sign delivers
 * in hospital with a doctor; a high-risk one (KRT) at a PONED puskesmas or a hospital.
 *
 * Pure: validation only, returning every problem at once (field paths match the API body).
 */
import type { LocalText } from '../shared/errors.ts';
import { normaliseMobile } from '../identity/phone.ts';
import type { KsprCategory } from './kspr.ts';

export const ATTENDANTS = ['midwife', 'doctor', 'obstetrician'] as const;
export type Attendant = (typeof ATTENDANTS)[number];
export const BIRTH_PLACES = ['hospital', 'puskesmas', 'clinic', 'midwife_practice', 'poskesdes'] as const;
export type BirthPlace = (typeof BIRTH_PLACES)[number];
export const TRANSPORTS = ['village_ambulance', 'ambulance', 'car', 'other'] as const;
export type Transport = (typeof TRANSPORTS)[number];
export const FUNDINGS = ['bpjs', 'savings', 'jampersal', 'other'] as const;
export type Funding = (typeof FUNDINGS)[number];
export const CONTRACEPTIONS = ['iud', 'implant', 'injection', 'pill', 'condom', 'tubectomy', 'vasectomy', 'lactational', 'undecided', 'none'] as const;
export type Contraception = (typeof CONTRACEPTIONS)[number];
export const BLOOD_TYPES = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'] as const;
export type BloodType = (typeof BLOOD_TYPES)[number];

export const MIN_DONORS = 4;

export type Donor = { name: string; bloodType: BloodType | string; phone: string; relation?: string | null };

export type BirthPlan = {
  attendant: Attendant | string;
  attendantName?: string | null;
  place: BirthPlace | string;
  placeName: string;
  companionName: string;
  companionRelation?: string | null;
  transport: Transport | string;
  transportDetail?: string | null;
  transportPhone?: string | null;
  donors: Donor[];
  funding: (Funding | string)[];
  bpjsNumber?: string | null;
  contraception: Contraception | string;
  motherBloodType?: BloodType | string | null;
};

export type PlanIssue = { field: string; message: LocalText };
export type PlanCheck = { ok: boolean; errors: PlanIssue[]; warnings: PlanIssue[]; plan: BirthPlan };

const blank = (s: string | null | undefined) => !s || !s.trim();

/** Red cells can go from a donor to the mother: ABO compatible, and Rh− only from Rh−. */
export function canDonate(donor: BloodType, recipient: BloodType): boolean {
  const abo = (t: BloodType) => t.slice(0, -1);
  const rhPos = (t: BloodType) => t.endsWith('+');
  const d = abo(donor);
  const r = abo(recipient);
  const aboOk = d === 'O' || d === r || r === 'AB';
  return aboOk && (rhPos(recipient) || !rhPos(donor));
}

function isBloodType(value: string): value is BloodType {
  return (BLOOD_TYPES as readonly string[]).includes(value);
}

/** Normalises what people type: "o", "O rh+", "ab-" → "O+", "O+", "AB-"; unknown rhesus counts as +. */
export function normaliseBloodType(input: string): BloodType | null {
  const s = input.toUpperCase().replace(/\s|RH|RHESUS/g, '');
  const m = /^(AB|A|B|O)([+-]|POS|NEG|POSITIF|NEGATIF)?$/.exec(s);
  if (!m) return null;
  const rh = !m[2] || m[2] === '+' || m[2].startsWith('POS') ? '+' : '-';
  const t = `${m[1]}${rh}`;
  return isBloodType(t) ? t : null;
}

/**
 * Checks a birth plan for a woman of the given category. Errors block saving; warnings are shown
 * (a KRT plan at a village post is allowed but flagged, fewer compatible donors than four too).
 */
export function checkBirthPlan(input: BirthPlan, context: { category: KsprCategory | null; emergency?: boolean }): PlanCheck {
  const errors: PlanIssue[] = [];
  const warnings: PlanIssue[] = [];
  const err = (field: string, id: string, en: string) => errors.push({ field, message: { id, en } });
  const warn = (field: string, id: string, en: string) => warnings.push({ field, message: { id, en } });

  if (!(ATTENDANTS as readonly string[]).includes(input.attendant)) err('attendant', 'Pilih penolong persalinan', 'Choose the birth attendant');
  if (!(BIRTH_PLACES as readonly string[]).includes(input.place)) err('place', 'Pilih tempat persalinan', 'Choose the place of birth');
  if (blank(input.placeName)) err('placeName', 'Nama fasilitas tempat bersalin wajib diisi', 'Name the facility where she will give birth');
  if (blank(input.companionName)) err('companionName', 'Pendamping persalinan wajib diisi', 'A birth companion is required');
  if (!(TRANSPORTS as readonly string[]).includes(input.transport)) err('transport', 'Pilih transportasi ke tempat bersalin', 'Choose the transport to the place of birth');
  if (blank(input.transportDetail)) err('transportDetail', 'Sebutkan kendaraan/pengemudi', 'Name the vehicle or driver');

  let transportPhone = input.transportPhone ?? null;
  if (!blank(transportPhone)) {
    const phone = normaliseMobile(transportPhone!);
    if (!phone) err('transportPhone', 'Nomor HP pengemudi tidak valid', 'The driver\'s mobile number is not valid');
    else transportPhone = phone;
  }

  const funding = [...new Set(input.funding)];
  if (funding.length === 0) err('funding', 'Pilih sumber dana persalinan (BPJS, tabungan, …)', 'Choose how the birth is paid for (BPJS, savings, …)');
  for (const [i, f] of funding.entries()) if (!(FUNDINGS as readonly string[]).includes(f)) err(`funding.${i}`, 'Sumber dana tidak dikenal', 'Unknown funding source');
  let bpjsNumber = input.bpjsNumber?.replace(/\s/g, '') || null;
  if (funding.includes('bpjs')) {
    if (!bpjsNumber) err('bpjsNumber', 'Nomor kartu BPJS Kesehatan wajib diisi bila dana dari BPJS', 'The BPJS card number is required when BPJS pays');
    else if (!/^\d{13}$/.test(bpjsNumber)) err('bpjsNumber', 'Nomor kartu BPJS Kesehatan terdiri dari 13 angka', 'A BPJS card number has 13 digits');
  } else bpjsNumber = bpjsNumber && /^\d{13}$/.test(bpjsNumber) ? bpjsNumber : null;

  if (!(CONTRACEPTIONS as readonly string[]).includes(input.contraception)) err('contraception', 'Pilih rencana KB setelah bersalin', 'Choose the contraception planned after birth');

  let motherBloodType: BloodType | null = null;
  if (!blank(input.motherBloodType)) {
    motherBloodType = normaliseBloodType(input.motherBloodType!);
    if (!motherBloodType) err('motherBloodType', 'Golongan darah ibu tidak dikenal (A, B, AB, O, dengan rhesus + atau −)', 'Unknown blood type (A, B, AB, O, with rhesus + or −)');
  }

  const donors: Donor[] = [];
  const phones = new Set<string>();
  input.donors.forEach((d, i) => {
    const bloodType = normaliseBloodType(d.bloodType ?? '');
    const phone = normaliseMobile(d.phone ?? '');
    if (blank(d.name)) err(`donors.${i}.name`, 'Nama calon pendonor wajib diisi', 'The donor candidate\'s name is required');
    if (!bloodType) err(`donors.${i}.bloodType`, 'Golongan darah pendonor wajib diisi (A, B, AB, O)', 'The donor\'s blood type is required (A, B, AB, O)');
    if (!phone) err(`donors.${i}.phone`, 'Nomor HP pendonor tidak valid', 'The donor\'s mobile number is not valid');
    else if (phones.has(phone)) err(`donors.${i}.phone`, 'Pendonor ini sudah ada di daftar (nomor HP sama)', 'This donor is already listed (same phone number)');
    else phones.add(phone);
    donors.push({ name: d.name?.trim() ?? '', bloodType: bloodType ?? d.bloodType, phone: phone ?? d.phone, relation: d.relation?.trim() || null });
  });
  if (input.donors.length < MIN_DONORS) {
    err('donors', `Minimal ${MIN_DONORS} calon pendonor darah (baru ${input.donors.length})`, `At least ${MIN_DONORS} blood-donor candidates are needed (${input.donors.length} so far)`);
  } else if (motherBloodType) {
    const compatible = donors.filter((d) => isBloodType(d.bloodType) && canDonate(d.bloodType, motherBloodType!)).length;
    if (compatible < MIN_DONORS) {
      warn('donors', `Hanya ${compatible} pendonor yang cocok dengan golongan darah ibu (${motherBloodType})`, `Only ${compatible} donors match the mother's blood type (${motherBloodType})`);
    }
  }

  const mustHospital = context.category === 'KRST' || context.emergency;
  if (mustHospital && input.place !== 'hospital') {
    err('place', 'Ibu dengan risiko sangat tinggi (KRST) atau tanda gawat darurat harus bersalin di rumah sakit', 'A very high-risk (KRST) or emergency pregnancy must deliver in hospital');
  }
  if (mustHospital && input.attendant === 'midwife') {
    err('attendant', 'Ibu dengan risiko sangat tinggi (KRST) harus ditolong dokter', 'A very high-risk (KRST) pregnancy must be attended by a doctor');
  }
  if (context.category === 'KRT' && !['hospital', 'puskesmas'].includes(input.place)) {
    warn('place', 'Ibu risiko tinggi (KRT) dianjurkan bersalin di puskesmas PONED atau rumah sakit', 'A high-risk (KRT) pregnancy should deliver at a PONED puskesmas or a hospital');
  }

  const plan: BirthPlan = {
    ...input,
    attendantName: input.attendantName?.trim() || null,
    placeName: input.placeName?.trim() ?? '',
    companionName: input.companionName?.trim() ?? '',
    companionRelation: input.companionRelation?.trim() || null,
    transportDetail: input.transportDetail?.trim() || null,
    transportPhone,
    funding,
    bpjsNumber,
    motherBloodType,
    donors,
  };
  return { ok: errors.length === 0, errors, warnings, plan };
}

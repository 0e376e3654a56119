import { AGENCIES } from './agencies.ts';
import { MARKET_SERVICE_CODES } from './market-services.ts';
import type {
  Bilingual,
  Channel,
  DurationSeed,
  FeeSeed,
  LifeEvent,
  RequirementSeed,
  ServiceLevel,
  ServiceSeed,
  StandardSeed,
} from './types.ts';

/**
 * Compact builders for the service seed files. Delivery components (requirements, procedure,
 * duration, fee, product) are written per service; management components come from the agency
 * profile, with per-service additions (legal basis, staff count).
 */

/** [Bahasa Indonesia, English] */
export type T = readonly [id: string, en: string];

export const bi = (t: T): Bilingual => ({ id: t[0], en: t[1] });

/**
 * A requirement: a document code ('kk'), optional when prefixed with '?' ('?surat-kuasa'), or a
 * tuple with a note: ['ktp-el', 'KTP-el asli yang rusak', 'the damaged original card'].
 */
export type Req = string | readonly [code: string, noteId: string, noteEn: string];

/** '14d' working days, '3h' hours, '30m' minutes. */
export type Time = `${number}d` | `${number}h` | `${number}m`;

export interface FeeSpec {
  amount: number;
  basis?: string;
  note?: T;
  variable?: boolean;
}

export interface ServiceSpec {
  code: string;
  name: T;
  summary: T;
  life: LifeEvent[];
  kw: string[];
  req: Req[];
  steps: T[];
  time: Time;
  /** rupiah (0 = gratis) or a fuller fee; default 0 */
  fee?: number | FeeSpec;
  product: T;
  /** legal bases specific to this service, listed before the agency's */
  legal?: string[];
  /** can be filed online (overrides the agency default) */
  online?: boolean;
  /** a regency service that village offices submit on residents' behalf (Smart Kampung) */
  village?: boolean;
  staff?: number;
}

export interface AgencyProfile {
  agencyCode: string;
  level?: ServiceLevel;
  /** legal bases common to the agency's services (sector law first) */
  legalBasis: string[];
  /** cited for services whose fee is 0 */
  freeBasis?: string;
  online?: boolean;
  staffCount: number;
  /** equipment particular to the agency, added to the point's facilities */
  equipment: T;
  competence: T;
  supervision: T;
  guarantee?: T;
  security?: T;
  evaluation?: T;
}

const GENERAL_LEGAL_BASIS = [
  'UU 25/2009 tentang Pelayanan Publik',
  'UU 27/2022 tentang Pelindungan Data Pribadi',
  'PermenPAN-RB 15/2014 tentang Pedoman Standar Pelayanan',
];
const MPP_LEGAL_BASIS = 'Perpres 89/2021 tentang Penyelenggaraan Mal Pelayanan Publik';
const VILLAGE_LEGAL_BASIS = 'UU 6/2014 tentang Desa sebagaimana diubah terakhir dengan UU 3/2024';

const MPP_FACILITIES: T = [
  'Gerai layanan di MPP Banyuwangi (dan Pasar Pelayanan Publik bila layanan tersedia di sana): anjungan antrean, ruang tunggu ber-AC, papan informasi standar pelayanan, kursi dan loket prioritas, akses kursi roda dan toilet disabilitas, ruang laktasi, area bermain anak, musala, Wi-Fi publik',
  'Counters at MPP Banyuwangi (and the market service units where the service is offered there): queue kiosk, air-conditioned waiting area, service standard notice boards, priority seats and counter, wheelchair access and accessible toilets, lactation room, children’s play area, prayer room, public Wi-Fi',
];
const VILLAGE_FACILITIES: T = [
  'Ruang pelayanan kantor desa/kelurahan, komputer dan printer, jaringan internet Smart Kampung, papan informasi standar pelayanan, kursi tunggu dan akses bagi lansia dan disabilitas',
  'Village office service room, computer and printer, Smart Kampung internet connection, service standard notice board, waiting seats and access for the elderly and people with disabilities',
];

const DEFAULT_GUARANTEE: T = [
  'Pelayanan diberikan sesuai standar ini sebagaimana dinyatakan dalam Maklumat Pelayanan; bila jangka waktu terlampaui, permohonan dieskalasi ke pimpinan unit dan pemohon diberi tahu alasannya',
  'The service is delivered to this standard as pledged in the Service Declaration (Maklumat Pelayanan); if the time limit is exceeded the application is escalated to the unit head and the applicant is told why',
];
const DEFAULT_SECURITY: T = [
  'Data pribadi dilindungi sesuai UU 27/2022 dan hanya diakses petugas berwenang; produk bertanda tangan elektronik dan kode QR yang dapat diverifikasi; ruang layanan diawasi CCTV dan petugas keamanan',
  'Personal data is protected under UU 27/2022 and seen only by authorised staff; products carry an electronic signature and a verifiable QR code; service areas are covered by CCTV and security staff',
];
const DEFAULT_EVALUATION: T = [
  'Survei Kepuasan Masyarakat (PermenPAN-RB 14/2017) setiap semester, pemantauan kepatuhan jangka waktu dari sistem, dan evaluasi standar pelayanan sekurang-kurangnya sekali setahun',
  'Public Satisfaction Survey (PermenPAN-RB 14/2017) every semester, monitoring of time-limit compliance from the system, and a review of this standard at least once a year',
];

function requirement(r: Req): RequirementSeed {
  const [raw, noteId, noteEn] = typeof r === 'string' ? [r, undefined, undefined] : r;
  const optional = raw.startsWith('?');
  const out: RequirementSeed = { documentCode: optional ? raw.slice(1) : raw };
  if (optional) out.optional = true;
  if (noteId !== undefined && noteEn !== undefined) out.note = { id: noteId, en: noteEn };
  return out;
}

function duration(t: Time): DurationSeed {
  const value = Number(t.slice(0, -1));
  const unit = t.endsWith('d') ? 'working_days' : t.endsWith('h') ? 'hours' : 'minutes';
  return { value, unit };
}

function fee(f: number | FeeSpec | undefined, freeBasis: string | undefined): FeeSeed {
  const spec: FeeSpec = typeof f === 'object' ? f : { amount: f ?? 0 };
  const out: FeeSeed = { amount: spec.amount };
  const basis = spec.basis ?? (spec.amount === 0 && !spec.variable ? freeBasis : undefined);
  if (basis) out.legalBasis = basis;
  if (spec.note) out.note = bi(spec.note);
  if (spec.variable) out.variable = true;
  return out;
}

function complaintHandling(agencyCode: string): Bilingual {
  const agency = AGENCIES.find((a) => a.code === agencyCode);
  if (!agency) throw new Error(`unknown agency ${agencyCode}`);
  return {
    id: `Saluran pengaduan, saran dan masukan: ${agency.complaintChannel.id}; juga fitur pengaduan di aplikasi ini. Pengaduan ditanggapi paling lambat 3 hari kerja dan diselesaikan dalam 5, 14 atau 60 hari kerja sesuai jenisnya; pelapor dapat tetap anonim.`,
    en: `Channels for complaints, suggestions and feedback: ${agency.complaintChannel.en}; also the complaint feature of this app. A first response within 3 working days and resolution within 5, 14 or 60 working days depending on the case; complainants may stay anonymous.`,
  };
}

const MARKET_CODES = new Set(Object.values(MARKET_SERVICE_CODES).flat());

function channels(level: ServiceLevel, code: string, village: boolean, online: boolean): Channel[] {
  const out: Channel[] = [];
  if (level === 'regency') {
    out.push('mpp');
    if (MARKET_CODES.has(code)) out.push('market');
  }
  if (level === 'village' || village) out.push('village');
  if (online) out.push('online');
  return out;
}

function unique<X>(xs: X[]): X[] {
  return [...new Set(xs)];
}

export function defineServices(profile: AgencyProfile, specs: ServiceSpec[]): ServiceSeed[] {
  const level = profile.level ?? 'regency';
  const complaint = complaintHandling(profile.agencyCode);
  const place = level === 'village' ? VILLAGE_FACILITIES : MPP_FACILITIES;
  const facilities: Bilingual = { id: `${place[0]}; ${profile.equipment[0]}`, en: `${place[1]}; ${profile.equipment[1]}` };
  return specs.map((s) => {
    const standard: StandardSeed = {
      requirements: s.req.map(requirement),
      procedure: s.steps.map(bi),
      duration: duration(s.time),
      fee: fee(s.fee, profile.freeBasis),
      product: bi(s.product),
      complaintHandling: complaint,
      legalBasis: unique([
        ...(s.legal ?? []),
        ...profile.legalBasis,
        level === 'village' ? VILLAGE_LEGAL_BASIS : MPP_LEGAL_BASIS,
        ...GENERAL_LEGAL_BASIS,
      ]),
      facilities,
      staffCompetence: bi(profile.competence),
      internalSupervision: bi(profile.supervision),
      staffCount: s.staff ?? profile.staffCount,
      serviceGuarantee: bi(profile.guarantee ?? DEFAULT_GUARANTEE),
      securityGuarantee: bi(profile.security ?? DEFAULT_SECURITY),
      performanceEvaluation: bi(profile.evaluation ?? DEFAULT_EVALUATION),
    };
    return {
      code: s.code,
      agencyCode: profile.agencyCode,
      name: bi(s.name),
      summary: bi(s.summary),
      lifeEvents: s.life,
      level,
      keywords: unique(s.kw.map((k) => k.toLowerCase().trim())),
      standard,
      channels: channels(level, s.code, s.village ?? false, s.online ?? profile.online ?? false),
    };
  });
}

/** Steps shared by many procedures, so that the specific ones stand out. */
export const STEP = {
  queue: [
    'Ambil nomor antrean di anjungan atau pesan jadwal secara daring, lalu tunggu panggilan loket',
    'Take a queue ticket at the kiosk or book a slot online, then wait to be called',
  ],
  queueOrOnline: [
    'Datang ke loket dengan nomor antrean, atau ajukan secara daring dengan mengunggah pindaian berkas',
    'Come to the counter with a queue ticket, or apply online by uploading scans of the documents',
  ],
  verify: [
    'Petugas memeriksa kelengkapan dan keabsahan berkas; berkas yang belum lengkap dikembalikan dengan keterangan tertulis',
    'The officer checks that the documents are complete and valid; an incomplete file is returned with a written explanation',
  ],
  receipt: [
    'Pemohon menerima bukti permohonan bernomor lacak dan kode QR',
    'The applicant receives a receipt with a tracking number and QR code',
  ],
  pickup: [
    'Produk diambil di loket, diunduh, atau dikirim sesuai pilihan pemohon',
    'The product is collected at the counter, downloaded, or delivered, as the applicant chose',
  ],
  pickupInPerson: [
    'Pemohon mengambil produk di loket dengan menunjukkan bukti permohonan',
    'The applicant collects the product at the counter on showing the receipt',
  ],
  villageDesk: [
    'Datang ke kantor desa/kelurahan atau hubungi operator Smart Kampung dengan membawa berkas',
    'Come to the village office, or contact the Smart Kampung operator, with the documents',
  ],
  villageSign: [
    'Kepala desa/lurah (atau pejabat yang diberi wewenang) menandatangani surat secara elektronik',
    'The village head (or a delegated official) signs the letter electronically',
  ],
  villageDeliver: [
    'Surat diserahkan di kantor desa atau dikirim sebagai tautan unduhan melalui WhatsApp',
    'The letter is handed over at the village office or sent as a download link by WhatsApp',
  ],
} as const satisfies Record<string, T>;

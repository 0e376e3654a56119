/**
 * Shapes of the service-catalogue seed data (plain data, no database code).
 *
 * A service's standard follows UU 25/2009 tentang Pelayanan Publik Pasal 21 and
 * PermenPAN-RB 15/2014 tentang Pedoman Standar Pelayanan: six delivery components
 * (service delivery) and eight management components (manufacturing).
 */

/** A text in Bahasa Indonesia first, English second. */
export interface Bilingual {
  id: string;
  en: string;
}

export type LifeEvent =
  | 'kelahiran'
  | 'kematian'
  | 'pernikahan'
  | 'pindah'
  | 'usaha'
  | 'kendaraan'
  | 'kesehatan'
  | 'pendidikan'
  | 'pekerjaan'
  | 'pertanahan'
  | 'pajak'
  | 'sosial'
  | 'identitas';

export type ServiceLevel = 'regency' | 'village';
export type Channel = 'mpp' | 'market' | 'village' | 'online';
export type AgencyKind = 'regency' | 'vertical' | 'soe' | 'bank' | 'other';
export type Pasaran = 'Legi' | 'Pahing' | 'Pon' | 'Wage' | 'Kliwon';

export interface DocumentTypeSeed {
  /** kebab-case, e.g. 'ktp-el', 'kk', 'formulir-f1-02' */
  code: string;
  name: Bilingual;
  description?: Bilingual;
}

export interface AgencySeed {
  /** kebab-case, e.g. 'dispendukcapil' */
  code: string;
  name: Bilingual;
  shortName: string;
  /**
   * regency: a Pemkab Banyuwangi office; vertical: an office of a central ministry or agency;
   * soe: a state- or regency-owned enterprise (BUMN/BUMD); bank; other (BPJS, Samsat, village governments).
   */
  kind: AgencyKind;
  /** A published national contact number; left out where none is well known. */
  phone?: string;
  complaintChannel: Bilingual;
}

export interface LifeEventSeed {
  code: LifeEvent;
  name: Bilingual;
  description: Bilingual;
}

export interface RequirementSeed {
  documentCode: string;
  optional?: boolean;
  note?: Bilingual;
}

export type DurationUnit = 'working_days' | 'hours' | 'minutes';

export interface DurationSeed {
  value: number;
  unit: DurationUnit;
}

export interface FeeSeed {
  /** Rupiah, a non-negative integer; 0 = gratis (unless `variable`). */
  amount: number;
  legalBasis?: string;
  note?: Bilingual;
  /**
   * True when the amount the citizen pays is assessed case by case (a tax, a court deposit, a
   * connection charge by capacity…). `amount` is then the fixed part only (often 0) and `note`
   * explains how the rest is set; show "sesuai ketetapan", never "gratis".
   */
  variable?: boolean;
}

export interface StandardSeed {
  // — delivery components (komponen penyampaian pelayanan) —
  /** persyaratan */
  requirements: RequirementSeed[];
  /** sistem, mekanisme dan prosedur — ordered steps */
  procedure: Bilingual[];
  /** jangka waktu penyelesaian, counted from complete documents */
  duration: DurationSeed;
  /** biaya/tarif */
  fee: FeeSeed;
  /** produk pelayanan */
  product: Bilingual;
  /** penanganan pengaduan, saran dan masukan */
  complaintHandling: Bilingual;
  // — management components (komponen pengelolaan pelayanan) —
  /** dasar hukum */
  legalBasis: string[];
  /** sarana dan prasarana, dan/atau fasilitas */
  facilities: Bilingual;
  /** kompetensi pelaksana */
  staffCompetence: Bilingual;
  /** pengawasan internal */
  internalSupervision: Bilingual;
  /** jumlah pelaksana */
  staffCount: number;
  /** jaminan pelayanan */
  serviceGuarantee: Bilingual;
  /** jaminan keamanan dan keselamatan pelayanan */
  securityGuarantee: Bilingual;
  /** evaluasi kinerja pelaksana */
  performanceEvaluation: Bilingual;
}

export interface ServiceSeed {
  /** unique kebab-case, e.g. 'ktp-el-baru' */
  code: string;
  agencyCode: string;
  name: Bilingual;
  summary: Bilingual;
  lifeEvents: LifeEvent[];
  /** regency: served at the MPP and other regency points; village: a letter issued by the village head */
  level: ServiceLevel;
  /** words people type: 'ktp hilang', 'bikin ktp', 'e-ktp' (lower case) */
  keywords: string[];
  standard: StandardSeed;
  channels: Channel[];
}

/** 'HH:mm', 24-hour, WIB (Asia/Jakarta). */
export type ClockTime = `${number}${number}:${number}${number}`;

export interface OpeningHours {
  open: ClockTime;
  close: ClockTime;
}

/** ISO weekday: 1 = Senin (Monday) … 7 = Minggu (Sunday); null = closed. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type WeeklyHours = Record<Weekday, OpeningHours | null>;

export interface BreakSeed {
  start: ClockTime;
  end: ClockTime;
}

export interface MarketDaysSeed {
  /** The pasaran days on which the market is busy. */
  pasaran: Pasaran[];
  /** Hours of the service unit on those days (it opens earlier, with the market). */
  open: ClockTime;
  close: ClockTime;
}

export type PointKind = 'mpp' | 'market' | 'village' | 'online';

export interface ServicePointSeed {
  code: string;
  name: Bilingual;
  kind: PointKind;
  address: string;
  hours: WeeklyHours;
  /** Friday prayer break (istirahat salat Jumat). */
  fridayBreak?: BreakSeed;
  marketDays?: MarketDaysSeed;
  /** 'all-regency' = every service with level 'regency'. */
  serviceCodes: string[] | 'all-regency';
}

export interface CounterSeed {
  pointCode: string;
  /** 'A', 'B' …; also the prefix of the counter's queue numbers (A001). */
  code: string;
  name: Bilingual;
  agencyCode?: string;
  serviceCodes: string[];
}

/**
 * What every village office (Smart Kampung point) has in common; the lead generates one point per
 * desa/kelurahan from the region list and fills in code, name and address.
 */
export interface VillagePointTemplate {
  kind: 'village';
  hours: WeeklyHours;
  fridayBreak?: BreakSeed;
  serviceCodes: string[];
  /** The single service desk of a village office. */
  counter: Omit<CounterSeed, 'pointCode'>;
}

export interface SynonymSeed {
  /** What people type (lower case). */
  term: string;
  /** What it should also match (lower case). */
  expandsTo: string[];
}

export interface SearchQuerySeed {
  query: string;
  /** The service code the search should find (at or near the top). */
  expect: string;
  note?: string;
}

export interface CatalogueSeed {
  documentTypes: DocumentTypeSeed[];
  agencies: AgencySeed[];
  services: ServiceSeed[];
  servicePoints: ServicePointSeed[];
  counters: CounterSeed[];
  synonyms: SynonymSeed[];
  lifeEvents: LifeEventSeed[];
}

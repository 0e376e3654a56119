import { MARKET_SERVICE_CODES } from './market-services.ts';
import { SERVICES } from './services/index.ts';
import type { Bilingual, CounterSeed, ServicePointSeed, ServiceSeed, VillagePointTemplate, WeeklyHours } from './types.ts';

/**
 * Service points (MPP, Pasar Pelayanan Publik units, the online channel), their counters, and the
 * template from which the lead generates one Smart Kampung point per desa/kelurahan.
 * Weekday keys are ISO: 1 = Senin … 7 = Minggu. Times are WIB.
 */

const codesOf = (pred: (s: ServiceSeed) => boolean): string[] => SERVICES.filter(pred).map((s) => s.code);
const byAgency = (agencyCode: string, pred: (s: ServiceSeed) => boolean = () => true): string[] =>
  codesOf((s) => s.agencyCode === agencyCode && s.level === 'regency' && pred(s));
const among = (codes: string[]) => (s: ServiceSeed) => codes.includes(s.code);
const startsWith = (...prefixes: string[]) => (s: ServiceSeed) => prefixes.some((p) => s.code.startsWith(p));

/** MPP Banyuwangi: Senin–Kamis 08.00–15.00, Jumat 08.00–14.00 (istirahat salat Jumat 11.30–13.00), Sabtu 08.00–12.00. */
const MPP_HOURS: WeeklyHours = {
  1: { open: '08:00', close: '15:00' },
  2: { open: '08:00', close: '15:00' },
  3: { open: '08:00', close: '15:00' },
  4: { open: '08:00', close: '15:00' },
  5: { open: '08:00', close: '14:00' },
  6: { open: '08:00', close: '12:00' },
  7: null,
};

/**
 * Market units follow the traders: they open at 07.30 Monday to Saturday. On the busy pasaran days
 * they open at 07.00 and stay until 15.00 (Saturday still closes at 12.00 — `marketDays` changes the
 * hours of a day the unit is open; it never opens a closed day).
 */
const MARKET_HOURS: WeeklyHours = {
  1: { open: '07:30', close: '14:00' },
  2: { open: '07:30', close: '14:00' },
  3: { open: '07:30', close: '14:00' },
  4: { open: '07:30', close: '14:00' },
  5: { open: '07:30', close: '14:00' },
  6: { open: '07:30', close: '12:00' },
  7: null,
};

const ALWAYS: WeeklyHours = {
  1: { open: '00:00', close: '23:59' },
  2: { open: '00:00', close: '23:59' },
  3: { open: '00:00', close: '23:59' },
  4: { open: '00:00', close: '23:59' },
  5: { open: '00:00', close: '23:59' },
  6: { open: '00:00', close: '23:59' },
  7: { open: '00:00', close: '23:59' },
};

/** Village offices: Senin–Kamis 08.00–15.00, Jumat 08.00–11.00 (closes before Friday prayers). */
const VILLAGE_HOURS: WeeklyHours = {
  1: { open: '08:00', close: '15:00' },
  2: { open: '08:00', close: '15:00' },
  3: { open: '08:00', close: '15:00' },
  4: { open: '08:00', close: '15:00' },
  5: { open: '08:00', close: '11:00' },
  6: null,
  7: null,
};

const FRIDAY_BREAK = { start: '11:30', end: '13:00' } as const;

export const SERVICE_POINTS: ServicePointSeed[] = [
  {
    code: 'mpp-banyuwangi',
    name: { id: 'Mal Pelayanan Publik Banyuwangi', en: 'Banyuwangi Public Service Mall' },
    kind: 'mpp',
    // The former Mall of Sritanjung (MOST) building beside Taman Sritanjung, in the town centre.
    address: 'Jl. Jenderal Ahmad Yani (eks gedung Mall of Sritanjung, samping Taman Sritanjung), Kecamatan Banyuwangi, Kabupaten Banyuwangi, Jawa Timur',
    hours: MPP_HOURS,
    fridayBreak: FRIDAY_BREAK,
    serviceCodes: 'all-regency',
  },
  {
    code: 'ppp-rogojampi',
    name: { id: 'Pasar Pelayanan Publik Rogojampi', en: 'Rogojampi Market Public Service Unit' },
    kind: 'market',
    address: 'Kompleks Pasar Rogojampi (sisi timur, gedung dua lantai), Kecamatan Rogojampi, Kabupaten Banyuwangi, Jawa Timur',
    hours: MARKET_HOURS,
    fridayBreak: FRIDAY_BREAK,
    // Assumption to confirm with the market office: Pasar Rogojampi is busiest on Legi and Kliwon.
    marketDays: { pasaran: ['Legi', 'Kliwon'], open: '07:00', close: '15:00' },
    serviceCodes: MARKET_SERVICE_CODES.rogojampi,
  },
  {
    code: 'ppp-genteng',
    name: { id: 'Pasar Pelayanan Publik Genteng', en: 'Genteng Market Public Service Unit' },
    kind: 'market',
    address: 'Kompleks Pasar Genteng, Kecamatan Genteng, Kabupaten Banyuwangi, Jawa Timur',
    hours: MARKET_HOURS,
    fridayBreak: FRIDAY_BREAK,
    // Assumption to confirm with the market office: Pasar Genteng is busiest on Pon and Wage.
    marketDays: { pasaran: ['Pon', 'Wage'], open: '07:00', close: '15:00' },
    serviceCodes: MARKET_SERVICE_CODES.genteng,
  },
  {
    code: 'online',
    name: { id: 'Layanan Daring satupintu', en: 'satupintu online service' },
    kind: 'online',
    address: 'Daring (aplikasi dan situs web)',
    // Filing is possible around the clock; the SLA clock starts on the next working day.
    hours: ALWAYS,
    serviceCodes: codesOf((s) => s.channels.includes('online')),
  },
];

function counter(pointCode: string, code: string, id: string, en: string, serviceCodes: string[], agencyCode?: string): CounterSeed {
  const name: Bilingual = { id, en };
  return agencyCode ? { pointCode, code, name, agencyCode, serviceCodes } : { pointCode, code, name, serviceCodes };
}

const MPP = 'mpp-banyuwangi';
const KTP_KIA = ['ktp-el-', 'kia', 'aktivasi-ikd', 'surat-keterangan-kependudukan'];
const KK_PINDAH = ['kk-', 'surat-pindah', 'surat-datang', 'sktt-wna', 'perubahan-kewarganegaraan'];
const DPMPTSP_HEALTH_EDU = ['sip-', 'izin-apotek', 'izin-toko-obat', 'izin-klinik', 'izin-laboratorium-klinik', 'izin-optik', 'izin-rumah-sakit', 'izin-paud', 'izin-sekolah-swasta', 'izin-lkp'];
const POLRES_SIM = ['sim-', 'bpkb-'];

/** One gerai per agency at the MPP; Dispendukcapil, DPMPTSP and Polresta have more than one. */
const MPP_COUNTERS: CounterSeed[] = [
  counter(MPP, 'A', 'Gerai Dispendukcapil – KTP-el, KIA, IKD', 'Civil registry – KTP-el, KIA, IKD', byAgency('dispendukcapil', startsWith(...KTP_KIA)), 'dispendukcapil'),
  counter(MPP, 'B', 'Gerai Dispendukcapil – KK dan Pindah Datang', 'Civil registry – family cards and moves', byAgency('dispendukcapil', startsWith(...KK_PINDAH)), 'dispendukcapil'),
  counter(MPP, 'C', 'Gerai Dispendukcapil – Akta Pencatatan Sipil', 'Civil registry – certificates', byAgency('dispendukcapil', (s) => !startsWith(...KTP_KIA, ...KK_PINDAH)(s)), 'dispendukcapil'),
  counter(MPP, 'D', 'Gerai DPMPTSP – Perizinan Usaha dan Bangunan', 'Licensing – business and buildings', byAgency('dpmptsp', (s) => !startsWith(...DPMPTSP_HEALTH_EDU)(s)), 'dpmptsp'),
  counter(MPP, 'E', 'Gerai DPMPTSP – Perizinan Kesehatan dan Pendidikan', 'Licensing – health and education', byAgency('dpmptsp', startsWith(...DPMPTSP_HEALTH_EDU)), 'dpmptsp'),
  counter(MPP, 'F', 'Gerai Polresta – SKCK dan Pelayanan Masyarakat', 'Police – clearance and public services', byAgency('polres', (s) => !startsWith(...POLRES_SIM)(s)), 'polres'),
  counter(MPP, 'G', 'Gerai Polresta – SIM dan BPKB', 'Police – driving licences and BPKB', byAgency('polres', startsWith(...POLRES_SIM)), 'polres'),
  ...(
    [
      ['H', 'samsat', 'Samsat'],
      ['I', 'jasa-raharja', 'Jasa Raharja'],
      ['J', 'imigrasi', 'Imigrasi'],
      ['K', 'bpjs-kesehatan', 'BPJS Kesehatan'],
      ['L', 'bpjs-ketenagakerjaan', 'BPJS Ketenagakerjaan'],
      ['M', 'pln', 'PLN'],
      ['N', 'pdam', 'PDAM'],
      ['O', 'kemenag', 'Kemenag'],
      ['P', 'pengadilan-agama', 'Pengadilan Agama'],
      ['Q', 'pengadilan-negeri', 'Pengadilan Negeri'],
      ['R', 'kejari', 'Kejaksaan Negeri'],
      ['S', 'bpn', 'Kantor Pertanahan'],
      ['T', 'kpp-pratama', 'KPP Pratama'],
      ['U', 'bapenda', 'Bapenda'],
      ['V', 'dinsos', 'Dinas Sosial'],
      ['W', 'disnaker', 'Disnaker'],
      ['X', 'dinkes', 'Dinas Kesehatan'],
      ['Y', 'dispendik', 'Dinas Pendidikan'],
      ['Z', 'diskop', 'Diskop UMP'],
      // Past Z the queue prefixes take two letters.
      ['AA', 'dishub', 'Dinas Perhubungan'],
      ['AB', 'dlh', 'Dinas Lingkungan Hidup'],
      ['AC', 'diskan', 'Dinas Perikanan'],
      ['AD', 'bakesbangpol', 'Bakesbangpol'],
      ['AE', 'bnn', 'BNNK'],
      ['AF', 'taspen', 'Taspen'],
      ['AG', 'pos', 'Pos Indonesia'],
      ['AH', 'bri', 'BRI'],
      ['AI', 'bni', 'BNI'],
      ['AJ', 'bank-jatim', 'Bank Jatim'],
    ] as const
  ).map(([code, agencyCode, label]) => counter(MPP, code, `Gerai ${label}`, `${label} counter`, byAgency(agencyCode), agencyCode)),
];

function marketCounters(pointCode: string, offered: string[]): CounterSeed[] {
  const at = (pred: (s: ServiceSeed) => boolean) => codesOf((s) => offered.includes(s.code) && pred(s));
  const agencies = (...codes: string[]) => (s: ServiceSeed) => codes.includes(s.agencyCode);
  return [
    counter(pointCode, 'A', 'Loket Adminduk – KTP-el, KIA, IKD', 'Civil registry – KTP-el, KIA, IKD', at((s) => s.agencyCode === 'dispendukcapil' && startsWith(...KTP_KIA)(s)), 'dispendukcapil'),
    counter(pointCode, 'B', 'Loket Adminduk – KK, Akta, Pindah', 'Civil registry – family cards, certificates, moves', at((s) => s.agencyCode === 'dispendukcapil' && !startsWith(...KTP_KIA)(s)), 'dispendukcapil'),
    counter(pointCode, 'C', 'Loket Perizinan dan UMKM', 'Licensing and small business', at(agencies('dpmptsp', 'diskop', 'dinkes', 'disnaker'))),
    counter(pointCode, 'D', 'Loket Pajak Daerah dan PBB', 'Regional tax and PBB', at(agencies('bapenda', 'bank-jatim'))),
    counter(pointCode, 'E', 'Loket Layanan Sosial', 'Social services', at(agencies('dinsos')), 'dinsos'),
  ];
}

export const COUNTERS: CounterSeed[] = [
  ...MPP_COUNTERS,
  ...marketCounters('ppp-rogojampi', MARKET_SERVICE_CODES.rogojampi),
  ...marketCounters('ppp-genteng', MARKET_SERVICE_CODES.genteng),
  // The online channel has a single virtual desk so that online filings share the queue model.
  counter('online', 'O', 'Meja Layanan Daring', 'Online service desk', codesOf((s) => s.channels.includes('online'))),
];

const VILLAGE_SERVICES = codesOf((s) => s.channels.includes('village'));

/**
 * Every Smart Kampung point: all village-level letters plus the regency services that village
 * operators file on residents' behalf ("the data travels, not the person").
 */
export const VILLAGE_POINT_TEMPLATE: VillagePointTemplate = {
  kind: 'village',
  hours: VILLAGE_HOURS,
  serviceCodes: VILLAGE_SERVICES,
  counter: {
    code: 'A',
    name: { id: 'Loket Pelayanan Smart Kampung', en: 'Smart Kampung service desk' },
    serviceCodes: VILLAGE_SERVICES,
  },
};

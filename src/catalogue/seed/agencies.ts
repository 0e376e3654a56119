import type { AgencyKind, AgencySeed, Bilingual } from './types.ts';

/**
 * Agencies (instansi) that serve at the MPP Banyuwangi, the Pasar Pelayanan Publik units or the
 * village offices. Phone numbers are given only for published national contact centres.
 */

const LAPOR: Bilingual = {
  id: 'SP4N-LAPOR! (lapor.go.id, SMS 1708)',
  en: 'SP4N-LAPOR! (lapor.go.id, SMS 1708)',
};

function agency(
  code: string,
  shortName: string,
  kind: AgencyKind,
  id: string,
  en: string,
  complaint: Bilingual,
  phone?: string,
): AgencySeed {
  const a: AgencySeed = { code, name: { id, en }, shortName, kind, complaintChannel: complaint };
  if (phone) a.phone = phone;
  return a;
}

/** The complaint channels of a Pemkab Banyuwangi office. */
function regencyComplaint(unit: string): Bilingual {
  return {
    id: `Meja pengaduan MPP Banyuwangi, layanan pengaduan ${unit}, ${LAPOR.id}`,
    en: `MPP Banyuwangi complaint desk, ${unit} complaint service, ${LAPOR.en}`,
  };
}

function ownChannel(id: string, en: string): Bilingual {
  return { id: `${id}; ${LAPOR.id}`, en: `${en}; ${LAPOR.en}` };
}

export const AGENCIES: AgencySeed[] = [
  // — Pemerintah Kabupaten Banyuwangi —
  agency('dispendukcapil', 'Dispendukcapil', 'regency', 'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Banyuwangi', 'Banyuwangi Population and Civil Registration Office', regencyComplaint('Dispendukcapil')),
  agency('dpmptsp', 'DPMPTSP', 'regency', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Banyuwangi', 'Banyuwangi Investment and One-Stop Integrated Services Office', regencyComplaint('DPMPTSP')),
  agency('bapenda', 'Bapenda', 'regency', 'Badan Pendapatan Daerah Kabupaten Banyuwangi', 'Banyuwangi Regional Revenue Agency', regencyComplaint('Bapenda')),
  agency('dinsos', 'Dinsos', 'regency', 'Dinas Sosial Kabupaten Banyuwangi', 'Banyuwangi Social Affairs Office', regencyComplaint('Dinas Sosial')),
  agency('disnaker', 'Disnaker', 'regency', 'Dinas Tenaga Kerja Kabupaten Banyuwangi', 'Banyuwangi Manpower Office', regencyComplaint('Disnaker')),
  agency('dinkes', 'Dinkes', 'regency', 'Dinas Kesehatan Kabupaten Banyuwangi', 'Banyuwangi Health Office', regencyComplaint('Dinas Kesehatan')),
  agency('dispendik', 'Dispendik', 'regency', 'Dinas Pendidikan Kabupaten Banyuwangi', 'Banyuwangi Education Office', regencyComplaint('Dinas Pendidikan')),
  agency('diskop', 'Diskop UMP', 'regency', 'Dinas Koperasi, Usaha Mikro dan Perdagangan Kabupaten Banyuwangi', 'Banyuwangi Cooperatives, Micro Enterprises and Trade Office', regencyComplaint('Diskop UMP')),
  agency('dishub', 'Dishub', 'regency', 'Dinas Perhubungan Kabupaten Banyuwangi', 'Banyuwangi Transport Office', regencyComplaint('Dinas Perhubungan')),
  agency('dlh', 'DLH', 'regency', 'Dinas Lingkungan Hidup Kabupaten Banyuwangi', 'Banyuwangi Environment Office', regencyComplaint('DLH')),
  agency('diskan', 'Dinas Perikanan', 'regency', 'Dinas Perikanan Kabupaten Banyuwangi', 'Banyuwangi Fisheries Office', regencyComplaint('Dinas Perikanan')),
  agency('bakesbangpol', 'Bakesbangpol', 'regency', 'Badan Kesatuan Bangsa dan Politik Kabupaten Banyuwangi', 'Banyuwangi National Unity and Politics Agency', regencyComplaint('Bakesbangpol')),
  // Village governments are autonomous (UU 6/2014) but serve under the regency: kind 'other'.
  agency('pemdes', 'Pemdes/Kelurahan', 'other', 'Pemerintah Desa / Kelurahan se-Kabupaten Banyuwangi', 'Village and urban-ward governments of Banyuwangi', {
    id: `Kepala desa/lurah, camat setempat, Badan Permusyawaratan Desa, ${LAPOR.id}`,
    en: `The village head, the sub-district head (camat), the village council (BPD), ${LAPOR.en}`,
  }),
  // — central government offices (instansi vertikal) —
  agency('polres', 'Polresta Banyuwangi', 'vertical', 'Kepolisian Resor Kota Banyuwangi', 'Banyuwangi City Police', ownChannel('Propam dan SPKT Polresta Banyuwangi, Dumas Presisi', 'Police professional standards unit and SPKT desk, Dumas Presisi'), '110'),
  agency('imigrasi', 'Imigrasi Banyuwangi', 'vertical', 'Kantor Imigrasi Banyuwangi', 'Banyuwangi Immigration Office', ownChannel('Unit pengaduan Kantor Imigrasi, aplikasi M-Paspor', 'Immigration office complaint unit, M-Paspor app')),
  agency('kemenag', 'Kemenag Banyuwangi', 'vertical', 'Kantor Kementerian Agama Kabupaten Banyuwangi', 'Banyuwangi Office of the Ministry of Religious Affairs', ownChannel('PTSP Kemenag Banyuwangi, KUA kecamatan', 'Kemenag one-stop desk, sub-district KUA')),
  agency('pengadilan-agama', 'PA Banyuwangi', 'vertical', 'Pengadilan Agama Banyuwangi', 'Banyuwangi Religious Court', ownChannel('Meja pengaduan PTSP PA Banyuwangi, SIWAS Mahkamah Agung', 'Court one-stop complaint desk, Supreme Court SIWAS')),
  agency('pengadilan-negeri', 'PN Banyuwangi', 'vertical', 'Pengadilan Negeri Banyuwangi', 'Banyuwangi District Court', ownChannel('Meja pengaduan PTSP PN Banyuwangi, SIWAS Mahkamah Agung', 'Court one-stop complaint desk, Supreme Court SIWAS')),
  agency('kejari', 'Kejari Banyuwangi', 'vertical', 'Kejaksaan Negeri Banyuwangi', 'Banyuwangi District Prosecutor’s Office', ownChannel('PTSP Kejari Banyuwangi', 'Prosecutor’s one-stop desk')),
  agency('bpn', 'Kantah Banyuwangi', 'vertical', 'Kantor Pertanahan Kabupaten Banyuwangi (Kementerian ATR/BPN)', 'Banyuwangi Land Office (Ministry of Agrarian Affairs and Spatial Planning)', ownChannel('Loket pengaduan Kantor Pertanahan, aplikasi Sentuh Tanahku', 'Land office complaint desk, Sentuh Tanahku app')),
  agency('kpp-pratama', 'KPP Pratama Banyuwangi', 'vertical', 'Kantor Pelayanan Pajak Pratama Banyuwangi', 'Banyuwangi Small Taxpayers Office', ownChannel('Kring Pajak 1500200, pengaduan.pajak.go.id', 'Tax call centre 1500200, pengaduan.pajak.go.id'), '1500200'),
  agency('bnn', 'BNNK Banyuwangi', 'vertical', 'Badan Narkotika Nasional Kabupaten Banyuwangi', 'Banyuwangi Regency National Narcotics Board', ownChannel('Layanan pengaduan BNNK Banyuwangi', 'BNNK complaint service'), '184'),
  // — joint office, social security, enterprises —
  // Samsat is a joint office of Polri, Bapenda Provinsi Jawa Timur and Jasa Raharja: kind 'other'.
  agency('samsat', 'Samsat Banyuwangi', 'other', 'Kantor Bersama Samsat Banyuwangi (UPT PPD Bapenda Provinsi Jawa Timur)', 'Banyuwangi One-Roof Vehicle Registration Office (Samsat)', ownChannel('Meja pengaduan Samsat, aplikasi Sambara', 'Samsat complaint desk, Sambara app')),
  agency('jasa-raharja', 'Jasa Raharja', 'soe', 'PT Jasa Raharja Perwakilan Banyuwangi', 'PT Jasa Raharja, Banyuwangi representative office', ownChannel('Contact center Jasa Raharja', 'Jasa Raharja contact centre')),
  agency('bpjs-kesehatan', 'BPJS Kesehatan', 'other', 'BPJS Kesehatan Kantor Cabang Banyuwangi', 'BPJS Health, Banyuwangi branch', ownChannel('Care Center 165, aplikasi Mobile JKN, PANDAWA', 'Care Center 165, Mobile JKN app, PANDAWA WhatsApp'), '165'),
  agency('bpjs-ketenagakerjaan', 'BPJS Ketenagakerjaan', 'other', 'BPJS Ketenagakerjaan Kantor Cabang Banyuwangi', 'BPJS Employment, Banyuwangi branch', ownChannel('Layanan 175, aplikasi JMO', 'Call centre 175, JMO app'), '175'),
  agency('pln', 'PLN UP3 Banyuwangi', 'soe', 'PT PLN (Persero) Unit Pelaksana Pelayanan Pelanggan Banyuwangi', 'PLN customer service unit Banyuwangi', ownChannel('Contact center PLN 123, aplikasi PLN Mobile', 'PLN contact centre 123, PLN Mobile app'), '123'),
  agency('pdam', 'PDAM Banyuwangi', 'soe', 'Perusahaan Umum Daerah Air Minum Kabupaten Banyuwangi', 'Banyuwangi Regional Water Utility', ownChannel('Loket pengaduan PDAM', 'Water utility complaint desk')),
  agency('pos', 'Pos Indonesia', 'soe', 'PT Pos Indonesia (Persero) Kantor Cabang Banyuwangi', 'Pos Indonesia, Banyuwangi branch', ownChannel('Halo Pos 1500161', 'Halo Pos 1500161'), '1500161'),
  agency('taspen', 'Taspen', 'soe', 'PT Taspen (Persero) Kantor Cabang Jember, gerai Banyuwangi', 'PT Taspen civil-service pension fund, Banyuwangi desk', ownChannel('Contact center Taspen 1500919', 'Taspen contact centre 1500919'), '1500919'),
  // — banks —
  agency('bri', 'BRI', 'bank', 'PT Bank Rakyat Indonesia (Persero) Tbk Kantor Cabang Banyuwangi', 'Bank Rakyat Indonesia, Banyuwangi branch', { id: 'Contact center BRI 1500017, kantor cabang; OJK 157', en: 'BRI contact centre 1500017, branch office; OJK 157' }, '1500017'),
  agency('bni', 'BNI', 'bank', 'PT Bank Negara Indonesia (Persero) Tbk Kantor Cabang Banyuwangi', 'Bank Negara Indonesia, Banyuwangi branch', { id: 'BNI Call 1500046, kantor cabang; OJK 157', en: 'BNI Call 1500046, branch office; OJK 157' }, '1500046'),
  agency('bank-jatim', 'Bank Jatim', 'bank', 'PT Bank Pembangunan Daerah Jawa Timur Tbk Cabang Banyuwangi', 'Bank Jatim (East Java regional bank), Banyuwangi branch', { id: 'Bank Jatim Call 14044, kantor cabang; OJK 157', en: 'Bank Jatim Call 14044, branch office; OJK 157' }, '14044'),
];

import { defineServices, STEP, type AgencyProfile, type ServiceSpec, type T } from '../helpers.ts';

const IMIGRASI: AgencyProfile = {
  agencyCode: 'imigrasi',
  legalBasis: [
    'UU 6/2011 tentang Keimigrasian',
    'PP 31/2013 tentang Peraturan Pelaksanaan UU 6/2011 tentang Keimigrasian beserta perubahannya',
    'Permenkumham 8/2014 tentang Paspor Biasa dan Surat Perjalanan Laksana Paspor sebagaimana diubah dengan Permenkumham 18/2022',
    'PP 28/2019 tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada Kementerian Hukum dan HAM',
  ],
  online: true,
  staffCount: 4,
  equipment: [
    'Unit Layanan Paspor di MPP dengan perangkat biometrik (foto, sidik jari), ruang wawancara dan printer paspor terhubung SIMKIM',
    'Passport service unit at the MPP with biometric capture (photo, fingerprints), interview booths and SIMKIM-linked passport printers',
  ],
  competence: [
    'Pejabat imigrasi yang telah mengikuti diklat teknis keimigrasian, wawancara dan deteksi dokumen palsu',
    'Immigration officers trained in immigration procedure, interviewing and forged-document detection',
  ],
  supervision: [
    'Pengawasan oleh Kepala Seksi dan Kepala Kantor Imigrasi; Unit Kepatuhan Internal; Inspektorat Jenderal Kementerian',
    'Supervision by the section head and head of the immigration office; internal compliance unit; the ministry’s Inspectorate General',
  ],
};

const MPASPOR: T = ['Daftar dan pilih jadwal kedatangan di aplikasi M-Paspor, unggah dokumen', 'Register and book an appointment in the M-Paspor app, upload the documents'];
const PAY: T = ['Bayar PNBP dengan kode billing SIMPONI paling lambat 2 jam setelah mendaftar', 'Pay the state fee with the SIMPONI billing code within 2 hours of registering'];
const INTERVIEW: T = ['Datang sesuai jadwal membawa dokumen asli: verifikasi, wawancara, foto dan sidik jari', 'Come at the appointed time with the originals: verification, interview, photo and fingerprints'];
const ISSUE: T = ['Paspor dicetak dan dapat diambil 4 hari kerja setelah wawancara atau dikirim melalui pos', 'The passport is printed and ready 4 working days after the interview, or sent by post'];
const FEE_350 = { amount: 350_000, basis: 'PP 28/2019 (paspor biasa 48 halaman Rp350.000)' };

function passport(s: Omit<ServiceSpec, 'time' | 'life'> & Partial<Pick<ServiceSpec, 'time' | 'life'>>): ServiceSpec {
  return { time: '4d', life: ['identitas'], ...s };
}

export const IMIGRASI_SERVICES = defineServices(IMIGRASI, [
  passport({
    code: 'paspor-baru',
    name: ['Penerbitan Paspor Biasa Baru (48 Halaman)', 'New ordinary passport (48 pages)'],
    summary: ['Paspor pertama untuk WNI dewasa, berlaku 10 tahun.', 'First passport for adult citizens, valid 10 years.'],
    kw: ['paspor', 'bikin paspor', 'buat paspor', 'paspor baru', 'pasport', 'passport', 'm-paspor'],
    req: ['ktp-el', 'kk', ['akta-kelahiran', 'Akta kelahiran, ijazah atau buku nikah yang memuat nama, tempat dan tanggal lahir', 'Birth certificate, diploma or marriage book showing name, place and date of birth']],
    steps: [MPASPOR, PAY, INTERVIEW, ISSUE],
    fee: FEE_350,
    product: ['Paspor biasa 48 halaman (berlaku 10 tahun)', 'Ordinary 48-page passport, valid 10 years'],
  }),
  passport({
    code: 'paspor-elektronik',
    name: ['Penerbitan Paspor Elektronik (48 Halaman)', 'Electronic passport (48 pages)'],
    summary: ['Paspor dengan chip biometrik; memudahkan bebas visa ke beberapa negara.', 'Passport with a biometric chip; eases visa-free travel to some countries.'],
    kw: ['e-paspor', 'paspor elektronik', 'paspor chip', 'epaspor'],
    req: ['ktp-el', 'kk', ['akta-kelahiran', 'Akta kelahiran, ijazah atau buku nikah', 'Birth certificate, diploma or marriage book'], ['?paspor', 'Paspor lama, bila ada', 'The old passport, if any']],
    steps: [MPASPOR, PAY, INTERVIEW, ISSUE],
    fee: { amount: 650_000, basis: 'PP 28/2019 (paspor elektronik 48 halaman Rp650.000)' },
    product: ['Paspor elektronik 48 halaman (berlaku 10 tahun)', 'Electronic 48-page passport, valid 10 years'],
  }),
  passport({
    code: 'paspor-penggantian',
    name: ['Penggantian Paspor Habis Berlaku atau Penuh', 'Replacement of an expired or full passport'],
    summary: ['Paspor baru bagi pemegang paspor yang habis masa berlakunya atau halamannya penuh.', 'A new passport for holders whose passport has expired or is full.'],
    kw: ['perpanjang paspor', 'paspor habis', 'ganti paspor', 'paspor penuh', 'renew paspor'],
    req: ['ktp-el', ['paspor', 'Paspor lama', 'The old passport']],
    steps: [MPASPOR, PAY, INTERVIEW, ISSUE],
    fee: { ...FEE_350, note: ['Rp650.000 bila memilih paspor elektronik', 'Rp650,000 for an electronic passport'] },
    product: ['Paspor baru; paspor lama dibatalkan dan dikembalikan', 'New passport; the old one is cancelled and returned'],
  }),
  passport({
    code: 'paspor-hilang',
    name: ['Penggantian Paspor Hilang', 'Replacement of a lost passport'],
    summary: ['Paspor pengganti bagi paspor yang hilang, setelah pemeriksaan (BAP); dikenakan denda sesuai PP 28/2019.', 'A replacement for a lost passport after an examination; a fine applies under PP 28/2019.'],
    kw: ['paspor hilang', 'kehilangan paspor', 'paspor dicuri'],
    req: ['ktp-el', 'kk', 'surat-kehilangan-polisi', ['akta-kelahiran', 'Akta kelahiran, ijazah atau buku nikah', 'Birth certificate, diploma or marriage book']],
    steps: [MPASPOR, INTERVIEW, ['Pemeriksaan dan berita acara (BAP) kehilangan oleh pejabat imigrasi', 'Examination and report on the loss by an immigration officer'], PAY, ISSUE],
    time: '7d',
    fee: { amount: 1_350_000, variable: true, basis: 'PP 28/2019', note: ['Paspor Rp350.000 (elektronik Rp650.000) ditambah beban PNBP paspor hilang Rp1.000.000; dapat dibebaskan karena bencana atau keadaan kahar', 'Passport Rp350,000 (electronic Rp650,000) plus the lost-passport charge of Rp1,000,000; waived for disasters or force majeure'] },
    product: ['Paspor pengganti', 'Replacement passport'],
  }),
  passport({
    code: 'paspor-rusak',
    name: ['Penggantian Paspor Rusak', 'Replacement of a damaged passport'],
    summary: ['Paspor pengganti bagi paspor yang rusak; dikenakan beban PNBP paspor rusak.', 'A replacement for a damaged passport; a damaged-passport charge applies.'],
    kw: ['paspor rusak', 'paspor sobek', 'paspor basah'],
    req: ['ktp-el', ['paspor', 'Paspor yang rusak', 'The damaged passport']],
    steps: [MPASPOR, INTERVIEW, ['Pemeriksaan kerusakan dan berita acara oleh pejabat imigrasi', 'Damage examination and report by an immigration officer'], PAY, ISSUE],
    time: '7d',
    fee: { amount: 850_000, variable: true, basis: 'PP 28/2019', note: ['Paspor Rp350.000 (elektronik Rp650.000) ditambah beban PNBP paspor rusak Rp500.000', 'Passport Rp350,000 (electronic Rp650,000) plus the damaged-passport charge of Rp500,000'] },
    product: ['Paspor pengganti', 'Replacement passport'],
  }),
  passport({
    code: 'paspor-anak',
    name: ['Penerbitan Paspor Anak', 'Passport for a child'],
    summary: ['Paspor bagi anak di bawah 17 tahun yang belum menikah; didampingi kedua orang tua.', 'Passport for unmarried children under 17, who come with both parents.'],
    kw: ['paspor anak', 'paspor bayi', 'paspor balita'],
    life: ['identitas', 'kelahiran'],
    req: ['kk', 'akta-kelahiran', ['ktp-el', 'KTP-el ayah dan ibu', 'Both parents’ KTP-el'], ['buku-nikah', 'Buku nikah/akta perkawinan orang tua', 'Parents’ marriage book or certificate'], ['?paspor', 'Paspor orang tua', 'Parents’ passports'], '?kia'],
    steps: [MPASPOR, PAY, ['Anak datang bersama ayah dan ibu: verifikasi, wawancara orang tua, foto anak', 'The child comes with both parents: verification, parents’ interview, photo of the child'], ISSUE],
    fee: FEE_350,
    product: ['Paspor anak (berlaku sampai 5 tahun)', 'Child passport (valid up to 5 years)'],
  }),
  passport({
    code: 'paspor-percepatan',
    name: ['Layanan Percepatan Paspor (Selesai Hari yang Sama)', 'Express passport service (same day)'],
    summary: ['Paspor selesai pada hari yang sama dengan biaya tambahan layanan percepatan.', 'Passport ready the same day for an additional express fee.'],
    kw: ['paspor kilat', 'paspor cepat', 'paspor sehari jadi', 'percepatan paspor'],
    req: ['ktp-el', 'kk', ['akta-kelahiran', 'Akta kelahiran, ijazah atau buku nikah', 'Birth certificate, diploma or marriage book']],
    steps: [MPASPOR, ['Memilih layanan percepatan saat wawancara', 'Choose the express service at the interview'], PAY, INTERVIEW, ['Paspor diambil pada hari yang sama', 'The passport is collected the same day']],
    time: '8h',
    fee: { amount: 1_350_000, variable: true, basis: 'PP 28/2019', note: ['Paspor Rp350.000 (elektronik Rp650.000) ditambah layanan percepatan Rp1.000.000', 'Passport Rp350,000 (electronic Rp650,000) plus the express fee of Rp1,000,000'] },
    product: ['Paspor, selesai hari yang sama', 'Passport, ready the same day'],
  }),
]);

import { defineServices, STEP, type AgencyProfile, type T } from '../helpers.ts';

const BAKESBANGPOL: AgencyProfile = {
  agencyCode: 'bakesbangpol',
  legalBasis: ['Permendagri 11/2019 tentang Perangkat Daerah yang Melaksanakan Urusan Pemerintahan Umum'],
  freeBasis: 'Tidak dipungut biaya',
  online: true,
  staffCount: 2,
  equipment: ['gerai Bakesbangpol di MPP dengan akses aplikasi SIPP penelitian dan SIORMAS', 'National unity agency counter at the MPP with research permit and mass-organisation systems'],
  competence: ['Analis kebijakan dan pengelola data organisasi kemasyarakatan terlatih', 'Trained policy analysts and mass-organisation data officers'],
  supervision: ['Kepala Bidang dan Kepala Bakesbangpol; Inspektorat Kabupaten Banyuwangi', 'Division head and head of the agency; Banyuwangi Inspectorate'],
};

export const BAKESBANGPOL_SERVICES = defineServices(BAKESBANGPOL, [
  {
    code: 'surat-keterangan-penelitian',
    name: ['Surat Keterangan Penelitian (SKP)', 'Research permit letter'],
    summary: ['Surat keterangan bagi mahasiswa, peneliti atau lembaga yang melakukan penelitian, survei atau KKN di Banyuwangi.', 'Letter for students, researchers or institutions conducting research, surveys or community service in Banyuwangi.'],
    life: ['pendidikan'],
    kw: ['izin penelitian', 'surat penelitian', 'izin riset', 'izin kkn', 'izin survei', 'skp'],
    req: ['ktp-el', ['surat-rekomendasi', 'Surat pengantar dari perguruan tinggi/lembaga dan proposal penelitian', 'Cover letter from the university or institution and the research proposal']],
    steps: [STEP.queueOrOnline, STEP.verify, ['Penelitian substansi dan tujuan lokasi penelitian', 'Review of the topic and research sites'], ['SKP ber-TTE diterbitkan dengan tembusan ke perangkat daerah/desa tujuan', 'An e-signed letter is issued and copied to the target offices or villages']],
    time: '3d',
    product: ['Surat Keterangan Penelitian', 'Research permit letter'],
    legal: ['Permendagri 3/2018 tentang Penerbitan Surat Keterangan Penelitian'],
  },
  {
    code: 'pendaftaran-ormas',
    name: ['Pendaftaran dan Surat Keterangan Keberadaan Organisasi Kemasyarakatan', 'Registration of a civil society organisation'],
    summary: ['Pendataan ormas yang berkedudukan di Banyuwangi dan penerbitan surat keterangan keberadaan.', 'Records civil society organisations based in Banyuwangi and issues a certificate of existence.'],
    life: ['sosial'],
    kw: ['daftar ormas', 'skt ormas', 'izin organisasi', 'surat keterangan ormas'],
    req: [['akta-pendirian', 'Akta pendirian dan AD/ART (atau SK Kemenkumham)', 'Deed of establishment and articles (or ministry decree)'], ['surat-pernyataan', 'Susunan pengurus, program kerja dan surat domisili sekretariat', 'Board, work plan and office domicile letter'], 'npwp', 'ktp-el'],
    steps: [STEP.queueOrOnline, STEP.verify, ['Verifikasi lapangan alamat sekretariat', 'Site check of the office address'], ['Surat keterangan diterbitkan', 'The certificate is issued']],
    time: '7d',
    product: ['Surat keterangan keberadaan ormas', 'Certificate of existence'],
    legal: ['UU 17/2013 tentang Organisasi Kemasyarakatan sebagaimana diubah dengan UU 16/2017', 'Permendagri 57/2017 tentang Pendaftaran dan Pengelolaan Sistem Informasi Organisasi Kemasyarakatan'],
  },
]);

const DLH: AgencyProfile = {
  agencyCode: 'dlh',
  legalBasis: [
    'UU 32/2009 tentang Perlindungan dan Pengelolaan Lingkungan Hidup sebagaimana diubah dengan UU 6/2023',
    'PP 22/2021 tentang Penyelenggaraan Perlindungan dan Pengelolaan Lingkungan Hidup',
  ],
  freeBasis: 'Tidak dipungut biaya',
  staffCount: 2,
  equipment: ['gerai DLH di MPP dengan akses Amdalnet; armada truk sampah dan truk tinja', 'Environment counter at the MPP with Amdalnet access; refuse and septic trucks'],
  competence: ['Penilai dokumen lingkungan bersertifikat dan petugas kebersihan/sanitasi terlatih', 'Certified environmental document reviewers and trained sanitation crews'],
  supervision: ['Kepala Bidang dan Kepala DLH; Inspektorat Kabupaten Banyuwangi', 'Division head and head of the Environment Office; Banyuwangi Inspectorate'],
};

const AMDALNET: T = ['Ajukan melalui OSS/Amdalnet dengan pendampingan petugas DLH', 'File through OSS/Amdalnet with help from the Environment Office'];

export const DLH_SERVICES = defineServices(DLH, [
  {
    code: 'persetujuan-lingkungan',
    name: ['Persetujuan Lingkungan UKL-UPL (PKPLH)', 'Environmental approval for UKL-UPL (PKPLH)'],
    summary: ['Pemeriksaan formulir UKL-UPL dan penerbitan Persetujuan Kesesuaian Pengelolaan Lingkungan Hidup bagi usaha berdampak tidak penting.', 'Review of the environmental management form (UKL-UPL) and approval for businesses without significant impacts.'],
    life: ['usaha'],
    kw: ['ukl upl', 'izin lingkungan', 'pkplh', 'amdal', 'persetujuan lingkungan'],
    req: ['nib', 'kkpr', ['dokumen-lingkungan', 'Formulir UKL-UPL standar', 'Standard UKL-UPL form'], 'denah-lokasi'],
    steps: [AMDALNET, STEP.verify, ['Pemeriksaan substansi dan verifikasi lapangan', 'Substantive review and site visit'], ['PKPLH diterbitkan melalui sistem', 'The approval is issued through the system']],
    time: '10d',
    product: ['Persetujuan Kesesuaian Pengelolaan Lingkungan Hidup', 'Environmental management approval'],
    online: true,
  },
  {
    code: 'sppl',
    name: ['Registrasi Surat Pernyataan Pengelolaan Lingkungan (SPPL)', 'Registration of the environmental management statement (SPPL)'],
    summary: ['Pernyataan kesanggupan mengelola lingkungan bagi usaha mikro dan kecil yang tidak wajib UKL-UPL.', 'Undertaking to manage environmental effects, for micro and small businesses exempt from UKL-UPL.'],
    life: ['usaha'],
    kw: ['sppl', 'surat pernyataan lingkungan', 'pernyataan pengelolaan lingkungan'],
    req: ['nib', 'ktp-el'],
    steps: [AMDALNET, ['Pengisian pernyataan kesanggupan', 'Completion of the undertaking'], ['SPPL teregistrasi otomatis', 'The SPPL is registered automatically']],
    time: '1h',
    product: ['SPPL teregistrasi', 'Registered SPPL'],
    online: true,
  },
  {
    code: 'sedot-tinja',
    name: ['Layanan Penyedotan Lumpur Tinja', 'Septic tank emptying service'],
    summary: ['Penyedotan tangki septik rumah tangga atau usaha oleh truk tinja DLH dan pengolahan di IPLT.', 'Empties household or business septic tanks with the office’s trucks, treated at the sludge plant.'],
    life: ['kesehatan'],
    kw: ['sedot wc', 'sedot tinja', 'septic tank penuh', 'kuras wc', 'septitank'],
    req: ['ktp-el', 'denah-lokasi'],
    steps: [['Pesan di gerai DLH, telepon atau aplikasi', 'Book at the counter, by phone or in the app'], ['Penjadwalan dan survei akses truk', 'Scheduling and truck access check'], ['Pembayaran retribusi', 'Payment of the retribution'], ['Penyedotan dan pengangkutan ke IPLT', 'Emptying and transport to the treatment plant']],
    time: '3d',
    fee: { amount: 0, variable: true, basis: 'Perda Kabupaten Banyuwangi tentang Pajak Daerah dan Retribusi Daerah (retribusi penyedotan kakus)', note: ['Menurut volume tangki dan jarak', 'By tank volume and distance'] },
    product: ['Tangki septik dikosongkan', 'Septic tank emptied'],
  },
  {
    code: 'angkut-sampah',
    name: ['Pendaftaran Layanan Pengangkutan Sampah', 'Registration for refuse collection'],
    summary: ['Pendaftaran rumah tangga atau usaha untuk layanan angkut sampah terjadwal dan retribusi kebersihan.', 'Registers homes or businesses for scheduled refuse collection and the cleaning retribution.'],
    life: ['kesehatan', 'pindah'],
    kw: ['angkut sampah', 'sampah', 'retribusi sampah', 'buang sampah'],
    req: ['ktp-el', 'denah-lokasi'],
    steps: [['Daftar di gerai DLH atau aplikasi', 'Register at the counter or in the app'], ['Penetapan rute dan jadwal angkut', 'Route and schedule set'], ['Penetapan retribusi kebersihan', 'The cleaning retribution is set'], ['Layanan angkut dimulai', 'Collection starts']],
    time: '3d',
    fee: { amount: 0, variable: true, basis: 'Perda Kabupaten Banyuwangi tentang Pajak Daerah dan Retribusi Daerah (retribusi pelayanan kebersihan)', note: ['Retribusi bulanan menurut jenis persil dan volume sampah', 'Monthly retribution by premises type and volume'] },
    product: ['Layanan angkut sampah terjadwal', 'Scheduled refuse collection'],
  },
]);

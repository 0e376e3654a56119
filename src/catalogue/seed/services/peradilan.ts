import { defineServices, STEP, type AgencyProfile, type FeeSpec, type T } from '../helpers.ts';

const COURT_EQUIPMENT: T = [
  'meja PTSP pengadilan di MPP dengan akses e-Court dan SIPP, pos bantuan hukum (Posbakum), anjungan informasi perkara',
  'court one-stop desk at the MPP with e-Court and case-tracking (SIPP) access, legal aid post (Posbakum), case information kiosk',
];
const COURT_COMPETENCE: T = ['Panitera, juru sita dan petugas PTSP yang telah mengikuti pelatihan teknis Mahkamah Agung', 'Registrars, bailiffs and one-stop staff trained by the Supreme Court'];
const COURT_SUPERVISION = (court: string, courtEn: string): T => [
  `Hakim pengawas bidang, Panitera dan Ketua ${court}; Badan Pengawasan Mahkamah Agung`,
  `Supervising judges, the registrar and the chief of the ${courtEn}; the Supreme Court Oversight Agency`,
];
const COURT_LAW = [
  'PP 5/2019 tentang Jenis dan Tarif atas Jenis PNBP yang Berlaku pada Mahkamah Agung dan Badan Peradilan yang Berada di Bawahnya',
  'PERMA 7/2022 tentang Perubahan atas PERMA 1/2019 tentang Administrasi Perkara dan Persidangan di Pengadilan secara Elektronik',
  'PERMA 1/2014 tentang Pedoman Pemberian Layanan Hukum bagi Masyarakat Tidak Mampu di Pengadilan',
];
const PANJAR: FeeSpec = {
  amount: 0,
  variable: true,
  basis: 'PP 5/2019 dan SK Ketua Pengadilan tentang panjar biaya perkara',
  note: [
    'Panjar biaya perkara (pendaftaran Rp30.000, pemanggilan menurut radius, redaksi, meterai) tercantum dalam SKUM; gratis (prodeo) bagi warga tidak mampu dengan SKTM',
    'Court cost deposit (registration Rp30,000, summons by distance, drafting, duty stamps) shown on the cost slip; free (pro deo) for low-income residents with an SKTM',
  ],
};
const REGISTER: T = ['Datang ke meja PTSP atau daftar melalui e-Court; Posbakum membantu menyusun gugatan/permohonan', 'Come to the one-stop desk or file via e-Court; the legal aid post helps draft the claim or petition'];
const SKUM: T = ['Petugas menaksir panjar biaya (SKUM); pemohon membayar ke rekening pengadilan', 'The officer estimates the cost deposit; the applicant pays into the court account'];
const REGISTERED: T = ['Perkara diregister; pemohon menerima nomor perkara dan jadwal sidang', 'The case is registered; the applicant receives a case number and hearing date'];
const HEARING: T = ['Pemohon menghadiri sidang sesuai panggilan; putusan/penetapan dapat diunduh melalui e-Court', 'The applicant attends the hearings; the ruling can be downloaded via e-Court'];

const PA: AgencyProfile = {
  agencyCode: 'pengadilan-agama',
  legalBasis: ['UU 7/1989 tentang Peradilan Agama sebagaimana diubah terakhir dengan UU 50/2009', ...COURT_LAW],
  staffCount: 3,
  equipment: COURT_EQUIPMENT,
  competence: COURT_COMPETENCE,
  supervision: COURT_SUPERVISION('Pengadilan Agama', 'Religious Court'),
};

const CASE_NOTE = 'Perkara diputus paling lama 5 bulan (SEMA 2/2014); jangka waktu di sini adalah pendaftaran.';
const CASE_NOTE_EN = 'Cases are decided within 5 months (SEMA 2/2014); the time shown here is for registration.';

export const PENGADILAN_AGAMA_SERVICES = defineServices(PA, [
  {
    code: 'cerai-gugat',
    name: ['Pendaftaran Gugatan Cerai (Cerai Gugat)', 'Filing for divorce by the wife'],
    summary: [`Gugatan perceraian yang diajukan istri beragama Islam. ${CASE_NOTE}`, `Divorce claim filed by a Muslim wife. ${CASE_NOTE_EN}`],
    life: ['pernikahan'],
    kw: ['gugat cerai', 'cerai gugat', 'cerai', 'urus cerai', 'pisah', 'perceraian islam'],
    req: ['ktp-el', 'buku-nikah', 'kk', ['?surat-keterangan-ghaib', 'Bila alamat suami tidak diketahui', 'If the husband’s address is unknown'], ['?sktm', 'Untuk berperkara prodeo', 'For free (pro deo) proceedings']],
    steps: [REGISTER, STEP.verify, SKUM, REGISTERED, HEARING],
    time: '1d',
    fee: PANJAR,
    product: ['Nomor perkara dan relaas panggilan sidang; setelah putus, akta cerai', 'Case number and summons; after the ruling, the divorce certificate'],
  },
  {
    code: 'cerai-talak',
    name: ['Pendaftaran Permohonan Cerai Talak', 'Filing for divorce by the husband (talak)'],
    summary: [`Permohonan izin ikrar talak oleh suami beragama Islam. ${CASE_NOTE}`, `Petition by a Muslim husband for leave to pronounce talak. ${CASE_NOTE_EN}`],
    life: ['pernikahan'],
    kw: ['cerai talak', 'talak', 'suami menceraikan'],
    req: ['ktp-el', 'buku-nikah', 'kk', ['?sktm', 'Untuk berperkara prodeo', 'For free (pro deo) proceedings']],
    steps: [REGISTER, STEP.verify, SKUM, REGISTERED, HEARING],
    time: '1d',
    fee: PANJAR,
    product: ['Nomor perkara dan jadwal sidang; setelah ikrar talak, akta cerai', 'Case number and hearing date; after the pronouncement, the divorce certificate'],
  },
  {
    code: 'isbat-nikah',
    name: ['Permohonan Isbat Nikah', 'Petition to confirm an unregistered marriage (isbat nikah)'],
    summary: [`Pengesahan nikah siri atau nikah yang tidak tercatat agar bisa mendapat buku nikah, akta kelahiran anak dan KK. ${CASE_NOTE}`, `Confirms an unregistered Islamic marriage so that the couple can get a marriage book, children’s birth certificates and a family card. ${CASE_NOTE_EN}`],
    life: ['pernikahan', 'kelahiran'],
    kw: ['isbat nikah', 'itsbat nikah', 'nikah siri', 'sahkan nikah', 'nikah tidak tercatat'],
    req: ['ktp-el', 'kk', ['surat-rekomendasi', 'Surat keterangan belum tercatat dari KUA', 'Statement from the KUA that the marriage is unregistered'], ['saksi-identitas', 'Dua orang saksi yang menghadiri akad', 'Two witnesses who attended the ceremony'], ['?sktm', 'Untuk berperkara prodeo', 'For free (pro deo) proceedings']],
    steps: [REGISTER, STEP.verify, SKUM, REGISTERED, HEARING],
    time: '1d',
    fee: PANJAR,
    product: ['Nomor perkara; setelah sidang, penetapan isbat nikah untuk dicatat di KUA', 'Case number; after the hearing, a confirmation order to be recorded at the KUA'],
  },
  {
    code: 'dispensasi-kawin',
    name: ['Permohonan Dispensasi Kawin', 'Petition for marriage dispensation'],
    summary: ['Izin pengadilan bagi calon pengantin yang belum berumur 19 tahun; hakim mendengar anak dan orang tua serta mempertimbangkan kepentingan terbaik anak.', 'Court permission for a partner under 19; the judge hears the child and parents and weighs the child’s best interests.'],
    life: ['pernikahan'],
    kw: ['dispensasi kawin', 'dispensasi nikah', 'nikah di bawah umur', 'nikah umur 18'],
    req: ['ktp-el', 'kk', 'akta-kelahiran', ['surat-rekomendasi', 'Surat penolakan dari KUA dan rekomendasi dari psikolog/Dinas PPPA bila ada', 'KUA refusal letter and psychologist or child protection office recommendation where available'], 'ijazah'],
    steps: [REGISTER, STEP.verify, SKUM, REGISTERED, ['Sidang mendengar keterangan anak, calon pasangan dan orang tua', 'Hearing of the child, the partner and the parents']],
    time: '1d',
    fee: PANJAR,
    product: ['Penetapan dispensasi kawin (dikabulkan atau ditolak)', 'Dispensation order (granted or refused)'],
    legal: ['UU 16/2019 tentang Perubahan atas UU 1/1974 tentang Perkawinan', 'PERMA 5/2019 tentang Pedoman Mengadili Permohonan Dispensasi Kawin'],
  },
  {
    code: 'penetapan-ahli-waris-pa',
    name: ['Permohonan Penetapan Ahli Waris (Islam)', 'Petition for a determination of heirs (Islamic law)'],
    summary: ['Penetapan ahli waris dan bagian waris menurut hukum Islam, misalnya untuk balik nama sertifikat atau pencairan tabungan.', 'Court determination of heirs and shares under Islamic law, e.g. to transfer land titles or release savings.'],
    life: ['kematian', 'pertanahan'],
    kw: ['penetapan ahli waris', 'fatwa waris', 'p3hp', 'pembagian waris islam'],
    req: ['ktp-el', 'kk', 'akta-kematian', 'surat-keterangan-ahli-waris', ['?sertifikat-tanah', 'Daftar harta warisan', 'List of the estate']],
    steps: [REGISTER, STEP.verify, SKUM, REGISTERED, HEARING],
    time: '1d',
    fee: PANJAR,
    product: ['Penetapan ahli waris', 'Determination of heirs'],
  },
  {
    code: 'perwalian-anak',
    name: ['Permohonan Penetapan Perwalian Anak', 'Petition for guardianship of a child'],
    summary: ['Penunjukan wali bagi anak yang orang tuanya meninggal atau tidak cakap, misalnya untuk mengurus harta anak.', 'Appoints a guardian for a child whose parents died or cannot act, e.g. to manage the child’s property.'],
    life: ['kematian', 'sosial'],
    kw: ['perwalian anak', 'wali anak', 'hak asuh wali'],
    req: ['ktp-el', 'kk', 'akta-kelahiran', '?akta-kematian'],
    steps: [REGISTER, STEP.verify, SKUM, REGISTERED, HEARING],
    time: '1d',
    fee: PANJAR,
    product: ['Penetapan perwalian', 'Guardianship order'],
  },
  {
    code: 'asal-usul-anak',
    name: ['Permohonan Penetapan Asal Usul Anak', 'Petition to establish a child’s parentage'],
    summary: ['Penetapan bahwa seorang anak adalah anak sah dari pasangan suami istri, sebagai dasar pencatatan nama ayah pada akta kelahiran.', 'Establishes that a child is the legitimate child of a couple, so that the father can be named on the birth certificate.'],
    life: ['kelahiran', 'pernikahan'],
    kw: ['asal usul anak', 'penetapan anak', 'nama ayah akta'],
    req: ['ktp-el', 'kk', 'buku-nikah', ['?surat-keterangan-kelahiran', 'Surat keterangan kelahiran anak', 'The child’s certificate of birth']],
    steps: [REGISTER, STEP.verify, SKUM, REGISTERED, HEARING],
    time: '1d',
    fee: PANJAR,
    product: ['Penetapan asal usul anak', 'Parentage order'],
  },
  {
    code: 'akta-cerai',
    name: ['Pengambilan Akta Cerai', 'Collection of the divorce certificate (religious court)'],
    summary: ['Penerbitan dan penyerahan akta cerai setelah putusan berkekuatan hukum tetap; salinan putusan juga dapat diminta.', 'Issues the divorce certificate after the final ruling; copies of the ruling can also be requested.'],
    life: ['pernikahan', 'identitas'],
    kw: ['akta cerai', 'ambil akta cerai', 'akte cerai', 'salinan putusan cerai'],
    req: ['ktp-el', ['?surat-kuasa', 'Bila diambil oleh kuasa', 'If collected by a proxy']],
    steps: [STEP.queue, ['Petugas mencocokkan identitas dengan data perkara', 'The officer matches the identity with the case record'], ['Pembayaran PNBP akta cerai', 'Payment of the certificate fee'], ['Akta cerai diserahkan; data dikirim ke Dispendukcapil untuk pembaruan KK', 'The certificate is handed over; data are sent to Dispendukcapil to update the family card']],
    time: '30m',
    fee: { amount: 10_000, basis: 'PP 5/2019 (penerbitan akta cerai Rp10.000)' },
    product: ['Akta cerai', 'Divorce certificate'],
  },
]);

const PN: AgencyProfile = {
  agencyCode: 'pengadilan-negeri',
  legalBasis: ['UU 2/1986 tentang Peradilan Umum sebagaimana diubah terakhir dengan UU 49/2009', ...COURT_LAW],
  freeBasis: 'Tidak dipungut biaya',
  staffCount: 2,
  equipment: COURT_EQUIPMENT,
  competence: COURT_COMPETENCE,
  supervision: COURT_SUPERVISION('Pengadilan Negeri', 'District Court'),
};

export const PENGADILAN_NEGERI_SERVICES = defineServices(PN, [
  {
    code: 'sk-tidak-pernah-dipidana',
    name: ['Surat Keterangan Tidak Pernah Dipidana (e-Raterang)', 'Certificate of no criminal conviction (e-Raterang)'],
    summary: ['Surat keterangan dari Pengadilan Negeri untuk pendaftaran calon legislatif, kepala desa, pejabat atau syarat kerja tertentu.', 'District Court certificate for candidates for parliament, village head, public office or certain jobs.'],
    life: ['pekerjaan'],
    kw: ['surat tidak pernah dipidana', 'eraterang', 'surat keterangan pengadilan', 'sk pn'],
    req: ['ktp-el', 'skck', 'pas-foto-4x6', ['surat-pernyataan', 'Surat pernyataan tidak pernah dipidana', 'Statement of no conviction']],
    steps: [['Daftar di eraterang.badilum.mahkamahagung.go.id atau di meja PTSP', 'Register at eraterang.badilum.mahkamahagung.go.id or at the one-stop desk'], STEP.verify, ['Panitera memeriksa register pidana', 'The registrar checks the criminal register'], ['Surat keterangan ber-TTE dapat diunduh', 'The e-signed certificate can be downloaded']],
    time: '1d',
    product: ['Surat keterangan tidak pernah dipidana', 'Certificate of no criminal conviction'],
    online: true,
  },
  {
    code: 'legalisasi-surat-pn',
    name: ['Legalisasi Surat di Bawah Tangan (Waarmerking)', 'Legalisation of private documents (waarmerking)'],
    summary: ['Pendaftaran dan pengesahan surat di bawah tangan, misalnya surat perjanjian atau surat pernyataan, di kepaniteraan.', 'Registers and certifies private documents such as agreements or statements at the court registry.'],
    life: ['usaha', 'pertanahan'],
    kw: ['legalisasi surat', 'waarmerking', 'legalisir perjanjian'],
    req: ['ktp-el', ['surat-pernyataan', 'Surat asli yang akan dilegalisasi', 'The original document']],
    steps: [STEP.queue, STEP.verify, ['Pembayaran PNBP legalisasi', 'Payment of the legalisation fee'], ['Surat dicap, didaftar dan ditandatangani panitera', 'The document is stamped, registered and signed by the registrar']],
    time: '1d',
    fee: { amount: 10_000, basis: 'PP 5/2019 (legalisasi per surat)' },
    product: ['Surat yang telah dilegalisasi', 'Legalised document'],
  },
  {
    code: 'penetapan-ganti-nama',
    name: ['Permohonan Penetapan Ganti Nama', 'Petition for a change of name'],
    summary: [`Penetapan pengadilan untuk mengganti nama, sebagai dasar pencatatan di Dispendukcapil. ${CASE_NOTE}`, `Court order for a change of name, to be recorded by the civil registry. ${CASE_NOTE_EN}`],
    life: ['identitas'],
    kw: ['penetapan ganti nama', 'sidang ganti nama', 'ganti nama pengadilan'],
    req: ['ktp-el', 'kk', 'akta-kelahiran', ['saksi-identitas', 'Dua orang saksi', 'Two witnesses']],
    steps: [REGISTER, STEP.verify, SKUM, REGISTERED, HEARING],
    time: '1d',
    fee: PANJAR,
    product: ['Penetapan ganti nama', 'Change-of-name order'],
  },
  {
    code: 'gugatan-sederhana',
    name: ['Pendaftaran Gugatan Sederhana (Small Claim)', 'Small claims filing'],
    summary: ['Gugatan wanprestasi atau perbuatan melawan hukum dengan nilai paling banyak Rp500 juta, diputus hakim tunggal paling lama 25 hari.', 'Breach-of-contract or tort claims up to Rp500 million, decided by a single judge within 25 days.'],
    life: ['usaha'],
    kw: ['gugatan sederhana', 'small claim', 'tagih utang pengadilan'],
    req: ['ktp-el', ['surat-pernyataan', 'Formulir gugatan dan bukti surat yang dilegalisasi', 'Claim form and legalised written evidence'], '?surat-kuasa'],
    steps: [REGISTER, STEP.verify, SKUM, REGISTERED, HEARING],
    time: '1d',
    fee: PANJAR,
    product: ['Nomor perkara; putusan paling lama 25 hari sejak sidang pertama', 'Case number; a judgment within 25 days of the first hearing'],
    legal: ['PERMA 4/2019 tentang Perubahan atas PERMA 2/2015 tentang Tata Cara Penyelesaian Gugatan Sederhana'],
  },
]);

const KEJARI: AgencyProfile = {
  agencyCode: 'kejari',
  legalBasis: ['UU 16/2004 tentang Kejaksaan Republik Indonesia sebagaimana diubah dengan UU 11/2021'],
  freeBasis: 'Tidak dipungut biaya',
  staffCount: 2,
  equipment: ['gerai PTSP Kejaksaan di MPP, ruang penyimpanan barang bukti tilang, akses aplikasi e-tilang', 'Prosecutor’s one-stop counter at the MPP, traffic-ticket evidence storage, e-tilang access'],
  competence: ['Jaksa dan staf tata usaha yang telah mengikuti pelatihan PTSP dan pengelolaan barang bukti', 'Prosecutors and staff trained in one-stop service and evidence management'],
  supervision: ['Kepala Seksi dan Kepala Kejaksaan Negeri; Jaksa Agung Muda Pengawasan', 'Section head and chief district prosecutor; the Deputy Attorney General for Oversight'],
};

export const KEJARI_SERVICES = defineServices(KEJARI, [
  {
    code: 'tilang',
    name: ['Pembayaran Denda dan Pengambilan Barang Bukti Tilang', 'Traffic fine payment and collection of seized documents'],
    summary: ['Membayar denda tilang sesuai putusan hakim dan mengambil SIM/STNK/kendaraan yang disita.', 'Pay the traffic fine set by the court and collect the seized licence, STNK or vehicle.'],
    life: ['kendaraan'],
    kw: ['tilang', 'bayar tilang', 'ambil sim tilang', 'denda tilang', 'e-tilang', 'ambil stnk tilang'],
    req: ['surat-tilang', 'ktp-el', ['?surat-kuasa', 'Bila diambil oleh orang lain', 'If collected by someone else']],
    steps: [['Cek putusan dan besaran denda di situs tilang Kejaksaan atau gerai', 'Check the ruling and fine on the prosecutor’s tilang site or at the counter'], ['Bayar denda melalui BRIVA/bank', 'Pay the fine through BRIVA or a bank'], ['Serahkan bukti bayar dan surat tilang di gerai Kejaksaan', 'Hand in the receipt and ticket at the prosecutor’s counter'], ['Barang bukti diserahkan kembali', 'The seized items are returned']],
    time: '30m',
    fee: { amount: 0, variable: true, basis: 'UU 22/2009; PERMA 12/2016 tentang Tata Cara Penyelesaian Perkara Pelanggaran Lalu Lintas', note: ['Denda sesuai putusan hakim menurut jenis pelanggaran, ditambah biaya perkara Rp1.000', 'The fine set by the judge for the offence, plus Rp1,000 court costs'] },
    product: ['Barang bukti tilang (SIM/STNK/kendaraan) dan bukti pelunasan', 'Returned items and payment receipt'],
    online: true,
    legal: ['UU 22/2009 tentang Lalu Lintas dan Angkutan Jalan', 'PERMA 12/2016 tentang Tata Cara Penyelesaian Perkara Pelanggaran Lalu Lintas'],
  },
  {
    code: 'pengembalian-barang-bukti',
    name: ['Pengembalian Barang Bukti Perkara Pidana', 'Return of criminal case evidence'],
    summary: ['Pengembalian barang bukti kepada yang berhak sesuai putusan pengadilan berkekuatan hukum tetap.', 'Returns evidence to its rightful owner under a final court judgment.'],
    life: ['sosial'],
    kw: ['ambil barang bukti', 'pengembalian barang bukti', 'barbuk'],
    req: ['ktp-el', 'putusan-pengadilan', ['?bpkb', 'Bukti kepemilikan barang (BPKB, kuitansi, sertifikat)', 'Proof of ownership (BPKB, receipt, title)'], '?surat-kuasa'],
    steps: [STEP.queue, STEP.verify, ['Jaksa eksekutor memeriksa putusan dan bukti kepemilikan', 'The executing prosecutor checks the ruling and proof of ownership'], ['Barang bukti diserahkan dengan berita acara', 'The evidence is handed over with a record']],
    time: '3d',
    product: ['Barang bukti dan berita acara pengembalian', 'Returned evidence and handover record'],
  },
  {
    code: 'pelayanan-hukum-gratis',
    name: ['Pelayanan Hukum Gratis (Konsultasi Hukum)', 'Free legal consultation'],
    summary: ['Konsultasi hukum perdata dan tata usaha negara tanpa biaya oleh Jaksa Pengacara Negara.', 'Free advice on civil and administrative law by state attorneys.'],
    life: ['sosial'],
    kw: ['konsultasi hukum', 'tanya jaksa', 'bantuan hukum gratis', 'jaksa menjawab'],
    req: ['ktp-el', '?surat-pernyataan'],
    steps: [STEP.queue, ['Pemohon menyampaikan persoalan hukumnya', 'The applicant explains the legal problem'], ['Jaksa memberikan pendapat dan saran hukum', 'A prosecutor gives legal advice'], ['Ringkasan konsultasi diberikan', 'A summary of the consultation is provided']],
    time: '1h',
    product: ['Pendapat dan saran hukum', 'Legal advice'],
  },
]);

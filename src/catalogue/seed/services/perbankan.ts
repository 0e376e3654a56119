import { defineServices, STEP, type AgencyProfile, type T } from '../helpers.ts';

const BANK_LAW = [
  'UU 7/1992 tentang Perbankan sebagaimana diubah dengan UU 10/1998',
  'UU 4/2023 tentang Pengembangan dan Penguatan Sektor Keuangan',
  'POJK 22/2023 tentang Pelindungan Konsumen dan Masyarakat di Sektor Jasa Keuangan',
];
const KUR_LAW = ['Permenko Perekonomian 1/2023 tentang Pedoman Pelaksanaan Kredit Usaha Rakyat beserta perubahannya'];
const BANK_GUARANTEE: T = [
  'Layanan sesuai standar ini dan ketentuan OJK; pengaduan ditanggapi sesuai POJK pelindungan konsumen; simpanan dijamin LPS sesuai ketentuan',
  'Service to this standard and OJK rules; complaints handled under the OJK consumer protection rule; deposits insured by LPS as provided',
];

function bankProfile(agencyCode: string, bank: string): AgencyProfile {
  return {
    agencyCode,
    legalBasis: BANK_LAW,
    freeBasis: 'Tidak dikenakan biaya layanan',
    online: true,
    staffCount: 2,
    equipment: [`gerai ${bank} di MPP dengan customer service, teller dan perangkat e-KYC`, `${bank} counter at the MPP with customer service, teller and e-KYC devices`],
    competence: [`Customer service dan petugas kredit ${bank} bersertifikat (sertifikasi manajemen risiko/perbankan)`, `${bank} customer service and loan officers with banking certification`],
    supervision: [`Pemimpin cabang dan Satuan Kerja Audit Intern ${bank}; pengawasan Otoritas Jasa Keuangan`, `Branch manager and ${bank} internal audit; supervision by the Financial Services Authority (OJK)`],
    guarantee: BANK_GUARANTEE,
  };
}

const CS: T = ['Datang ke customer service gerai bank atau ajukan melalui aplikasi', 'Go to the bank counter’s customer service or apply in the app'];
const EKYC: T = ['Verifikasi identitas (e-KYC) dengan data Dukcapil', 'Identity verification (e-KYC) against civil registry data'];

function openAccount(code: string, agencyCode: string, bank: string, product: string, kw: string[]) {
  return defineServices(bankProfile(agencyCode, bank), [
    {
      code,
      name: [`Pembukaan Rekening Tabungan ${bank} (${product})`, `Opening a ${bank} savings account (${product})`],
      summary: [`Pembukaan rekening tabungan ${product} beserta kartu debit dan mobile banking.`, `Opens a ${product} savings account with a debit card and mobile banking.`],
      life: ['usaha', 'pekerjaan'],
      kw,
      req: ['ktp-el', '?npwp'],
      steps: [CS, EKYC, ['Pengisian formulir pembukaan rekening dan setoran awal', 'Account form and initial deposit'], ['Buku tabungan/kartu debit diberikan dan mobile banking diaktifkan', 'Passbook or debit card issued and mobile banking activated']],
      time: '30m',
      fee: { amount: 0, note: ['Setoran awal dan biaya administrasi bulanan sesuai ketentuan produk', 'Initial deposit and monthly fees per the product terms'] },
      product: ['Rekening tabungan aktif, kartu debit', 'Active savings account and debit card'],
    },
  ]);
}

function kur(code: string, agencyCode: string, bank: string, kw: string[]) {
  return defineServices(bankProfile(agencyCode, bank), [
    {
      code,
      name: [`Pengajuan Kredit Usaha Rakyat (KUR) ${bank}`, `People’s Business Credit (KUR) application at ${bank}`],
      summary: [`Kredit modal kerja dan investasi bersubsidi bagi usaha mikro dan kecil melalui ${bank}; KUR mikro sampai Rp100 juta tanpa agunan tambahan.`, `Subsidised working-capital and investment loans for micro and small businesses through ${bank}; micro KUR up to Rp100 million without extra collateral.`],
      life: ['usaha'],
      kw,
      req: ['ktp-el', 'kk', ['nib', 'NIB atau surat keterangan usaha dari desa', 'NIB or a village certificate of business'], '?npwp', '?buku-nikah'],
      steps: [CS, ['Wawancara dan survei usaha oleh petugas kredit', 'Interview and business visit by a loan officer'], ['Analisis kelayakan dan pengecekan SLIK OJK', 'Credit analysis and OJK credit bureau check'], ['Akad kredit dan pencairan ke rekening', 'Loan agreement and disbursement to the account']],
      time: '5d',
      fee: { amount: 0, note: ['Tanpa biaya provisi dan administrasi; bunga/margin KUR sesuai ketentuan pemerintah (KUR mikro 6% efektif per tahun)', 'No provision or admin fees; interest per the government’s KUR terms (micro KUR 6% effective a year)'] },
      product: ['Fasilitas KUR dan pencairan dana', 'KUR facility and disbursement'],
      legal: KUR_LAW,
    },
  ]);
}

export const BANK_SERVICES = [
  ...openAccount('bri-buka-rekening', 'bri', 'BRI', 'Simpedes/BritAma', ['buka rekening bri', 'tabungan bri', 'simpedes', 'britama']),
  ...kur('kur-bri', 'bri', 'BRI', ['kur bri', 'pinjaman bri', 'kur mikro bri']),
  ...defineServices(bankProfile('bri', 'BRI'), [
    {
      code: 'brimo-aktivasi',
      name: ['Registrasi dan Aktivasi BRImo', 'BRImo mobile banking registration'],
      summary: ['Pendaftaran dan aktivasi aplikasi BRImo untuk transfer, pembayaran pajak dan tagihan.', 'Registers and activates the BRImo app for transfers and tax and bill payments.'],
      life: ['usaha', 'pajak'],
      kw: ['brimo', 'mobile banking bri', 'aktivasi brimo', 'lupa pin brimo'],
      req: ['ktp-el', 'buku-tabungan'],
      steps: [CS, EKYC, ['Aktivasi akun dan pembuatan PIN di ponsel nasabah', 'Account activation and PIN set-up on the customer’s phone']],
      time: '15m',
      product: ['BRImo aktif', 'Active BRImo account'],
    },
  ]),
  ...openAccount('bni-buka-rekening', 'bni', 'BNI', 'Taplus', ['buka rekening bni', 'tabungan bni', 'taplus']),
  ...kur('kur-bni', 'bni', 'BNI', ['kur bni', 'pinjaman bni', 'kredit usaha bni']),
  ...defineServices(bankProfile('bni', 'BNI'), [
    {
      code: 'tabungan-pelajar',
      name: ['Pembukaan Simpanan Pelajar (SimPel) dan Rekening PIP', 'Student savings (SimPel) and PIP aid account'],
      summary: ['Tabungan pelajar tanpa biaya administrasi; juga rekening penyaluran Program Indonesia Pintar.', 'Student savings with no admin fee; also the account for Smart Indonesia Programme payments.'],
      life: ['pendidikan'],
      kw: ['tabungan pelajar', 'simpel', 'rekening pip', 'rekening siswa'],
      req: ['kk', 'akta-kelahiran', ['ktp-el', 'KTP-el orang tua/wali', 'Parent’s or guardian’s KTP-el'], ['surat-rekomendasi', 'Surat keterangan dari sekolah', 'Letter from the school']],
      steps: [CS, EKYC, ['Pembukaan rekening atas nama siswa dengan orang tua sebagai wali', 'Account opened in the pupil’s name with the parent as guardian'], ['Buku tabungan diberikan', 'The passbook is issued']],
      time: '30m',
      fee: { amount: 0, note: ['Setoran awal ringan sesuai ketentuan SimPel; rekening PIP tanpa setoran awal', 'A small initial deposit per SimPel terms; PIP accounts need none'] },
      product: ['Rekening simpanan pelajar', 'Student savings account'],
    },
  ]),
  ...defineServices(bankProfile('bank-jatim', 'Bank Jatim'), [
    {
      code: 'pembayaran-pbb-p2',
      name: ['Pembayaran PBB-P2 dan Pajak Daerah', 'Payment of the land and building tax and other regional taxes'],
      summary: ['Bayar PBB-P2, BPHTB, pajak restoran/hotel dan retribusi daerah Banyuwangi di loket Bank Jatim, ATM, mobile banking, QRIS atau minimarket.', 'Pay the land and building tax, land duty, restaurant/hotel taxes and Banyuwangi retributions at Bank Jatim, ATMs, mobile banking, QRIS or minimarkets.'],
      life: ['pajak', 'pertanahan'],
      kw: ['bayar pbb', 'pembayaran pbb', 'lunas pbb', 'bayar pajak bumi', 'pbb', 'bayar pajak daerah'],
      req: ['sppt-pbb'],
      steps: [['Bawa SPPT atau sebutkan NOP di teller, atau bayar lewat kanal digital', 'Bring the SPPT or quote the tax object number at the teller, or pay digitally'], ['Teller menampilkan tagihan dan denda bila ada', 'The teller shows the amount due and any penalty'], ['Pembayaran dilakukan', 'Payment is made'], ['Bukti pembayaran (STTS) tervalidasi diterima', 'A validated payment receipt is issued']],
      time: '15m',
      fee: { amount: 0, variable: true, basis: 'UU 1/2022; Perda Kabupaten Banyuwangi tentang Pajak Daerah dan Retribusi Daerah', note: ['Sebesar pajak terutang dalam SPPT ditambah denda bila terlambat; tanpa biaya layanan di loket', 'The tax due on the notice plus late penalties; no service fee at the counter'] },
      product: ['Bukti pembayaran pajak tervalidasi', 'Validated tax receipt'],
    },
    {
      code: 'setoran-awal-haji',
      name: ['Pembukaan Tabungan Haji dan Setoran Awal BPIH', 'Hajj savings account and initial Hajj deposit'],
      summary: ['Pembukaan tabungan haji dan setoran awal BPIH Rp25 juta di bank penerima setoran, syarat mendaftar haji di Kemenag.', 'Opens a Hajj savings account and pays the Rp25 million initial deposit at a receiving bank, required to register for Hajj at Kemenag.'],
      life: ['sosial'],
      kw: ['setoran haji', 'tabungan haji', 'setoran awal bpih', 'rekening haji'],
      req: ['ktp-el', 'kk', ['akta-kelahiran', 'Akta kelahiran, ijazah atau buku nikah', 'Birth certificate, diploma or marriage book'], 'pas-foto-3x4'],
      steps: [CS, EKYC, ['Pembukaan rekening tabungan haji syariah', 'Opening a sharia Hajj savings account'], ['Setoran awal BPIH dan input data ke SISKOHAT', 'Initial deposit paid and data entered in SISKOHAT'], ['Bukti setoran awal diberikan untuk dibawa ke Kemenag', 'Deposit receipt issued to take to Kemenag']],
      time: '1h',
      fee: { amount: 0, note: ['Setoran awal BPIH Rp25.000.000 masuk ke rekening jemaah, bukan biaya layanan', 'The Rp25,000,000 deposit goes into the pilgrim’s account, not a service fee'] },
      product: ['Buku tabungan haji dan bukti setoran awal BPIH', 'Hajj savings passbook and deposit receipt'],
      online: false,
      legal: ['UU 34/2014 tentang Pengelolaan Keuangan Haji', 'UU 8/2019 tentang Penyelenggaraan Ibadah Haji dan Umrah'],
    },
  ]),
  ...openAccount('bank-jatim-buka-rekening', 'bank-jatim', 'Bank Jatim', 'Simpeda/SiKlas', ['buka rekening bank jatim', 'tabungan bank jatim', 'simpeda']),
  ...kur('kur-bank-jatim', 'bank-jatim', 'Bank Jatim', ['kur bank jatim', 'pinjaman bank jatim', 'kredit usaha bank jatim']),
];

const POS: AgencyProfile = {
  agencyCode: 'pos',
  legalBasis: ['UU 38/2009 tentang Pos'],
  freeBasis: 'Tidak dikenakan biaya',
  staffCount: 2,
  equipment: ['loket Pos Indonesia di MPP dengan timbangan, aplikasi Pospay dan layanan antar', 'Post office counter at the MPP with scales, the Pospay app and courier service'],
  competence: ['Petugas loket dan kurir Pos Indonesia terlatih', 'Trained Pos Indonesia counter staff and couriers'],
  supervision: ['Kepala Kantor Cabang dan Satuan Pengawasan Intern Pos Indonesia', 'Branch head and Pos Indonesia internal audit'],
};

export const POS_SERVICES = defineServices(POS, [
  {
    code: 'kirim-dokumen-pos',
    name: ['Pengiriman Dokumen Hasil Layanan ke Rumah', 'Home delivery of finished documents'],
    summary: ['KTP-el, KK, akta, paspor atau SIM yang sudah jadi dikirim ke alamat pemohon sehingga tidak perlu kembali ke MPP.', 'Finished KTP-el cards, family cards, certificates, passports or licences are delivered so the applicant need not return to the MPP.'],
    life: ['identitas', 'pindah'],
    kw: ['kirim dokumen', 'antar ke rumah', 'dokumen dikirim pos', 'kirim paspor'],
    req: ['ktp-el', ['bukti-pembayaran', 'Bukti permohonan layanan asal', 'Receipt of the original application']],
    steps: [['Pilih opsi pengiriman saat mengajukan layanan atau di loket Pos MPP', 'Choose delivery when applying, or at the post office counter at the MPP'], ['Pembayaran ongkos kirim', 'Payment of postage'], ['Dokumen dikemas dan dikirim dengan nomor resi', 'The document is packed and sent with a tracking number'], ['Dokumen diterima pemohon dengan verifikasi identitas', 'The applicant receives the document after an identity check']],
    time: '3d',
    fee: { amount: 0, variable: true, note: ['Ongkos kirim menurut tujuan dan berat', 'Postage by destination and weight'] },
    product: ['Dokumen diterima di alamat pemohon', 'Document delivered to the applicant’s address'],
    online: true,
  },
  {
    code: 'pencairan-bansos-pos',
    name: ['Pencairan Bantuan Sosial melalui Kantor Pos', 'Collection of social assistance at the post office'],
    summary: ['Penyaluran bantuan sosial (PKH, sembako, BLT) kepada penerima yang terdaftar, di kantor pos atau komunitas.', 'Pays social assistance (PKH, food aid, cash transfers) to registered recipients at the post office or in the community.'],
    life: ['sosial'],
    kw: ['cair bansos pos', 'ambil bantuan di pos', 'blt pos', 'bansos kantor pos'],
    req: ['ktp-el', 'kk', ['surat-rekomendasi', 'Surat undangan/barcode penerima dari Pos', 'Recipient invitation or barcode from Pos']],
    steps: [['Datang sesuai undangan dengan membawa KTP-el dan KK', 'Come as invited with the KTP-el and family card'], ['Verifikasi identitas dan pemindaian barcode', 'Identity check and barcode scan'], ['Foto geotagging penerima dan penyerahan dana', 'Geotagged photo of the recipient and payment'], ['Bukti penerimaan ditandatangani', 'Receipt signed']],
    time: '30m',
    product: ['Bantuan sosial diterima', 'Assistance received'],
  },
  {
    code: 'meterai',
    name: ['Penjualan Meterai Tempel', 'Sale of revenue (duty) stamps'],
    summary: ['Pembelian meterai Rp10.000 untuk surat pernyataan, surat kuasa dan perjanjian; meterai elektronik tersedia di kanal resmi.', 'Buy Rp10,000 duty stamps for statements, powers of attorney and agreements; e-stamps are available through official channels.'],
    life: ['usaha', 'pertanahan'],
    kw: ['beli meterai', 'materai', 'meterai 10000', 'e-meterai'],
    req: ['?ktp-el'],
    steps: [['Datang ke loket Pos', 'Come to the post office counter'], ['Sebutkan jumlah meterai yang dibutuhkan', 'Say how many stamps you need'], ['Bayar dan terima meterai', 'Pay and receive the stamps']],
    time: '5m',
    fee: { amount: 10_000, basis: 'UU 10/2020 tentang Bea Meterai (Rp10.000 per dokumen)' },
    product: ['Meterai tempel Rp10.000', 'Rp10,000 duty stamp'],
    legal: ['UU 10/2020 tentang Bea Meterai'],
  },
]);

import type { DocumentTypeSeed } from './types.ts';

/**
 * Document types a requirement can ask for, shared across agencies. Adminduk forms are those of
 * Permendagri 109/2019 tentang Formulir dan Buku yang Digunakan dalam Administrasi Kependudukan.
 */
function doc(code: string, id: string, en: string, descId?: string, descEn?: string): DocumentTypeSeed {
  return descId && descEn ? { code, name: { id, en }, description: { id: descId, en: descEn } } : { code, name: { id, en } };
}

export const DOCUMENT_TYPES: DocumentTypeSeed[] = [
  // — identity and civil registration —
  doc('ktp-el', 'KTP elektronik (KTP-el)', 'Electronic identity card (KTP-el)',
    'Kartu Tanda Penduduk elektronik yang masih berlaku; fotokopi atau pindaian, kecuali diminta asli.',
    'A valid electronic identity card; a copy or scan unless the original is asked for.'),
  doc('kk', 'Kartu Keluarga (KK)', 'Family card (KK)', 'Kartu Keluarga terbaru (cetak kertas HVS dengan TTE).', 'The latest family card (printed on plain paper with an electronic signature).'),
  doc('kia', 'Kartu Identitas Anak (KIA)', 'Child identity card (KIA)'),
  doc('akta-kelahiran', 'Kutipan akta kelahiran', 'Birth certificate'),
  doc('akta-kematian', 'Kutipan akta kematian', 'Death certificate'),
  doc('akta-perkawinan', 'Kutipan akta perkawinan', 'Marriage certificate (civil registry)'),
  doc('buku-nikah', 'Buku nikah (kutipan akta nikah KUA)', 'Marriage book (KUA marriage certificate)'),
  doc('akta-perceraian', 'Kutipan akta perceraian / akta cerai', 'Divorce certificate'),
  doc('paspor', 'Paspor', 'Passport'),
  doc('kitas-kitap', 'KITAS / KITAP', 'Temporary or permanent stay permit (KITAS / KITAP)', 'Izin tinggal terbatas atau tetap bagi orang asing.', 'Limited or permanent stay permit for foreign nationals.'),
  doc('skpwni', 'Surat Keterangan Pindah WNI (SKPWNI)', 'Certificate of move (SKPWNI)', 'Diterbitkan Dinas Dukcapil daerah asal.', 'Issued by the civil registry of the place of origin.'),
  doc('surat-keterangan-kelahiran', 'Surat keterangan kelahiran', 'Certificate of birth (from the birth attendant)', 'Dari rumah sakit, puskesmas, bidan, atau kepala desa/lurah.', 'From the hospital, health centre, midwife or village head.'),
  doc('surat-keterangan-kematian', 'Surat keterangan kematian', 'Certificate of death (from hospital or village)', 'Dari rumah sakit/puskesmas atau kepala desa/lurah.', 'From the hospital/health centre or the village head.'),
  doc('surat-pengantar-rt-rw', 'Surat pengantar RT/RW', 'Cover letter from the neighbourhood head (RT/RW)'),
  doc('surat-keterangan-domisili', 'Surat keterangan domisili', 'Certificate of domicile'),
  doc('sktm', 'Surat Keterangan Tidak Mampu (SKTM)', 'Certificate of low income (SKTM)', 'Dari kepala desa/lurah, atau bukti terdaftar di DTKS.', 'From the village head, or proof of listing in the social welfare register (DTKS).'),
  doc('surat-keterangan-usaha', 'Surat Keterangan Usaha (SKU)', 'Certificate of business (SKU)'),
  doc('surat-keterangan-ahli-waris', 'Surat keterangan ahli waris', 'Certificate of heirs', 'Dibuat para ahli waris, disaksikan dan dikuatkan kepala desa/lurah dan camat.', 'Made by the heirs, witnessed and endorsed by the village head and sub-district head.'),
  doc('surat-keterangan-ghaib', 'Surat keterangan ghaib', 'Certificate of unknown whereabouts', 'Keterangan desa bahwa seseorang tidak diketahui keberadaannya.', 'Village statement that a person’s whereabouts are unknown.'),
  doc('surat-pengantar-nikah', 'Surat pengantar nikah (model N1–N4)', 'Marriage cover letters (forms N1–N4)', 'Surat pengantar perkawinan, permohonan kehendak, persetujuan calon pengantin, izin orang tua (PMA 20/2019).', 'Marriage cover letter, notice of intent, consent of the couple, parental consent (PMA 20/2019).'),
  doc('surat-kehilangan-polisi', 'Surat tanda lapor kehilangan dari kepolisian', 'Police report of loss'),
  doc('pas-foto-3x4', 'Pas foto 3×4', 'Passport photo 3×4 cm'),
  doc('pas-foto-4x6', 'Pas foto 4×6', 'Photo 4×6 cm'),
  doc('pas-foto-2x3', 'Pas foto 2×3', 'Photo 2×3 cm'),
  // — adminduk forms (Permendagri 109/2019) —
  doc('formulir-f1-01', 'Formulir F-1.01 Biodata Keluarga', 'Form F-1.01 Family biodata'),
  doc('formulir-f1-02', 'Formulir F-1.02 Pendaftaran Peristiwa Kependudukan', 'Form F-1.02 Population event registration'),
  doc('formulir-f1-03', 'Formulir F-1.03 Pendaftaran Perpindahan Penduduk', 'Form F-1.03 Change of residence'),
  doc('formulir-f1-04', 'Formulir F-1.04 SPTJM Kebenaran Data Kelahiran', 'Form F-1.04 Sworn statement on birth data'),
  doc('formulir-f1-05', 'Formulir F-1.05 SPTJM Kebenaran sebagai Pasangan Suami Istri', 'Form F-1.05 Sworn statement of being husband and wife'),
  doc('formulir-f1-06', 'Formulir F-1.06 Pernyataan Perubahan Elemen Data Kependudukan', 'Form F-1.06 Statement of change of population data'),
  doc('formulir-f2-01', 'Formulir F-2.01 Pelaporan Pencatatan Sipil', 'Form F-2.01 Civil registration report'),
  // — general —
  doc('formulir-permohonan', 'Formulir permohonan (disediakan petugas)', 'Application form (provided at the counter)'),
  doc('surat-pernyataan', 'Surat pernyataan bermeterai', 'Signed statement with duty stamp'),
  doc('surat-kuasa', 'Surat kuasa bermeterai', 'Power of attorney with duty stamp', 'Bila diurus oleh orang lain, disertai KTP-el penerima kuasa.', 'When someone else files on your behalf, with the proxy’s KTP-el.'),
  doc('penetapan-pengadilan', 'Salinan penetapan pengadilan', 'Copy of a court order'),
  doc('putusan-pengadilan', 'Salinan putusan pengadilan berkekuatan hukum tetap', 'Copy of a final court judgment'),
  doc('bukti-pembayaran', 'Bukti pembayaran / bukti setor', 'Proof of payment'),
  doc('saksi-identitas', 'KTP-el dua orang saksi', 'KTP-el of two witnesses'),
  doc('ijazah', 'Ijazah / STTB', 'School or university diploma'),
  doc('rapor', 'Rapor / buku induk siswa', 'School report book'),
  doc('skck', 'SKCK lama (asli)', 'Previous police clearance certificate (original)'),
  doc('surat-keterangan-sehat', 'Surat keterangan sehat dari dokter', 'Medical certificate'),
  doc('hasil-tes-psikologi', 'Surat hasil tes psikologi', 'Psychological test result'),
  doc('surat-rekomendasi', 'Surat rekomendasi instansi/organisasi', 'Letter of recommendation'),
  // — business and buildings —
  doc('nib', 'Nomor Induk Berusaha (NIB)', 'Business identification number (NIB)'),
  doc('npwp', 'NPWP', 'Taxpayer identification number (NPWP)'),
  doc('akta-pendirian', 'Akta pendirian badan usaha/badan hukum dan SK Kemenkumham', 'Deed of establishment and Ministry of Law decree'),
  doc('str', 'Surat Tanda Registrasi (STR) tenaga kesehatan', 'Health professional registration (STR)'),
  doc('sertifikat-kompetensi', 'Sertifikat kompetensi / pelatihan', 'Certificate of competence / training'),
  doc('dokumen-teknis-bangunan', 'Dokumen rencana teknis bangunan (arsitektur, struktur, MEP)', 'Building technical plans (architecture, structure, MEP)'),
  doc('kkpr', 'KKPR / PKKPR (kesesuaian pemanfaatan ruang)', 'Spatial-use conformity (KKPR / PKKPR)'),
  doc('dokumen-lingkungan', 'Dokumen lingkungan (SPPL / UKL-UPL)', 'Environmental document (SPPL / UKL-UPL)'),
  doc('denah-lokasi', 'Denah lokasi dan foto lokasi', 'Site sketch and photographs'),
  doc('daftar-sarana', 'Daftar sarana, prasarana dan peralatan', 'List of premises and equipment'),
  doc('daftar-tenaga', 'Daftar ketenagaan beserta ijazah dan STR', 'Staff list with diplomas and registrations'),
  // — land —
  doc('sertifikat-tanah', 'Sertifikat hak atas tanah (asli)', 'Land title certificate (original)'),
  doc('sppt-pbb', 'SPPT PBB-P2 tahun berjalan dan bukti lunas', 'Current land and building tax notice (SPPT PBB-P2) and receipt'),
  doc('akta-jual-beli', 'Akta PPAT (jual beli, hibah, tukar, waris)', 'Land deed drawn by a land deed official (PPAT)'),
  doc('bukti-tanah-adat', 'Bukti penguasaan tanah (Letter C, petok D, riwayat tanah)', 'Proof of customary land holding (Letter C, petok D, land history)'),
  doc('ssb-bphtb', 'SSPD BPHTB tervalidasi', 'Validated land acquisition duty receipt (BPHTB)'),
  doc('bukti-pph-final', 'Bukti setor PPh final pengalihan hak atas tanah', 'Receipt of final income tax on land transfer'),
  // — vehicles —
  doc('stnk', 'STNK', 'Vehicle registration certificate (STNK)'),
  doc('bpkb', 'BPKB (asli)', 'Vehicle ownership book (BPKB), original'),
  doc('sim', 'SIM', 'Driving licence (SIM)'),
  doc('kuitansi-jual-beli-kendaraan', 'Kuitansi jual beli kendaraan bermotor', 'Vehicle sale receipt'),
  doc('cek-fisik-kendaraan', 'Hasil cek fisik kendaraan (gesekan nomor rangka dan mesin)', 'Vehicle physical check (chassis and engine number rubbings)'),
  doc('surat-tilang', 'Surat tilang / blanko e-tilang', 'Traffic ticket (tilang)'),
  // — social security, work, pensions —
  doc('kartu-bpjs-kesehatan', 'Kartu JKN-KIS / nomor peserta BPJS Kesehatan', 'National health insurance card (JKN-KIS)'),
  doc('kartu-bpjs-ketenagakerjaan', 'Kartu peserta BPJS Ketenagakerjaan', 'Employment social security card'),
  doc('paklaring', 'Surat keterangan berhenti bekerja / paklaring', 'Letter of termination of employment'),
  doc('sk-kepegawaian', 'SK pengangkatan / SK pensiun ASN', 'Civil service appointment or pension decree'),
  doc('buku-tabungan', 'Buku tabungan / rekening bank atas nama pemohon', 'Bank passbook in the applicant’s name'),
  doc('kartu-ak1', 'Kartu tanda bukti pendaftaran pencari kerja (AK/1)', 'Job seeker card (AK/1)'),
  // — utilities —
  doc('slo-instalasi', 'Sertifikat Laik Operasi (SLO) instalasi listrik', 'Certificate of operational fitness of the electrical installation (SLO)'),
  doc('rekening-listrik-air', 'Rekening / ID pelanggan listrik atau air terakhir', 'Latest electricity or water bill / customer ID'),
];

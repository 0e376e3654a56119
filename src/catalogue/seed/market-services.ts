/**
 * Regency services offered at each Pasar Pelayanan Publik (market service unit). The units serve
 * documents and licences under the regency's own authority — adminduk, licensing for small
 * traders, regional tax, social programmes — plus the Bank Jatim PBB payment desk. Kept apart
 * from service-points.ts so that the service builders can mark these services with the 'market'
 * channel without an import cycle.
 */

const ADMINDUK_CORE = [
  'ktp-el-baru',
  'ktp-el-rusak',
  'ktp-el-hilang',
  'ktp-el-perubahan-data',
  'aktivasi-ikd',
  'kk-baru',
  'kk-perubahan-data',
  'kk-hilang-rusak',
  'kia',
  'akta-kelahiran',
  'akta-kematian',
  'surat-pindah',
  'surat-datang',
  'surat-keterangan-kependudukan',
];

export const MARKET_SERVICE_CODES = {
  /** Pasar Pelayanan Publik Rogojampi (opened December 2019, east side of Pasar Rogojampi). */
  rogojampi: [
    ...ADMINDUK_CORE,
    'akta-kelahiran-kutipan-kedua',
    'pembetulan-akta',
    'nib-pendampingan',
    'izin-usaha-mikro',
    'konsultasi-perizinan',
    'pbg',
    'izin-reklame',
    'salinan-sppt-pbb',
    'mutasi-pbb',
    'surat-keterangan-lunas-pbb',
    'pembayaran-pbb-p2',
    'usulan-dtks',
    'rekomendasi-pbi-jk',
    'surat-keterangan-dtks',
    'kartu-ak1',
    'tera-ulang',
    'kios-pasar',
    'pendataan-umkm',
    'spp-irt',
  ],
  /** Pasar Pelayanan Publik Genteng (the first market unit, in Pasar Genteng). */
  genteng: [
    ...ADMINDUK_CORE,
    'nib-pendampingan',
    'izin-usaha-mikro',
    'konsultasi-perizinan',
    'salinan-sppt-pbb',
    'mutasi-pbb',
    'pembayaran-pbb-p2',
    'usulan-dtks',
    'rekomendasi-pbi-jk',
    'kartu-ak1',
    'tera-ulang',
    'kios-pasar',
    'spp-irt',
  ],
} satisfies Record<string, string[]>;

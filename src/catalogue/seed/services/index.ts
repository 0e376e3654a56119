import type { ServiceSeed } from '../types.ts';
import { BPJS_KESEHATAN_SERVICES, BPJS_KETENAGAKERJAAN_SERVICES } from './bpjs.ts';
import { BPN_SERVICES } from './bpn.ts';
import { DESA_SERVICES } from './desa.ts';
import { DISPENDUKCAPIL_SERVICES } from './dispendukcapil.ts';
import { DPMPTSP_SERVICES } from './dpmptsp.ts';
import { IMIGRASI_SERVICES } from './imigrasi.ts';
import { KEMENAG_SERVICES } from './kemenag.ts';
import { DISHUB_SERVICES, JASA_RAHARJA_SERVICES, SAMSAT_SERVICES } from './kendaraan.ts';
import { DISNAKER_SERVICES, TASPEN_SERVICES } from './ketenagakerjaan.ts';
import { BAKESBANGPOL_SERVICES, DLH_SERVICES } from './lainnya.ts';
import { BAPENDA_SERVICES, KPP_SERVICES } from './pajak.ts';
import { DISKAN_SERVICES, DISKOP_SERVICES, DISPENDIK_SERVICES } from './pendidikan-umkm.ts';
import { BANK_SERVICES, POS_SERVICES } from './perbankan.ts';
import { KEJARI_SERVICES, PENGADILAN_AGAMA_SERVICES, PENGADILAN_NEGERI_SERVICES } from './peradilan.ts';
import { POLRES_SERVICES } from './polres.ts';
import { BNN_SERVICES, DINKES_SERVICES, DINSOS_SERVICES } from './sosial-kesehatan.ts';
import { PDAM_SERVICES, PLN_SERVICES } from './utilitas.ts';

/** Every service in the catalogue, grouped by agency in the order the MPP lays out its counters. */
export const SERVICES: ServiceSeed[] = [
  ...DISPENDUKCAPIL_SERVICES,
  ...DPMPTSP_SERVICES,
  ...POLRES_SERVICES,
  ...SAMSAT_SERVICES,
  ...JASA_RAHARJA_SERVICES,
  ...IMIGRASI_SERVICES,
  ...BPJS_KESEHATAN_SERVICES,
  ...BPJS_KETENAGAKERJAAN_SERVICES,
  ...PLN_SERVICES,
  ...PDAM_SERVICES,
  ...KEMENAG_SERVICES,
  ...PENGADILAN_AGAMA_SERVICES,
  ...PENGADILAN_NEGERI_SERVICES,
  ...KEJARI_SERVICES,
  ...BPN_SERVICES,
  ...KPP_SERVICES,
  ...BAPENDA_SERVICES,
  ...DINSOS_SERVICES,
  ...DISNAKER_SERVICES,
  ...DINKES_SERVICES,
  ...DISPENDIK_SERVICES,
  ...DISKOP_SERVICES,
  ...DISHUB_SERVICES,
  ...DLH_SERVICES,
  ...DISKAN_SERVICES,
  ...BAKESBANGPOL_SERVICES,
  ...BNN_SERVICES,
  ...TASPEN_SERVICES,
  ...POS_SERVICES,
  ...BANK_SERVICES,
  ...DESA_SERVICES,
];

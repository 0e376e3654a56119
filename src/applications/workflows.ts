/**
 * The workflows in use, as data. A workflow's code never changes meaning: an application keeps the
 * code it was filed under, so a changed procedure gets a new code (e.g. `standar-v2`) and only new
 * applications follow it, as they follow the new version of the standard.
 */
import type { Workflow } from './workflow.ts';

const ALL_DELIVERIES = ['diunduh', 'diambil', 'dikirim'] as const;

export const WORKFLOWS: Readonly<Record<string, Workflow>> = {
  // Most regency services: the counter or the agency checks the file, the agency processes it, the
  // head of office signs (TTE), and the product is downloaded, collected or sent.
  standar: {
    code: 'standar',
    name: { id: 'Verifikasi → proses instansi → tanda tangan → selesai', en: 'Check → agency processing → signature → ready' },
    steps: [
      { code: 'verifikasi_berkas', kind: 'work', actors: ['handler', 'counter'] },
      { code: 'proses_instansi', kind: 'work', actors: ['handler'] },
      { code: 'tanda_tangan', kind: 'sign', actors: ['handler'] },
    ],
    deliveries: ALL_DELIVERIES,
  },
  // Licences (DPMPTSP and technical agencies): a site inspection before the decision.
  perizinan: {
    code: 'perizinan',
    name: { id: 'Verifikasi → survei lapangan → proses → tanda tangan → selesai', en: 'Check → site inspection → processing → signature → ready' },
    steps: [
      { code: 'verifikasi_berkas', kind: 'work', actors: ['handler', 'counter'] },
      { code: 'survei_lapangan', kind: 'work', actors: ['handler'] },
      { code: 'proses_instansi', kind: 'work', actors: ['handler'] },
      { code: 'tanda_tangan', kind: 'sign', actors: ['handler'] },
    ],
    deliveries: ALL_DELIVERIES,
  },
  // Village letters (Smart Kampung): the village office checks and the village head signs.
  desa: {
    code: 'desa',
    name: { id: 'Verifikasi desa → tanda tangan kepala desa → selesai', en: 'Village check → village head’s signature → ready' },
    steps: [
      { code: 'verifikasi_desa', kind: 'work', actors: ['handler'] },
      { code: 'tanda_tangan', kind: 'sign', actors: ['handler'] },
    ],
    deliveries: ['diunduh', 'diambil'],
  },
  // Services whose product is a card or a stamp handed over in person (KTP-el, legalisir): no download.
  langsung: {
    code: 'langsung',
    name: { id: 'Verifikasi → proses → selesai, diambil', en: 'Check → processing → ready, collected' },
    steps: [
      { code: 'verifikasi_berkas', kind: 'work', actors: ['handler', 'counter'] },
      { code: 'proses_instansi', kind: 'work', actors: ['handler'] },
    ],
    deliveries: ['diambil'],
  },
};

/** Licensing agencies whose services include a site inspection. */
const LICENSING_AGENCIES = new Set(['dpmptsp']);
/** Services whose product is a physical card or stamp. */
const IN_PERSON = /^(ktp-el|kia|legalisir|sim-|stnk|paspor)/;

/** The workflow a new application for a service follows. */
export function workflowFor(service: { code: string; level: string; agencyCode: string }): Workflow {
  if (service.level === 'village') return WORKFLOWS.desa!;
  if (IN_PERSON.test(service.code)) return WORKFLOWS.langsung!;
  if (LICENSING_AGENCIES.has(service.agencyCode)) return WORKFLOWS.perizinan!;
  return WORKFLOWS.standar!;
}

export function workflowByCode(code: string): Workflow {
  const workflow = WORKFLOWS[code];
  if (!workflow) throw new Error(`unknown workflow ${code}`);
  return workflow;
}

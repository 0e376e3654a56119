/**
 * The workflow of an application (permohonan): the "sistem, mekanisme dan prosedur" component of a
 * service standard (UU 25/2009 Pasal 21 huruf b; PermenPAN-RB 15/2014) turned into steps that people
 * act on. Pure: no I/O; the service layer decides who the caller is to the application (its party)
 * and asks `decide` whether the move is allowed.
 *
 * A workflow is data: an ordered list of steps, each with the parties that act at it, ending in
 * `selesai` (the product is ready), then one of the ways the product reaches the citizen (diambil,
 * dikirim, diunduh). At every working step two moves are always possible: `perlu perbaikan` (sent
 * back to the citizen with a note; the citizen fixes and resubmits to the same step) and `ditolak`
 * (rejected, with a reason). Anything else is refused.
 */
import type { LocalText } from '../shared/errors.ts';

/** Every status any workflow can use: the database checks the column against this list. */
export const STEP_CODES = ['verifikasi_berkas', 'verifikasi_desa', 'survei_lapangan', 'pembayaran', 'proses_instansi', 'tanda_tangan'] as const;
export type StepCode = (typeof STEP_CODES)[number];
export const DELIVERY_CODES = ['diambil', 'dikirim', 'diunduh'] as const;
export type DeliveryCode = (typeof DELIVERY_CODES)[number];
export const STATUSES = ['draft', ...STEP_CODES, 'perlu_perbaikan', 'selesai', ...DELIVERY_CODES, 'ditolak', 'dibatalkan'] as const;
export type Status = (typeof STATUSES)[number];

/** Who stands where to an application. The service layer maps an actor to these. */
export type Party =
  /** The citizen, or the officer / village operator who filed on their behalf. */
  | 'applicant'
  /** Staff (or the API system) of the place that handles the service: the agency, or the village for village letters. */
  | 'handler'
  /** A counter officer bound to the handling agency (MPP, market unit): checks files, hands products over. */
  | 'counter'
  /** The office where the citizen filed (a counter's service point, a Smart Kampung village office): hands products over. */
  | 'desk'
  /** The platform itself (e.g. the first download marks a product as downloaded). */
  | 'system';

export type StepKind =
  /** Ordinary work: checking, processing, surveying, confirming a payment. */
  | 'work'
  /** The final signature: leaving it creates the product's verification QR. */
  | 'sign';

export type WorkflowStep = { code: StepCode; kind: StepKind; actors: readonly Party[] };

export type Workflow = {
  code: string;
  name: LocalText;
  steps: readonly WorkflowStep[];
  /** How the product may reach the citizen; the first is the default. */
  deliveries: readonly DeliveryCode[];
};

export type ActionKind = 'submit' | 'advance' | 'return' | 'resubmit' | 'reject' | 'withdraw' | 'deliver';
export const ACTION_KINDS: readonly ActionKind[] = ['submit', 'advance', 'return', 'resubmit', 'reject', 'withdraw', 'deliver'];

export type Action =
  | { kind: 'submit' }
  | { kind: 'advance' }
  | { kind: 'return'; note: string }
  | { kind: 'resubmit' }
  | { kind: 'reject'; note: string }
  | { kind: 'withdraw'; note?: string }
  | { kind: 'deliver'; via: DeliveryCode };

export type WorkflowState = { status: Status; /** The step a correction returns to; set only in perlu_perbaikan. */ returnedFrom: StepCode | null };

export type Refusal =
  /** The move does not exist from this status. */
  | 'illegal_transition'
  /** The move exists, but this party does not make it. */
  | 'not_your_step'
  /** Sending back and rejecting need a written note for the citizen. */
  | 'note_required'
  /** This workflow does not deliver that way. */
  | 'delivery_not_offered';

export type Decision = { ok: true; to: WorkflowState; step: WorkflowStep | null } | { ok: false; refusal: Refusal };

export const TERMINAL: ReadonlySet<Status> = new Set<Status>(['ditolak', 'dibatalkan', ...DELIVERY_CODES]);
export const MIN_NOTE_LENGTH = 5;

export function isTerminal(status: Status): boolean {
  return TERMINAL.has(status);
}

export function stepOf(workflow: Workflow, status: Status): WorkflowStep | null {
  return workflow.steps.find((s) => s.code === status) ?? null;
}

/** The party expected to act now (for inboxes and "waiting for" labels). */
export function waitingFor(workflow: Workflow, state: WorkflowState): readonly Party[] {
  if (state.status === 'draft' || state.status === 'perlu_perbaikan') return ['applicant'];
  const step = stepOf(workflow, state.status);
  if (step) return step.actors;
  if (state.status === 'selesai') return deliveryActors(workflow);
  return [];
}

function deliveryActors(workflow: Workflow): Party[] {
  return [...new Set(workflow.deliveries.flatMap((d) => DELIVERY_ACTORS[d]))];
}

/** Who may record each way of delivery. */
const DELIVERY_ACTORS: Record<DeliveryCode, readonly Party[]> = {
  // Handed over at the agency, its counter, or the office where the citizen filed (Smart Kampung).
  diambil: ['handler', 'counter', 'desk'],
  // Sent by post or courier: the agency records it.
  dikirim: ['handler'],
  // Downloaded: the platform records it at the applicant's first download.
  diunduh: ['system'],
};

const ok = (status: Status, step: WorkflowStep | null, returnedFrom: StepCode | null = null): Decision => ({ ok: true, to: { status, returnedFrom }, step });
const no = (refusal: Refusal): Decision => ({ ok: false, refusal });

function hasNote(note: string | undefined): boolean {
  return (note ?? '').trim().length >= MIN_NOTE_LENGTH;
}

/**
 * Whether `party` may make `action` from `state`, and where it leads. Refusals are ordered: a move
 * that does not exist is `illegal_transition` whoever asks; then the party; then the note.
 */
export function decide(workflow: Workflow, state: WorkflowState, action: Action, party: Party): Decision {
  const { status } = state;
  const steps = workflow.steps;
  const step = stepOf(workflow, status);
  const first = steps[0]!;

  switch (action.kind) {
    case 'submit':
      if (status !== 'draft') return no('illegal_transition');
      if (party !== 'applicant') return no('not_your_step');
      return ok(first.code, first);

    case 'advance': {
      if (!step) return no('illegal_transition');
      if (!step.actors.includes(party)) return no('not_your_step');
      const index = steps.indexOf(step);
      const next = steps[index + 1];
      return next ? ok(next.code, next) : ok('selesai', null);
    }

    case 'return':
      if (!step) return no('illegal_transition');
      if (!step.actors.includes(party)) return no('not_your_step');
      if (!hasNote(action.note)) return no('note_required');
      return ok('perlu_perbaikan', null, step.code);

    case 'resubmit': {
      if (status !== 'perlu_perbaikan') return no('illegal_transition');
      if (party !== 'applicant') return no('not_your_step');
      const back = (state.returnedFrom && stepOf(workflow, state.returnedFrom)) || first;
      return ok(back.code, back);
    }

    case 'reject':
      if (step) {
        if (!step.actors.includes(party)) return no('not_your_step');
      } else if (status === 'perlu_perbaikan') {
        // A file the citizen never fixes can still be closed, by whoever sent it back.
        const from = (state.returnedFrom && stepOf(workflow, state.returnedFrom)) || first;
        if (!from.actors.includes(party)) return no('not_your_step');
      } else return no('illegal_transition');
      if (!hasNote(action.note)) return no('note_required');
      return ok('ditolak', null);

    case 'withdraw':
      // The citizen may withdraw until someone has started on the file.
      if (status !== 'draft' && status !== 'perlu_perbaikan' && status !== first.code) return no('illegal_transition');
      if (party !== 'applicant') return no('not_your_step');
      return ok('dibatalkan', null);

    case 'deliver':
      if (status !== 'selesai') return no('illegal_transition');
      if (!workflow.deliveries.includes(action.via)) return no('delivery_not_offered');
      if (!DELIVERY_ACTORS[action.via].includes(party)) return no('not_your_step');
      return ok(action.via, null);
  }
}

/** The moves `party` can make now (for buttons; the server still decides each one). */
export function availableActions(workflow: Workflow, state: WorkflowState, party: Party): ActionKind[] {
  const probe: Record<ActionKind, Action[]> = {
    submit: [{ kind: 'submit' }],
    advance: [{ kind: 'advance' }],
    return: [{ kind: 'return', note: 'x'.repeat(MIN_NOTE_LENGTH) }],
    resubmit: [{ kind: 'resubmit' }],
    reject: [{ kind: 'reject', note: 'x'.repeat(MIN_NOTE_LENGTH) }],
    withdraw: [{ kind: 'withdraw' }],
    deliver: DELIVERY_CODES.map((via) => ({ kind: 'deliver' as const, via })),
  };
  return ACTION_KINDS.filter((kind) => probe[kind].some((a) => decide(workflow, state, a, party).ok));
}

/** Whether the citizen's documents may change now: while preparing, and while fixing them. */
export function documentsEditable(status: Status): boolean {
  return status === 'draft' || status === 'perlu_perbaikan';
}

/** Bilingual names, as the citizen reads them. */
export const STATUS_LABELS: Record<Status, LocalText> = {
  draft: { id: 'Draf (belum diajukan)', en: 'Draft (not submitted)' },
  verifikasi_berkas: { id: 'Verifikasi berkas', en: 'Checking documents' },
  verifikasi_desa: { id: 'Verifikasi desa', en: 'Village check' },
  survei_lapangan: { id: 'Survei lapangan', en: 'Site inspection' },
  pembayaran: { id: 'Pembayaran retribusi', en: 'Fee payment' },
  proses_instansi: { id: 'Diproses instansi', en: 'Being processed by the agency' },
  tanda_tangan: { id: 'Menunggu tanda tangan', en: 'Awaiting signature' },
  perlu_perbaikan: { id: 'Perlu perbaikan', en: 'Needs correction' },
  selesai: { id: 'Selesai, siap diterima', en: 'Ready' },
  diambil: { id: 'Sudah diambil', en: 'Collected' },
  dikirim: { id: 'Sudah dikirim', en: 'Sent' },
  diunduh: { id: 'Sudah diunduh', en: 'Downloaded' },
  ditolak: { id: 'Ditolak', en: 'Rejected' },
  dibatalkan: { id: 'Dibatalkan pemohon', en: 'Withdrawn' },
};

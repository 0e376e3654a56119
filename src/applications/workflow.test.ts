import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  availableActions,
  decide,
  DELIVERY_CODES,
  isTerminal,
  type Party,
  STATUSES,
  type Status,
  STATUS_LABELS,
  stepOf,
  type Workflow,
  type WorkflowState,
} from './workflow.ts';
import { WORKFLOWS, workflowFor } from './workflows.ts';

const PARTIES: Party[] = ['applicant', 'handler', 'counter', 'desk', 'system'];
const NOTE = 'Foto KK buram, mohon unggah ulang';
const ALL_ACTIONS: Action[] = [
  { kind: 'submit' },
  { kind: 'advance' },
  { kind: 'return', note: NOTE },
  { kind: 'resubmit' },
  { kind: 'reject', note: NOTE },
  { kind: 'withdraw' },
  ...DELIVERY_CODES.map((via) => ({ kind: 'deliver' as const, via })),
];
const standar = WORKFLOWS.standar!;
const state = (status: Status, returnedFrom: WorkflowState['returnedFrom'] = null): WorkflowState => ({ status, returnedFrom });
const label = (a: Action) => (a.kind === 'deliver' ? `deliver:${a.via}` : a.kind);

/** Every status a workflow can be in: its own steps plus the shared ones. */
function statusesOf(w: Workflow): Status[] {
  return ['draft', ...w.steps.map((s) => s.code), 'perlu_perbaikan', 'selesai', ...w.deliveries, 'ditolak', 'dibatalkan'];
}

describe('the standard workflow, move by move', () => {
  // The whole table for `standar`: status × action × party → where it leads, or why not.
  // Rows not listed are refused as illegal_transition for every party.
  const LEGAL: Record<string, Partial<Record<Status, { to: Status; by: Party[] }>>> = {
    submit: { draft: { to: 'verifikasi_berkas', by: ['applicant'] } },
    advance: {
      verifikasi_berkas: { to: 'proses_instansi', by: ['handler', 'counter'] },
      proses_instansi: { to: 'tanda_tangan', by: ['handler'] },
      tanda_tangan: { to: 'selesai', by: ['handler'] },
    },
    return: {
      verifikasi_berkas: { to: 'perlu_perbaikan', by: ['handler', 'counter'] },
      proses_instansi: { to: 'perlu_perbaikan', by: ['handler'] },
      tanda_tangan: { to: 'perlu_perbaikan', by: ['handler'] },
    },
    resubmit: { perlu_perbaikan: { to: 'verifikasi_berkas', by: ['applicant'] } },
    reject: {
      verifikasi_berkas: { to: 'ditolak', by: ['handler', 'counter'] },
      proses_instansi: { to: 'ditolak', by: ['handler'] },
      tanda_tangan: { to: 'ditolak', by: ['handler'] },
      perlu_perbaikan: { to: 'ditolak', by: ['handler', 'counter'] },
    },
    withdraw: {
      draft: { to: 'dibatalkan', by: ['applicant'] },
      verifikasi_berkas: { to: 'dibatalkan', by: ['applicant'] },
      perlu_perbaikan: { to: 'dibatalkan', by: ['applicant'] },
    },
    'deliver:diambil': { selesai: { to: 'diambil', by: ['handler', 'counter', 'desk'] } },
    'deliver:dikirim': { selesai: { to: 'dikirim', by: ['handler'] } },
    'deliver:diunduh': { selesai: { to: 'diunduh', by: ['system'] } },
  };

  const cases = STATUSES.flatMap((status) => ALL_ACTIONS.flatMap((action) => PARTIES.map((party) => [status, label(action), party, action] as const)));

  it.each(cases)('%s + %s by %s', (status, name, party, action) => {
    const expected = LEGAL[name]?.[status];
    const decision = decide(standar, state(status, status === 'perlu_perbaikan' ? 'verifikasi_berkas' : null), action, party);
    if (!expected || !statusesOf(standar).includes(status)) {
      // A status outside this workflow (e.g. survei_lapangan) has no moves here at all.
      if (!expected) expect(decision).toEqual({ ok: false, refusal: 'illegal_transition' });
      return;
    }
    if (expected.by.includes(party)) {
      expect(decision.ok).toBe(true);
      if (decision.ok) expect(decision.to.status).toBe(expected.to);
    } else {
      expect(decision).toEqual({ ok: false, refusal: 'not_your_step' });
    }
  });
});

describe('every workflow', () => {
  for (const workflow of Object.values(WORKFLOWS)) {
    describe(workflow.code, () => {
      it('ends its steps with work the handler does, and has a signature step only as the last step', () => {
        expect(workflow.steps.length).toBeGreaterThan(0);
        workflow.steps.forEach((step, i) => {
          expect(step.actors).toContain('handler');
          if (step.kind === 'sign') expect(i).toBe(workflow.steps.length - 1);
        });
        expect(new Set(workflow.steps.map((s) => s.code)).size).toBe(workflow.steps.length);
        expect(workflow.deliveries.length).toBeGreaterThan(0);
      });

      it('allows sending back and rejecting at every step, by the step’s actors, with a note only', () => {
        for (const step of workflow.steps) {
          for (const party of PARTIES) {
            for (const kind of ['return', 'reject'] as const) {
              const withNote = decide(workflow, state(step.code), { kind, note: NOTE }, party);
              const noNote = decide(workflow, state(step.code), { kind, note: '  ' }, party);
              if (step.actors.includes(party)) {
                expect(withNote.ok).toBe(true);
                expect(noNote).toEqual({ ok: false, refusal: 'note_required' });
              } else {
                expect(withNote).toEqual({ ok: false, refusal: 'not_your_step' });
              }
            }
          }
        }
      });

      it('returns a corrected file to the step that sent it back', () => {
        for (const step of workflow.steps) {
          const back = decide(workflow, state(step.code), { kind: 'return', note: NOTE }, 'handler');
          expect(back.ok && back.to).toEqual({ status: 'perlu_perbaikan', returnedFrom: step.code });
          const again = decide(workflow, back.ok ? back.to : state('draft'), { kind: 'resubmit' }, 'applicant');
          expect(again.ok && again.to.status).toBe(step.code);
        }
      });

      it('refuses every move out of a final status', () => {
        for (const status of statusesOf(workflow).filter(isTerminal)) {
          for (const action of ALL_ACTIONS) for (const party of PARTIES) expect(decide(workflow, state(status), action, party).ok).toBe(false);
        }
      });

      it('reaches every one of its statuses from a draft', () => {
        const seen = new Set<Status>(['draft']);
        const queue: WorkflowState[] = [state('draft')];
        while (queue.length) {
          const current = queue.shift()!;
          for (const action of ALL_ACTIONS) {
            for (const party of PARTIES) {
              const d = decide(workflow, current, action, party);
              if (d.ok && !seen.has(d.to.status)) {
                seen.add(d.to.status);
                queue.push(d.to);
              }
            }
          }
        }
        expect([...seen].sort()).toEqual(statusesOf(workflow).sort());
      });

      it('lists as available exactly the moves decide allows', () => {
        for (const status of statusesOf(workflow)) {
          for (const party of PARTIES) {
            const s = state(status, status === 'perlu_perbaikan' ? workflow.steps[0]!.code : null);
            const available = availableActions(workflow, s, party);
            for (const action of ALL_ACTIONS) {
              const allowed = decide(workflow, s, action.kind === 'return' || action.kind === 'reject' ? { ...action, note: NOTE } : action, party).ok;
              if (allowed) expect(available).toContain(action.kind);
            }
          }
        }
      });
    });
  }
});

describe('random walks', () => {
  const workflowArb = fc.constantFrom(...Object.values(WORKFLOWS));
  const moveArb = fc.record({
    action: fc.constantFrom<Action>(...ALL_ACTIONS, { kind: 'return', note: '' }, { kind: 'reject', note: 'x' }),
    party: fc.constantFrom(...PARTIES),
  });

  it('stay inside the workflow, never skip a step, and never leave a final status', () => {
    fc.assert(
      fc.property(workflowArb, fc.array(moveArb, { maxLength: 60 }), (workflow, moves) => {
        let current = state('draft');
        let highestStep = -1;
        const own = new Set(statusesOf(workflow));
        for (const { action, party } of moves) {
          const d = decide(workflow, current, action, party);
          if (!d.ok) continue;
          expect(isTerminal(current.status)).toBe(false);
          expect(own.has(d.to.status)).toBe(true);
          const index = workflow.steps.findIndex((s) => s.code === d.to.status);
          if (index >= 0) {
            // Forward one step at a time; back only to a step already reached (a correction).
            expect(index).toBeLessThanOrEqual(highestStep + 1);
            highestStep = Math.max(highestStep, index);
          }
          if (d.to.status === 'selesai') expect(highestStep).toBe(workflow.steps.length - 1);
          if (d.to.status === 'perlu_perbaikan') expect(d.to.returnedFrom).toBe(current.status);
          else expect(d.to.returnedFrom).toBeNull();
          current = d.to;
        }
      }),
    );
  });

  it('only the applicant side submits, resubmits and withdraws', () => {
    fc.assert(
      fc.property(workflowArb, fc.constantFrom(...STATUSES), fc.constantFrom<Action>({ kind: 'submit' }, { kind: 'resubmit' }, { kind: 'withdraw' }), fc.constantFrom<Party>('handler', 'counter', 'desk', 'system'), (workflow, status, action, party) => {
        expect(decide(workflow, state(status, stepOf(workflow, 'verifikasi_berkas') ? 'verifikasi_berkas' : null), action, party).ok).toBe(false);
      }),
    );
  });
});

describe('choosing a workflow', () => {
  it.each([
    [{ code: 'akta-kelahiran', level: 'regency', agencyCode: 'dispendukcapil' }, 'standar'],
    [{ code: 'ktp-el-hilang', level: 'regency', agencyCode: 'dispendukcapil' }, 'langsung'],
    [{ code: 'sk-domisili', level: 'village', agencyCode: 'pemdes' }, 'desa'],
    [{ code: 'pbg', level: 'regency', agencyCode: 'dpmptsp' }, 'perizinan'],
  ])('%o → %s', (service, code) => {
    expect(workflowFor(service).code).toBe(code);
  });

  it('names every status in both languages', () => {
    for (const status of STATUSES) {
      expect(STATUS_LABELS[status].id.length).toBeGreaterThan(2);
      expect(STATUS_LABELS[status].en.length).toBeGreaterThan(2);
    }
  });
});

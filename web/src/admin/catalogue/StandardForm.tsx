import { Button, SelectField, TextField } from '../../kit/index.ts';
import type { DocumentType, DurationUnit, LocalText, Standard } from '../../citizen/catalogue/model.ts';
import { BiField, CheckField, CompactField, emptyText, lines, optionalText, TextArea, type Errors } from './form.tsx';
import { useA } from './messages.ts';

let keySeq = 0;
const nextKey = () => `k${++keySeq}`;

/** The standard as the form holds it: numbers as typed, lists with stable keys for React. */
export type StandardDraft = {
  requirements: { key: string; documentCode: string; optional: boolean; note: LocalText }[];
  procedure: { key: string; text: LocalText }[];
  durationValue: string;
  durationUnit: DurationUnit;
  feeAmount: string;
  feeVariable: boolean;
  feeLegalBasis: string;
  feeNote: LocalText;
  product: LocalText;
  complaintHandling: LocalText;
  legalBasis: string;
  facilities: LocalText;
  staffCompetence: LocalText;
  internalSupervision: LocalText;
  staffCount: string;
  serviceGuarantee: LocalText;
  securityGuarantee: LocalText;
  performanceEvaluation: LocalText;
};

export function draftOf(s: Standard): StandardDraft {
  return {
    requirements: s.requirements.map((r) => ({ key: nextKey(), documentCode: r.documentCode, optional: r.optional, note: r.note ?? emptyText() })),
    procedure: s.procedure.map((p) => ({ key: nextKey(), text: { ...p } })),
    durationValue: String(s.duration.value),
    durationUnit: s.duration.unit,
    feeAmount: String(s.fee.amount),
    feeVariable: s.fee.variable,
    feeLegalBasis: s.fee.legalBasis ?? '',
    feeNote: s.fee.note ?? emptyText(),
    product: { ...s.product },
    complaintHandling: { ...s.complaintHandling },
    legalBasis: s.legalBasis.join('\n'),
    facilities: { ...s.facilities },
    staffCompetence: { ...s.staffCompetence },
    internalSupervision: { ...s.internalSupervision },
    staffCount: String(s.staffCount),
    serviceGuarantee: { ...s.serviceGuarantee },
    securityGuarantee: { ...s.securityGuarantee },
    performanceEvaluation: { ...s.performanceEvaluation },
  };
}

export function emptyDraft(): StandardDraft {
  return {
    requirements: [],
    procedure: [{ key: nextKey(), text: emptyText() }],
    durationValue: '1',
    durationUnit: 'working_days',
    feeAmount: '0',
    feeVariable: false,
    feeLegalBasis: '',
    feeNote: emptyText(),
    product: emptyText(),
    complaintHandling: emptyText(),
    legalBasis: '',
    facilities: emptyText(),
    staffCompetence: emptyText(),
    internalSupervision: emptyText(),
    staffCount: '1',
    serviceGuarantee: emptyText(),
    securityGuarantee: emptyText(),
    performanceEvaluation: emptyText(),
  };
}

/** A whole number as typed, or the text itself so that the API names the field that is wrong. */
function numberOf(text: string): number | string {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : text;
}

/** The API body's `standard` (PUT /services/:code/standard, POST /services). */
export function standardInput(d: StandardDraft) {
  return {
    requirements: d.requirements.map((r) => ({ documentCode: r.documentCode, optional: r.optional, note: optionalText(r.note) })),
    procedure: d.procedure.map((p) => p.text),
    duration: { value: numberOf(d.durationValue), unit: d.durationUnit },
    fee: { amount: numberOf(d.feeAmount), variable: d.feeVariable, legalBasis: d.feeLegalBasis.trim() || null, note: optionalText(d.feeNote) },
    product: d.product,
    complaintHandling: d.complaintHandling,
    legalBasis: lines(d.legalBasis),
    facilities: d.facilities,
    staffCompetence: d.staffCompetence,
    internalSupervision: d.internalSupervision,
    staffCount: numberOf(d.staffCount),
    serviceGuarantee: d.serviceGuarantee,
    securityGuarantee: d.securityGuarantee,
    performanceEvaluation: d.performanceEvaluation,
  };
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** Every component of the standard, editable; errors by path under `standard.`. */
export function StandardForm({ draft, onChange, errors, documents }: { draft: StandardDraft; onChange: (d: StandardDraft) => void; errors: Errors; documents: DocumentType[] }) {
  const { a, tx } = useA();
  const s = a.standard;
  const set = <K extends keyof StandardDraft>(key: K, value: StandardDraft[K]) => onChange({ ...draft, [key]: value });
  const e = (path: string) => errors(`standard.${path}`);
  const sortedDocs = [...documents].sort((x, y) => tx(x.name).localeCompare(tx(y.name), 'id'));

  return (
    <div className="standard-form">
      <section className="std-section" aria-labelledby="std-req">
        <h3 id="std-req">{s.requirements}</h3>
        <p className="field__hint">{s.requirementsHint}</p>
        {e('requirements') && <p className="field__error">{e('requirements')}</p>}
        {draft.requirements.length > 0 && (
          <div className="dense-head dense-head--req" aria-hidden="true">
            <span>#</span>
            <span>{s.document}</span>
            <span>
              {s.note} ({a.common.lang.id})
            </span>
            <span>
              {s.note} ({a.common.lang.en})
            </span>
            <span>{s.optional}</span>
            <span />
          </div>
        )}
        <ol className="dense-list">
          {draft.requirements.map((r, i) => {
            const update = (patch: Partial<typeof r>) => set('requirements', draft.requirements.map((x, j) => (j === i ? { ...x, ...patch } : x)));
            const n = a.standard.requirement.replace('{{n}}', String(i + 1));
            return (
              <li key={r.key} className="dense-row dense-row--req">
                <span className="dense-row__n" aria-hidden="true">
                  {i + 1}
                </span>
                <CompactField label={`${n}: ${s.document}`} error={e(`requirements.${i}.documentCode`)}>
                  {(control) => (
                    <select className="select select--compact" value={r.documentCode} onChange={(ev) => update({ documentCode: ev.target.value })} {...control}>
                      <option value="">{s.chooseDocument}</option>
                      {sortedDocs.map((d) => (
                        <option key={d.code} value={d.code}>
                          {tx(d.name)}
                        </option>
                      ))}
                    </select>
                  )}
                </CompactField>
                {(['id', 'en'] as const).map((l) => (
                  <CompactField key={l} label={`${n}: ${s.note}, ${a.common.lang[l]}`} error={e(`requirements.${i}.note.${l}`) ?? (l === 'id' ? e(`requirements.${i}.note`) : null)}>
                    {(control) => <input className="input input--compact" lang={l} value={r.note[l]} onChange={(ev) => update({ note: { ...r.note, [l]: ev.target.value } })} {...control} />}
                  </CompactField>
                ))}
                <span className="dense-row__check">
                  <input type="checkbox" checked={r.optional} onChange={(ev) => update({ optional: ev.target.checked })} aria-label={`${n}: ${s.optional}`} />
                </span>
                <RowButtons label={n} index={i} length={draft.requirements.length} onMove={(to) => set('requirements', move(draft.requirements, i, to))} onRemove={() => set('requirements', draft.requirements.filter((_, j) => j !== i))} />
              </li>
            );
          })}
        </ol>
        <Button variant="secondary" size="small" onClick={() => set('requirements', [...draft.requirements, { key: nextKey(), documentCode: '', optional: false, note: emptyText() }])}>
          + {s.addRequirement}
        </Button>
      </section>

      <section className="std-section" aria-labelledby="std-proc">
        <h3 id="std-proc">{s.procedure}</h3>
        <p className="field__hint">{s.procedureHint}</p>
        {e('procedure') && <p className="field__error">{e('procedure')}</p>}
        <div className="dense-head dense-head--step" aria-hidden="true">
          <span>#</span>
          <span>{a.common.lang.id}</span>
          <span>{a.common.lang.en}</span>
          <span />
        </div>
        <ol className="dense-list">
          {draft.procedure.map((p, i) => {
            const n = s.step.replace('{{n}}', String(i + 1));
            const update = (text: LocalText) => set('procedure', draft.procedure.map((x, j) => (j === i ? { ...x, text } : x)));
            return (
              <li key={p.key} className="dense-row dense-row--step">
                <span className="dense-row__n" aria-hidden="true">
                  {i + 1}
                </span>
                {(['id', 'en'] as const).map((l) => (
                  <CompactField key={l} label={`${n}, ${a.common.lang[l]}`} error={e(`procedure.${i}.${l}`)}>
                    {(control) => <textarea className="input textarea input--compact" rows={2} lang={l} value={p.text[l]} onChange={(ev) => update({ ...p.text, [l]: ev.target.value })} {...control} />}
                  </CompactField>
                ))}
                <RowButtons label={n} index={i} length={draft.procedure.length} onMove={(to) => set('procedure', move(draft.procedure, i, to))} onRemove={() => set('procedure', draft.procedure.filter((_, j) => j !== i))} />
              </li>
            );
          })}
        </ol>
        <Button variant="secondary" size="small" onClick={() => set('procedure', [...draft.procedure, { key: nextKey(), text: emptyText() }])}>
          + {s.addStep}
        </Button>
      </section>

      <section className="std-section" aria-labelledby="std-time">
        <h3 id="std-time">
          {s.duration} · {s.fee}
        </h3>
        <div className="form-grid form-grid--4">
          <TextField label={s.durationValue} inputMode="numeric" value={draft.durationValue} onChange={(ev) => set('durationValue', ev.target.value)} error={e('duration.value') ?? e('duration')} />
          <SelectField label={s.durationUnit} value={draft.durationUnit} onChange={(ev) => set('durationUnit', ev.target.value as DurationUnit)} error={e('duration.unit')}>
            {(['working_days', 'hours', 'minutes'] as const).map((u) => (
              <option key={u} value={u}>
                {s.units[u]}
              </option>
            ))}
          </SelectField>
          <TextField label={s.feeAmount} hint={s.feeAmountHint} inputMode="numeric" value={draft.feeAmount} onChange={(ev) => set('feeAmount', ev.target.value)} error={e('fee.amount')} />
        </div>
        <TextField label={s.feeLegalBasis} value={draft.feeLegalBasis} onChange={(ev) => set('feeLegalBasis', ev.target.value)} error={e('fee.legalBasis')} optional />
        <CheckField label={s.feeVariable} checked={draft.feeVariable} onChange={(v) => set('feeVariable', v)} />
        <BiField label={s.feeNote} value={draft.feeNote} onChange={(v) => set('feeNote', v)} errors={errors} path="standard.fee.note" optional />
      </section>

      <section className="std-section" aria-labelledby="std-product">
        <h3 id="std-product">
          {s.product} · {a.standard.components.complaintHandling}
        </h3>
        <BiField label={s.product} value={draft.product} onChange={(v) => set('product', v)} errors={errors} path="standard.product" />
        <BiField label={s.complaintHandling} value={draft.complaintHandling} onChange={(v) => set('complaintHandling', v)} errors={errors} path="standard.complaintHandling" multiline />
      </section>

      <section className="std-section" aria-labelledby="std-mgmt">
        <h3 id="std-mgmt">{s.management}</h3>
        <TextArea label={s.legalBasis} hint={s.legalBasisHint} rows={4} value={draft.legalBasis} onChange={(ev) => set('legalBasis', ev.target.value)} error={e('legalBasis') ?? e('legalBasis.0')} />
        <BiField label={s.facilities} value={draft.facilities} onChange={(v) => set('facilities', v)} errors={errors} path="standard.facilities" multiline />
        <BiField label={s.staffCompetence} value={draft.staffCompetence} onChange={(v) => set('staffCompetence', v)} errors={errors} path="standard.staffCompetence" multiline />
        <BiField label={s.internalSupervision} value={draft.internalSupervision} onChange={(v) => set('internalSupervision', v)} errors={errors} path="standard.internalSupervision" multiline />
        <div className="form-grid form-grid--4">
          <TextField label={s.staffCount} inputMode="numeric" value={draft.staffCount} onChange={(ev) => set('staffCount', ev.target.value)} error={e('staffCount')} />
        </div>
        <BiField label={s.serviceGuarantee} value={draft.serviceGuarantee} onChange={(v) => set('serviceGuarantee', v)} errors={errors} path="standard.serviceGuarantee" multiline />
        <BiField label={s.securityGuarantee} value={draft.securityGuarantee} onChange={(v) => set('securityGuarantee', v)} errors={errors} path="standard.securityGuarantee" multiline />
        <BiField label={s.performanceEvaluation} value={draft.performanceEvaluation} onChange={(v) => set('performanceEvaluation', v)} errors={errors} path="standard.performanceEvaluation" multiline />
      </section>
    </div>
  );
}

function RowButtons({ label, index, length, onMove, onRemove }: { label: string; index: number; length: number; onMove: (to: number) => void; onRemove: () => void }) {
  const { a } = useA();
  return (
    <div className="row-buttons">
      <Button variant="secondary" size="small" onClick={() => onMove(index - 1)} disabled={index === 0} aria-label={`${a.common.up}: ${label}`}>
        ↑
      </Button>
      <Button variant="secondary" size="small" onClick={() => onMove(index + 1)} disabled={index === length - 1} aria-label={`${a.common.down}: ${label}`}>
        ↓
      </Button>
      <Button variant="danger" size="small" onClick={onRemove} aria-label={`${a.common.remove}: ${label}`}>
        ✕
      </Button>
    </div>
  );
}

import { useId, useState } from 'react';
import { Badge } from '../../kit/index.ts';
import { useC } from './messages.ts';
import { fmt, type Standard } from './model.ts';

/** The fee in plain words: "Gratis", an amount with its legal basis, or "sesuai ketetapan". */
export function FeeText({ fee }: { fee: Standard['fee'] }) {
  const { c, tx } = useC();
  return (
    <>
      <strong className={fee.free ? 'fee fee--free' : 'fee'}>{tx(fee.text)}</strong>
      {fee.free && <span className="fact__note">{c.service.freeNote}</span>}
      {fee.variable && <span className="fact__note">{c.service.feeVariable}</span>}
      {fee.note && <span className="fact__note">{tx(fee.note)}</span>}
      {fee.legalBasis && <span className="fact__note">{fmt(c.service.feeBasis, { basis: fee.legalBasis })}</span>}
    </>
  );
}

/** Fee, time to finish and product: what a citizen asks first. */
export function KeyFacts({ standard }: { standard: Standard }) {
  const { c, tx } = useC();
  return (
    <dl className="facts">
      <div className="fact">
        <dt>{c.service.fee}</dt>
        <dd>
          <FeeText fee={standard.fee} />
        </dd>
      </div>
      <div className="fact">
        <dt>{c.service.duration}</dt>
        <dd>
          <strong>{tx(standard.duration.text)}</strong>
        </dd>
      </div>
      <div className="fact">
        <dt>{c.service.product}</dt>
        <dd>{tx(standard.product)}</dd>
      </div>
    </dl>
  );
}

/** Requirements as a checklist the citizen can tick while gathering documents (kept on screen only). */
export function Requirements({ standard }: { standard: Standard }) {
  const { c, tx } = useC();
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const hintId = useId();
  const required = standard.requirements.filter((r) => !r.optional);
  const done = required.filter((r) => ticked.has(r.documentCode)).length;
  if (!standard.requirements.length) return <p>{c.service.noRequirements}</p>;
  return (
    <>
      <p className="muted" id={hintId}>
        {c.service.requirementsHint}
      </p>
      <ul className="req-list" aria-describedby={hintId}>
        {standard.requirements.map((r) => {
          const inputId = `${hintId}-${r.position}`;
          return (
            <li key={r.documentCode} className={r.optional ? 'req req--optional' : 'req'}>
              <input
                id={inputId}
                type="checkbox"
                checked={ticked.has(r.documentCode)}
                onChange={(e) => {
                  const next = new Set(ticked);
                  if (e.target.checked) next.add(r.documentCode);
                  else next.delete(r.documentCode);
                  setTicked(next);
                }}
              />
              <label htmlFor={inputId}>
                <span className="req__name">
                  {tx(r.document)} {r.optional && <Badge tone="off">{c.service.optional}</Badge>}
                </span>
                {r.note && <span className="req__note">{tx(r.note)}</span>}
                {r.documentDescription && <span className="req__note">{tx(r.documentDescription)}</span>}
              </label>
            </li>
          );
        })}
      </ul>
      {required.length > 0 && (
        <p className="req-progress" aria-live="polite">
          {fmt(c.service.ready, { done, total: required.length })}
        </p>
      )}
    </>
  );
}

export function Procedure({ standard }: { standard: Standard }) {
  const { tx } = useC();
  return (
    <ol className="steps">
      {standard.procedure.map((step, i) => (
        <li key={i}>{tx(step)}</li>
      ))}
    </ol>
  );
}

/** The eight management components (PermenPAN-RB 15/2014), folded away: few citizens need them. */
export function ManagementComponents({ standard }: { standard: Standard }) {
  const { c, tx } = useC();
  const rows: [string, React.ReactNode][] = [
    [
      c.service.legalBasis,
      <ul key="lb" className="plain-list">
        {standard.legalBasis.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>,
    ],
    [c.service.facilities, tx(standard.facilities)],
    [c.service.staffCompetence, tx(standard.staffCompetence)],
    [c.service.internalSupervision, tx(standard.internalSupervision)],
    [c.service.staffCount, fmt(c.service.staffCountValue, { n: standard.staffCount })],
    [c.service.serviceGuarantee, tx(standard.serviceGuarantee)],
    [c.service.securityGuarantee, tx(standard.securityGuarantee)],
    [c.service.performanceEvaluation, tx(standard.performanceEvaluation)],
  ];
  return (
    <details className="card section disclosure">
      <summary>
        <span className="disclosure__title">{c.service.management}</span>
        <span className="disclosure__hint">{c.service.managementHint}</span>
      </summary>
      <dl className="mgmt">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** The full standard below the page header: facts, requirements, procedure, complaints, management. */
export function StandardSections({ standard, children }: { standard: Standard; children?: React.ReactNode }) {
  const { c, tx } = useC();
  return (
    <>
      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title" className="card__title">
          {c.service.facts}
        </h2>
        <KeyFacts standard={standard} />
        {children}
      </section>
      <section className="card section" aria-labelledby="req-title">
        <h2 id="req-title" className="card__title">
          {c.service.requirements}
        </h2>
        <Requirements standard={standard} />
      </section>
      <section className="card section" aria-labelledby="proc-title">
        <h2 id="proc-title" className="card__title">
          {c.service.procedure}
        </h2>
        <Procedure standard={standard} />
      </section>
      <section className="card section" aria-labelledby="complaint-title">
        <h2 id="complaint-title" className="card__title">
          {c.service.complaints}
        </h2>
        <p>{tx(standard.complaintHandling)}</p>
      </section>
      <ManagementComponents standard={standard} />
    </>
  );
}

/** The KSPR card's counted factors, each retractable by the midwife with a reason, and the card's history. */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../i18n/use-lang.ts';
import { Alert, Button, ErrorAlert, TextField } from '../kit/index.ts';
import { useF } from './field-messages.ts';
import { useLocal, useS } from './messages.ts';
import type { Factor, Record_ } from './types.ts';
import { useDay } from './util.tsx';

const factorName = (f: Factor, local: (t: Factor['label']) => string) => `${f.group}.${f.no} ${local(f.label)}`;

/** "Batalkan faktor": a reason first, then a confirmation that names the score it will leave. */
function RetractForm({ r, factor, onCancel, onDone }: { r: Record_; factor: Factor; onCancel(): void; onDone(message: string): void }) {
  const f = useF();
  const s = useS();
  const local = useLocal();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const name = factorName(factor, local);
  const before = r.kspr?.score ?? 2;

  const next = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setConfirming(true);
  };
  const retract = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/sakina/pregnancies/${r.id}/kspr/retractions`, { factor: factor.code, reason: reason.trim() });
      onDone(f.retract.done(name));
    } catch (e) {
      setError(e as ApiError);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="sk-retract" onSubmit={next} noValidate aria-label={f.retract.actionFor(name)}>
      <ErrorAlert error={error} shownFields={['reason']} />
      <TextField
        label={f.retract.reason}
        hint={f.retract.reasonHint}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={missing ? f.retract.reasonRequired : error?.fields.reason}
        required
        maxLength={300}
        autoFocus
        disabled={confirming}
      />
      {confirming ? (
        <Alert tone="warning" title={f.retract.confirm(name, before, Math.max(2, before - factor.score))}>
          <p className="btn-row">
            <Button variant="danger" size="small" busy={busy} onClick={retract}>
              {f.retract.confirmYes}
            </Button>
            <Button variant="secondary" size="small" onClick={onCancel}>
              {s.cancel}
            </Button>
          </p>
        </Alert>
      ) : (
        <p className="btn-row">
          <Button type="submit" size="small">
            {f.retract.next}
          </Button>
          <Button variant="secondary" size="small" onClick={onCancel}>
            {s.cancel}
          </Button>
        </p>
      )}
    </form>
  );
}

/** The factors counted now; the midwife may retract one entered by mistake. */
export function KsprFactorList({ r, canRetract, onRetracted }: { r: Record_; canRetract: boolean; onRetracted(message: string): void }) {
  const f = useF();
  const local = useLocal();
  const [open, setOpen] = useState<string | null>(null);
  const factors = r.kspr?.factors ?? [];
  if (!factors.length) return null;
  return (
    <ul className="sk-factors">
      {factors.map((factor) => (
        <li key={factor.code} className={open === factor.code ? 'sk-factors__open' : undefined}>
          <span>{factorName(factor, local)}</span>
          <span className="sk-factors__end">
            <strong>+{factor.score}</strong>
            {canRetract && open !== factor.code && (
              <Button variant="secondary" size="small" aria-label={f.retract.actionFor(factorName(factor, local))} onClick={() => setOpen(factor.code)}>
                {f.retract.action}
              </Button>
            )}
          </span>
          {open === factor.code && (
            <RetractForm
              r={r}
              factor={factor}
              onCancel={() => setOpen(null)}
              onDone={(message) => {
                setOpen(null);
                onRetracted(message);
              }}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/** The card screening by screening: what each found, retracted factors struck through with who, when and why. */
export function KsprHistory({ r }: { r: Record_ }) {
  const f = useF();
  const s = useS();
  const local = useLocal();
  const lang = useLang();
  const day = useDay();
  const card = r.kspr?.card ?? [];
  const retractions = r.kspr?.retractions ?? [];
  if (!card.length && !retractions.length) return null;
  return (
    <section className="section sk-history" aria-labelledby="sk-kspr-history">
      <h3 id="sk-kspr-history">{f.retract.history}</h3>
      <ol className="sk-history__list">
        {card.map((e, i) => (
          <li key={`${e.date}-${i}`}>
            <span className="sk-history__when">
              {day(e.date)} · {e.column} · <strong>{e.score}</strong> {e.category}
            </span>
            <span>
              {e.newlyFound.length === 0 && e.retracted.length === 0 && <span className="muted">{f.retract.nothingNew}</span>}
              {e.newlyFound.map((x) => (
                <span key={x.code} className="sk-history__factor">
                  {factorName(x, local)} +{x.score}
                </span>
              ))}
              {e.retracted.map((x) => (
                <span key={x.code} className="sk-history__factor sk-history__factor--retracted" data-testid="retracted-factor">
                  <del>
                    {factorName(x, local)} +{x.score}
                  </del>{' '}
                  ({f.retract.retractedNote})
                </span>
              ))}
            </span>
          </li>
        ))}
      </ol>
      {retractions.length > 0 && (
        <ul className="sk-history__retractions">
          {retractions.map((x) => (
            <li key={x.id} data-testid="retraction">
              <del>{factorName(x.factor, local)}</del> — “{x.reason}”
              <span className="sk-item__meta">
                {f.retract.retractedBy(x.retractedBy ?? s.none, formatDateTime(x.retractedAt, lang))} · {f.retract.scoreChange(x.scoreBefore, x.scoreAfter, x.categoryBefore, x.categoryAfter)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { Alert, Button, Card, ErrorAlert } from '../kit/index.ts';
import { useApi } from '../use-api.ts';
import { useS } from './messages.ts';
import './Targets.css';

type TargetsView = {
  year: number;
  puskesmas: {
    id: string;
    name: string;
    editable: boolean;
    villages: { villageId: string; code: string; name: string; pregnantWomen: number | null; lastYear: number | null }[];
    total: number | null;
  }[];
};

/**
 * The year's village targets (sasaran ibu hamil) as a small table form for the puskesmas's own
 * midwives: the denominator of the dashboard's coverage. Enter saves; the figures reload after.
 */
export function TargetsCard({ year, onSaved }: { year: number; onSaved: () => void }) {
  const s = useS();
  const f = s.figures;
  const { data, error: loadError } = useApi<TargetsView>('/api/sakina/targets', { year });
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<'saved' | 'unchanged' | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string[]>([]);

  const editable = data?.puskesmas.filter((k) => k.editable) ?? [];
  const villages = editable.flatMap((k) => k.villages);

  useEffect(() => {
    if (!data) return;
    setValues(Object.fromEntries(data.puskesmas.flatMap((k) => k.villages).map((v) => [v.villageId, v.pregnantWomen === null ? '' : String(v.pregnantWomen)])));
    setError(null);
  }, [data]);

  if (loadError) return <ErrorAlert error={loadError} />;
  if (!data || !villages.length) return null;

  const fieldError = (villageId: string): string | undefined => {
    const i = sent.indexOf(villageId);
    return i < 0 ? undefined : (error?.fields[`targets.${i}.pregnantWomen`] ?? error?.fields[`targets.${i}.villageId`]);
  };
  const shown = sent.flatMap((_, i) => [`targets.${i}.pregnantWomen`, `targets.${i}.villageId`]);
  const entered = villages.filter((v) => values[v.villageId]?.trim());
  const missing = villages.length - entered.length;
  const total = entered.reduce((sum, v) => sum + (Number(values[v.villageId]) || 0), 0);
  const canFill = villages.some((v) => !values[v.villageId]?.trim() && v.lastYear !== null);
  // Last year's column only where there was a last year to show.
  const hasLastYear = villages.some((v) => v.lastYear !== null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setError(null);
    if (!entered.length) {
      setNotice('unchanged');
      return;
    }
    const targets = entered.map((v) => ({ villageId: v.villageId, pregnantWomen: Number(values[v.villageId]!.trim().replace(',', '.')) }));
    setSent(targets.map((t) => t.villageId));
    setBusy(true);
    try {
      await api.put<TargetsView>('/api/sakina/targets', { year, targets });
      setNotice('saved');
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unexpected', String(e), String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={f.targetsTitle(year)} className="section sk-targets">
      <p className="sk-muted-note">{f.targetsLead}</p>
      <form onSubmit={save} noValidate>
        <div className="table-wrap sk-targets__wrap" tabIndex={0} role="region" aria-label={f.targetsCaption(year)}>
          <table className="table sk-targets__table">
            <caption className="sr-only">{f.targetsCaption(year)}</caption>
            <thead>
              <tr>
                <th scope="col">{f.village}</th>
                <th scope="col" className="sk-targets__num">
                  {f.target(year)}
                </th>
                {hasLastYear && (
                  <th scope="col" className="sk-targets__num">
                    {f.lastYear(year - 1)}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {villages.map((v) => {
                const problem = fieldError(v.villageId);
                const errorId = `target-error-${v.villageId}`;
                return (
                  <tr key={v.villageId}>
                    <th scope="row">{v.name}</th>
                    <td className="sk-targets__num">
                      <input
                        className="input sk-targets__input"
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={5000}
                        step={1}
                        aria-label={f.targetOf(v.name, year)}
                        aria-invalid={problem ? true : undefined}
                        aria-describedby={problem ? errorId : undefined}
                        value={values[v.villageId] ?? ''}
                        onChange={(e) => setValues((old) => ({ ...old, [v.villageId]: e.target.value }))}
                      />
                      {problem && (
                        <span className="field__error sk-targets__error" id={errorId}>
                          {problem}
                        </span>
                      )}
                    </td>
                    {hasLastYear && <td className="sk-targets__num">{v.lastYear ?? s.none}</td>}
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{f.total}</th>
                <td className="sk-targets__num">
                  <strong data-testid="targets-total">{total}</strong>
                </td>
                {hasLastYear && <td className="sk-targets__num">{villages.every((v) => v.lastYear !== null) ? villages.reduce((sum, v) => sum + v.lastYear!, 0) : s.none}</td>}
              </tr>
            </tfoot>
          </table>
        </div>
        {missing > 0 && <p className="sk-muted-note">{f.missing(missing)}</p>}
        <ErrorAlert error={error} shownFields={shown} />
        {notice && <Alert tone={notice === 'saved' ? 'success' : 'info'}>{f[notice]}</Alert>}
        <div className="sk-actions">
          <Button type="submit" busy={busy}>
            {f.save}
          </Button>
          {canFill && (
            <Button
              variant="secondary"
              onClick={() => setValues((old) => Object.fromEntries(villages.map((v) => [v.villageId, old[v.villageId]?.trim() ? old[v.villageId]! : v.lastYear === null ? '' : String(v.lastYear)])))}
            >
              {f.fillFromLastYear}
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}

import { useId, useState, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../api.ts';
import { useApi, type Loaded } from '../../use-api.ts';
import { Field } from '../../kit/index.ts';
import type { LocalText } from '../../citizen/catalogue/model.ts';
import { useA } from './messages.ts';
import './admin-catalogue.css';

export const BASE = '/admin/katalog';

const SECTIONS = [
  { key: 'services', href: BASE, match: (p: string) => p === BASE || p.startsWith(`${BASE}/layanan`) },
  { key: 'agencies', href: `${BASE}/instansi`, match: (p: string) => p.startsWith(`${BASE}/instansi`) },
  { key: 'points', href: `${BASE}/titik`, match: (p: string) => p.startsWith(`${BASE}/titik`) },
  { key: 'calendar', href: `${BASE}/kalender`, match: (p: string) => p.startsWith(`${BASE}/kalender`) },
  { key: 'csv', href: `${BASE}/csv`, match: (p: string) => p.startsWith(`${BASE}/csv`) },
] as const;

/** The catalogue admin's own menu, above every page of it. */
export function CatalogueNav() {
  const { a } = useA();
  const [location] = useLocation();
  return (
    <nav className="cat-nav" aria-label={a.nav.label}>
      <ul>
        <li>
          <Link href="/admin">{a.nav.admin}</Link>
        </li>
        {SECTIONS.map((s) => (
          <li key={s.key}>
            <Link href={s.href} aria-current={s.match(location) ? 'page' : undefined}>
              {a.nav[s.key]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Field errors by path ("standard.fee.amount"), from the API's problem document. */
export type Errors = (path: string) => string | null;

export function errorsOf(error: ApiError | null, prefix = ''): Errors {
  const fields = error?.fields ?? {};
  return (path) => fields[prefix + path] ?? null;
}

/** Every field path an error names, so that ErrorAlert lists only those no input shows. */
export function shownFields(error: ApiError | null, isShown: (field: string) => boolean): string[] {
  return (error?.errors ?? []).map((e) => e.field).filter(isShown);
}

export function TextArea({ label, hint, error, optional, rows = 2, ...rest }: { label: ReactNode; hint?: ReactNode; error?: string | null; optional?: boolean } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional}>
      {(control) => <textarea className="input textarea" rows={rows} {...rest} {...control} />}
    </Field>
  );
}

/** A bilingual text: one fieldset, an input per language (Indonesian first). */
export function BiField({
  label,
  value,
  onChange,
  errors,
  path,
  multiline = false,
  optional = false,
  hint,
}: {
  label: string;
  value: LocalText;
  onChange: (value: LocalText) => void;
  errors: Errors;
  path: string;
  multiline?: boolean;
  optional?: boolean;
  hint?: ReactNode;
}) {
  const { a } = useA();
  const legendId = useId();
  const groupError = errors(path);
  return (
    <fieldset className="fieldset bi-field" aria-labelledby={legendId}>
      <legend id={legendId}>
        {label}
        {optional && <span className="field__optional"> ({a.common.optional})</span>}
      </legend>
      {hint && <p className="field__hint">{hint}</p>}
      {groupError && <p className="field__error">{groupError}</p>}
      <div className="bi-field__pair">
        {(['id', 'en'] as const).map((lang) => {
          const labelText = (
            <>
              <span className="sr-only">{label}, </span>
              <span className="bi-field__lang" lang={lang}>
                {a.common.lang[lang]}
              </span>
            </>
          );
          const common = { value: value[lang], onChange: (e: { target: { value: string } }) => onChange({ ...value, [lang]: e.target.value }), lang };
          return multiline ? (
            <TextArea key={lang} label={labelText} error={errors(`${path}.${lang}`)} rows={3} {...common} />
          ) : (
            <Field key={lang} label={labelText} error={errors(`${path}.${lang}`)}>
              {(control) => <input className="input" {...common} {...control} />}
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A control in a dense row: its label for screen readers only (the row's column titles show it), its error below. */
export function CompactField({ label, error, children }: { label: string; error?: string | null; children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode }) {
  const id = useId();
  return (
    <div className="compact-field">
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      {children({ id, ...(error ? { 'aria-describedby': `${id}-error`, 'aria-invalid': true as const } : {}) })}
      {error && (
        <span className="field__error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

export function CheckField({ label, checked, onChange, hint }: { label: ReactNode; checked: boolean; onChange: (checked: boolean) => void; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className="check-field">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** A list of checkboxes with a filter box (services of a point or of a counter). */
export function CheckList({
  legend,
  options,
  selected,
  onChange,
  filterLabel,
  error,
}: {
  legend: string;
  options: { value: string; label: string; extra?: string }[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  filterLabel: string;
  error?: string | null;
}) {
  const { a } = useA();
  const [filter, setFilter] = useState('');
  const f = filter.trim().toLowerCase();
  const shown = f ? options.filter((o) => `${o.label} ${o.value} ${o.extra ?? ''}`.toLowerCase().includes(f)) : options;
  const legendId = useId();
  return (
    <fieldset className="fieldset" aria-labelledby={legendId}>
      <legend id={legendId}>{legend}</legend>
      <p className="field__hint">{a.common.selectedOf.replace('{{n}}', String(selected.size)).replace('{{total}}', String(options.length))}</p>
      {error && <p className="field__error">{error}</p>}
      <Field label={filterLabel}>{(control) => <input className="input input--compact" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} {...control} />}</Field>
      <ul className="check-list">
        {shown.map((o) => (
          <li key={o.value}>
            <label>
              <input
                type="checkbox"
                checked={selected.has(o.value)}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.target.checked) next.add(o.value);
                  else next.delete(o.value);
                  onChange(next);
                }}
              />
              <span>
                {o.label}
                {o.extra && <span className="muted"> · {o.extra}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** A write in flight: busy flag, the last error, a success note; the form keeps its contents on failure. */
export function useSave() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function run<T>(fn: () => Promise<T>, success?: (result: T) => string | null): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await fn();
      setDone(success ? success(result) : null);
      return result;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unexpected', String(e), String(e)));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, done, run, setError, setDone };
}

export function emptyText(): LocalText {
  return { id: '', en: '' };
}

/** An optional bilingual text: both halves empty means none. */
export function optionalText(t: LocalText | null): LocalText | null {
  if (!t) return null;
  return t.id.trim() || t.en.trim() ? { id: t.id, en: t.en } : null;
}

export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * useApi for the admin: the public catalogue reads are cacheable for a minute, so each load (and
 * reload after a save) asks with its own `_` so that the admin sees what was just saved.
 */
export function useFresh<T>(path: string | null, query?: Record<string, string | number | undefined>): Loaded<T> {
  const [stamp, setStamp] = useState(() => Date.now());
  const loaded = useApi<T>(path, { ...query, _: stamp });
  return { ...loaded, reload: () => setStamp(Date.now()) };
}

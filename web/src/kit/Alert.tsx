import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api.ts';

type Tone = 'info' | 'success' | 'warning' | 'error';

/** A message box. Errors are announced at once (role=alert), the rest politely (role=status). */
export function Alert({ tone = 'info', title, children }: { tone?: Tone; title?: ReactNode; children?: ReactNode }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <p className="alert__title">{title}</p>}
      {children}
    </div>
  );
}

/** An API error as the server phrased it, with the field messages no input on the page shows. */
export function ErrorAlert({ error, shownFields = [], action }: { error: ApiError | null; shownFields?: readonly string[]; action?: ReactNode }) {
  const { t } = useTranslation();
  if (!error) return null;
  const extra = error.unshown(shownFields);
  const someShown = error.errors.length > extra.length;
  return (
    <Alert tone="error" title={error.title && error.title !== error.detail ? error.title : undefined}>
      <p>
        {error.detail}
        {someShown && ` ${t('common.errorSummary')}`}
      </p>
      {extra.length > 0 && (
        <ul>
          {extra.map((e) => (
            <li key={e.field + e.message}>{e.message}</li>
          ))}
        </ul>
      )}
      {action}
    </Alert>
  );
}

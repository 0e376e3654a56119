import { useTranslation } from 'react-i18next';

export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}

/** A polite "loading" region: screen readers hear it, sighted users see a spinner and the word. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <Spinner />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { Button, Field } from '../kit/index.ts';

/** The service search form; for now it leads to /layanan, where the catalogue will answer. */
export function SearchBox({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [q, setQ] = useState(initial);
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        navigate(q.trim() ? `/layanan?q=${encodeURIComponent(q.trim())}` : '/layanan');
      }}
    >
      <Field label={t('citizen.home.searchLabel')}>
        {(control) => (
          <div className="search-box">
            <input {...control} className="input" type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('citizen.home.searchPlaceholder')} autoComplete="off" enterKeyHint="search" />
            <Button type="submit">{t('citizen.home.searchButton')}</Button>
          </div>
        )}
      </Field>
    </form>
  );
}

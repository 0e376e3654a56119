import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { shouldFocusHeading } from './focus.ts';

/** The page's one <h1>, its lead text, and the document title (which screen readers announce). */
export function PageHeader({ title, lead, meta, back, actions }: { title: string; lead?: ReactNode; meta?: ReactNode; back?: { href: string; label: string }; actions?: ReactNode }) {
  usePageTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (shouldFocusHeading()) heading.current?.focus();
  }, []);
  return (
    <header className="page-header">
      {back && (
        <Link href={back.href} className="page-header__back">
          ← {back.label}
        </Link>
      )}
      <h1 tabIndex={-1} ref={heading}>{title}</h1>
      {lead && <p className="page-header__lead">{lead}</p>}
      {meta && <div className="page-header__meta">{meta}</div>}
      {actions && <div className="btn-row page-header__actions">{actions}</div>}
    </header>
  );
}

export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')} ${t('app.regency')}`;
  }, [title, t]);
}

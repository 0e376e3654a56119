import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Badge } from './Badge.tsx';

/** A white panel; with a title it becomes a labelled section. */
export function Card({ title, children, className, headingLevel = 2 }: { title?: ReactNode; children: ReactNode; className?: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const cls = ['card', className].filter(Boolean).join(' ');
  if (!title) return <div className={cls}>{children}</div>;
  return (
    <section className={cls}>
      <Heading className="card__title">{title}</Heading>
      {children}
    </section>
  );
}

export type Feature = {
  key: string;
  title: string;
  body: string;
  /** Where the working feature lives; without it the card says "coming soon" and links nowhere. */
  href?: string;
};

/** What a role can do: working features link to their page, future ones carry a "coming soon" badge. */
export function FeatureGrid({ features, label }: { features: Feature[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="feature-grid" aria-label={label}>
      {features.map((f) => (
        <li key={f.key}>
          {f.href ? (
            <Link href={f.href} className="feature" data-feature={f.key}>
              <h3>{f.title}</h3>
              <p>{f.body}</p>
              <span className="feature__foot feature__go" aria-hidden="true">
                {t('common.open')} →
              </span>
            </Link>
          ) : (
            <div className="feature feature--soon" data-feature={f.key}>
              <h3>{f.title}</h3>
              <p>{f.body}</p>
              <span className="feature__foot">
                <Badge tone="soon">{t('common.soon')}</Badge>
              </span>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

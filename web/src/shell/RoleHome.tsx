import { useTranslation } from 'react-i18next';
import { FeatureGrid, PageHeader, type Feature } from '../kit/index.ts';
import { useSession } from '../session.tsx';

/** A role's home: who and where you are, then a card per thing this role can do. */
export function RoleHome({ title, lead, features, children }: { title: string; lead: string; features: Feature[]; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const places = user?.places.map((p) => p.name).join(', ');
  return (
    <>
      <PageHeader title={title} lead={lead} meta={user && user.role !== 'citizen' ? t('homes.placesOf', { places: places || t('homes.noPlaces') }) : undefined} />
      {children}
      <FeatureGrid features={features} label={title} />
      {features.some((f) => !f.href) && <p className="muted section">{t('homes.comingNote')}</p>}
    </>
  );
}

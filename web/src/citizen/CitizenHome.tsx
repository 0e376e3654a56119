import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Card, FeatureGrid, usePageTitle, type Feature } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { ROLE_HOME, STAFF_SIGN_IN } from '../shell/roles.ts';
import { SearchBox } from './SearchBox.tsx';

const POPULAR = ['ktp', 'birth', 'kk', 'business'] as const;

/** The public front door: find a service, track an application, sign in. */
export function CitizenHome() {
  const { t } = useTranslation();
  const { user } = useSession();
  usePageTitle(t('citizen.home.title'));
  const features: Feature[] = [
    { key: 'track', title: t('citizen.features.track.title'), body: t('citizen.features.track.body'), href: '/lacak' },
    user
      ? { key: 'my-home', title: t('nav.myHome'), body: t(`roles.${user.role}`), href: ROLE_HOME[user.role] }
      : { key: 'sign-in', title: t('citizen.features.signIn.title'), body: t('citizen.features.signIn.body'), href: '/masuk' },
    { key: 'queue', title: t('citizen.features.queue.title'), body: t('citizen.features.queue.body'), href: '/antrian' },
    { key: 'feedback', title: t('citizen.features.feedback.title'), body: t('citizen.features.feedback.body') },
  ];
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title" tabIndex={-1}>
          {t('citizen.home.title')}
        </h1>
        <p>{t('citizen.home.lead')}</p>
        <SearchBox />
        <ul className="chips" aria-label={t('citizen.home.popular')}>
          <li className="chips__label" aria-hidden="true">
            {t('citizen.home.popular')}:
          </li>
          {POPULAR.map((key) => (
            <li key={key}>
              <Link className="chip" href={`/layanan?q=${encodeURIComponent(t(`citizen.home.popularItems.${key}`))}`}>
                {t(`citizen.home.popularItems.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="what-title">
        <h2 id="what-title">{t('citizen.home.whatTitle')}</h2>
        <FeatureGrid features={features} label={t('citizen.home.whatTitle')} />
      </section>

      <div className="section">
        <Card title={t('citizen.home.placesTitle')}>
          <p>{t('citizen.home.placesBody')}</p>
          <p>
            <Link href="/lokasi">{t('citizen.home.placesLink')}</Link>
          </p>
          <p className="muted">
            {t('citizen.home.staffPrompt')} <Link href={STAFF_SIGN_IN}>{t('citizen.home.staffLink')}</Link>
          </p>
        </Card>
      </div>
    </>
  );
}

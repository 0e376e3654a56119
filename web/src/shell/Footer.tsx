import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { STAFF_SIGN_IN } from './roles.ts';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <div>
          <p>{t('app.footerOwner')}</p>
          <p className="motto">{t('app.motto')}</p>
        </div>
        <nav aria-label={t('app.footerNav')}>
          <Link href={STAFF_SIGN_IN}>{t('app.footerStaff')}</Link>
          <a href="/api/docs">{t('app.footerApi')}</a>
        </nav>
      </div>
    </footer>
  );
}

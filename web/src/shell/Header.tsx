import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { Button } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { CITIZEN_SIGN_IN, ROLE_HOME, STAFF_SIGN_IN } from './roles.ts';

function Mark() {
  return (
    <svg className="brand__mark" width="36" height="36" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#fff" />
      <path d="M10 25V9a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v16" fill="none" stroke="#0b5a66" strokeWidth="2.5" />
      <circle cx="18.5" cy="17" r="1.7" fill="#d99a12" />
      <path d="M7 25h18" stroke="#0b5a66" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}

export function Header() {
  const { t } = useTranslation();
  const { user, loading, signOut } = useSession();
  const [location, navigate] = useLocation();
  const [leaving, setLeaving] = useState(false);
  const home = user ? ROLE_HOME[user.role] : '/';
  const onSignInPage = location === CITIZEN_SIGN_IN || location === STAFF_SIGN_IN;

  async function leave() {
    setLeaving(true);
    try {
      await signOut();
    } finally {
      setLeaving(false);
      navigate(user?.role === 'citizen' ? '/' : STAFF_SIGN_IN);
    }
  }

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href={home} className="brand">
          <Mark />
          <span>
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__sub">{t('app.regency')}</span>
          </span>
          <span className="sr-only">, {t('nav.home')}</span>
        </Link>
        <LanguageSwitch />
        {user ? (
          <div className="user-box" aria-label={t('nav.account')} role="group">
            <span className="user-box__who">
              <span className="user-box__name" data-testid="user-name">
                {user.displayName}
              </span>
              <span className="user-box__meta" data-testid="user-role">
                {t(`roles.${user.role}`)}
                {user.places.length > 0 && ` · ${user.places.map((p) => p.name).join(', ')}`}
              </span>
            </span>
            <span className="user-box__actions">
              <Button variant="on-dark" size="small" busy={leaving} onClick={() => void leave()}>
                {leaving ? t('nav.signingOut') : t('nav.signOut')}
              </Button>
            </span>
          </div>
        ) : (
          !loading &&
          !onSignInPage && (
            <Link href={CITIZEN_SIGN_IN} className="header-link">
              {t('nav.signIn')}
            </Link>
          )
        )}
      </div>
    </header>
  );
}

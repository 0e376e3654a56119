import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Role } from '../api-types.ts';
import { Button, ButtonLink, Card, PageHeader } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { ROLE_HOME, signInPathFor } from './roles.ts';

/** 403: signed in, but the page belongs to other roles. Says who you are and where to go instead. */
export function Forbidden({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  const [location, navigate] = useLocation();
  if (!user) return null;
  return (
    <div data-testid="forbidden">
      <PageHeader title={t('pages.forbidden.title')} />
      <Card>
        <p>{t('pages.forbidden.body', { role: t(`roles.${user.role}`), roles: roles.map((r) => t(`roles.${r}`)).join(', ') })}</p>
        <div className="btn-row">
          <ButtonLink href={ROLE_HOME[user.role]}>{t('pages.forbidden.goHome')}</ButtonLink>
          <Button
            variant="secondary"
            onClick={() => {
              void signOut().then(() => navigate(signInPathFor(roles, location)));
            }}
          >
            {t('pages.forbidden.switchAccount')}
          </Button>
        </div>
      </Card>
    </div>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <div data-testid="not-found">
      <PageHeader title={t('pages.notFound.title')} lead={t('pages.notFound.body')} />
      <ButtonLink href={user ? ROLE_HOME[user.role] : '/'}>{user ? t('pages.forbidden.goHome') : t('pages.notFound.goHome')}</ButtonLink>
    </div>
  );
}

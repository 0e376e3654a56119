import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, useSearch } from 'wouter';
import { api, ApiError } from '../api.ts';
import type { SessionBody } from '../api-types.ts';
import { Button, ErrorAlert, PageHeader, TextField } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { CITIZEN_SIGN_IN, ROLE_HOME, safeNext } from './roles.ts';

const SHOWN = ['username', 'password'] as const;

/** /masuk/petugas: username and password; each role then lands on its own console. */
export function StaffSignIn() {
  const { t } = useTranslation();
  const { user, signedIn } = useSession();
  const next = safeNext(new URLSearchParams(useSearch()).get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'username' | 'password', string>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  if (user) return <Redirect to={next ?? ROLE_HOME[user.role]} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: typeof errors = {};
    if (!username.trim()) local.username = t('staffSignIn.usernameRequired');
    if (!password) local.password = t('staffSignIn.passwordRequired');
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await signedIn(await api.post<SessionBody>('/api/auth/login', { username: username.trim(), password }));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setErrors(err.fields);
      setFailure(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth-card">
      <PageHeader title={t('staffSignIn.title')} lead={t('staffSignIn.lead')} />
      <div className="card">
        <ErrorAlert error={failure} shownFields={SHOWN} />
        <form noValidate onSubmit={(e) => void submit(e)}>
          <TextField label={t('staffSignIn.username')} error={errors.username} name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} value={username} onChange={(e) => setUsername(e.target.value)} />
          <TextField label={t('staffSignIn.password')} error={errors.password} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          <Button type="submit" block busy={busy}>
            {busy ? t('staffSignIn.submitting') : t('staffSignIn.submit')}
          </Button>
        </form>
      </div>
      <p className="auth-alt">
        {t('staffSignIn.citizenPrompt')} <Link href={CITIZEN_SIGN_IN}>{t('staffSignIn.citizenLink')}</Link>
      </p>
    </div>
  );
}

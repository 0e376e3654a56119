import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, useSearch } from 'wouter';
import { api, ApiError } from '../api.ts';
import type { RequestCodeResponse, SessionBody } from '../api-types.ts';
import { Alert, Button, ErrorAlert, PageHeader, TextField } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { ROLE_HOME, safeNext, STAFF_SIGN_IN } from '../shell/roles.ts';

type Errors = Partial<Record<'nik' | 'phone' | 'code', string>>;
const SHOWN = ['nik', 'phone', 'code'] as const;

/** Citizen sign-in in two steps: NIK + mobile number → a 6-digit code by SMS → signed in. */
export function CitizenSignIn() {
  const { t } = useTranslation();
  const { user, signedIn } = useSession();
  const next = safeNext(new URLSearchParams(useSearch()).get('next'));
  const [step, setStep] = useState<'identify' | 'verify'>('identify');
  const [nik, setNik] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<RequestCodeResponse | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  if (user) return <Redirect to={next ?? ROLE_HOME[user.role]} replace />;

  const cleanNik = nik.replace(/\s+/g, '');

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(e.fields as Errors);
        setFailure(e);
      } else throw e;
    } finally {
      setBusy(false);
    }
  }

  async function requestCode(e?: FormEvent) {
    e?.preventDefault();
    const local: Errors = {};
    if (!/^\d{16}$/.test(cleanNik)) local.nik = t('citizen.signIn.nikInvalid');
    if (!phone.trim()) local.phone = t('citizen.signIn.phoneInvalid');
    setErrors(local);
    if (Object.keys(local).length) {
      setFailure(null);
      return;
    }
    await run(async () => {
      setSent(await api.post<RequestCodeResponse>('/api/auth/citizen/request-code', { nik: cleanNik, phone: phone.trim() }));
      setStep('verify');
      setCode('');
    });
  }

  async function verify(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setErrors({ code: t('citizen.signIn.codeInvalid') });
      setFailure(null);
      return;
    }
    await run(async () => {
      await signedIn(await api.post<SessionBody>('/api/auth/citizen/verify', { nik: cleanNik, phone: phone.trim(), code: code.trim() }));
    });
  }

  return (
    <div className="auth-card">
      <PageHeader title={t('citizen.signIn.title')} lead={t('citizen.signIn.lead')} />
      <div className="card">
        <ErrorAlert error={failure} shownFields={SHOWN} />
        {step === 'identify' ? (
          <form noValidate onSubmit={(e) => void requestCode(e)}>
            <TextField
              label={t('citizen.signIn.nik')}
              hint={t('citizen.signIn.nikHint')}
              error={errors.nik}
              name="nik"
              inputMode="numeric"
              autoComplete="off"
              maxLength={20}
              value={nik}
              onChange={(e) => setNik(e.target.value)}
            />
            <TextField
              label={t('citizen.signIn.phone')}
              hint={t('citizen.signIn.phoneHint')}
              error={errors.phone}
              name="phone"
              type="tel"
              inputMode="tel"
              autoComplete="tel-national"
              maxLength={20}
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
            <Button type="submit" block busy={busy}>
              {busy ? t('citizen.signIn.sending') : t('citizen.signIn.sendCode')}
            </Button>
          </form>
        ) : (
          <form noValidate onSubmit={(e) => void verify(e)}>
            {sent && <Alert tone="success">{sent.message}</Alert>}
            <TextField
              label={t('citizen.signIn.code')}
              hint={t('citizen.signIn.codeHint')}
              error={errors.code}
              name="code"
              className="input--code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              autoFocus
            />
            <Button type="submit" block busy={busy}>
              {busy ? t('citizen.signIn.verifying') : t('citizen.signIn.verify')}
            </Button>
            <div className="btn-row btn-row--split">
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setStep('identify');
                  setErrors({});
                  setFailure(null);
                }}
              >
                {t('citizen.signIn.changeData')}
              </button>
              <button type="button" className="link-button" disabled={busy} onClick={() => void requestCode()}>
                {t('citizen.signIn.resend')}
              </button>
            </div>
          </form>
        )}
      </div>
      <p className="auth-alt">
        {t('citizen.signIn.staffPrompt')} <Link href={STAFF_SIGN_IN}>{t('citizen.signIn.staffLink')}</Link>
      </p>
    </div>
  );
}

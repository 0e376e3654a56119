import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from './api.ts';
import type { SessionBody, SessionUser } from './api-types.ts';
import { currentLang, setLanguage, storedLang, type Lang } from './i18n/index.ts';

type SessionState = {
  /** True until the first answer from /api/auth/session. */
  loading: boolean;
  user: SessionUser | null;
  /** Set when the session could not be read at all (offline): pages still render as anonymous. */
  error: ApiError | null;
  /** After a successful sign-in: the API's session body. */
  signedIn(body: SessionBody): Promise<void>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
  /** Changes the UI language, remembers it on this device and on the account. */
  changeLanguage(lang: Lang): Promise<void>;
};

const SessionContext = createContext<SessionState | null>(null);

/**
 * The language rule: a choice made on this device wins (and is copied to the account so that SMS
 * and e-mail follow it); without one, the account's language is used.
 */
async function reconcileLanguage(user: SessionUser | null): Promise<SessionUser | null> {
  if (!user) return user;
  const chosen = storedLang();
  if (chosen && chosen !== user.locale) {
    try {
      await api.patch('/api/auth/me', { locale: chosen });
      return { ...user, locale: chosen };
    } catch {
      return user;
    }
  }
  if (!chosen && user.locale !== currentLang()) await setLanguage(user.locale, false);
  return user;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [loading, setLoading] = useState(true);
  const [user, setUser] = useState<SessionUser | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const apply = useCallback(async (body: SessionBody) => {
    setCsrfToken(body.csrfToken);
    setUser(await reconcileLanguage(body.user));
    setError(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      await apply(await api.get<SessionBody>('/api/auth/session'));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setLoading(false);
    }
  }, [apply]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken(null);
      setUser(null);
      // A fresh anonymous CSRF token for the next sign-in on this page.
      void refresh();
    }
  }, [refresh]);

  const changeLanguage = useCallback(
    async (lang: Lang) => {
      await setLanguage(lang);
      if (user && user.locale !== lang) {
        setUser({ ...user, locale: lang });
        try {
          await api.patch('/api/auth/me', { locale: lang });
        } catch {
          /* remembered on this device; the account catches up at the next sign-in */
        }
      }
    },
    [user],
  );

  const value = useMemo<SessionState>(() => ({ loading, user, error, signedIn: apply, signOut, refresh, changeLanguage }), [loading, user, error, apply, signOut, refresh, changeLanguage]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

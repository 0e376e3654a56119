/**
 * The catalogue admin's writes the shared client does not cover: PUT (publish a standard, closures,
 * special days) and the CSV import (text/csv). Same contract: session cookie, CSRF header, the UI
 * language, problem+json turned into ApiError with its field errors.
 */
import { api, ApiError, setCsrfToken, type FieldError } from '../../api.ts';
import { currentLang, i18n } from '../../i18n/index.ts';

let token: string | null = null;

async function csrf(fresh = false): Promise<string | null> {
  if (token && !fresh) return token;
  const session = await api.get<{ csrfToken: string | null }>('/api/auth/session');
  token = session.csrfToken;
  setCsrfToken(token);
  return token;
}

async function problem(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const p = JSON.parse(text) as { code?: string; title?: string; detail?: string; errors?: FieldError[]; [k: string]: unknown };
    const error = new ApiError(res.status, p.code ?? `http_${res.status}`, p.title ?? '', p.detail ?? p.title ?? i18n.t('errors.unexpected'), p.errors ?? []);
    return Object.assign(error, { extra: p });
  } catch {
    return new ApiError(res.status, `http_${res.status}`, '', i18n.t('errors.unexpected'));
  }
}

async function send<T>(method: 'PUT' | 'POST' | 'PATCH' | 'DELETE', path: string, body: string | undefined, contentType: string | null): Promise<{ status: number; body: T }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': currentLang() };
    if (contentType) headers['content-type'] = contentType;
    const t = await csrf(attempt > 0);
    if (t) headers['x-csrf-token'] = t;
    let res: Response;
    try {
      res = await fetch(path, { method, headers, credentials: 'same-origin', body });
    } catch {
      const message = i18n.t('errors.network');
      throw new ApiError(0, 'network', message, message);
    }
    if (res.ok) {
      if (res.status === 204) return { status: 204, body: undefined as T };
      return { status: res.status, body: (await res.json()) as T };
    }
    const error = await problem(res);
    if (error.code === 'csrf_invalid' && attempt === 0) continue;
    throw error;
  }
  throw new ApiError(403, 'csrf_invalid', '', '');
}

export const write = {
  put: <T>(path: string, body: unknown) => send<T>('PUT', path, JSON.stringify(body), 'application/json'),
  post: <T>(path: string, body: unknown) => send<T>('POST', path, JSON.stringify(body), 'application/json'),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', path, JSON.stringify(body), 'application/json'),
  delete: <T>(path: string) => send<T>('DELETE', path, undefined, null),
  csv: <T>(path: string, text: string) => send<T>('POST', path, text, 'text/csv'),
};

/** The problem document's extra members (e.g. the import report of a refused apply). */
export function problemExtra(error: unknown): Record<string, unknown> | null {
  return (error as { extra?: Record<string, unknown> } | null)?.extra ?? null;
}

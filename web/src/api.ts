import { currentLang, i18n } from './i18n/index.ts';

export type FieldError = { field: string; message: string };

/** An API failure: the server's problem+json (already in the user's language), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail || title);
    this.name = 'ApiError';
  }

  /** The first message per field (`nik`, `placeIds`, …), for showing under the inputs. */
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) if (!(e.field in out)) out[e.field] = e.message;
    return out;
  }

  /** Field errors that no input on the form shows, so that the page can still tell about them. */
  unshown(shown: readonly string[]): FieldError[] {
    return this.errors.filter((e) => !shown.includes(e.field));
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Options = { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; body?: unknown; signal?: AbortSignal; query?: Record<string, string | number | undefined | null> };

function urlOf(path: string, query?: Options['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toError(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const p = (await res.json()) as { title?: string; detail?: string; code?: string; errors?: FieldError[] };
      return new ApiError(res.status, p.code ?? `http_${res.status}`, p.title ?? '', p.detail ?? p.title ?? i18n.t('errors.unexpected'), Array.isArray(p.errors) ? p.errors : []);
    } catch {
      /* fall through */
    }
  }
  const message = i18n.t('errors.unexpected');
  return new ApiError(res.status, `http_${res.status}`, message, message);
}

async function send(path: string, options: Options): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': currentLang() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    const message = i18n.t('errors.network');
    throw new ApiError(0, 'network', message, message);
  }
}

/** fetch for the satupintu API: session cookie, CSRF header on writes, the UI language, typed errors. */
export async function request<T>(path: string, options: Options = {}): Promise<T> {
  let res = await send(path, options);
  if (res.status === 403 && options.method && options.method !== 'GET') {
    const error = await toError(res.clone());
    if (error.code !== 'csrf_invalid') throw error;
    // The session was renewed elsewhere (another tab signed in again): take its token and try once more.
    const session = await send('/api/auth/session', {});
    if (session.ok) setCsrfToken(((await session.json()) as { csrfToken: string | null }).csrfToken);
    res = await send(path, options);
  }
  if (!res.ok) throw await toError(res);
  if (res.status === 204 || res.headers.get('content-length') === '0') return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: Options['query'], signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body: unknown = {}) => request<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};

import type { Role } from '../api-types.ts';

/** Where each role lands after signing in (and where "my home" goes). */
export const ROLE_HOME: Record<Role, string> = {
  citizen: '/saya',
  counter_officer: '/loket',
  agency_processor: '/instansi',
  village_operator: '/desa',
  midwife: '/sakina',
  village_official: '/sakina',
  police_officer: '/sakina',
  mpp_admin: '/admin',
  leader: '/dasbor',
};

export const CITIZEN_SIGN_IN = '/masuk';
export const STAFF_SIGN_IN = '/masuk/petugas';

/** Only same-site paths are followed after sign-in (no open redirect through ?next=). */
export function safeNext(raw: string | null | undefined): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  return raw;
}

export function signInPathFor(roles: readonly Role[], next: string): string {
  const base = roles.includes('citizen') ? CITIZEN_SIGN_IN : STAFF_SIGN_IN;
  return `${base}?next=${encodeURIComponent(next)}`;
}

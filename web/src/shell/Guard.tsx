import type { ReactNode } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import type { Role } from '../api-types.ts';
import { Loading } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { Forbidden } from './ErrorPages.tsx';
import { ROLE_HOME, signInPathFor, STAFF_SIGN_IN } from './roles.ts';

/** Not signed in: to the right sign-in page (and back here afterwards). Wrong role: the 403 page. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { loading, user } = useSession();
  const [location] = useLocation();
  const search = useSearch();
  if (loading) return <Loading />;
  if (!user) return <Redirect to={signInPathFor(roles, search ? `${location}?${search}` : location)} replace />;
  if (!roles.includes(user.role)) return <Forbidden roles={roles} />;
  return <>{children}</>;
}

/** /petugas: each staff role to its own console. */
export function StaffLanding() {
  const { loading, user } = useSession();
  if (loading) return <Loading />;
  return <Redirect to={user ? ROLE_HOME[user.role] : STAFF_SIGN_IN} replace />;
}

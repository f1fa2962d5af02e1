import { SessionResponse } from '@shared/contracts/auth';
import type { Permission, Role } from '@shared/permissions';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, isAuthRequired, setCsrfToken } from '../api/client';

export const SESSION_KEY = ['auth', 'session'] as const;
const sessionHash = JSON.stringify(SESSION_KEY);

/**
 * The current session from `GET /api/auth/me`; `null` when there is none (401 AUTH_REQUIRED is
 * the normal answer before login, not an error). Every answer refreshes the CSRF token.
 */
export const sessionQuery = () =>
  queryOptions({
    queryKey: SESSION_KEY,
    queryFn: async ({ signal }): Promise<SessionResponse | null> => {
      try {
        const session = await apiGet('/api/auth/me', { schema: SessionResponse, signal, anonymousAllowed: true });
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (!isAuthRequired(error)) throw error;
        setCsrfToken(null);
        return null;
      }
    },
    // Changed only by the login steps and logout (which write it here) or by a 401 anywhere.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });

export function useSession() {
  return useQuery(sessionQuery());
}

/** The logged-in user, or null (before login, or at the moment a session has just ended). */
export function useCurrentUser() {
  const { data } = useSession();
  return data?.stage === 'active' ? data.user : null;
}

/**
 * Whether the current user holds a named permission. The server sends the permissions of the
 * user's roles (src/shared/permissions.ts); it checks them again on every request, so hiding a
 * menu entry is a convenience, not the protection.
 */
export function useCan(permission: Permission): boolean {
  return useCanAny([permission]);
}

/** Whether the current user holds at least one of the permissions (a page shared by two roles). */
export function useCanAny(permissions: readonly Permission[]): boolean {
  const user = useCurrentUser();
  return permissions.some((permission) => user?.permissions.includes(permission) ?? false);
}

/**
 * Whether the current user holds at least one of the roles. For modules whose access depends on
 * role and agency together (the person registry, `accessFor` in src/shared/permissions.ts): the
 * session carries no agency kind, so the client goes by role and the server decides the rest.
 */
export function useHasAnyRole(roles: readonly Role[]): boolean {
  const user = useCurrentUser();
  return user?.roles.some((role) => roles.includes(role)) ?? false;
}

/** Takes a SessionResponse from a login step as the current session. */
export function acceptSession(queryClient: QueryClient, session: SessionResponse): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(SESSION_KEY, session);
}

/** Forgets the session and every answer fetched with it (another person may log in next). */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryHash !== sessionHash });
  queryClient.setQueryData(SESSION_KEY, null);
}

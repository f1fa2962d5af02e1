import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { onAuthRequired } from '../api/client';
import { forgetSession } from './session';

/**
 * When any request is answered 401 AUTH_REQUIRED (idle for 15 minutes, 12 hours over, or
 * logged out in another tab), forgets the session and its data and opens the login page, which
 * brings the officer back to the same page and filters afterwards.
 */
export function AuthRequiredRedirect() {
  const router = useRouter();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onAuthRequired(() => {
        forgetSession(queryClient);
        const { pathname, href } = router.state.location;
        if (pathname === '/login') return;
        void router.navigate({ to: '/login', search: { next: href === '/' ? undefined : href }, replace: true });
      }),
    [router, queryClient],
  );
  return null;
}

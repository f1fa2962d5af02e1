import {
  type LoginBody as LoginBodySchema,
  type MfaConfirmBody as MfaConfirmBodySchema,
  MfaConfirmResponse,
  MfaEnrolResponse,
  type MfaVerifyBody as MfaVerifyBodySchema,
  type PasswordChangeBody as PasswordChangeBodySchema,
  SessionListResponse,
  SessionResponse,
} from '@shared/contracts/auth';
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiDelete, apiGet, apiPost } from '../api/client';

type LoginBody = z.input<typeof LoginBodySchema>;
type MfaVerifyBody = z.input<typeof MfaVerifyBodySchema>;
type MfaConfirmBody = z.input<typeof MfaConfirmBodySchema>;
type PasswordChangeBody = z.input<typeof PasswordChangeBodySchema>;

/** The login steps. Each answers with the session as it now stands (stage `setup`, `mfa` or `active`). */
export const authApi = {
  login: (body: LoginBody) => apiPost('/api/auth/login', { body, schema: SessionResponse }),
  verifyMfa: (body: MfaVerifyBody) => apiPost('/api/auth/mfa/verify', { body, schema: SessionResponse }),
  changePassword: (body: PasswordChangeBody) => apiPost('/api/auth/password', { body, schema: SessionResponse }),
  enrolMfa: () => apiPost('/api/auth/mfa/enrol', { schema: MfaEnrolResponse }),
  confirmMfa: (body: MfaConfirmBody) => apiPost('/api/auth/mfa/confirm', { body, schema: MfaConfirmResponse }),
  logout: () => apiPost('/api/auth/logout'),
  revokeMySession: (id: string) => apiDelete(`/api/me/sessions/${encodeURIComponent(id)}`),
};

export const mySessionsQuery = () =>
  queryOptions({
    queryKey: ['me', 'sessions'],
    queryFn: ({ signal }) => apiGet('/api/me/sessions', { schema: SessionListResponse, signal }),
    staleTime: 0,
  });

import {
  PasswordResetResponse,
  type UserCreateBody,
  UserCreatedResponse,
  UserDto,
  UserListResponse,
  type UserUpdateBody,
} from '@shared/contracts/users';
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost } from '../../api/client';

const user = (id: string) => `/api/users/${encodeURIComponent(id)}`;

export const userQueries = {
  list: (q: string | undefined, includeDisabled: boolean) =>
    queryOptions({
      queryKey: ['users', 'list', { q, includeDisabled }],
      queryFn: ({ signal }) => apiGet('/api/users', { query: { q, includeDisabled }, schema: UserListResponse, signal }),
      // Accounts change under the administrator's own hands; always ask again.
      staleTime: 0,
    }),
};

/** Account administration (permission `user:manage`). */
export const usersApi = {
  create: (body: UserCreateBody) => apiPost('/api/users', { body, schema: UserCreatedResponse }),
  update: (id: string, body: UserUpdateBody) => apiPatch(user(id), { body, schema: UserDto }),
  resetPassword: (id: string) => apiPost(`${user(id)}/reset-password`, { schema: PasswordResetResponse }),
  revokeSessions: (id: string) => apiPost(`${user(id)}/revoke-sessions`),
};

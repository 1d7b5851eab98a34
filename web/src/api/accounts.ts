/**
 * The person's own account: ways to sign in, invitations, password reset, email confirmation,
 * and name and email changes. Requests that sign someone in reload the session afterwards.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuthMethodsResponse, InvitationResponse, UpdateUserResponse } from '@jc/server/contract';
import { api } from './client.ts';
import { sessionKeys, useSigningIn } from './session.ts';

export { MIN_PASSWORD_CHARS, MAX_PASSWORD_CHARS } from '@jc/server/contract';

export const accountKeys = {
  methods: ['auth-methods'] as const,
  invitation: (token: string) => ['invitation', token] as const,
};

/** Whether single sign-on is offered next to email and password. */
export function useAuthMethods() {
  return useQuery({
    queryKey: accountKeys.methods,
    queryFn: () => api.get<AuthMethodsResponse>('/auth/methods'),
    staleTime: Infinity,
  });
}

/** Where the single sign-on button sends the browser, returning to `next` afterwards. */
export function ssoStartPath(next: string): string {
  return `/auth/oidc/login?return_to=${encodeURIComponent(next)}`;
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: accountKeys.invitation(token),
    queryFn: () => api.get<InvitationResponse>(`/auth/invitation?token=${encodeURIComponent(token)}`),
    enabled: token !== '',
    retry: false,
  });
}

export const useAcceptInvitation = () =>
  useSigningIn<{ token: string; name?: string; password: string }>('/auth/accept-invite');

export const useResetPassword = () => useSigningIn<{ token: string; password: string }>('/auth/password-reset');

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => api.post<unknown>('/auth/password-reset/request', { email }) });
}

export function useConfirmEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api.post<{ email: string }>('/auth/verify-email', { token }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}

/** PATCH /api/users: a new name applies at once; a new email after its confirmation link is opened. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name?: string; email?: string }) =>
      api.patch<UpdateUserResponse>('/api/users', { name: input.name ?? null, email: input.email ?? null }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}

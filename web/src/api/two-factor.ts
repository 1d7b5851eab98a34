/**
 * Two-factor sign-in: the steps after the password (a code, or setting it up when it is
 * required), and the signed-in person's own settings (turn it on or off, new recovery codes).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  enrolmentResponse,
  recoveryCodesResponse,
  twoFactorStatusResponse,
  type EnrolmentResponse,
  type TwoFactorStatusResponse,
} from '@jc/server/contract';
import { api } from './client.ts';
import { useReloadSession } from './session.ts';

export type { EnrolmentResponse as Enrolment, TwoFactorStatusResponse as TwoFactorStatus };

export const twoFactorKeys = {
  mine: ['two-factor'] as const,
  signInEnrolment: (token: string) => ['two-factor', 'sign-in-enrolment', token] as const,
};

const recoveryCodesOf = (body: unknown) => recoveryCodesResponse.parse(body).recovery_codes;

/** Trades the sign-in token and a code (from the app, or a recovery code) for a session. */
export function useSignInWithCode() {
  const reloadSession = useReloadSession();
  return useMutation({
    mutationFn: (input: { token: string; code: string }) => api.post<unknown>('/auth/two-factor', input),
    onSuccess: () => reloadSession(),
  });
}

/**
 * The secret to set up at sign-in. A query rather than a mutation, so a second render never asks
 * for a second secret: each request replaces the one the app would have scanned.
 */
export function useSignInEnrolment(token: string) {
  return useQuery({
    queryKey: twoFactorKeys.signInEnrolment(token),
    queryFn: async () => enrolmentResponse.parse(await api.post<unknown>('/auth/two-factor/enrolment', { token })),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/**
 * Confirms the set-up with a code and starts the session; resolves to the recovery codes. The
 * session is loaded only when the person goes on, so the codes stay on screen until then.
 */
export function useConfirmSignInEnrolment() {
  return useMutation({
    mutationFn: async (input: { token: string; code: string }) =>
      recoveryCodesOf(await api.post<unknown>('/auth/two-factor/enrolment/confirm', input)),
  });
}

export function useMyTwoFactor() {
  return useQuery({
    queryKey: twoFactorKeys.mine,
    queryFn: async (): Promise<TwoFactorStatusResponse> =>
      twoFactorStatusResponse.parse(await api.get<unknown>('/api/users/two-factor')),
  });
}

/** A new secret for the signed-in person; nothing changes until a code confirms it. */
export function useStartMyEnrolment() {
  return useMutation({
    mutationFn: async () => enrolmentResponse.parse(await api.post<unknown>('/api/users/two-factor/enrolment')),
  });
}

export type EnrolmentStart = ReturnType<typeof useStartMyEnrolment>;

/** A change to the person's own two-factor sign-in that needs a current code; reloads the status. */
function useCodeChange<Result>(send: (code: string) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: twoFactorKeys.mine }),
  });
}

export const useConfirmMyEnrolment = () =>
  useCodeChange(async (code) =>
    recoveryCodesOf(await api.post<unknown>('/api/users/two-factor/enrolment/confirm', { code })),
  );

export const useRenewRecoveryCodes = () =>
  useCodeChange(async (code) =>
    recoveryCodesOf(await api.post<unknown>('/api/users/two-factor/recovery-codes', { code })),
  );

export const useTurnOffTwoFactor = () =>
  useCodeChange((code) => api.delete<unknown>('/api/users/two-factor', { code }));

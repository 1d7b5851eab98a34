/**
 * Who is signed in, read from GET /api/init. The wire shape is parsed here and nowhere else, so a
 * change on the server is a change in this file only.
 */
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  initResponse,
  signedInResponse,
  type AgencyAbilities,
  type SignedInResponse,
  type AgencyAction,
  type AgencyRoleName,
  type MemberRoleName,
} from '@jc/server/contract';
import { useEffect } from 'react';
import { api } from './client.ts';

export type AgencyRole = AgencyRoleName;
export type { AgencyAction, MemberRoleName as MemberRole };

/** What the person may do in an agency, as the server's permission table says; never worked out here. */
export interface Abilities {
  /** One entry per action of the permission table, e.g. can['reports.create']. */
  can: Record<AgencyAction, boolean>;
  /** Roles they may give when inviting or changing a member, most access first. */
  grantableRoles: MemberRoleName[];
}

export interface SessionAgency extends Abilities {
  id: number;
  name: string;
  /** Sectors the agency reports for, e.g. LAW_ENFORCEMENT, SUPERVISION, PAROLE. */
  systems: string[];
  /** Null for a member the server has given no role; shown to the person, never used to decide. */
  role: AgencyRole | null;
  isSuperagency: boolean;
  superAgencyId: number | null;
  /** Its public dashboard is on (see publicDashboardPath). */
  isDashboardEnabled: boolean;
}

export interface SessionUser {
  id: number;
  /** '' when the account has no name yet. */
  name: string;
  /** '' for accounts that have none (e.g. an API client). */
  email: string;
  isPlatformAdmin: boolean;
  agencies: SessionAgency[];
  /** The agency the person opened last, where signing in lands; null before they opened any. */
  lastAgencyId: number | null;
  /** Justice Counts staff: what they may do in agencies they are not members of; null otherwise. */
  staffAbilities: Abilities | null;
}

/** Segment analytics as the operator configured it (null: off, and nothing is loaded). */
export interface Analytics {
  writeKey: string;
  cdnUrl: string;
  apiUrl: string;
  /** The signed-in person as an opaque id; null when signed out. */
  userId: string | null;
}

export interface Session {
  csrf: string;
  /** Where the server runs: production, staging, local or development. */
  env: string;
  /** The server's date (YYYY-MM-DD): which periods have ended is the server's call, not the browser clock's. */
  today: string;
  user: SessionUser | null;
  analytics: Analytics | null;
}

function abilities(raw: AgencyAbilities): Abilities {
  return { can: raw.can as Record<AgencyAction, boolean>, grantableRoles: raw.grantable_roles };
}

/** Reads GET /api/init with the contract's own schema, into the app's names. */
export function parseSession(body: unknown): Session {
  const parsed = initResponse.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`GET /api/init: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unexpected answer'}`);
  }
  const { csrf, env, today, user, analytics: wire } = parsed.data;
  const analytics = wire && {
    writeKey: wire.write_key,
    cdnUrl: wire.cdn_url,
    apiUrl: wire.api_url,
    userId: wire.user_id,
  };
  if (!user) return { csrf, env, today, user: null, analytics };
  return {
    csrf,
    env,
    today,
    analytics,
    user: {
      id: user.id,
      name: user.name ?? '',
      email: user.email ?? '',
      isPlatformAdmin: user.isPlatformAdmin,
      lastAgencyId: user.last_agency_id,
      staffAbilities: user.staff_abilities && abilities(user.staff_abilities),
      agencies: user.agencies.map((agency) => ({
        id: agency.id,
        name: agency.name,
        systems: agency.systems,
        role: agency.role,
        isSuperagency: agency.is_superagency,
        superAgencyId: agency.super_agency_id,
        isDashboardEnabled: agency.is_dashboard_enabled,
        ...abilities(agency),
      })),
    },
  };
}

export const sessionKeys = {
  all: ['session'] as const,
};

async function fetchSession(): Promise<Session> {
  const session = parseSession(await api.get('/api/init'));
  api.setCsrfToken(session.csrf);
  return session;
}

const sessionQuery = queryOptions({ queryKey: sessionKeys.all, queryFn: fetchSession, staleTime: Infinity, retry: 1 });

/** The session query itself; SessionLayout waits for it before rendering any route. */
export function useSessionQuery() {
  return useQuery(sessionQuery);
}

/** Starts loading the session without waiting, so it arrives while a page's code downloads. */
export function prefetchSession(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(sessionQuery);
}

/** The loaded session. Only valid below SessionLayout, which renders nothing until it has loaded. */
export function useSession(): Session {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useSession() was called outside SessionLayout.');
  return data;
}

/** The signed-in user. Only valid below RequireUser. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser() was called outside RequireUser.');
  return user;
}

export interface SignInInput {
  email: string;
  password: string;
}

/** The two-factor step a sign-in asks for instead of a session: a code, or setting it up first. */
export type SignInStep = NonNullable<SignedInResponse['two_factor']>;

/** Reads a sign-in answer with the contract's schema: the step still to take, or null when signed in. */
export function signInStepOf(body: unknown): SignInStep | null {
  return signedInResponse.parse(body).two_factor ?? null;
}

/** Loads the session again, so the app sees the person who has just signed in. */
export function useReloadSession() {
  const queryClient = useQueryClient();
  return () => queryClient.refetchQueries({ queryKey: sessionKeys.all });
}

/**
 * A request that signs the person in (password, reset link, invitation). It resolves to the
 * two-factor step still to take, or null once the session is loaded again.
 */
export function useSigningIn<Input>(path: string) {
  const reloadSession = useReloadSession();
  return useMutation({
    mutationFn: async (input: Input) => signInStepOf(await api.post<unknown>(path, input)),
    onSuccess: async (step) => {
      if (!step) await reloadSession();
    },
  });
}

export const useSignIn = () => useSigningIn<SignInInput>('/auth/login');

/** Ends every session of this person, on every device, and revokes their API tokens. */
export function useSignOutEverywhere() {
  return useMutation({
    mutationFn: () => api.post<unknown>('/auth/logout-everywhere'),
    onSuccess: () => window.location.assign('/sign-in'),
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: () => api.post<unknown>('/auth/logout'),
    // A full page load drops every cached query of the old session.
    onSuccess: () => window.location.assign('/sign-in'),
  });
}

/**
 * Remembers that the person opened one of their own agencies (PUT …/page_visit), so their next
 * sign-in lands there; the loaded session learns it too, so `/` leads there at once.
 */
export function useRecordAgencyVisit(user: SessionUser, agencyId: number | null) {
  const queryClient = useQueryClient();
  const own = agencyId !== null && user.agencies.some((agency) => agency.id === agencyId);
  const { id: userId, lastAgencyId } = user;
  useEffect(() => {
    if (!own || agencyId === lastAgencyId) return;
    api.put(`/api/${userId}/${agencyId}/page_visit`, {}).then(
      () =>
        queryClient.setQueryData<Session>(sessionKeys.all, (session) =>
          session?.user ? { ...session, user: { ...session.user, lastAgencyId: agencyId } } : session,
        ),
      // A visit that was not recorded only means the next sign-in opens another agency first.
      () => undefined,
    );
  }, [own, agencyId, lastAgencyId, userId, queryClient]);
}

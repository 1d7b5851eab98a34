/**
 * Who is signed in, read from GET /api/init. The wire shape is parsed here and nowhere else, so a
 * change on the server is a change in this file only.
 */
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

export type AgencyRole = 'AGENCY_ADMIN' | 'CONTRIBUTOR' | 'READ_ONLY' | 'JUSTICE_COUNTS_ADMIN';

export interface SessionAgency {
  id: number;
  name: string;
  /** Sectors the agency reports for, e.g. LAW_ENFORCEMENT, SUPERVISION, PAROLE. */
  systems: string[];
  /** Null for a member the server has given no role (treat as the least access). */
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
}

export interface Session {
  csrf: string;
  /** Where the server runs: production, staging, local or development. */
  env: string;
  user: SessionUser | null;
}

const ROLES: readonly AgencyRole[] = ['AGENCY_ADMIN', 'CONTRIBUTOR', 'READ_ONLY', 'JUSTICE_COUNTS_ADMIN'];

type Json = Record<string, unknown>;

function fail(path: string, expected: string, got: unknown): never {
  throw new Error(`GET /api/init: ${path} should be ${expected} (got ${JSON.stringify(got)})`);
}
function object(value: unknown, path: string): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : fail(path, 'an object', value);
}
function text(value: unknown, path: string): string {
  return typeof value === 'string' ? value : fail(path, 'a string', value);
}
function optionalText(value: unknown, path: string): string {
  return value === null || value === undefined ? '' : text(value, path);
}
function id(value: unknown, path: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : fail(path, 'an integer id', value);
}

function parseAgency(value: unknown, path: string): SessionAgency {
  const raw = object(value, path);
  const role = raw.role;
  const systems = Array.isArray(raw.systems) ? raw.systems : fail(`${path}.systems`, 'a list', raw.systems);
  return {
    id: id(raw.id, `${path}.id`),
    name: text(raw.name, `${path}.name`),
    systems: systems.map((s, i) => text(s, `${path}.systems[${i}]`)),
    role:
      role === null || ROLES.includes(role as AgencyRole)
        ? (role as AgencyRole | null)
        : fail(`${path}.role`, `null or ${ROLES.join('|')}`, role),
    isSuperagency: raw.is_superagency === true,
    isDashboardEnabled: raw.is_dashboard_enabled === true,
    superAgencyId:
      raw.super_agency_id === null || raw.super_agency_id === undefined
        ? null
        : id(raw.super_agency_id, `${path}.super_agency_id`),
  };
}

function parseUser(value: unknown): SessionUser | null {
  if (value === null || value === undefined) return null;
  const raw = object(value, 'user');
  const agencies = Array.isArray(raw.agencies) ? raw.agencies : fail('user.agencies', 'a list', raw.agencies);
  return {
    id: id(raw.id, 'user.id'),
    name: optionalText(raw.name, 'user.name'),
    email: optionalText(raw.email, 'user.email'),
    isPlatformAdmin: raw.isPlatformAdmin === true,
    agencies: agencies.map((a, i) => parseAgency(a, `user.agencies[${i}]`)),
  };
}

export function parseSession(body: unknown): Session {
  const raw = object(body, 'body');
  return { csrf: text(raw.csrf, 'csrf'), env: text(raw.env, 'env'), user: parseUser(raw.user) };
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

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => api.post<unknown>('/auth/login', input),
    onSuccess: () => queryClient.refetchQueries({ queryKey: sessionKeys.all }),
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: () => api.post<unknown>('/auth/logout'),
    // A full page load drops every cached query of the old session.
    onSuccess: () => window.location.assign('/sign-in'),
  });
}

/**
 * The fetch wrapper every API call goes through: same-origin cookies, JSON in and out, the CSRF
 * header on unsafe methods, and one retry after refreshing an expired CSRF token. Failures are
 * thrown as ApiError; turn them into words with messageFor() from ./errors.ts.
 */

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly description: string;
  readonly details: FieldProblem[] | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    description: string;
    details?: FieldProblem[];
    requestId?: string;
  }) {
    super(`${init.status} ${init.code}: ${init.description}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.description = init.description;
    this.details = init.details;
    this.requestId = init.requestId;
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as JSON, or as-is for FormData (file uploads). */
  body?: unknown;
  signal?: AbortSignal;
  /** How to read a successful response; JSON by default. */
  as?: 'json' | 'blob' | 'text';
  /** Further request headers, e.g. `Prefer: respond-async`. */
  headers?: Record<string, string>;
}

/** The server's words for a stale token; seeing them means: fetch a new token and try once more. */
export const CSRF_EXPIRED = 'The CSRF token has expired.';
const INIT_PATH = '/api/init';

export interface ApiClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body?: unknown): Promise<T>;
  delete<T>(path: string, body?: unknown): Promise<T>;
  /** Remembers the CSRF token from GET /api/init for later unsafe requests. */
  setCsrfToken(token: string): void;
}

const STATUS_CODES: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'maintenance',
};

/** Reads the server's `{code, description, details, requestId}` body, or makes one from the status. */
async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's error page, say): fall back to the status below.
  }
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return new ApiError({
    status: response.status,
    code: str(body.code) ?? STATUS_CODES[response.status] ?? 'server_error',
    description: str(body.description) ?? str(body.message) ?? response.statusText,
    details: Array.isArray(body.details) ? (body.details as FieldProblem[]) : undefined,
    requestId: str(body.requestId),
  });
}

async function readBody<T>(response: Response, as: RequestOptions['as']): Promise<T> {
  if (as === 'blob') return (await response.blob()) as T;
  const text = await response.text();
  if (as === 'text') return text as T;
  return (text ? JSON.parse(text) : undefined) as T;
}

export function createApiClient(fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): ApiClient {
  let csrfToken: string | undefined;

  function send(path: string, options: RequestOptions): Promise<Response> {
    const method = options.method ?? 'GET';
    const headers = new Headers({ ...options.headers, Accept: 'application/json' });
    let body: BodyInit | undefined;
    if (options.body instanceof FormData) body = options.body;
    else if (options.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.body);
    }
    if (method !== 'GET' && csrfToken) headers.set('X-CSRF-Token', csrfToken);
    return fetchImpl(path, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  }

  async function refreshCsrfToken(): Promise<void> {
    const response = await fetchImpl(INIT_PATH, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) throw await toApiError(response);
    const init = (await response.json()) as { csrf?: unknown };
    if (typeof init.csrf === 'string') csrfToken = init.csrf;
  }

  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    let response = await send(path, options);
    if (!response.ok) {
      const error = await toApiError(response);
      if (!error.description.includes(CSRF_EXPIRED)) throw error;
      await refreshCsrfToken();
      response = await send(path, options);
      if (!response.ok) throw await toApiError(response);
    }
    return readBody<T>(response, options.as);
  }

  return {
    request,
    get: (path, options) => request(path, { ...options, method: 'GET' }),
    post: (path, body) => request(path, { method: 'POST', body }),
    put: (path, body) => request(path, { method: 'PUT', body }),
    patch: (path, body) => request(path, { method: 'PATCH', body }),
    delete: (path, body) => request(path, { method: 'DELETE', body }),
    setCsrfToken: (token) => {
      csrfToken = token;
    },
  };
}

/** The app's client. Tests build their own with createApiClient(fakeFetch). */
export const api = createApiClient();

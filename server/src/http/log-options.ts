/**
 * What the server writes to its log. Secrets travel in query strings (invitation and reset tokens,
 * single sign-on codes), in headers and in the bound parameters of failed SQL (password and token
 * hashes), so every line goes through these serializers before it leaves the process.
 */
import { stdSerializers, type DestinationStream, type LoggerOptions } from 'pino';

const REDACTED = '[redacted]';

/** The path with each query value replaced: names stay for debugging, values may be tokens. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=${REDACTED}`);
  return `${url.slice(0, at)}?${names.join('&')}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  id?: unknown;
  ip?: string;
}

function serializeRequest(request: LoggedRequest) {
  return { method: request.method, url: redactUrl(request.url), id: request.id, remoteAddress: request.ip };
}

/** Values bound to a failed query: Drizzle and PGlite keep them on the error and its causes. */
function boundValues(error: unknown): string[] {
  const values: string[] = [];
  for (let at = error, depth = 0; at && typeof at === 'object' && depth < 5; depth++) {
    const params = (at as { params?: unknown }).params;
    if (Array.isArray(params)) values.push(...params.filter((p) => p !== null && p !== undefined).map(String));
    at = (at as { cause?: unknown }).cause;
  }
  // Short values (ids, flags) are not secrets, and redacting them would garble every message.
  return values.filter((value) => value.length >= 4);
}

/**
 * Removes bound values wherever they appear (PostgreSQL repeats a bad input in its message), the
 * "params:" line of Drizzle's message, and `detail`, which holds the contents of a refused row.
 */
function scrub(value: unknown, secrets: string[], depth = 0): unknown {
  if (typeof value === 'string') {
    const text = value.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, '');
    return secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
  }
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key !== 'params' && key !== 'detail') copy[key] = scrub(inner, secrets, depth + 1);
  }
  return copy;
}

function serializeError(error: Error) {
  return scrub(stdSerializers.err(error), boundValues(error));
}

/** Logger options for the server; `stream` lets tests read what was written. */
export function loggerOptions(
  level: string,
  stream?: DestinationStream,
): LoggerOptions & { stream?: DestinationStream } {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: REDACTED,
    },
    serializers: { req: serializeRequest, err: serializeError },
    ...(stream ? { stream } : {}),
  };
}

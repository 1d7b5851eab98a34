/**
 * A simulated browser of the load test: its cookies (session, CSRF token) and every request timed
 * into shared per-action statistics, where 409 counts as a conflict and anything else not 2xx,
 * or no answer at all, as an error.
 */
import type { InitResponse } from '../../../server/src/contract/session.ts';
import type { Row } from '../results.ts';

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms * (0.5 + Math.random())));

interface Action {
  latencies: number[];
  conflicts: number;
  errors: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!);
}

export class ActionStats {
  private readonly actions = new Map<string, Action>();
  private readonly errorSamples: string[] = [];
  private readonly startedAt = performance.now();

  record(name: string, ms: number, status: number, detail: string): void {
    let action = this.actions.get(name);
    if (!action) this.actions.set(name, (action = { latencies: [], conflicts: 0, errors: 0 }));
    action.latencies.push(ms);
    if (status === 409) action.conflicts++;
    else if (status < 200 || status >= 300) {
      action.errors++;
      if (this.errorSamples.length < 5) {
        this.errorSamples.push(`${name}: ${status || 'no answer'} ${detail.slice(0, 200)}`);
      }
    }
  }

  summary(): Row[] {
    const seconds = (performance.now() - this.startedAt) / 1000;
    return [...this.actions].map(([name, action]) => {
      const sorted = [...action.latencies].sort((a, b) => a - b);
      return {
        action: name,
        requests: sorted.length,
        'req/s': Number((sorted.length / seconds).toFixed(1)),
        'p50 (ms)': percentile(sorted, 50),
        'p99 (ms)': percentile(sorted, 99),
        '409s': action.conflicts,
        errors: action.errors,
      };
    });
  }

  firstErrors(): string[] {
    return this.errorSamples.map((sample) => `error: ${sample}`);
  }
}

export class Session {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  constructor(
    private readonly baseUrl: string,
    private readonly stats: ActionStats,
    sessionToken?: string,
  ) {
    if (sessionToken) this.cookies.set('jc_session', sessionToken);
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return { ...extra, ...(cookie ? { cookie } : {}), ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}) };
  }

  /** Times one request; answers its status and body text (status 0: no answer). */
  private async request(name: string, path: string, init: RequestInit): Promise<{ status: number; text: string }> {
    const started = performance.now();
    let status = 0;
    let text = '';
    try {
      const response = await fetch(`${this.baseUrl}${path}`, init);
      status = response.status;
      text = await response.text();
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const [cookieName, ...value] = pair!.split('=');
        this.cookies.set(cookieName!.trim(), value.join('='));
      }
    } catch (error) {
      text = error instanceof Error ? error.message : String(error);
    }
    this.stats.record(name, performance.now() - started, status, text);
    return { status, text };
  }

  async getJson<T>(name: string, path: string): Promise<T | undefined> {
    const { status, text } = await this.request(name, path, { headers: this.headers() });
    return status === 200 ? (JSON.parse(text) as T) : undefined;
  }

  async send(name: string, method: 'PATCH' | 'POST', path: string, body: object): Promise<number> {
    return (await this.sendJson(name, method, path, body)).status;
  }

  /** Sends a JSON body; answers the status and, for a 200, the answer's body. */
  async sendJson<T>(name: string, method: 'PATCH' | 'POST', path: string, body: object) {
    const headers = this.headers({ 'content-type': 'application/json' });
    const { status, text } = await this.request(name, path, { method, headers, body: JSON.stringify(body) });
    return { status, answer: status === 200 ? (JSON.parse(text) as T) : undefined };
  }

  async postForm(name: string, path: string, form: FormData): Promise<number> {
    await this.getJson<InitResponse>('init', '/api/init').then((init) => (this.csrf = init?.csrf ?? ''));
    return (await this.request(name, path, { method: 'POST', headers: this.headers(), body: form })).status;
  }

  /** Signs in with a password, then loads the session as the web app does (which gives the CSRF token). */
  async signIn(email: string, password: string): Promise<InitResponse | undefined> {
    const status = await this.send('sign in', 'POST', '/auth/login', { email, password });
    if (status !== 200) return undefined;
    const init = await this.getJson<InitResponse>('init', '/api/init');
    this.csrf = init?.csrf ?? '';
    return init;
  }
}

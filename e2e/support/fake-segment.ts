/**
 * A stand-in for Segment on loopback: it serves a source's settings (pointing events back at
 * itself) and keeps every event the browser library sends, for the analytics journey.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SegmentEvent {
  type: string;
  event?: string;
  userId?: string;
  properties?: Record<string, unknown>;
  context?: Record<string, unknown>;
}

export interface FakeSegment {
  url: string;
  events: SegmentEvent[];
  close(): Promise<void>;
}

function send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, {
    'access-control-allow-origin': '*',
    // The library sends its key as Authorization and retries with X-Retry-Count: allow what it asks.
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'content-type',
    'access-control-allow-methods': 'GET, POST',
    'content-type': 'application/json',
  });
  res.end(JSON.stringify(body));
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeSegment(): Promise<FakeSegment> {
  const events: SegmentEvent[] = [];
  let host = '';
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') return send(req, res, 204, {});
    const settings = /^\/v1\/projects\/([^/]+)\/settings$/.exec(req.url ?? '');
    if (req.method === 'GET' && settings) {
      const segmentIo = { apiKey: settings[1], apiHost: `${host}/v1`, protocol: 'http' };
      return send(req, res, 200, { integrations: { 'Segment.io': segmentIo }, plan: {}, edgeFunction: {} });
    }
    void bodyOf(req).then((text) => {
      const body = JSON.parse(text) as SegmentEvent & { batch?: SegmentEvent[] };
      events.push(...(body.batch ?? [body]));
      send(req, res, 200, { success: true });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `http://${host}`,
    events,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedResponse } from './recorded-responses.ts';

/** A request the replay server received. */
export interface ReceivedRequest {
  endpoint: string;
  params: Record<string, string>;
  apiKey: string | null;
}

/** What the server answers: status, headers and a JSON body. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Answers one request; undefined falls through to the recordings. */
export type ReplyHandler = (request: ReceivedRequest) => Reply | undefined;

export interface ReplayServer {
  baseUrl: string;
  received: ReceivedRequest[];
  /** Replies to give before the recordings, used once each, in order. */
  queue: Reply[];
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 speaking API-Football v3: it answers a
 * request with the recording whose endpoint and parameters are the same,
 * (ignoring `timezone`), and otherwise with an empty envelope, as the
 * provider does. Responses carry the provider's rate-limit headers in its
 * mixed case.
 */
export async function startReplayServer(
  recordings: readonly RecordedResponse[],
  handler?: ReplyHandler,
): Promise<ReplayServer> {
  const received: ReceivedRequest[] = [];
  const queue: Reply[] = [];
  let spentToday = 0;

  const server = createServer((req, res) => {
    const request = parseRequest(req);
    received.push(request);
    spentToday += 1;
    const reply = queue.shift() ??
      handler?.(request) ?? { body: replay(recordings, request) };
    const headers = withHeaders(
      {
        'Content-Type': 'application/json',
        'X-RateLimit-Limit': '300',
        'X-RateLimit-Remaining': '299',
        'x-ratelimit-requests-limit': '7500',
        'x-ratelimit-requests-remaining': String(7500 - spentToday),
      },
      reply.headers ?? {},
    );
    res.writeHead(reply.status ?? 200, headers);
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    queue,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The body API-Football sends in HTTP 200 with an error of a field. */
export function errorBody(
  endpoint: string,
  errors: Record<string, string>,
): unknown {
  return {
    get: endpoint,
    parameters: [],
    errors,
    results: 0,
    paging: { current: 1, total: 1 },
    response: [],
  };
}

/** Defaults overridden by name whatever the case, keeping the new case. */
function withHeaders(
  defaults: Record<string, string>,
  overrides: Record<string, string>,
): Record<string, string> {
  const names = new Set(Object.keys(overrides).map((n) => n.toLowerCase()));
  const kept = Object.entries(defaults).filter(
    ([name]) => !names.has(name.toLowerCase()),
  );
  return { ...Object.fromEntries(kept), ...overrides };
}

function parseRequest(req: IncomingMessage): ReceivedRequest {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const key = req.headers['x-apisports-key'];
  return {
    endpoint: url.pathname.replace(/^\/+/, ''),
    params: Object.fromEntries(url.searchParams),
    apiKey: typeof key === 'string' ? key : null,
  };
}

function replay(
  recordings: readonly RecordedResponse[],
  request: ReceivedRequest,
): unknown {
  const found = recordings.find(
    (r) =>
      r.get === request.endpoint &&
      sameParams(withoutTimeZone(r.parameters), request.params),
  );
  if (found) return found.envelope;
  return {
    get: request.endpoint,
    parameters: request.params,
    errors: [],
    results: 0,
    paging: { current: 1, total: 1 },
    response: [],
  };
}

/**
 * `timezone` only changes the local `date` strings of fixtures, not their
 * timestamps, so recordings made with one answer requests without it.
 */
function withoutTimeZone(
  params: Record<string, string>,
): Record<string, string> {
  const rest = { ...params };
  delete rest.timezone;
  return rest;
}

function sameParams(
  a: Record<string, string>,
  b: Record<string, string>,
): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => a[key] === b[key])
  );
}

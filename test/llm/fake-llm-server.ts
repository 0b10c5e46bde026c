import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One reply of the fake server. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON body, or a string sent as is. */
  body?: unknown;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer; the client has to give up. */
  hang?: boolean;
}

/** One request as the server saw it. */
export interface SeenRequest {
  model: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  /** 1 for the first request of this model, 2 for the next... */
  attempt: number;
}

export type Behaviour = (request: SeenRequest) => FakeReply;

/** A chat completion whose message has these fields. */
export function completion(message: Record<string, unknown>): unknown {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    choices: [
      { index: 0, message: { role: 'assistant', ...message }, finish_reason: 'stop' },
    ],
  };
}

/**
 * A local OpenAI-compatible server for tests: answers POST
 * /v1/chat/completions per model name and counts requests in flight.
 */
export class FakeLlmServer {
  readonly requests: SeenRequest[] = [];
  maxInFlight = 0;
  private inFlight = 0;
  private readonly attempts = new Map<string, number>();
  private readonly server: Server;

  constructor(private readonly behaviours: Record<string, Behaviour>) {
    this.server = createServer((req, res) => {
      void this.handle(req).then(async (reply) => {
        if (reply.hang) {
          await new Promise((resolve) => res.on('close', resolve));
          this.inFlight -= 1;
          return;
        }
        if (reply.delayMs) {
          await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        }
        this.inFlight -= 1;
        const body =
          typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, {
          'content-type': 'application/json',
          ...reply.headers,
        });
        res.end(body);
      });
    });
  }

  /** Starts on a free port of 127.0.0.1; returns the base URL (…/v1). */
  async start(): Promise<string> {
    await new Promise<void>((resolve) =>
      this.server.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v1`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** Requests the server got for one model. */
  requestsOf(model: string): SeenRequest[] {
    return this.requests.filter((request) => request.model === model);
  }

  private async handle(req: IncomingMessage): Promise<FakeReply> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return { status: 404, body: { error: { message: 'not found' } } };
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<
      string,
      unknown
    >;
    const model = String(body.model);
    const attempt = (this.attempts.get(model) ?? 0) + 1;
    this.attempts.set(model, attempt);
    const seen = {
      model,
      authorization: req.headers.authorization,
      body,
      attempt,
    };
    this.requests.push(seen);
    const behaviour = this.behaviours[model];
    if (!behaviour) {
      return {
        status: 404,
        body: { error: { message: `model ${model} does not exist` } },
      };
    }
    return behaviour(seen);
  }
}

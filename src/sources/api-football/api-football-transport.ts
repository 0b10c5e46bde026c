import { z } from 'zod';
import { systemClock, type Clock } from '../../core/clock.ts';
import { ConnectionError, messageOf } from '../../core/errors.ts';
import { scopedLogger, type Logger } from '../../core/logger.ts';
import type { Db } from '../../db/open-database.ts';
import {
  DEFAULT_CACHE_LIFETIMES,
  lifetimeOf,
  requestKey,
  type ApiRequest,
  type Endpoint,
} from './api-request.ts';
import { classifyErrors } from './classify-errors.ts';
import { envelopeSchema } from './envelope-schema.ts';
import { readRateLimitHeaders } from './rate-limit-headers.ts';
import { providerDay, RequestBudget } from './request-budget.ts';
import { RequestGate, timerSleep, type Sleep } from './request-gate.ts';
import { requestsNeeded } from './requests-needed.ts';
import { ResponseCache } from './response-cache.ts';
import { SourceFieldError, SourceStoppedError } from './source-errors.ts';

export const DEFAULT_BASE_URL = 'https://v3.football.api-sports.io';

export interface ApiFootballTransportOptions {
  /** The key sent as `x-apisports-key`; never logged. */
  apiKey: string;
  /** Database of the request counter and the response cache. */
  db: Db;
  /** Default https://v3.football.api-sports.io. */
  baseUrl?: string;
  /** Requests we allow ourselves per UTC day (default 100, the free plan). */
  dailyBudget?: number;
  /** Requests of the day left for others, such as the live pipeline. */
  reserve?: number;
  /** Our per-minute limit (default 10); the provider's lowers it. */
  requestsPerMinute?: number;
  /** Retries after 429, 5xx or network failures (default 3). */
  maxRetries?: number;
  /** First back-off delay without `Retry-After`, doubled each time. */
  backoffMs?: number;
  cacheLifetimes?: Partial<Record<Endpoint, number>>;
  fetch?: typeof fetch;
  clock?: Clock;
  sleep?: Sleep;
  logger?: Logger;
  signal?: AbortSignal;
}

/**
 * The HTTP side of the API-Football client: cache, budget, rate limits,
 * retries and the errors hidden in HTTP 200 bodies. Once the quota, the
 * key or the budget stops it, every later call throws the same error.
 */
export class ApiFootballTransport {
  readonly budget: RequestBudget;
  private readonly cache: ResponseCache;
  private readonly gate: RequestGate;
  private readonly options: ApiFootballTransportOptions;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly logger: Logger;
  private readonly lifetimes: Record<Endpoint, number>;
  private stopped: SourceStoppedError | null = null;
  /** The provider day of the stop: quota and budget stops end with it. */
  private stoppedOn = '';

  constructor(options: ApiFootballTransportOptions) {
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? timerSleep;
    this.logger = options.logger ?? scopedLogger('api-football');
    this.lifetimes = { ...DEFAULT_CACHE_LIFETIMES, ...options.cacheLifetimes };
    this.cache = new ResponseCache(options.db);
    this.gate = new RequestGate(
      options.requestsPerMinute ?? 10,
      this.clock,
      this.sleep,
    );
    this.budget = new RequestBudget(options.db, {
      source: 'api-football',
      dailyLimit: options.dailyBudget ?? 100,
      reserve: options.reserve,
      clock: this.clock,
    });
  }

  /** The error that stopped this client, if any. */
  get stopReason(): SourceStoppedError | null {
    const stop = this.stopped;
    if (
      stop && stop.reason !== 'token' &&
      providerDay(this.clock.now()) !== this.stoppedOn
    ) {
      // A new provider day: the quota and our budget start again.
      this.stopped = null;
    }
    return this.stopped;
  }

  /** Requests a plan would send now, leaving out fresh cached answers. */
  async requestsNeeded(plan: readonly ApiRequest[]): Promise<number> {
    const cached = new Set<string>();
    for (const request of plan) {
      const key = requestKey(request);
      const hit = await this.cache.get(key, this.clock.now());
      if (hit !== undefined) cached.add(key);
    }
    return requestsNeeded(plan, cached);
  }

  /** The validated `response` of a request, from the cache or the API. */
  async get<T>(request: ApiRequest, schema: z.ZodType<T>): Promise<T> {
    const key = requestKey(request);
    const cached = await this.cache.get(key, this.clock.now());
    if (cached !== undefined) {
      this.logger.debug({ key }, 'answered from the cache');
      return this.validate(request, schema, cached);
    }
    const body = await this.fetchAllPages(request);
    const value = this.validate(request, schema, body);
    const lifetime = lifetimeOf(request, this.lifetimes);
    await this.cache.put(key, body, this.clock.now(), lifetime);
    return value;
  }

  private async fetchAllPages(request: ApiRequest): Promise<unknown> {
    const first = await this.fetchPage(request);
    const total = first.paging?.total ?? 1;
    if (total <= 1 || !Array.isArray(first.response)) return first.response;
    const items: unknown[] = [...first.response];
    for (let page = 2; page <= total; page += 1) {
      const next = await this.fetchPage({
        ...request,
        params: { ...request.params, page },
      });
      if (Array.isArray(next.response)) items.push(...next.response);
    }
    return items;
  }

  private async fetchPage(request: ApiRequest) {
    const maxRetries = this.options.maxRetries ?? 3;
    for (let attempt = 1; ; attempt += 1) {
      if (this.stopReason) throw this.stopReason;
      const outcome = await this.send(request);
      if (outcome.kind === 'done') return outcome.envelope;
      if (attempt > maxRetries) {
        throw new ConnectionError(
          'data source',
          `API-Football ${request.endpoint} failed after ${attempt} attempts: ${outcome.detail}; try again later or lower requestsPerMinute`,
        );
      }
      const backoff = (this.options.backoffMs ?? 1000) * 2 ** (attempt - 1);
      const delay = outcome.retryAfterMs ?? backoff;
      this.logger.warn(
        { endpoint: request.endpoint, attempt, maxRetries, delay },
        `API-Football asked to slow down (${outcome.detail}); retry ${attempt} of ${maxRetries}`,
      );
      this.gate.pause(delay);
    }
  }

  private async send(request: ApiRequest): Promise<SendOutcome> {
    await this.gate.wait(this.options.signal);
    await this.budget.spend().catch((error: unknown) => {
      if (error instanceof SourceStoppedError) this.remember(error);
      throw error;
    });

    const startedAt = Date.now();
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(this.urlOf(request), {
        headers: { 'x-apisports-key': this.options.apiKey },
        signal: this.options.signal,
      });
    } catch (error) {
      if (this.options.signal?.aborted) throw error;
      return { kind: 'retry', retryAfterMs: null, detail: messageOf(error) };
    }
    const limits = readRateLimitHeaders(response.headers, this.clock.now());
    this.gate.observe(limits);
    this.logger.debug(
      {
        endpoint: request.endpoint,
        params: request.params,
        status: response.status,
        ms: Date.now() - startedAt,
        perDayRemaining: limits.perDayRemaining,
      },
      'API-Football request answered',
    );

    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      const detail = `HTTP ${response.status}`;
      return { kind: 'retry', retryAfterMs: limits.retryAfterMs, detail };
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw await this.stop('token', `HTTP ${response.status}`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ConnectionError(
        'data source',
        `API-Football ${request.endpoint} answered HTTP ${response.status}; check the base URL and the request`,
      );
    }

    const envelope = envelopeSchema.safeParse(await readJson(response));
    if (!envelope.success) {
      throw new ConnectionError(
        'data source',
        `API-Football ${request.endpoint} answered a body that is not an API-Football envelope; check the base URL`,
      );
    }
    const verdict = classifyErrors(envelope.data.errors);
    switch (verdict.kind) {
      case 'quota':
        throw await this.stop('quota', verdict.detail);
      case 'token':
        throw await this.stop('token', verdict.detail);
      case 'rate-limit':
        return {
          kind: 'retry',
          retryAfterMs: limits.retryAfterMs,
          detail: verdict.detail,
        };
      case 'field':
        throw new SourceFieldError(
          verdict.field,
          `API-Football rejected ${request.endpoint} parameter '${verdict.field}': ${verdict.detail}; check the competition's API-Football league id and season`,
        );
    }
    if (limits.perDayRemaining !== null && limits.perDayRemaining <= 0) {
      // This answer is good, but the provider will refuse the next request.
      await this.stop('quota', 'x-ratelimit-requests-remaining is 0');
    }
    return { kind: 'done', envelope: envelope.data };
  }

  private async stop(
    reason: 'quota' | 'token',
    detail: string,
  ): Promise<SourceStoppedError> {
    const message =
      reason === 'quota'
        ? `API-Football's daily request quota is used up (${detail}); no further requests this run; wait until 00:00 UTC or upgrade the plan`
        : `API-Football refused the key (${detail}); check API_FOOTBALL_KEY`;
    const error = new SourceStoppedError(reason, message);
    this.remember(error);
    this.logger.error({ reason }, message);
    // Other processes on the same counter stop too, until 00:00 UTC.
    if (reason === 'quota') await this.budget.exhaust();
    return error;
  }

  private remember(error: SourceStoppedError): void {
    this.stopped = error;
    this.stoppedOn = providerDay(this.clock.now());
  }

  private urlOf(request: ApiRequest): string {
    const base = (this.options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    const url = new URL(`${base}/${request.endpoint}`);
    for (const [name, value] of Object.entries(request.params)) {
      url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  private validate<T>(
    request: ApiRequest,
    schema: z.ZodType<T>,
    body: unknown,
  ): T {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new ConnectionError(
      'data source',
      `API-Football ${request.endpoint} answered an unexpected shape at ${issue?.path.join('.') ?? '?'} (${issue?.message ?? 'invalid'}); the client needs updating`,
    );
  }
}

type SendOutcome =
  | { kind: 'done'; envelope: z.infer<typeof envelopeSchema> }
  | { kind: 'retry'; retryAfterMs: number | null; detail: string };

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

import { messageOf } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { LlmRequestError } from './llm-errors.ts';
import type { Prompt } from './build-prompt.ts';
import { sleep, type ProviderGate } from './provider-gate.ts';
import { retryDelay } from './retry-delay.ts';

/** Attempts per request, the first included. */
export const MAX_ATTEMPTS = 3;

/** One request to an OpenAI-compatible `/chat/completions`. */
export interface ChatRequest {
  baseUrl: string;
  /** The key, or null for keyless servers. Never logged nor stored. */
  apiKey: string | null;
  model: string;
  prompt: Prompt;
  temperature: number;
  /** Ask for `response_format: json_object` (the provider's setting). */
  responseFormat: boolean;
  timeoutMs: number;
  gate: ProviderGate;
  fetch: typeof fetch;
  logger: Logger;
  /** Base of the exponential backoff in ms (default 500). */
  retryBaseMs?: number;
  signal?: AbortSignal;
}

/** The text of a model's answer. */
export interface ChatAnswer {
  content: string | null;
  /** A `reasoning` or `reasoning_content` field, when the server sends one. */
  reasoning: string | null;
}

/**
 * Sends a chat request with retries: 429, 5xx and network errors are
 * retried with backoff (honouring `Retry-After`), at most 3 attempts;
 * 401, 403 and 404 are configuration problems and not retried. A timeout
 * is not retried either: a model that hung for the whole timeout would
 * most likely hang again and triple the time of the stage. A 400 that
 * names `response_format` turns it off for the provider and retries once.
 */
export async function requestChatCompletion(
  request: ChatRequest,
): Promise<ChatAnswer> {
  const baseMs = request.retryBaseMs ?? 500;
  let formatRetried = false;
  for (let attempt = 1; ; attempt += 1) {
    const useFormat =
      request.responseFormat && !request.gate.responseFormatRejected;
    try {
      return await request.gate.run(
        () => sendOnce(request, useFormat),
        request.signal,
      );
    } catch (error) {
      if (!(error instanceof LlmRequestError)) throw error;
      if (
        error.kind === 'bad-request' && useFormat && !formatRetried &&
        /response_format/i.test(error.message)
      ) {
        request.gate.responseFormatRejected = true;
        formatRetried = true;
        attempt -= 1;
        request.logger.info(
          { model: request.model },
          'the provider rejects response_format; asking without it from now on',
        );
        continue;
      }
      const retryable = ['rate-limit', 'server', 'network'].includes(error.kind);
      if (!retryable || attempt >= MAX_ATTEMPTS) throw error;
      const wait = retryDelay(attempt, error.retryAfter, baseMs);
      request.logger.info(
        {
          model: request.model,
          attempt: attempt + 1,
          of: MAX_ATTEMPTS,
          waitMs: wait,
        },
        `LLM request failed (${error.message}); retrying, attempt ${attempt + 1} of ${MAX_ATTEMPTS}`,
      );
      await sleep(wait, request.signal);
    }
  }
}

async function sendOnce(
  request: ChatRequest,
  useFormat: boolean,
): Promise<ChatAnswer> {
  const body: Record<string, unknown> = {
    model: request.model,
    messages: [
      { role: 'system', content: request.prompt.system },
      { role: 'user', content: request.prompt.user },
    ],
    temperature: request.temperature,
  };
  if (useFormat) body.response_format = { type: 'json_object' };
  const headers: Record<string, string> = {
    'content-type': 'application/json',
  };
  if (request.apiKey) headers.authorization = `Bearer ${request.apiKey}`;

  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), request.timeoutMs);
  const signal = request.signal
    ? AbortSignal.any([request.signal, timeout.signal])
    : timeout.signal;
  const url = `${request.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const hide = (text: string) => redactKey(text, request.apiKey);
  try {
    let response: Response;
    let text: string;
    try {
      response = await request.fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (timeout.signal.aborted) {
        throw new LlmRequestError(
          'timeout',
          `no answer within ${request.timeoutMs} ms`,
          null,
        );
      }
      if (request.signal?.aborted) throw error;
      throw new LlmRequestError(
        'network',
        `network error: ${hide(messageOf(error))}`,
        null,
      );
    }
    if (!response.ok) throw httpError(response, hide(text));
    return readAnswer(hide(text));
  } finally {
    clearTimeout(timer);
  }
}

function httpError(response: Response, text: string): LlmRequestError {
  const status = response.status;
  const detail = `HTTP ${status}: ${text.slice(0, 200).replace(/\s+/g, ' ')}`;
  const retryAfter = response.headers.get('retry-after');
  if ([401, 403, 404].includes(status)) {
    return new LlmRequestError(
      'config',
      `configuration problem, ${detail}; check the key variable and the model name in the roster`,
      status,
    );
  }
  if (status === 429) {
    return new LlmRequestError('rate-limit', detail, status, retryAfter);
  }
  if (status >= 500) {
    return new LlmRequestError('server', detail, status, retryAfter);
  }
  return new LlmRequestError('bad-request', detail, status);
}

function readAnswer(text: string): ChatAnswer {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LlmRequestError(
      'bad-response',
      `the API answered no JSON: ${text.slice(0, 200)}`,
      200,
    );
  }
  const message = (json as {
    choices?: Array<{ message?: Record<string, unknown> }>;
  }).choices?.[0]?.message;
  if (!message) {
    throw new LlmRequestError(
      'bad-response',
      'the API answered without choices[0].message',
      200,
    );
  }
  const asText = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    content: asText(message.content),
    reasoning: asText(message.reasoning) ?? asText(message.reasoning_content),
  };
}

/** The text with every occurrence of the key replaced. */
export function redactKey(text: string, apiKey: string | null): string {
  if (!apiKey) return text;
  return text.split(apiKey).join('[redacted]');
}

import { ConfigError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { Forecaster } from '../models/forecaster.ts';
import type { RosterModel } from '../roster/roster.ts';
import type { ProviderConfig } from '../roster/roster-schema.ts';
import { buildPrompt } from './build-prompt.ts';
import { requestChatCompletion, redactKey } from './chat-completion.ts';
import { AnswerParseError } from './llm-errors.ts';
import { parseAnswer } from './parse-answer.ts';
import { processGates, type ProviderGates } from './provider-gate.ts';

/** The edges of an LLM forecaster. */
export interface LlmForecasterDeps {
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Where the key variables are read (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Default: the gates of this process, shared by all forecasters. */
  gates?: ProviderGates;
  logger: Logger;
  /** Base of the retry backoff in ms (default 500). */
  retryBaseMs?: number;
  /** Sampling temperature (default 0.2). */
  temperature?: number;
}

/**
 * A forecaster that asks one roster model over its provider's
 * OpenAI-compatible API and reads the score from the answer. The key is
 * read from the environment at each request and appears nowhere else.
 */
export function makeLlmForecaster(
  model: RosterModel,
  provider: ProviderConfig,
  deps: LlmForecasterDeps,
): Forecaster {
  const env = deps.env ?? process.env;
  const gate = (deps.gates ?? processGates).get(provider.id, {
    concurrency: provider.concurrency,
    requestsPerMinute: provider.requestsPerMinute,
  });
  const logger = deps.logger.child({ modelId: model.id });
  return {
    modelId: model.id,
    async forecast(input, signal) {
      const apiKey = provider.apiKeyEnv ? env[provider.apiKeyEnv] : null;
      if (provider.apiKeyEnv && !apiKey) {
        throw new ConfigError(
          `model ${model.id}: environment variable ${provider.apiKeyEnv} is not set; set it or make the model inactive in the roster`,
        );
      }
      const prompt = buildPrompt(input.context, {
        showOdds: provider.showOdds,
        promptNotes: model.promptNotes,
      });
      logger.debug({ matchId: input.context.matchId }, 'asking the model');
      const answer = await requestChatCompletion({
        baseUrl: provider.baseUrl,
        apiKey: apiKey ?? null,
        model: model.model,
        prompt,
        temperature: deps.temperature ?? 0.2,
        responseFormat: provider.responseFormat,
        timeoutMs: model.timeoutMs ?? provider.timeoutMs,
        gate,
        fetch: deps.fetch ?? fetch,
        logger,
        retryBaseMs: deps.retryBaseMs,
        signal,
      });
      // Only an empty content falls back to the reasoning text.
      const text =
        answer.content !== null && answer.content.trim() !== ''
          ? answer.content
          : answer.reasoning;
      const rawAnswer = text === null ? null : redactKey(text, apiKey ?? null);
      try {
        return { score: parseAnswer(rawAnswer), rawAnswer };
      } catch (error) {
        if (error instanceof AnswerParseError) {
          throw new AnswerParseError(error.reason, rawAnswer);
        }
        throw error;
      }
    },
  };
}

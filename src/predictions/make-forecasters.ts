import { BASELINES } from '../baselines/index.ts';
import type { Logger } from '../core/logger.ts';
import { makeLlmForecaster } from '../llm/make-llm-forecaster.ts';
import type { ProviderGates } from '../llm/provider-gate.ts';
import type { Forecaster } from '../models/forecaster.ts';
import type { Roster } from '../roster/roster.ts';

/** The edges forecasters need. */
export interface ForecasterDeps {
  logger: Logger;
  fetch?: typeof fetch;
  env?: NodeJS.ProcessEnv;
  gates?: ProviderGates;
  /** Base of the LLM retry backoff in ms (default 500). */
  retryBaseMs?: number;
  /** Default: the built-in `BASELINES`. */
  baselines?: Record<string, (modelId: string) => Forecaster>;
}

/** Forecasters by model id, and why some active models have none. */
export interface Forecasters {
  byModelId: Map<string, Forecaster>;
  /** Active roster models that cannot forecast, with the reason. */
  unavailable: Map<string, string>;
}

/**
 * Builds a forecaster for every active roster model: LLMs through their
 * provider, baselines from `BASELINES` by their `model` name.
 */
export function makeForecasters(
  roster: Roster,
  deps: ForecasterDeps,
): Forecasters {
  const baselines = deps.baselines ?? BASELINES;
  const byModelId = new Map<string, Forecaster>();
  const unavailable = new Map<string, string>();
  for (const model of roster.models) {
    if (!model.active) continue;
    if (model.kind === 'baseline') {
      const make = baselines[model.model];
      if (make) byModelId.set(model.id, make(model.id));
      else {
        unavailable.set(
          model.id,
          `no built-in baseline named '${model.model}' (roster ${roster.file}); use one of ${Object.keys(baselines).join(', ')}`,
        );
      }
      continue;
    }
    const provider = roster.providers.get(model.provider);
    if (!provider) {
      unavailable.set(model.id, `unknown provider '${model.provider}'`);
      continue;
    }
    byModelId.set(model.id, makeLlmForecaster(model, provider, deps));
  }
  return { byModelId, unavailable };
}

import type { ModelConfig, ProviderConfig } from './roster-schema.ts';

/** A roster model with what the environment allows. */
export interface RosterModel extends ModelConfig {
  kind: 'llm' | 'baseline';
  /** Active in the file. */
  listedActive: boolean;
  /**
   * Active in this process: listed active and, for LLMs, its provider's key
   * variable is set. `active` is this value.
   */
  active: boolean;
  /** Why a model listed active is not active here; null otherwise. */
  inactiveReason: string | null;
}

/**
 * The roster as loaded: providers and models, validated. Keys are never
 * kept here; the LLM client reads them from the environment when it sends.
 */
export interface Roster {
  /** The file it came from, for messages. */
  file: string;
  providers: Map<string, ProviderConfig>;
  models: RosterModel[];
}

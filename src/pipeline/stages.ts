/**
 * The three stages of the pipeline and what each one gets and returns.
 * Payloads go through Redis as JSON, so they hold plain values only.
 */
export const STAGES = ['analysis', 'predictions', 'settlement'] as const;
export type Stage = (typeof STAGES)[number];

/** Payload of an analysis job. */
export interface AnalysisPayload {
  matchId: number;
}

/** Payload of a predictions job. */
export interface PredictionsPayload {
  matchId: number;
  /** Only these models; default every active model without a prediction. */
  modelIds?: string[];
  /** True when made after the match's normal prediction time. */
  retroactive: boolean;
}

/** Payload of a settlement job. */
export interface SettlementPayload {
  matchId: number;
}

export interface StagePayloads {
  analysis: AnalysisPayload;
  predictions: PredictionsPayload;
  settlement: SettlementPayload;
}

/** What an analysis job wrote. */
export interface AnalysisResult {
  matchId: number;
  complete: boolean;
  missing: string[];
}

/** What a predictions job wrote, model by model. */
export interface PredictionsResult {
  matchId: number;
  /** Models whose prediction was stored by this job. */
  added: string[];
  /** Models that gave no stored prediction in this job, and why. */
  failed: { modelId: string; reason: string }[];
  /** Models that had a prediction already and were left alone. */
  alreadyPredicted: string[];
}

/** What a settlement job wrote; the fields beyond matchId are the stage's. */
export interface SettlementResult {
  matchId: number;
  [field: string]: unknown;
}

export interface StageResults {
  analysis: AnalysisResult;
  predictions: PredictionsResult;
  settlement: SettlementResult;
}

/**
 * One function per stage that does the work of a job and returns what it
 * wrote. It throws BullMQ's `UnrecoverableError` when retrying cannot help,
 * and any other error when a later attempt may succeed. Both the BullMQ
 * workers and the embedded runner call exactly these.
 */
export type StageProcessors = {
  [S in Stage]: (payload: StagePayloads[S]) => Promise<StageResults[S]>;
};

/** Narrows a string to a stage; false for anything else. */
export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

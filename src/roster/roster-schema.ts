import { z } from 'zod';

/** The built-in provider of the statistical baselines: no URL, no key. */
export const BASELINE_PROVIDER = 'baseline';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lower-case letters, digits, . _ -');

/** One OpenAI-compatible API in the roster file. */
export const providerSchema = z
  .object({
    id,
    baseUrl: z.url(),
    /** The environment variable holding the key; absent for keyless servers. */
    apiKeyEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).optional(),
    /** Requests in flight at once, all its models together (default 4). */
    concurrency: z.int().min(1).max(256).default(4),
    /** Requests started per minute for the provider; null: no limit. */
    requestsPerMinute: z.int().min(1).nullable().default(null),
    /** Per-request timeout in ms unless the model sets one (default 60 s). */
    timeoutMs: z.int().min(1).default(60_000),
    /** Put the market odds in the prompt (default false). */
    showOdds: z.boolean().default(false),
    /** Send `response_format: json_object` (default true). */
    responseFormat: z.boolean().default(true),
  })
  .strict();

/** One model in the roster file. */
export const modelSchema = z
  .object({
    id,
    provider: id,
    /** The model name sent to the API; the baseline name for baselines. */
    model: z.string().min(1),
    displayName: z.string().min(1),
    /** Whether the model predicts (default true). */
    active: z.boolean().default(true),
    /** Extra lines appended to this model's prompt. */
    promptNotes: z.string().optional(),
    timeoutMs: z.int().min(1).optional(),
    /** The model writes reasoning before its answer. */
    reasoning: z.boolean().default(false),
  })
  .strict();

export const rosterFileSchema = z
  .object({
    about: z.string().optional(),
    providers: z.array(providerSchema).default([]),
    models: z.array(modelSchema),
  })
  .strict();

export type ProviderConfig = z.infer<typeof providerSchema>;
export type ModelConfig = z.infer<typeof modelSchema>;
export type RosterFile = z.infer<typeof rosterFileSchema>;

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { ConfigError, messageOf } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { REPO_ROOT } from '../core/paths.ts';
import type { Roster, RosterModel } from './roster.ts';
import {
  BASELINE_PROVIDER,
  rosterFileSchema,
  type RosterFile,
} from './roster-schema.ts';

/** The roster file: `SCORELINE_ROSTER`, else `roster.json` in the repo. */
export function rosterPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.SCORELINE_ROSTER
    ? path.resolve(env.SCORELINE_ROSTER)
    : path.join(REPO_ROOT, 'roster.json');
}

export interface LoadRosterOptions {
  /** Default: `rosterPath(env)`. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Warned about models left inactive because a key variable is unset. */
  logger?: Logger;
}

/**
 * Reads and validates the roster file. A model whose provider's key
 * variable is unset is inactive here, with a warning, never an error.
 */
export function loadRoster(options: LoadRosterOptions = {}): Roster {
  const env = options.env ?? process.env;
  const file = options.file ?? rosterPath(env);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `cannot read the roster ${file}: ${messageOf(error)}; set SCORELINE_ROSTER to a roster file`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `the roster ${file} is not valid JSON: ${messageOf(error)}; fix the file`,
    );
  }
  return parseRoster(json, file, env, options.logger);
}

/** Validates roster JSON (already parsed); `file` names it in errors. */
export function parseRoster(
  json: unknown,
  file: string,
  env: NodeJS.ProcessEnv = process.env,
  logger?: Logger,
): Roster {
  const parsed = rosterFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(describeIssue(file, json, parsed.error));
  }
  const content = parsed.data;
  assertConsistent(file, content);

  const providers = new Map(content.providers.map((p) => [p.id, p]));
  const models = content.models.map((model): RosterModel => {
    const kind = model.provider === BASELINE_PROVIDER ? 'baseline' : 'llm';
    const keyEnv = providers.get(model.provider)?.apiKeyEnv;
    const keyMissing = kind === 'llm' && keyEnv !== undefined && !env[keyEnv];
    const inactiveReason =
      model.active && keyMissing
        ? `environment variable ${keyEnv} is not set`
        : null;
    return {
      ...model,
      kind,
      listedActive: model.active,
      active: model.active && inactiveReason === null,
      inactiveReason,
    };
  });

  const idle = models.filter((m) => m.inactiveReason !== null);
  for (const [keyEnv, count] of countBy(idle, (m) => m.inactiveReason)) {
    logger?.warn(
      { roster: file, models: count },
      `${count} model(s) of the roster stay inactive: ${keyEnv}; set it to activate them`,
    );
  }
  return { file, providers, models };
}

function assertConsistent(file: string, content: RosterFile): void {
  const providerIds = new Set<string>();
  content.providers.forEach((provider, index) => {
    const where = `${file}: providers[${index}] (${provider.id})`;
    if (provider.id === BASELINE_PROVIDER) {
      throw new ConfigError(
        `${where}: field "id": "${BASELINE_PROVIDER}" is built in; choose another provider id`,
      );
    }
    if (providerIds.has(provider.id)) {
      throw new ConfigError(
        `${where}: field "id": duplicate provider id; give each provider its own id`,
      );
    }
    providerIds.add(provider.id);
  });

  const modelIds = new Set<string>();
  content.models.forEach((model, index) => {
    const where = `${file}: models[${index}] (${model.id})`;
    if (modelIds.has(model.id)) {
      throw new ConfigError(
        `${where}: field "id": duplicate model id; give each model its own id`,
      );
    }
    modelIds.add(model.id);
    const known =
      model.provider === BASELINE_PROVIDER || providerIds.has(model.provider);
    if (!known) {
      throw new ConfigError(
        `${where}: field "provider": unknown provider "${model.provider}"; add it to "providers" or use "${BASELINE_PROVIDER}"`,
      );
    }
  });
}

function describeIssue(file: string, json: unknown, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return `${file}: invalid roster; fix the file`;
  const [section, index, ...field] = issue.path;
  if (typeof section === 'string' && typeof index === 'number') {
    const entry = entryId(json, section, index);
    const name = entry ? ` (${entry})` : '';
    const fieldName = field.length > 0 ? field.join('.') : '(entry)';
    return `${file}: ${section}[${index}]${name}: field "${fieldName}": ${issue.message}; fix the roster entry`;
  }
  const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  return `${file}: field "${where}": ${issue.message}; fix the roster file`;
}

function entryId(json: unknown, section: string, index: number): string | null {
  const list = (json as Record<string, unknown> | null)?.[section];
  if (!Array.isArray(list)) return null;
  const entry = list[index] as Record<string, unknown> | undefined;
  return typeof entry?.id === 'string' ? entry.id : null;
}

function countBy<T>(
  items: T[],
  key: (item: T) => string | null,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

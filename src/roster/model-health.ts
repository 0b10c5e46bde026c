import type { ModelRow } from '../db/models.ts';
import type { Roster } from './roster.ts';

/** One line of `scoreline models`: a roster model and its health. */
export interface ModelHealth {
  id: string;
  provider: string;
  model: string;
  displayName: string;
  /** Active in this process (listed active and key set). */
  active: boolean;
  /** Why a model listed active is inactive here; null otherwise. */
  inactiveReason: string | null;
  /** True when the database knows the model (after a roster sync). */
  synced: boolean;
  disabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  lastSuccessAt: string | null;
}

/**
 * The roster models with their health from the database, in roster order;
 * a model the database does not know yet has empty health.
 */
export function joinModelHealth(
  roster: Roster,
  rows: ModelRow[],
): ModelHealth[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return roster.models.map((model) => {
    const row = byId.get(model.id);
    return {
      id: model.id,
      provider: model.provider,
      model: model.model,
      displayName: model.displayName,
      active: model.active,
      inactiveReason: model.inactiveReason,
      synced: row !== undefined,
      disabled: row?.disabledAt != null,
      disabledReason: row?.disabledReason ?? null,
      consecutiveFailures: row?.consecutiveFailures ?? 0,
      lastError: row?.lastError ?? null,
      lastSuccessAt: row?.lastSuccessAt?.toISOString() ?? null,
    };
  });
}

/** The health lines as a text table for people. */
export function formatModelHealth(lines: ModelHealth[]): string {
  const header = [
    'model', 'provider', 'active', 'disabled', 'failures', 'last success',
    'last error',
  ];
  const rows = lines.map((line) => [
    line.id,
    line.provider,
    line.active ? 'yes' : line.inactiveReason ? 'no (key unset)' : 'no',
    line.disabled ? 'yes' : 'no',
    String(line.consecutiveFailures),
    line.lastSuccessAt ? line.lastSuccessAt.slice(0, 16).replace('T', ' ') : '-',
    truncate(line.lastError ?? '-', 60),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const format = (cells: string[]) =>
    cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [format(header), ...rows.map(format)].join('\n') + '\n';
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

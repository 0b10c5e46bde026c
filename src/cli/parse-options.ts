import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses command options strictly (`--days 7` and `--days=7` both work);
 * anything unknown or malformed is a UsageError naming the usage line.
 */
export function parseOptions<T extends Options>(
  argv: string[],
  options: T,
  usage: string,
  allowPositionals = false,
) {
  try {
    return parseArgs({
      args: argv,
      options,
      strict: true,
      allowPositionals,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${firstLine(detail)}; usage: ${usage}`);
  }
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? text;
  return line.replace(/\. To specify a positional argument.*$/, '');
}

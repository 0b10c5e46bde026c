/**
 * Repairs recent gaps with retroactive predictions; the same as
 * `scoreline backfill` (run with `--help` for the options).
 *
 *     npx tsx scripts/backfill-retroactive-predictions.ts [--days N]
 */
import { main } from '../src/cli/main.ts';

// Exit explicitly: the report is out and every connection closed, so a
// stray timer in a library must not keep the process alive.
process.exit(await main(['backfill', ...process.argv.slice(2)]));

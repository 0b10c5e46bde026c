/**
 * Why an analysis stage left the match without a complete analysis, from
 * the stored analysis's `missing` list (null: no analysis stored at all),
 * with what to do about it.
 */
export function incompleteAnalysisReason(missing: string[] | null): string {
  if (missing === null) {
    return 'the analysis job ended but stored no analysis for the match';
  }
  const list = missing.length > 0 ? missing.join(', ') : 'nothing listed';
  if (missing.includes('home.form') && missing.includes('away.form')) {
    return `the analysis is incomplete: no earlier result of either team is stored (missing ${list}); import the previous season's results`;
  }
  if (missing.includes('home.table') || missing.includes('away.table')) {
    return `the analysis is incomplete: no league table line for a team (missing ${list}); import the match's season`;
  }
  return `the analysis is incomplete (missing ${list})`;
}

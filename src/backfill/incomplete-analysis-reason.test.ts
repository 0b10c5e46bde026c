import { describe, expect, it } from 'vitest';
import { incompleteAnalysisReason } from './incomplete-analysis-reason.ts';

describe('incompleteAnalysisReason', () => {
  it('says to import the previous season when neither team has a result', () => {
    expect(incompleteAnalysisReason(['home.form', 'away.form', 'odds']))
      .toBe("the analysis is incomplete: no earlier result of either team is stored (missing home.form, away.form, odds); import the previous season's results");
  });

  it('names a missing table line and the season to import', () => {
    expect(incompleteAnalysisReason(['away.table'])).toBe(
      "the analysis is incomplete: no league table line for a team (missing away.table); import the match's season",
    );
  });

  it('lists the missing fields otherwise, and tells no analysis apart', () => {
    expect(incompleteAnalysisReason(['home.form']))
      .toBe('the analysis is incomplete (missing home.form)');
    expect(incompleteAnalysisReason(null))
      .toBe('the analysis job ended but stored no analysis for the match');
  });
});

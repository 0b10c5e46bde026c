import { describe, expect, it } from 'vitest';
import { InternalError } from '../../src/core/errors.ts';
import { EmbeddedStageRunner } from '../../src/pipeline/embedded-stage-runner.ts';
import { jobIdFor } from '../../src/pipeline/job-ids.ts';
import { makeRecordingProcessors } from './recording-processors.ts';

describe('embedded stage runner', () => {
  it('joins a pending job with the same id instead of running it twice', async () => {
    const recording = makeRecordingProcessors();
    const runner = new EmbeddedStageRunner(recording.processors);
    const hold = recording.hold(1);
    const jobId = jobIdFor('analysis', 1);

    const first = runner.run('analysis', { matchId: 1 }, jobId, 5000);
    await hold.started;
    const second = runner.run('analysis', { matchId: 1 }, jobId, 5000);
    hold.release();

    const outcomes = await Promise.all([first, second]);
    expect(outcomes).toEqual([
      { state: 'completed', result: { matchId: 1, complete: true, missing: [] } },
      { state: 'completed', result: { matchId: 1, complete: true, missing: [] } },
    ]);
    expect(recording.calls.analysis).toEqual([1]);
  });

  it('runs a finished job again when asked again', async () => {
    const recording = makeRecordingProcessors();
    const runner = new EmbeddedStageRunner(recording.processors);
    const jobId = jobIdFor('settlement', 2, { retroactive: true });
    await runner.run('settlement', { matchId: 2 }, jobId, 5000);
    await runner.run('settlement', { matchId: 2 }, jobId, 5000);
    expect(recording.calls.settlement).toEqual([2, 2]);
    expect(runner.outcomeOf('settlement', jobId)?.state).toBe('completed');
  });

  it('retries retryable errors up to the attempts, then fails', async () => {
    const recording = makeRecordingProcessors();
    const runner = new EmbeddedStageRunner(recording.processors, {
      attempts: { predictions: 2 },
    });
    recording.failNext(3, 5);
    const outcome = await runner.run(
      'predictions',
      { matchId: 3, retroactive: false },
      jobIdFor('predictions', 3),
      5000,
    );
    expect(outcome).toEqual({
      state: 'failed',
      reason: 'provider timeout for match 3',
    });
    expect(recording.calls.predictions).toHaveLength(2);
  });

  it('stops at once on an unrecoverable error', async () => {
    const recording = makeRecordingProcessors();
    const runner = new EmbeddedStageRunner(recording.processors);
    const outcome = await runner.run('analysis', { matchId: 404 },
      jobIdFor('analysis', 404), 5000);
    expect(outcome.state).toBe('failed');
    expect(recording.calls.analysis).toEqual([404]);
  });

  it('reports a timeout and lets the job finish afterwards', async () => {
    const recording = makeRecordingProcessors();
    const runner = new EmbeddedStageRunner(recording.processors);
    const hold = recording.hold(5);
    const jobId = jobIdFor('analysis', 5);
    const outcome = await runner.run('analysis', { matchId: 5 }, jobId, 50);
    expect(outcome).toEqual({ state: 'timeout', timeoutMs: 50 });
    hold.release();
    await runner.close();
    expect(runner.outcomeOf('analysis', jobId)?.state).toBe('completed');
  });

  it('refuses a job id with a colon', async () => {
    const runner = new EmbeddedStageRunner(makeRecordingProcessors().processors);
    await expect(
      runner.run('analysis', { matchId: 6 }, 'analyze:6', 1000),
    ).rejects.toThrow(InternalError);
  });
});

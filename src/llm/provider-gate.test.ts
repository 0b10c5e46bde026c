import { describe, expect, it } from 'vitest';
import { ProviderGate, ProviderGates } from './provider-gate.ts';

/** A task that stays open until released, counting tasks running at once. */
function makeProbe() {
  let running = 0;
  let peak = 0;
  const releases: Array<() => void> = [];
  const task = () => {
    running += 1;
    peak = Math.max(peak, running);
    return new Promise<void>((resolve) =>
      releases.push(() => {
        running -= 1;
        resolve();
      }),
    );
  };
  return { task, releases, peak: () => peak, running: () => running };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('ProviderGate', () => {
  it('runs at most `concurrency` tasks at once, then the waiting ones', async () => {
    const gate = new ProviderGate({ concurrency: 2, requestsPerMinute: null });
    const probe = makeProbe();
    const all = Promise.all(
      Array.from({ length: 5 }, () => gate.run(probe.task)),
    );
    await until(() => probe.running() === 2);
    for (let done = 0; done < 5; done += 1) {
      await until(() => probe.releases.length > done);
      probe.releases[done]!();
    }
    await all;
    expect(probe.peak()).toBe(2);
  });

  it('lets a waiting task go when its signal aborts', async () => {
    const gate = new ProviderGate({ concurrency: 1, requestsPerMinute: null });
    const probe = makeProbe();
    const first = gate.run(probe.task);
    const controller = new AbortController();
    const second = gate.run(probe.task, controller.signal);
    controller.abort(new Error('stopped'));
    await expect(second).rejects.toThrow('stopped');
    await until(() => probe.releases.length === 1);
    probe.releases[0]!();
    await first;
    expect(probe.peak()).toBe(1);
  });

  it('holds requests per window within the limit', async () => {
    // A window of 300 ms stands for the minute.
    const gate = new ProviderGate({ concurrency: 10, requestsPerMinute: 3 }, 300);
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, () =>
        gate.run(async () => {
          started.push(Date.now());
        }),
      ),
    );
    expect(started).toHaveLength(5);
    // Any 3 + 1 consecutive starts span at least one window.
    expect(started[3]! - started[0]!).toBeGreaterThanOrEqual(299);
    expect(started[4]! - started[1]!).toBeGreaterThanOrEqual(299);
    expect(started[2]! - started[0]!).toBeLessThan(300);
  });

  it('stops waiting for the rate when the signal aborts', async () => {
    const gate = new ProviderGate({ concurrency: 10, requestsPerMinute: 1 });
    let ran = 0;
    await gate.run(async () => {
      ran += 1;
    });
    const controller = new AbortController();
    const second = gate.run(async () => {
      ran += 1;
    }, controller.signal);
    controller.abort(new Error('no time to wait'));
    await expect(second).rejects.toThrow('no time to wait');
    expect(ran).toBe(1);
  });

  it('gives one gate per provider within a process', () => {
    const gates = new ProviderGates();
    const limits = { concurrency: 1, requestsPerMinute: null };
    expect(gates.get('a', limits)).toBe(gates.get('a', limits));
    expect(gates.get('a', limits)).not.toBe(gates.get('b', limits));
  });
});

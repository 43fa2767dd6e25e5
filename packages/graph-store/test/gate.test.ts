import { createQueryGate, GraphBusyError } from '../src/gate';

/** A piece of work that finishes when told to, recording that it started. */
function controllable(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    work: async () => {
      log.push(`start ${name}`);
      await done;
      return name;
    },
    finish: () => finish(),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('query gate', () => {
  it('runs at most `concurrency` at once and the rest in arrival order', async () => {
    const gate = createQueryGate({ concurrency: 2, queueSize: 10, maxWaitMs: 10_000 });
    const log: string[] = [];
    const jobs = ['a', 'b', 'c', 'd'].map((n) => controllable(log, n));
    const results = jobs.map((j) => gate.run(j.work));
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    expect(gate.stats).toEqual({ running: 2, waiting: 2 });
    jobs[1]!.finish();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    jobs[0]!.finish();
    jobs[2]!.finish();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'start c', 'start d']);
    jobs[3]!.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(gate.stats).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once when the line is full, and runs nothing for the refused query', async () => {
    const gate = createQueryGate({ concurrency: 1, queueSize: 1, maxWaitMs: 10_000 });
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => controllable(log, n));
    const ra = gate.run(a!.work);
    const rb = gate.run(b!.work);
    await expect(gate.run(c!.work)).rejects.toBeInstanceOf(GraphBusyError);
    a!.finish();
    b!.finish();
    expect(await Promise.all([ra, rb])).toEqual(['a', 'b']);
    expect(log).toEqual(['start a', 'start b']);
  });

  it('gives up on a query that waited too long, and keeps the line moving after an error', async () => {
    const gate = createQueryGate({ concurrency: 1, queueSize: 5, maxWaitMs: 50 });
    const log: string[] = [];
    const a = controllable(log, 'a');
    const ra = gate.run(a.work);
    const waited = gate.run(async () => 'never');
    await expect(waited).rejects.toThrow(/waited 50 ms/);
    expect(gate.stats.waiting).toBe(0);
    a.finish();
    await ra;
    await expect(
      gate.run(async () => {
        throw new Error('query failed');
      }),
    ).rejects.toThrow('query failed');
    expect(await gate.run(async () => 'after')).toBe('after');
    expect(gate.stats).toEqual({ running: 0, waiting: 0 });
  });
});

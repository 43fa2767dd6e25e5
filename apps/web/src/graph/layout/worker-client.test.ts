import { fcoseOptions } from './fcose';
import type { LayoutJob } from './job';
import { OffThreadLayout, type WorkerLike } from './worker-client';
import { inProcessWorker } from '../../test/in-process-worker';

function job(run: number): LayoutJob {
  return {
    type: 'layout',
    run,
    nodes: ['a', 'b', 'c'].map((id, i) => ({ id, x: i, y: 0, w: 30, h: 30 })),
    edges: [
      { id: 'ab', source: 'a', target: 'b' },
      { id: 'bc', source: 'b', target: 'c' },
    ],
    options: fcoseOptions({ randomize: true }),
  };
}

describe('OffThreadLayout', () => {
  it('posts a job and resolves with the worker’s positions, reusing one worker', async () => {
    const log: string[] = [];
    let created = 0;
    const layouts = new OffThreadLayout(() => (created++, inProcessWorker(log)));
    const first = await layouts.run(job(1));
    expect(first.type).toBe('done');
    expect(first.run).toBe(1);
    if (first.type === 'done') expect(Object.keys(first.positions).sort()).toEqual(['a', 'b', 'c']);
    expect(layouts.busy).toBe(false);
    expect((await layouts.run(job(2))).run).toBe(2);
    expect(created).toBe(1);
    expect(log).toEqual(['post 1', 'post 2']);
    layouts.dispose();
    expect(log).toEqual(['post 1', 'post 2', 'terminate']);
  });

  it('cancels a running job by terminating its worker; a new job gets a fresh one', async () => {
    const log: string[] = [];
    let created = 0;
    const layouts = new OffThreadLayout(() => (created++, inProcessWorker(log)));
    const superseded = layouts.run(job(1));
    expect(layouts.busy).toBe(true);
    const latest = layouts.run(job(2)); // a view change while 1 runs
    await expect(superseded).resolves.toEqual({ type: 'cancelled', run: 1 });
    await expect(latest).resolves.toMatchObject({ type: 'done', run: 2 });
    expect(created).toBe(2);
    expect(log).toEqual(['post 1', 'terminate', 'post 2']);
    const third = layouts.run(job(3));
    layouts.cancel();
    await expect(third).resolves.toEqual({ type: 'cancelled', run: 3 });
  });

  it('drops an answer for a run nobody waits for, and turns a worker failure into an error', async () => {
    let worker: WorkerLike | undefined;
    const layouts = new OffThreadLayout(() => {
      worker = { onmessage: null, onerror: null, postMessage: () => undefined, terminate: () => undefined };
      return worker;
    });
    const pending = layouts.run(job(5));
    worker!.onmessage!({ data: { type: 'done', run: 4, positions: {}, ms: 1 } }); // stale: ignored
    expect(layouts.busy).toBe(true);
    worker!.onerror!({ message: 'chunk failed to load' });
    await expect(pending).resolves.toEqual({ type: 'error', run: 5, message: 'chunk failed to load' });
    expect(layouts.busy).toBe(false);
  });
});

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR } from './paths';

/*
 * Runs in every browser test file (setupFilesAfterEnv): fails the file when another browser test
 * file is running at the same time. The files share one stack and one machine's two cores, and
 * several at once made timings and focus flaky; jest.config.js runs them serially, and this
 * checks that it really does (jest ignores a project's own maxWorkers in a multi-project run).
 */
const LOCK = path.join(ARTIFACTS_DIR, 'browser-test-running.lock');
const me = `${process.pid} ${expect.getState().testPath ?? ''}`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

beforeAll(() => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  try {
    writeFileSync(LOCK, me, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = readFileSync(LOCK, 'utf8');
    const pid = Number(holder.split(' ')[0]);
    // Taken over when left by a run that was killed (its process is gone), or by this process (a
    // process runs one file at a time); held by another live process, it means two files at once.
    if (pid !== process.pid && alive(pid)) {
      throw new Error(
        `Another browser test file is running at the same time (${holder}); they must run one after another (jest.config.js).`,
      );
    }
    writeFileSync(LOCK, me);
  }
});

afterAll(() => {
  try {
    if (readFileSync(LOCK, 'utf8') === me) rmSync(LOCK);
  } catch {
    // already gone
  }
});

/**
 * A fresh clone with nothing beside it passes the dataset tests: the documents
 * are part of the dataset, and nothing is read from outside the repository.
 *
 * The committed HEAD is cloned into an empty temp folder. The clone gets the
 * installed third-party packages by symlink (installing them would download),
 * but its own workspace links (@steppe/*) point into the clone, so the dataset,
 * the documents and the code under test all come from the clone. Then the
 * clone's own jest runs the clone's dataset tests there.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: __dirname, encoding: 'utf8' }).trim();

/** clone/node_modules: third-party packages linked to the installed ones, workspace links kept relative (into the clone). */
function linkNodeModules(clone: string) {
  const installed = path.join(REPO, 'node_modules');
  const target = path.join(clone, 'node_modules');
  mkdirSync(target);
  for (const name of readdirSync(installed)) {
    if (name === '@steppe') continue;
    symlinkSync(path.join(installed, name), path.join(target, name));
  }
  mkdirSync(path.join(target, '@steppe'));
  for (const name of readdirSync(path.join(installed, '@steppe'))) {
    symlinkSync(readlinkSync(path.join(installed, '@steppe', name)), path.join(target, '@steppe', name));
  }
  // Workspaces with packages of their own (version conflicts npm kept local).
  for (const group of ['packages', 'apps']) {
    for (const ws of readdirSync(path.join(clone, group))) {
      const own = path.join(REPO, group, ws, 'node_modules');
      if (existsSync(own)) symlinkSync(own, path.join(clone, group, ws, 'node_modules'));
    }
  }
}

interface JestResult {
  success: boolean;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { name: string; status: string }[];
}

describe('a fresh clone of the repository', () => {
  let parent: string;

  beforeAll(() => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'steppe-clone-'));
  });

  afterAll(() => {
    rmSync(parent, { recursive: true, force: true });
  });

  it('passes the dataset tests with nothing beside it', () => {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const clone = path.join(parent, 'steppe');
    execFileSync('git', ['clone', '--quiet', '--no-checkout', REPO, clone]);
    execFileSync('git', ['checkout', '--quiet', '--detach', head], { cwd: clone });
    linkNodeModules(clone);
    // Nothing beside the clone: no sibling folders, no documents anywhere but in the clone.
    expect(readdirSync(parent)).toEqual(['steppe']);
    expect(readdirSync(path.join(clone, 'graph-seed/data/documents')).filter((f) => f.endsWith('.txt')).length).toBeGreaterThan(0);

    const output = path.join(parent, 'jest.json');
    const run = spawnSync(
      process.execPath,
      [path.join(clone, 'node_modules/jest/bin/jest.js'), '--ci', '--json', `--outputFile=${output}`, 'test/dataset'],
      {
        cwd: path.join(clone, 'graph-seed'),
        encoding: 'utf8',
        // The dataset tests need no database; a URI keeps the global setup from starting one.
        env: { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:9' },
        timeout: 150_000,
      },
    );
    const result = JSON.parse(readFileSync(output, 'utf8')) as JestResult;
    const summary = { status: run.status, success: result.success, failed: result.numFailedTests, skipped: result.numPendingTests };
    expect(summary).toEqual({ status: 0, success: true, failed: 0, skipped: 0 });
    expect(result.numPassedTests).toBeGreaterThan(50);
    // The tests that ran are the clone's own dataset files.
    expect(result.testResults.map((t) => path.relative(clone, t.name)).sort()).toEqual([
      path.join('graph-seed', 'test', 'dataset-limits.test.ts'),
      path.join('graph-seed', 'test', 'dataset-validation.test.ts'),
      path.join('graph-seed', 'test', 'dataset.test.ts'),
    ]);
  }, 180_000);
});

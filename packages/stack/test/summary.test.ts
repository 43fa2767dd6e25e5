import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/paths';
import { closingLine, fallenCounts, jestProjects, summarise, TEST_COUNTS_FILE, testsPerProject, workspaceDirs } from '../src/test-run';

describe('closing line', () => {
  it('counts suites that failed to run as failures', () => {
    const s = summarise({ numPassedTests: 10, numFailedTests: 1, numPendingTests: 0, numRuntimeErrorTestSuites: 2 });
    expect(closingLine(s)).toBe('10 passed, 3 failed');
  });

  it('mentions skipped tests only when there are some', () => {
    const s = summarise({ numPassedTests: 4, numFailedTests: 0, numPendingTests: 1, numTodoTests: 1, numRuntimeErrorTestSuites: 0 });
    expect(closingLine(s)).toBe('4 passed, 0 failed, 2 skipped');
    expect(closingLine(summarise({ numPassedTests: 4, numFailedTests: 0, numPendingTests: 0, numRuntimeErrorTestSuites: 0 }))).toMatch(
      /^\d+ passed, \d+ failed$/,
    );
  });
});

/** Whether a folder holds a test file anywhere below it (node_modules and build output aside). */
function hasTests(dir: string): boolean {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', '.next', 'dist', 'target', 'artifacts'].includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() ? hasTests(full) : /\.test\.tsx?$/.test(entry.name)) return true;
  }
  return false;
}

describe('jest projects', () => {
  const relative = (dirs: string[]) => dirs.map((d) => path.relative(REPO_ROOT, d));

  it('are every workspace that has tests: none drops out of `npm test` for want of a jest.config.js', () => {
    const withTests = workspaceDirs().filter(hasTests);
    for (const dir of withTests)
      expect({ workspace: path.relative(REPO_ROOT, dir), jestConfig: existsSync(path.join(dir, 'jest.config.js')) }).toEqual({
        workspace: path.relative(REPO_ROOT, dir),
        jestConfig: true,
      });
    expect(relative(jestProjects())).toEqual(relative(withTests));
  });

  it('cover every layer of the repository', () => {
    const names = relative(jestProjects());
    for (const expected of [
      'packages/domain',
      'packages/graph-store',
      'packages/exporters',
      'packages/neo4j-local',
      'packages/stack',
      'packages/chromium',
      'graph-seed',
      'apps/api',
      'apps/web',
      'apps/web-e2e',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it('each have a recorded minimum test count, and the recorded counts name only real projects', () => {
    const minimums = JSON.parse(readFileSync(TEST_COUNTS_FILE, 'utf8')) as Record<string, number>;
    expect(Object.keys(minimums).sort()).toEqual(relative(jestProjects()).sort());
    for (const least of Object.values(minimums)) expect(least).toBeGreaterThan(0);
  });
});

describe('falling test counts', () => {
  const root = '/repo';
  const projects = ['/repo/packages/domain', '/repo/apps/web', '/repo/apps/web-e2e'];
  const report = {
    testResults: [
      { name: '/repo/packages/domain/test/a.test.ts', assertionResults: [{}, {}, {}] },
      { name: '/repo/apps/web/src/b.test.ts', assertionResults: [{}] },
      // apps/web-e2e starts with apps/web: a file belongs to the longest matching folder.
      { name: '/repo/apps/web-e2e/test/c.e2e.test.ts', assertionResults: [{}, {}] },
    ],
  };

  it('counts the tests of each project from the report', () => {
    expect(testsPerProject(report, projects, root)).toEqual({ 'packages/domain': 3, 'apps/web': 1, 'apps/web-e2e': 2 });
  });

  it('names a project with fewer tests than recorded, or none at all', () => {
    const counts = testsPerProject(report, projects, root);
    expect(fallenCounts(counts, { 'packages/domain': 3, 'apps/web': 1 })).toEqual([]);
    const fallen = fallenCounts(counts, { 'packages/domain': 4, 'apps/web': 1, 'packages/gone': 2 });
    expect(fallen).toHaveLength(2);
    expect(fallen[0]).toMatch(/^packages\/domain: 3 tests, fewer than the 4 recorded/);
    expect(fallen[1]).toMatch(/^packages\/gone: 0 tests/);
  });
});

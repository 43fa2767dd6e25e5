import { closingLine, jestProjects, summarise } from '../src/test-run';

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

describe('jest projects', () => {
  it('include every layer of the repository', () => {
    const names = jestProjects().map((d) => d.split('/').slice(-2).join('/'));
    for (const expected of ['packages/domain', 'packages/graph-store', 'apps/api', 'packages/stack']) {
      expect(names).toContain(expected);
    }
  });
});

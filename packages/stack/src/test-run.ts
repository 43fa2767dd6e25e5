import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { provideNeo4j, type Neo4jHandle } from './neo4j';
import { neo4jEnv } from './orchestrator';
import { prefixer } from './processes';
import { REPO_ROOT, repoPath } from './paths';

/** The workspace folders of the root package.json (`packages/*`, `graph-seed`, `apps/*`), sorted. */
export function workspaceDirs(root = REPO_ROOT): string[] {
  const globs = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
  const dirs: string[] = [];
  for (const glob of globs) {
    if (glob.endsWith('/*')) {
      const base = path.join(root, glob.slice(0, -2));
      if (!existsSync(base)) continue;
      for (const entry of readdirSync(base, { withFileTypes: true })) {
        if (entry.isDirectory() && existsSync(path.join(base, entry.name, 'package.json'))) dirs.push(path.join(base, entry.name));
      }
    } else if (existsSync(path.join(root, glob, 'package.json'))) {
      dirs.push(path.join(root, glob));
    }
  }
  return dirs.sort();
}

/** Every workspace with a jest config is a jest project of the full run (the guard in summary.test.ts checks that every workspace with tests has one). */
export function jestProjects(root = REPO_ROOT): string[] {
  return workspaceDirs(root).filter((d) => existsSync(path.join(d, 'jest.config.js')));
}

/** Test counts of the full run that may only grow: per project, the least number of tests it must have. */
export const TEST_COUNTS_FILE = repoPath('packages', 'stack', 'test-counts.json');

interface JestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  numRuntimeErrorTestSuites: number;
  testResults: { name: string; assertionResults: unknown[] }[];
}

/** How many tests of each project (keyed by its folder relative to the repository) the report holds. */
export function testsPerProject(
  report: Pick<JestReport, 'testResults'>,
  projects: readonly string[],
  root = REPO_ROOT,
): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(projects.map((p) => [path.relative(root, p), 0]));
  for (const file of report.testResults) {
    const project = projects.filter((p) => file.name.startsWith(p + path.sep)).sort((a, b) => b.length - a.length)[0];
    if (project) counts[path.relative(root, project)]! += file.assertionResults.length;
  }
  return counts;
}

/** The projects whose test count fell below the recorded minimum, as lines to print. */
export function fallenCounts(counts: Record<string, number>, minimums: Record<string, number>): string[] {
  return Object.entries(minimums)
    .filter(([project, least]) => (counts[project] ?? 0) < least)
    .map(
      ([project, least]) =>
        `${project}: ${counts[project] ?? 0} tests, fewer than the ${least} recorded in packages/stack/test-counts.json`,
    );
}

export interface JestSummary {
  passed: number;
  failed: number;
  skipped: number;
  /** Test files that failed to run at all (syntax error, failing setup): counted as failures. */
  brokenSuites: number;
}

export function summarise(results: {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  numRuntimeErrorTestSuites: number;
}): JestSummary {
  return {
    passed: results.numPassedTests,
    failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
    skipped: results.numPendingTests + (results.numTodoTests ?? 0),
    brokenSuites: results.numRuntimeErrorTestSuites,
  };
}

/** The one plain closing line CI reads. */
export function closingLine(s: JestSummary): string {
  return `${s.passed} passed, ${s.failed} failed${s.skipped > 0 ? `, ${s.skipped} skipped` : ''}`;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: 'inherit' });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * The whole suite against ONE Neo4j: unit, integration (real Neo4j over Bolt)
 * and browser tests, as jest projects in one run. Prints `N passed, N failed`.
 */
export async function testAll(jestArgs: string[]): Promise<number> {
  let neo4j: Neo4jHandle | undefined;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'steppe-test-'));
  const stop = async () => {
    await neo4j?.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void stop().then(() => process.exit(130)));
  process.on('SIGTERM', () => void stop().then(() => process.exit(143)));

  try {
    const neo4jLog = prefixer('neo4j');
    neo4j = await provideNeo4j({ port: 0, dataDir: path.join(scratch, 'neo4j') }, (line) => neo4jLog(line + '\n'));
    const env = {
      ...process.env,
      ...neo4jEnv(neo4j),
      TURBO_TELEMETRY_DISABLED: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    };

    // The browser tests serve the production build of the web app.
    const buildCode = await run(
      repoPath('node_modules', '.bin', 'turbo'),
      ['run', 'build', '--filter=@steppe/web', '--output-logs=errors-only'],
      env,
    );
    if (buildCode !== 0) {
      console.error('Building the web app failed; browser tests cannot run.');
    }

    const report = path.join(scratch, 'jest.json');
    const code = await run(
      repoPath('node_modules', '.bin', 'jest'),
      ['--projects', ...jestProjects(), '--json', '--outputFile', report, '--maxWorkers=2', ...jestArgs],
      env,
    );
    if (!existsSync(report)) {
      console.log('0 passed, 1 failed');
      return code || 1;
    }
    const results = JSON.parse(readFileSync(report, 'utf8')) as JestReport;
    const summary = summarise(results);
    if (buildCode !== 0) summary.failed += 1;
    // Only a full run (no path pattern or other jest arguments) holds every test.
    if (jestArgs.length === 0 && existsSync(TEST_COUNTS_FILE)) {
      const fallen = fallenCounts(
        testsPerProject(results, jestProjects()),
        JSON.parse(readFileSync(TEST_COUNTS_FILE, 'utf8')) as Record<string, number>,
      );
      if (fallen.length > 0) {
        console.error(
          `Fewer tests than before (a project dropped out of the run, or tests were removed; if on purpose, lower the count):\n  ${fallen.join('\n  ')}`,
        );
        summary.failed += fallen.length;
      }
    }
    console.log(closingLine(summary));
    return summary.failed > 0 ? 1 : code;
  } catch (error) {
    console.error((error as Error).message);
    console.log('0 passed, 1 failed');
    return 1;
  } finally {
    await stop();
  }
}

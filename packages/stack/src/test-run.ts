import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { provideNeo4j, type Neo4jHandle } from './neo4j';
import { REPO_ROOT, repoPath } from './paths';

/** Every workspace with a jest config is a jest project of the full run. */
export function jestProjects(root = REPO_ROOT): string[] {
  const dirs: string[] = [];
  for (const group of ['packages', 'apps']) {
    const base = path.join(root, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) dirs.push(path.join(base, name));
  }
  dirs.push(path.join(root, 'graph-seed'));
  return dirs.filter((d) => existsSync(path.join(d, 'jest.config.js')));
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
    neo4j = await provideNeo4j({ port: 0, dataDir: path.join(scratch, 'neo4j') });
    const env = {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password ?? '',
      TURBO_TELEMETRY_DISABLED: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    };

    // The browser tests serve the production build of the web app.
    const buildCode = await run(repoPath('node_modules', '.bin', 'turbo'), ['run', 'build', '--filter=@steppe/web', '--output-logs=errors-only'], env);
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
    const summary = summarise(JSON.parse(readFileSync(report, 'utf8')));
    if (buildCode !== 0) summary.failed += 1;
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

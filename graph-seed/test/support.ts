import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '@steppe/graph-store';

export const SEED_BIN = path.resolve(__dirname, '../bin/steppe-seed.js');

export function testDriver(): Driver {
  return createDriver({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
}

export function uniqueGraph(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the seeder CLI as a user would; `killWhen` SIGKILLs it once its output matches. */
export function runSeeder(args: string[], options: { env?: NodeJS.ProcessEnv; killWhen?: RegExp } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SEED_BIN, ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const check = () => {
      if (options.killWhen && options.killWhen.test(stdout + stderr) && child.exitCode === null) child.kill('SIGKILL');
    };
    child.stdout.on('data', (d) => {
      stdout += d;
      check();
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      check();
    });
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export async function activeCounts(driver: Driver, graph: string) {
  const { records } = await driver.executeQuery(
    `OPTIONAL MATCH (sg:SteppeGraph {name: $graph})
     CALL (sg) { OPTIONAL MATCH (n:Entity {graph: sg.active}) RETURN count(n) AS entities }
     CALL (sg) { OPTIONAL MATCH (:Entity {graph: sg.active})-[r]->() RETURN count(r) AS relations }
     CALL (sg) { OPTIONAL MATCH (s:Source {graph: sg.active}) RETURN count(s) AS sources }
     RETURN sg.active AS active, entities, relations, sources`,
    { graph },
  );
  const r = records[0]!;
  return {
    active: r.get('active') as string | null,
    entities: Number(r.get('entities')),
    relations: Number(r.get('relations')),
    sources: Number(r.get('sources')),
  };
}

/** Nodes of every generation of a graph, active or abandoned. */
export async function allGenerationNodes(driver: Driver, graph: string): Promise<number> {
  const { records } = await driver.executeQuery(
    'MATCH (n) WHERE (n:Entity OR n:Source) AND n.graph STARTS WITH $prefix RETURN count(n) AS n',
    { prefix: `${graph}@` },
  );
  return Number(records[0]!.get('n'));
}

/** Duplicate ids within the active generation (must always be zero). */
export async function duplicateIds(driver: Driver, graph: string): Promise<number> {
  const { records } = await driver.executeQuery(
    `MATCH (sg:SteppeGraph {name: $graph})
     MATCH (n:Entity {graph: sg.active}) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS dups`,
    { graph },
  );
  return Number(records[0]?.get('dups') ?? 0);
}

/** The graph's pending list, and which of its generations still hold nodes. */
export async function pendingGenerations(driver: Driver, graph: string): Promise<{ pending: string[]; existing: string[] }> {
  const { records } = await driver.executeQuery(
    `MATCH (sg:SteppeGraph {name: $graph})
     UNWIND coalesce(sg.pending, []) AS p
     CALL (p) { MATCH (n:Entity) WHERE n.graph = p AND n.id IS NOT NULL RETURN count(n) AS c }
     RETURN collect(p) AS pending, [x IN collect(CASE WHEN c > 0 THEN p END) WHERE x IS NOT NULL] AS existing`,
    { graph },
  );
  return {
    pending: (records[0]?.get('pending') as string[] | undefined) ?? [],
    existing: (records[0]?.get('existing') as string[] | undefined) ?? [],
  };
}

import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { createApi, createApiLogger, createApiServer, DEFAULT_HTTP_POLICY } from '@steppe/api';
import { createDriver, resetGraph } from '@steppe/graph-store';
import { seedGraph, validatedDataset } from '@steppe/graph-seed';
import { buildPackage, ENTRY_POINTS } from '../scripts/build-package';

/**
 * The package as someone outside this repository gets it: `npm run build:package`, `npm pack`, the
 * tarball unpacked into a project's node_modules, then plain Node (no TypeScript loader) requiring and
 * importing it against the real API over HTTP, and TypeScript under Node16 resolution type-checking a
 * consumer's file against its declarations.
 */
describe('@steppe/client as published', () => {
  const graph = `client-pkg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const PERSON = 'kassym-jomart-tokayev';
  let driver: Driver;
  let server: Server;
  let url: string;
  let work: string;
  let consumer: string;

  /** Runs a file with plain Node, asynchronously: the API answering it runs in this process. */
  const node = async (file: string) =>
    (
      await promisify(execFile)(process.execPath, [file, url], {
        cwd: consumer,
        encoding: 'utf8',
        timeout: 60_000,
        env: { PATH: process.env.PATH ?? '' },
      })
    ).stdout;

  beforeAll(async () => {
    driver = createDriver({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
    await seedGraph({ driver, graph });
    server = createApiServer(createApi({ driver, graph, logger: createApiLogger('error'), corsOrigins: [] }), DEFAULT_HTTP_POLICY);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

    work = mkdtempSync(path.join(os.tmpdir(), 'steppe-client-pkg-'));
    const dist = buildPackage(path.join(work, 'dist'));
    execFileSync('npm', ['pack', dist, '--pack-destination', work, '--silent'], { cwd: work, stdio: 'pipe' });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    consumer = path.join(work, 'consumer');
    const installed = path.join(consumer, 'node_modules', '@steppe', 'client');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['xzf', path.join(work, tarball), '-C', installed, '--strip-components=1']);
    writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  }, 300_000);

  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
    await resetGraph(driver, graph);
    await driver.close();
  });

  it('packs compiled JavaScript and declarations for every entry point, and no TypeScript sources or tests', () => {
    const listing = execFileSync(
      'tar',
      [
        'tzf',
        path.join(
          work,
          readdirSync(work).find((f) => f.endsWith('.tgz'))!,
        ),
      ],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .map((f) => f.replace(/^package\//, ''));
    for (const module of Object.values(ENTRY_POINTS)) expect(listing).toEqual(expect.arrayContaining([`${module}.js`, `${module}.d.ts`]));
    expect(listing).toEqual(expect.arrayContaining(['package.json', 'README.md']));
    expect(listing.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(listing.filter((f) => /test/.test(f))).toEqual([]);
  });

  it('plain Node imports it as an ES module and searches the real API', async () => {
    writeFileSync(
      path.join(consumer, 'search.mjs'),
      [
        "import { createClient, SearchDocument } from '@steppe/client';",
        'const client = createClient(process.argv[2]);',
        "const { search } = await client.request(SearchDocument, { query: 'Tokayev', first: 3 });",
        'console.log(JSON.stringify(search.edges.map((e) => e.node.id)));',
      ].join('\n'),
    );
    const ids = JSON.parse(await node('search.mjs')) as string[];
    expect(ids[0]).toBe(PERSON);
    const known = new Set((await validatedDataset()).data.entities.map((e) => e.id));
    for (const id of ids) expect(known.has(id)).toBe(true);
  });

  it('plain Node requires it as CommonJS, and API errors arrive as SteppeClientError with their code', async () => {
    writeFileSync(
      path.join(consumer, 'missing.cjs'),
      [
        "const { createClient, RelationDocument, SteppeClientError } = require('@steppe/client');",
        'createClient(process.argv[2])',
        "  .request(RelationDocument, { id: 'no-such-relation' })",
        "  .then(() => console.log('answered'))",
        '  .catch((e) => console.log(JSON.stringify({ isClientError: e instanceof SteppeClientError, code: e.code })));',
      ].join('\n'),
    );
    expect(JSON.parse(await node('missing.cjs'))).toEqual({ isClientError: true, code: 'NOT_FOUND' });
  });

  it('its declarations type a consumer’s code under TypeScript’s Node16 resolution, and catch a wrong variable', () => {
    const tsc = require.resolve('typescript/bin/tsc');
    const check = (source: string) => {
      writeFileSync(path.join(consumer, 'use.ts'), source);
      const compilerOptions = {
        noEmit: true,
        strict: true,
        module: 'node16',
        moduleResolution: 'node16',
        target: 'es2022',
        lib: ['es2023', 'dom'],
        types: [],
      };
      writeFileSync(path.join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['use.ts'] }));
      try {
        execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8', stdio: 'pipe' });
        return '';
      } catch (error) {
        return String((error as { stdout?: string }).stdout);
      }
    };
    const good = [
      "import { createClient, NeighbourhoodDocument, type NeighbourhoodQuery } from '@steppe/client';",
      "import { PING_QUERY } from '@steppe/client/explorer';",
      'export async function run(url: string): Promise<number> {',
      "  const answer: NeighbourhoodQuery = await createClient(url).request(NeighbourhoodDocument, { ids: ['x'], depth: 1 });",
      '  return answer.neighbourhood.nodes.length + PING_QUERY.length;',
      '}',
    ].join('\n');
    expect(check(good)).toBe('');
    const wrong = good.replace('depth: 1 }', "depth: 'one' }");
    expect(check(wrong)).toMatch(/use\.ts\(\d+,\d+\): error TS2322/);
  });
});

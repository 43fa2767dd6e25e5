import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoPath } from '../src/paths';

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  command?: string[];
}

/** No Docker engine runs here, so the compose file's structure is checked instead. */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(repoPath('docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, Service>;
    volumes: Record<string, unknown>;
  };
  const { services } = compose;

  it('has Neo4j, a one-shot seeder, the API and the web app', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'neo4j', 'seed', 'web']);
  });

  it('runs the official Neo4j 5.26 community image with a healthcheck and a volume', () => {
    const neo4j = services.neo4j!;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.healthcheck?.test.join(' ')).toMatch(/7474/);
    expect(neo4j.ports).toEqual(expect.arrayContaining(['7687:7687']));
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect(neo4j.environment?.NEO4J_AUTH).toMatch(/^neo4j\//);
  });

  it('orders start-up by health, not by container start', () => {
    expect(services.seed!.depends_on?.neo4j?.condition).toBe('service_healthy');
    expect(services.api!.depends_on?.neo4j?.condition).toBe('service_healthy');
    expect(services.api!.depends_on?.seed?.condition).toBe('service_completed_successfully');
    expect(services.web!.depends_on?.api?.condition).toBe('service_healthy');
    expect(services.api!.healthcheck?.test.join(' ')).toMatch(/readyz/);
  });

  it('publishes the API on 4000 and the explorer on 3000, wired by environment variables', () => {
    expect(services.api!.ports).toContain('4000:4000');
    expect(services.web!.ports).toContain('3000:3000');
    for (const name of ['seed', 'api']) expect(services[name]!.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(services.web!.environment?.STEPPE_API_URL).toBe('http://localhost:4000/graphql');
  });

  it('builds the app services from a Dockerfile that exists', () => {
    for (const name of ['seed', 'api', 'web']) {
      const dockerfile = services[name]!.build?.dockerfile;
      expect(dockerfile).toBeDefined();
      expect(readFileSync(repoPath(dockerfile!), 'utf8')).toMatch(/^FROM node:20/m);
    }
  });

  it('runs commands that exist in the image: the seeder, tsx for the API, next for the web app', () => {
    const inImage = (service: Service & { working_dir?: string }, file: string) =>
      path.isAbsolute(file)
        ? repoPath(path.relative('/app', file))
        : repoPath(path.relative('/app', path.join(service.working_dir ?? '/app', file)));
    for (const name of ['seed', 'api', 'web']) {
      const service = services[name]! as Service & { working_dir?: string };
      const [program, ...args] = service.command!;
      const files = [program!, ...args.filter((a) => /\.(ts|js)$/.test(a))].filter((f) => f !== 'node');
      for (const file of files)
        expect({ service: name, file, exists: existsSync(inImage(service, file)) }).toEqual({ service: name, file, exists: true });
    }
  });
});

/** The image the compose file builds (no Docker engine here either: its text is checked). */
describe('the Steppe image (packages/stack/Dockerfile)', () => {
  const dockerfile = readFileSync(repoPath('packages/stack/Dockerfile'), 'utf8');
  const ignored = readFileSync(repoPath('packages/stack/Dockerfile.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('installs Debian’s Chromium and points CHROMIUM_PATH at it, so PDF and PNG exports work', () => {
    expect(dockerfile).toMatch(/apt-get install[^\n]*\bchromium\b/);
    expect(dockerfile).toMatch(/^ENV CHROMIUM_PATH=\/usr\/bin\/chromium$/m);
  });

  it('copies the repository with the dataset and its documents: nothing under graph-seed/data is left out', () => {
    expect(dockerfile).toMatch(/^COPY \. \.$/m);
    expect(existsSync(repoPath('graph-seed/data/sources.yaml'))).toBe(true);
    expect(existsSync(repoPath('graph-seed/data/documents'))).toBe(true);
    for (const pattern of ignored) {
      const bare = pattern.replace(/^\*\*\//, '');
      expect([
        'graph-seed',
        'graph-seed/data',
        'data',
        'documents',
        'graph-seed/data/documents',
        'graph-seed/**',
        '*.yaml',
        '**/*.yaml',
        '*.txt',
        '**/*.txt',
      ]).not.toContain(bare);
    }
  });

  it('builds the web app that the web service starts', () => {
    expect(dockerfile).toMatch(/turbo run build --filter=@steppe\/web/);
  });
});

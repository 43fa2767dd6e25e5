import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cytoscape from 'cytoscape';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import type { Driver } from 'neo4j-driver';
import Papa from 'papaparse';
import { PNG } from 'pngjs';
import type { Entity, Relation, Source } from '@steppe/domain';
import { parseExport } from '@steppe/exporters';
import { createDriver, loadGraph, resetGraph } from '@steppe/graph-store';

const CLI = path.resolve(__dirname, '../bin/steppe-export.js');

/** Commas, both quote marks, line breaks (LF and CRLF), markup and an entity-looking string. */
const QUOTE = 'He said, "we asked the CSTO for help" —\nand then: \'no\',\r\n<b>never</b> & AT&amp;T.';

const sources: Source[] = [{ id: 'src-one', title: 'A source, "quoted"', languages: ['en'] }];
const entities: Entity[] = [
  {
    id: 'alikhan-smailov',
    kind: 'Person',
    name: 'Älichan Smajylow',
    aliases: ['Alikhan Smailov'],
    description: 'Acting prime minister',
    roles: ['acting PM'],
  },
  { id: 'kassym-jomart-tokayev', kind: 'Person', name: 'Kassym-Jomart Tokayev', aliases: [], description: 'President', roles: [] },
  { id: 'csto', kind: 'Organisation', name: 'CSTO', aliases: ['ODKB'], description: 'Alliance' },
  { id: 'far-away', kind: 'Place', name: 'Far away', aliases: [], description: 'Two hops out', lat: 43.2, lon: 76.9 },
];
const relations: Relation[] = [
  {
    id: 'tokayev-requested-aid',
    type: 'REQUESTED_AID_FROM',
    from: 'kassym-jomart-tokayev',
    to: 'csto',
    date: '2022-01-05',
    stance: 'ASSERTED',
    confidence: 0.9,
    evidence: [{ sourceId: 'src-one', quote: QUOTE }],
  },
  {
    id: 'tokayev-appointed-smailov',
    type: 'APPOINTED',
    from: 'kassym-jomart-tokayev',
    to: 'alikhan-smailov',
    date: '2022-01-05',
    stance: 'ASSERTED',
    confidence: 1,
    detail: 'acting PM',
    evidence: [{ sourceId: 'src-one', quote: 'Älichan Smajylow, acting' }],
  },
  {
    id: 'csto-located',
    type: 'LOCATED_IN',
    from: 'csto',
    to: 'far-away',
    stance: 'ASSERTED',
    confidence: 0.5,
    evidence: [{ sourceId: 'src-one', quote: 'based there' }],
  },
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string | undefined> = {}, cwd?: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, ...env }, cwd, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** `npm run export` from the repository root: the CLI itself, against a graph of this file's own. */
describe('steppe-export CLI', () => {
  const graph = `exp-cli-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  let driver: Driver;
  let dir: string;

  beforeAll(async () => {
    driver = createDriver({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
    await loadGraph(driver, { sources, entities, relations }, { graph });
    dir = mkdtempSync(path.join(os.tmpdir(), 'steppe-export-cli-'));
  });
  afterAll(async () => {
    await resetGraph(driver, graph);
    await driver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes GraphML to --out, and the file reads back (independent parser and our importer)', async () => {
    const out = path.join(dir, 'tokayev.graphml');
    const run = await cli(['--graph', graph, '--ids', 'kassym-jomart-tokayev', '--depth', '1', '--format', 'graphml', '--out', out]);
    expect(run.stderr).toMatch(/Wrote graphml export of 3 entities to .*tokayev\.graphml/);
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name, _p, _l, attr) => !attr && ['key', 'node', 'edge', 'data'].includes(name),
    }).parse(text);
    const keyName = new Map<string, string>(doc.graphml.key.map((k: { id: string; 'attr.name': string }) => [k.id, k['attr.name']]));
    const props = (el: { data: { key: string; '#text'?: string | number }[] }) =>
      Object.fromEntries(el.data.map((d) => [keyName.get(d.key), String(d['#text'] ?? '')]));
    const nodes = doc.graphml.graph.node as { id: string; data: { key: string; '#text'?: string }[] }[];
    expect(nodes.map((n) => n.id).sort()).toEqual(['alikhan-smailov', 'csto', 'kassym-jomart-tokayev']);
    expect(props(nodes.find((n) => n.id === 'alikhan-smailov')!).name).toBe('Älichan Smajylow');
    const aid = (doc.graphml.graph.edge as { id: string; data: { key: string; '#text'?: string }[] }[]).find(
      (e) => e.id === 'tokayev-requested-aid',
    )!;
    expect(JSON.parse(props(aid).evidenceQuotes!)).toEqual([QUOTE]);

    const back = parseExport(text);
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(back.nodes)).toEqual(byId(entities.filter((e) => e.id !== 'far-away')));
    expect(byId(back.edges).map(({ sourceCount: _s, contested: _c, ...r }) => r)).toEqual(
      byId(relations.filter((r) => r.id !== 'csto-located')).map((r) => ({
        ...r,
        evidence: r.evidence.map((e) => ({ ...e, stance: e.stance ?? r.stance })),
      })),
    );
    expect(back.sources).toEqual(sources);
  });

  it('takes the format from the --out extension: a CSV zip whose quotes survive exactly', async () => {
    const run = await cli(['--graph', graph, '--ids', 'kassym-jomart-tokayev', '--depth', '2', '--out', 'tokayev.zip'], { INIT_CWD: dir });
    expect(run.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(path.join(dir, 'tokayev.zip')));
    const rows = async (name: string) =>
      Papa.parse<Record<string, string>>(await zip.file(name)!.async('string'), { header: true, skipEmptyLines: true, newline: '\r\n' })
        .data;
    expect((await rows('nodes.csv')).map((n) => n.name).sort()).toEqual(['CSTO', 'Far away', 'Kassym-Jomart Tokayev', 'Älichan Smajylow']);
    const evidence = await rows('evidence.csv');
    expect(evidence.find((e) => e.relationId === 'tokayev-requested-aid')!.quote).toBe(QUOTE);
    expect((await rows('edges.csv')).map((e) => e.id).sort()).toEqual([
      'csto-located',
      'tokayev-appointed-smailov',
      'tokayev-requested-aid',
    ]);
  });

  it('writes JSON to standard output without --out, loadable by Cytoscape.js', async () => {
    const run = await cli(['--graph', graph, '--ids', 'alikhan-smailov,csto', '--depth', '0', '--format', 'json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    const cy = cytoscape({ headless: true, elements: doc.elements });
    try {
      expect(
        cy
          .nodes()
          .map((n) => n.id())
          .sort(),
      ).toEqual(['alikhan-smailov', 'csto']);
      expect(cy.edges().length).toBe(0);
      expect(doc.data.command).toBe('npm run export -- --ids alikhan-smailov,csto --depth 0 --format json');
    } finally {
      cy.destroy();
    }
  });

  it('writes the figure as .svg and .png, the format from the extension, with --scale and --background', async () => {
    const svgRun = await cli(['--graph', graph, '--ids', 'kassym-jomart-tokayev', '--out', 'tokayev.svg'], { INIT_CWD: dir });
    expect(svgRun.stderr).toMatch(/Wrote svg export of 3 entities to .*tokayev\.svg/);
    expect(svgRun.code).toBe(0);
    const text = readFileSync(path.join(dir, 'tokayev.svg'), 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const svg = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text).svg as {
      width: string;
      height: string;
      viewBox: string;
    };
    expect(svg.viewBox).toBe(`0 0 ${svg.width} ${svg.height}`);
    for (const name of ['Älichan Smajylow', 'Kassym-Jomart Tokayev', 'CSTO']) expect(text).toContain(`>${name}</tspan></text>`); // short names: one line each
    expect(text).not.toContain('Far away');

    const pngRun = await cli(
      ['--graph', graph, '--ids', 'kassym-jomart-tokayev', '--out', 'tokayev.png', '--scale', '3', '--background', 'transparent'],
      { INIT_CWD: dir },
    );
    expect(pngRun.stderr).toMatch(/Wrote png export of 3 entities to .*tokayev\.png/);
    expect(pngRun.code).toBe(0);
    const image = PNG.sync.read(readFileSync(path.join(dir, 'tokayev.png')));
    expect([image.width, image.height]).toEqual([Number(svg.width) * 3, Number(svg.height) * 3]);
    expect(image.data[3]).toBe(0);
    expect(existsSync(path.join(dir, 'tokayev.png.partial'))).toBe(false);
    // Two CLI processes, the second starting Chromium: more than one test's usual minute on a busy machine.
  }, 180_000);

  it.each([
    [['--graph', 'GRAPH', '--ids', 'csto', '--out', 'x.png', '--scale', '9'], /`scale` must be a whole number from 1 to 4, not "9"/],
    [
      ['--graph', 'GRAPH', '--ids', 'csto', '--out', 'x.svg', '--background', 'red'],
      /argument 'red' is invalid\. Allowed choices are white, transparent/,
    ],
    [['--graph', 'GRAPH', '--ids', 'nobody', '--format', 'json'], /Unknown entity id: nobody/],
    [['--graph', 'GRAPH', '--ids', 'csto', '--depth', '7', '--format', 'json'], /`depth` is 7, the maximum is 3/],
    [['--graph', 'GRAPH', '--ids', 'csto', '--format', 'xml'], /argument 'xml' is invalid/],
    [['--graph', 'GRAPH', '--ids', 'csto', '--out', 'x.txt'], /Say --format/],
    [['--graph', 'GRAPH', '--format', 'json'], /required option '--ids <ids>'/],
  ])('fails clearly on %j', async (args, message) => {
    const run = await cli(
      args.map((a) => (a === 'GRAPH' ? graph : a)),
      { INIT_CWD: dir },
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says how to reach Neo4j when it cannot', async () => {
    const run = await cli(['--ids', 'csto', '--format', 'json'], { NEO4J_URI: 'bolt://127.0.0.1:9', NEO4J_PASSWORD: 'x' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Neo4j is not reachable at bolt:\/\/127\.0\.0\.1:9/);
  });
});

import cytoscape from 'cytoscape';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import type { Driver } from 'neo4j-driver';
import Papa from 'papaparse';
import { PNG } from 'pngjs';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Entity, Relation } from '@steppe/domain';
import { createDriver, createGraphStore, loadGraph, resetGraph } from '@steppe/graph-store';
import { seedGraph } from '@steppe/graph-seed';
import { apiFor, gql, type Api } from './helpers';

/** Seeding the curated dataset is set-up, not the subject: it gets time to spare on a busy machine. */
const SEED_TIMEOUT_MS = 180_000;

/**
 * Text of a PDF, read by pdf-parse (pdf.js). pdf.js loads its worker with a
 * dynamic import, which jest's module system refuses, so it runs in a plain
 * Node process.
 */
async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steppe-pdf-'));
  const file = path.join(dir, 'report.pdf');
  writeFileSync(file, bytes);
  const script = `
    const { PDFParse } = require('pdf-parse');
    const parser = new PDFParse({ data: require('fs').readFileSync(process.argv[1]) });
    parser.getText().then(async (r) => { process.stdout.write(JSON.stringify({ pages: r.total, text: r.text })); await parser.destroy(); });`;
  try {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['-e', script, file], { cwd: __dirname, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
        error ? reject(new Error(stderr || error.message)) : resolve(stdout),
      ),
    );
    return JSON.parse(out) as { pages: number; text: string };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The export endpoint in-process (`yoga.fetch`) against a real Neo4j seeded
 * with the curated dataset in a graph of this file's own. Every file format
 * is read back by an independent parser: Cytoscape.js, fast-xml-parser,
 * JSZip + papaparse, pdf-parse (pdf.js), and Neo4j itself for the Cypher script.
 */
describe('GET/POST /export on the seeded graph', () => {
  const suffix = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const graph = `exp-${suffix}`;
  const cypherGraph = `exp-cy-${suffix}`;
  let driver: Driver;
  let api: Api;

  const get = (query: string, init?: { headers?: Record<string, string> }) => api.fetch(`http://api.test/export?${query}`, init ?? {});

  async function neighbourhood(id: string, depth: number) {
    const res = await gql<{ neighbourhood: { nodes: { id: string }[]; edges: { id: string }[] } }>(
      api,
      'query($ids: [ID!]!, $depth: Int) { neighbourhood(ids: $ids, depth: $depth, limit: 500) { nodes { id } edges { id } } }',
      { ids: [id], depth },
    );
    expect(res.body.errors).toBeUndefined();
    const n = res.body.data!.neighbourhood;
    return { nodes: n.nodes.map((x) => x.id).sort(), edges: n.edges.map((x) => x.id).sort() };
  }

  beforeAll(async () => {
    driver = createDriver({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
    await seedGraph({ driver, graph });
    api = apiFor({ driver, graph });
  }, SEED_TIMEOUT_MS);
  afterAll(async () => {
    await resetGraph(driver, graph);
    await resetGraph(driver, cypherGraph);
    await driver.close();
  });

  describe('GraphML', () => {
    it('holds exactly the explorer’s neighbourhood, as valid GraphML', async () => {
      const res = await get('format=graphml&ids=kassym-jomart-tokayev&depth=1');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="steppe-kassym-jomart-tokayev-depth1.graphml"');
      const text = await res.text();
      expect(XMLValidator.validate(text)).toBe(true);
      const doc = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'node', 'edge', 'data'].includes(name),
      }).parse(text);
      const g = doc.graphml.graph;
      const keys = new Map<string, { for: string; 'attr.name': string; 'attr.type': string }>(
        doc.graphml.key.map((k: { id: string }) => [k.id, k]),
      );
      const nodeIds: string[] = g.node.map((n: { id: string }) => n.id);
      const edges: { id: string; source: string; target: string; data: { key: string }[] }[] = g.edge;
      expect(new Set(nodeIds).size).toBe(nodeIds.length);
      for (const e of edges) {
        expect(nodeIds).toContain(e.source);
        expect(nodeIds).toContain(e.target);
        for (const d of e.data) expect(keys.get(d.key)?.for).toBe('edge');
      }
      const explorer = await neighbourhood('kassym-jomart-tokayev', 1);
      expect([...nodeIds].sort()).toEqual(explorer.nodes);
      expect(edges.map((e) => e.id).sort()).toEqual(explorer.edges);
    });
  });

  describe('JSON (Cytoscape.js)', () => {
    it('loads in Cytoscape.js with names, evidence and provenance as the GraphQL API gives them', async () => {
      const res = await get('format=json&ids=alikhan-smailov&depth=1');
      expect(res.status).toBe(200);
      const doc = await res.json();
      const cy = cytoscape({ headless: true, elements: doc.elements });
      try {
        const smailov = cy.getElementById('alikhan-smailov');
        expect(smailov.data('aliases')).toContain('Älichan Smajylow');
        const succeeded = cy.getElementById('alikhan-smailov-succeeded-askar-mamin');
        expect(succeeded.source().id()).toBe('alikhan-smailov');
        expect(succeeded.target().id()).toBe('askar-mamin');
        const viaGraphql = await gql<{
          entity: {
            relations: {
              edges: {
                node: {
                  id: string;
                  contested: boolean;
                  sourceCount: number;
                  evidence: { quote: string; stance: string; source: { id: string } }[];
                };
              }[];
            };
          };
        }>(
          api,
          'query { entity(id: "alikhan-smailov") { relations(first: 100) { edges { node { id contested sourceCount evidence { quote stance source { id } } } } } } }',
        );
        for (const { node } of viaGraphql.body.data!.entity.relations.edges) {
          const edge = cy.getElementById(node.id);
          expect(edge.nonempty()).toBe(true);
          expect(edge.data('evidenceQuotes')).toEqual(node.evidence.map((e) => e.quote));
          expect(edge.data('evidenceSources')).toEqual(node.evidence.map((e) => e.source.id));
          expect(edge.data('evidenceStances')).toEqual(node.evidence.map((e) => e.stance));
          expect(edge.data('contested')).toBe(node.contested);
          expect(edge.data('sourceCount')).toBe(node.sourceCount);
        }
        expect(succeeded.data('evidenceQuotes')).toContain(
          'The previous Vice-Prime Minister Älichan Smajylow is to take over the official business temporarily,.',
        );
        expect(doc.data).toMatchObject({ queryIds: ['alikhan-smailov'], queryDepth: 1, graph });
        expect(doc.data.permalink).toBe('http://localhost:3000/?e=alikhan-smailov&x=alikhan-smailov');
        expect(doc.data.apiUrl).toBe('http://api.test/export?format=json&ids=alikhan-smailov&depth=1');
        expect(doc.data.command).toBe('npm run export -- --ids alikhan-smailov --depth 1 --format json');
        expect(Date.now() - Date.parse(doc.data.generatedAt)).toBeLessThan(60_000);
      } finally {
        cy.destroy();
      }
    });

    it("carries the cited documents' texts with includeText=true, equal to Source.text, and the evidence offsets slice its quotes", async () => {
      const plain = await (await get('format=json&ids=alikhan-smailov&depth=1')).json();
      expect(plain.steppe.sources.length).toBeGreaterThan(0);
      for (const s of plain.steppe.sources) expect(s).not.toHaveProperty('text');

      const res = await get('format=json&ids=alikhan-smailov&depth=1&includeText=true');
      expect(res.status).toBe(200);
      const doc = await res.json();
      expect(doc.data.apiUrl).toBe('http://api.test/export?format=json&ids=alikhan-smailov&depth=1&includeText=true');
      expect(doc.data.command).toBe('npm run export -- --ids alikhan-smailov --depth 1 --format json --include-text');
      const texts = new Map<string, string>(doc.steppe.sources.map((s: { id: string; text: string }) => [s.id, s.text]));
      expect(texts.size).toBe(plain.steppe.sources.length);
      for (const [id, text] of texts) {
        const viaGraphql = await gql<{ source: { text: string } }>(api, 'query($id: ID!) { source(id: $id) { text } }', { id });
        expect(text).toBe(viaGraphql.body.data!.source.text);
      }
      let checked = 0;
      // the offsets are written as strings (lists of strings are what Cytoscape desktop keeps)
      for (const edge of doc.elements.edges as {
        data: { evidenceSources: string[]; evidenceQuotes: string[]; evidenceStarts: string[]; evidenceEnds: string[] };
      }[]) {
        edge.data.evidenceSources.forEach((sourceId, i) => {
          const quote = edge.data.evidenceQuotes[i]!;
          expect(texts.get(sourceId)!.slice(Number(edge.data.evidenceStarts[i]), Number(edge.data.evidenceEnds[i]))).toBe(quote);
          checked++;
        });
      }
      expect(checked).toBeGreaterThan(0);
    });
  });

  describe('CSV zip', () => {
    it('has nodes.csv and edges.csv (RFC 4180, UTF-8) whose names and quotes survive', async () => {
      const res = await get('format=csv&ids=alikhan-smailov&depth=1');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      const zip = await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()));
      const read = async (name: string) =>
        Papa.parse<Record<string, string>>(await zip.file(name)!.async('string'), { header: true, skipEmptyLines: true });
      const nodes = await read('nodes.csv');
      const edges = await read('edges.csv');
      const evidence = await read('evidence.csv');
      for (const f of [nodes, edges, evidence]) expect(f.errors).toEqual([]);
      expect(nodes.data.find((n) => n.id === 'alikhan-smailov')!.aliases).toContain('Älichan Smajylow');
      const explorer = await neighbourhood('alikhan-smailov', 1);
      expect(nodes.data.map((n) => n.id).sort()).toEqual(explorer.nodes);
      expect(edges.data.map((e) => e.id).sort()).toEqual(explorer.edges);
      const quotes = evidence.data.filter((e) => e.relationId === 'alikhan-smailov-succeeded-askar-mamin').map((e) => e.quote);
      expect(quotes).toEqual([
        'Исполняющим обязанности премьер-министра Казахстана назначен первый зампред старого правительство Смаилов',
        'The previous Vice-Prime Minister Älichan Smajylow is to take over the official business temporarily,.',
      ]);
    });
  });

  describe('GEXF', () => {
    it('is GEXF 1.3 with time intervals on dated relations', async () => {
      const res = await get('format=gexf&ids=alikhan-smailov&depth=1');
      const text = await res.text();
      expect(XMLValidator.validate(text)).toBe(true);
      const doc = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        isArray: (name, _path, _leaf, isAttribute) =>
          !isAttribute && ['node', 'edge', 'attvalue', 'attribute', 'attributes'].includes(name),
      }).parse(text);
      expect(doc.gexf.version).toBe('1.3');
      const edge = doc.gexf.graph.edges.edge.find((e: { id: string }) => e.id === 'alikhan-smailov-succeeded-askar-mamin');
      expect(edge).toMatchObject({ start: '2022-01-05', end: '2022-01-05', kind: 'SUCCEEDED' });
    });
  });

  describe('Cypher', () => {
    it('re-creates the subgraph in Neo4j, in Steppe’s shape, so graph-store reads back the same entities and relations', async () => {
      const res = await get(`format=cypher&ids=kassym-jomart-tokayev&depth=1&cypherGraph=${cypherGraph}`);
      expect(res.status).toBe(200);
      const script = await res.text();
      // Statements end a line with ";" (string literals never span lines); comments are dropped.
      const statements = script
        .split(/;\n/)
        .map((s) =>
          s
            .split('\n')
            .filter((line) => !line.startsWith('//'))
            .join('\n')
            .trim(),
        )
        .filter(Boolean);
      const session = driver.session();
      try {
        for (const statement of statements) await session.run(statement);
      } finally {
        await session.close();
      }
      const original = createGraphStore({ driver, graph });
      const copy = createGraphStore({ driver, graph: cypherGraph });
      const ids = (await neighbourhood('kassym-jomart-tokayev', 1)).nodes;
      const a = await original.subgraph(ids, 10_000);
      const b = await copy.subgraph(ids, 10_000);
      const byId = <T extends { id: string }>(items: T[]) => [...items].sort((x, y) => x.id.localeCompare(y.id));
      expect(b.missingIds).toEqual([]);
      expect(byId(b.nodes)).toEqual(byId(a.nodes));
      expect(byId(b.edges)).toEqual(byId(a.edges));
      expect((await copy.stats()).entities).toBe(ids.length);
      const cited = new Set(a.edges.flatMap((e) => e.evidence.map((x) => x.sourceId)));
      expect((await copy.sourcesByIds([...cited])).size).toBe(cited.size);
      const hits = await copy.search('Tokaev', { offset: 0, limit: 5 });
      expect(hits.items[0]?.entity.id).toBe('kassym-jomart-tokayev');
    });
  });

  describe('report', () => {
    it('HTML: the figure, the tables and numbered citations that link to the sources', async () => {
      const res = await get('format=html&ids=alikhan-smailov&depth=1');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await res.text();
      expect(html).toContain('<svg');
      expect(html).toContain('<table class="relations">');
      const cites = [...html.matchAll(/href="#source-(\d+)" class="citation">\[(\d+)\]/g)];
      expect(cites.length).toBeGreaterThan(3);
      for (const [, target] of cites) expect(html).toContain(`<li id="source-${target}">`);
      expect(html).toContain('Älichan Smajylow');
      expect(html).toContain('http://localhost:3000/?e=alikhan-smailov&amp;x=alikhan-smailov');
      expect(html).toContain('ids: alikhan-smailov · depth: 1');
    });

    it('PDF: printed by Chromium on A4, with the report’s text', async () => {
      const res = await get('format=pdf&ids=alikhan-smailov&depth=1');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(20_000);
      const boxes = [...bytes.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
      expect(boxes.length).toBeGreaterThan(0);
      for (const [, w, h] of boxes) {
        // A4 is 595.28 × 841.89 pt; Chromium rounds to its device pixels.
        expect(Math.abs(Number(w) - 595.28)).toBeLessThan(2);
        expect(Math.abs(Number(h) - 841.89)).toBeLessThan(2);
      }
      const { pages, text } = await pdfText(bytes);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(text).toContain('Entities');
      expect(text).toContain('Relations');
      expect(text).toContain('Sources');
      expect(text).toContain('Älichan Smajylow');
      expect(text).toMatch(/\[1\]/);
    });
  });

  describe('figure', () => {
    /** The label drawn under an entity: its lines (tspans) joined by spaces, XML entities decoded. */
    function labelOf(svgText: string, id: string): string {
      const group = new RegExp(`<g data-entity="${id}">([\\s\\S]*?)</g>`).exec(svgText)?.[1] ?? '';
      return [...group.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)]
        .map((m) =>
          (m[1] ?? '')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'")
            .replace(/&amp;/g, '&'),
        )
        .join(' ');
    }

    /** The SVG's root attributes and every piece of text in it, read by fast-xml-parser. */
    async function svgOf(query: string) {
      const res = await get(query);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(XMLValidator.validate(text)).toBe(true);
      const texts: string[] = [];
      const doc = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        parseTagValue: false,
        parseAttributeValue: false,
        tagValueProcessor: (name, value) => {
          if (name === 'text' || name === 'title') texts.push(value);
          return value;
        },
      }).parse(text);
      return { res, text, svg: doc.svg as Record<string, string>, texts };
    }

    const png = async (res: Response) => {
      const bytes = Buffer.from(await res.arrayBuffer());
      return { bytes, image: PNG.sync.read(bytes) };
    };
    /** RGBA of a pixel. */
    const pixel = (image: PNG, x: number, y: number) => [...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 4)];

    it('SVG: a standalone, well-formed SVG file with the entities’ names, the title and a viewBox', async () => {
      const { res, text, svg, texts } = await svgOf('format=svg&ids=alikhan-smailov&depth=1');
      expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="steppe-alikhan-smailov-depth1.svg"');
      expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
      expect(svg.xmlns).toBe('http://www.w3.org/2000/svg');
      expect(svg.viewBox).toBe(`0 0 ${svg.width} ${svg.height}`);
      // Every entity of the export is drawn, and named (the full name in its <title>, shown on hover).
      const explorer = await neighbourhood('alikhan-smailov', 1);
      const drawn = [...text.matchAll(/data-entity="([^"]+)"/g)].map((m) => m[1]).sort();
      expect(drawn).toEqual(explorer.nodes);
      const sub = await gql<{ subgraph: { nodes: { id: string; name: string; kind: string }[] } }>(
        api,
        'query($ids: [ID!]!) { subgraph(ids: $ids) { nodes { id name kind } } }',
        { ids: explorer.nodes },
      );
      const nodes = sub.body.data!.subgraph.nodes;
      expect(nodes).toHaveLength(explorer.nodes.length);
      for (const { name, kind } of nodes) expect(texts).toContain(`${name} (${kind})`);
      // Fewer than 150 entities: every one is labelled on the drawing too, whole (wrapped into lines, never cut).
      for (const { id, name } of nodes) expect(labelOf(text, id)).toBe(name);
      const smailov = nodes.find((n) => n.id === 'alikhan-smailov')!;
      // The default title, as <title> and as the heading.
      expect(texts.filter((t) => t === `${smailov.name} and their neighbours`)).toHaveLength(2);
      expect(texts).toContain('succeeded');
    });

    it('SVG and PNG: larger than a report holds is refused like the report', async () => {
      // A star of 501 entities in a graph of its own (the curated dataset is smaller than a report's cap).
      const big = `exp-big-${suffix}`;
      const entities: Entity[] = Array.from({ length: 501 }, (_, i) => ({
        id: `p-${i}`,
        kind: 'Person',
        name: `Person ${i}`,
        aliases: [],
        description: '',
        roles: [],
      }));
      const relations: Relation[] = entities.slice(1).map((e) => ({
        id: `p-0-appointed-${e.id}`,
        type: 'APPOINTED',
        from: 'p-0',
        to: e.id,
        stance: 'ASSERTED',
        confidence: 1,
        evidence: [{ sourceId: 'src-big', quote: 'appointed' }],
      }));
      await loadGraph(driver, { sources: [{ id: 'src-big', title: 'Big', languages: ['en'] }], entities, relations }, { graph: big });
      try {
        const bigApi = apiFor({ driver, graph: big });
        for (const format of ['svg', 'png', 'html']) {
          const res = await bigApi.fetch(`http://api.test/export?format=${format}&ids=p-0&depth=1`);
          expect(res.status).toBe(400);
          const body = await res.json();
          expect(body.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
          expect(body.errors[0].message).toBe(
            `Limit exceeded: \`entities in a ${format === 'html' ? 'report' : 'figure'}\` is 501, the maximum is 500.`,
          );
        }
        // At the cap it is drawn.
        const ok = await bigApi.fetch('http://api.test/export?format=svg&ids=p-0&depth=1&limit=500');
        expect(ok.status).toBe(200);
        expect([...(await ok.text()).matchAll(/data-entity="/g)]).toHaveLength(500);
      } finally {
        await resetGraph(driver, big);
      }
    });

    it('PNG: the whole figure, at `scale` pixels per SVG pixel, on white by default', async () => {
      const { svg } = await svgOf('format=svg&ids=alikhan-smailov&depth=1');
      const [width, height] = [Number(svg.width), Number(svg.height)];
      const one = await get('format=png&ids=alikhan-smailov&depth=1&scale=1');
      expect(one.status).toBe(200);
      expect(one.headers.get('content-type')).toBe('image/png');
      expect(one.headers.get('content-disposition')).toBe('attachment; filename="steppe-alikhan-smailov-depth1.png"');
      const a = await png(one);
      expect([...a.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(a.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
      // The IHDR size: the SVG's full size (nothing cropped) times the scale (2 by default).
      expect([a.bytes.readUInt32BE(16), a.bytes.readUInt32BE(20)]).toEqual([width, height]);
      const b = await png(await get('format=png&ids=alikhan-smailov&depth=1'));
      expect([b.image.width, b.image.height]).toEqual([width * 2, height * 2]);
      const c = await png(await get('format=png&ids=alikhan-smailov&depth=1&scale=4'));
      expect([c.image.width, c.image.height]).toEqual([width * 4, height * 4]);
      for (const { image } of [a, b, c]) {
        expect(pixel(image, 0, 0)).toEqual([255, 255, 255, 255]);
        expect(pixel(image, image.width - 1, image.height - 1)).toEqual([255, 255, 255, 255]);
        // Something is drawn: pixels that are neither white nor transparent.
        let inked = 0;
        for (let i = 0; i < image.data.length; i += 4) if (image.data[i]! < 200 && image.data[i + 3] === 255) inked++;
        expect(inked).toBeGreaterThan(100);
      }
    });

    it('PNG: `background=transparent` leaves the corners transparent and the graph opaque', async () => {
      const res = await get('format=png&ids=alikhan-smailov&depth=1&background=transparent&scale=1');
      expect(res.status).toBe(200);
      const { image } = await png(res);
      expect(pixel(image, 0, 0)[3]).toBe(0);
      expect(pixel(image, image.width - 1, 0)[3]).toBe(0);
      expect(pixel(image, image.width - 1, image.height - 1)[3]).toBe(0);
      let opaque = 0;
      for (let i = 3; i < image.data.length; i += 4) if (image.data[i] === 255) opaque++;
      expect(opaque).toBeGreaterThan(100);
    });

    it('answers 503 PNG_UNAVAILABLE (and PDF_UNAVAILABLE for a PDF) without Chromium; SVG still works', async () => {
      const before = process.env.CHROMIUM_PATH;
      process.env.CHROMIUM_PATH = '/nonexistent/chromium';
      try {
        for (const format of ['png', 'pdf']) {
          const res = await get(`format=${format}&ids=alikhan-smailov&depth=0`);
          expect(res.status).toBe(503);
          const body = await res.json();
          expect(body.errors[0].extensions).toMatchObject({ code: `${format.toUpperCase()}_UNAVAILABLE`, format, needs: 'chromium' });
          expect(body.errors[0].message).toMatch(
            new RegExp(`${format.toUpperCase()} export needs Chromium at /nonexistent/chromium, which is missing`),
          );
        }
        expect((await get('format=svg&ids=alikhan-smailov&depth=0')).status).toBe(200);
      } finally {
        if (before === undefined) delete process.env.CHROMIUM_PATH;
        else process.env.CHROMIUM_PATH = before;
      }
    });
  });

  describe('arguments', () => {
    it('takes a JSON body by POST, the same as GET', async () => {
      const viaGet = await (await get('format=json&ids=alikhan-smailov&depth=1&relationTypes=SUCCEEDED,LEADS')).json();
      const viaPost = await (
        await api.fetch('http://api.test/export', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ format: 'json', ids: ['alikhan-smailov'], depth: 1, relationTypes: ['SUCCEEDED', 'LEADS'] }),
        })
      ).json();
      expect(viaPost.elements).toEqual(viaGet.elements);
      const types = new Set(viaGet.elements.edges.map((e: { data: { relationType: string } }) => e.data.relationType));
      expect([...types].sort()).toEqual(['LEADS', 'SUCCEEDED']);
    });

    it('holds back entities beyond `limit`, strongest first, and says so', async () => {
      const res = await get('format=json&ids=kassym-jomart-tokayev&depth=2&limit=5');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-steppe-truncated')).toBe('true');
      const doc = await res.json();
      expect(doc.elements.nodes).toHaveLength(5);
      expect(doc.data.truncated).toBe(true);
      expect(doc.data.omittedNodes).toBeGreaterThan(0);
    });

    it('answers CORS for the explorer’s origin and exposes the file name', async () => {
      const res = await get('format=json&ids=alikhan-smailov&depth=0', { headers: { origin: 'http://localhost:3000' } });
      expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
      expect(res.headers.get('access-control-expose-headers')).toContain('content-disposition');
      await res.arrayBuffer();
    });

    const refusals: [string, number, string, RegExp][] = [
      ['format=nope&ids=alikhan-smailov', 400, 'BAD_USER_INPUT', /Unknown format "nope"/],
      ['ids=alikhan-smailov', 400, 'BAD_USER_INPUT', /`format` is required/],
      ['format=json', 400, 'BAD_USER_INPUT', /`ids` must name at least one entity/],
      ['format=json&ids=no-such-entity,alikhan-smailov', 404, 'NOT_FOUND', /Unknown entity id: no-such-entity/],
      ['format=json&ids=alikhan-smailov&depth=4', 400, 'LIMIT_EXCEEDED', /`depth` is 4, the maximum is 3/],
      ['format=json&ids=alikhan-smailov&depth=-1', 400, 'BAD_USER_INPUT', /`depth` must be at least 0/],
      ['format=json&ids=alikhan-smailov&depth=one', 400, 'BAD_USER_INPUT', /`depth` must be a whole number/],
      [
        `format=json&ids=${Array.from({ length: 51 }, (_, i) => `e${i}`).join(',')}`,
        400,
        'LIMIT_EXCEEDED',
        /`ids \(count\)` is 51, the maximum is 50/,
      ],
      [`format=json&depth=0&ids=${Array.from({ length: 501 }, (_, i) => `e${i}`).join(',')}`, 400, 'LIMIT_EXCEEDED', /the maximum is 500/],
      ['format=json&ids=alikhan-smailov&limit=100001', 400, 'LIMIT_EXCEEDED', /`limit` is 100001/],
      ['format=json&ids=alikhan-smailov&relationTypes=LIKES', 400, 'BAD_USER_INPUT', /Unknown relation type: LIKES/],
      ['format=json&ids=a%20b', 400, 'BAD_USER_INPUT', /Not an entity id/],
      ['format=json&ids=alikhan-smailov&colour=red', 400, 'BAD_USER_INPUT', /Unknown argument: colour/],
      ['format=cypher&ids=alikhan-smailov&cypherGraph=Bad%20Name', 400, 'BAD_USER_INPUT', /cypherGraph/],
      ['format=html&ids=alikhan-smailov&permalink=javascript:alert(1)', 400, 'BAD_USER_INPUT', /permalink/],
      ['format=png&ids=alikhan-smailov&scale=5', 400, 'BAD_USER_INPUT', /^`scale` must be a whole number from 1 to 4, not "5"\.$/],
      ['format=png&ids=alikhan-smailov&scale=0', 400, 'BAD_USER_INPUT', /^`scale` must be a whole number from 1 to 4, not "0"\.$/],
      ['format=png&ids=alikhan-smailov&scale=1.5', 400, 'BAD_USER_INPUT', /^`scale` must be a whole number from 1 to 4, not "1\.5"\.$/],
      ['format=png&ids=alikhan-smailov&scale=big', 400, 'BAD_USER_INPUT', /^`scale` must be a whole number from 1 to 4, not "big"\.$/],
      ['format=png&ids=alikhan-smailov&background=red', 400, 'BAD_USER_INPUT', /^`background` must be white or transparent, not "red"\.$/],
    ];
    it.each(
      refusals.map(([query, status, code, message]) => ({
        label: query.length > 90 ? `${query.slice(0, 90)}…` : query,
        query,
        status,
        code,
        message,
      })),
    )('refuses $label', async ({ query, status, code, message }) => {
      const res = await get(query);
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(body.errors[0].extensions.code).toBe(code);
      expect(body.errors[0].message).toMatch(message);
    });

    it('refuses other methods and malformed bodies', async () => {
      const put = await api.fetch('http://api.test/export?format=json&ids=alikhan-smailov', { method: 'PUT' });
      expect(put.status).toBe(405);
      expect(put.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
      const bad = await api.fetch('http://api.test/export', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"format": ',
      });
      expect(bad.status).toBe(400);
      expect((await bad.json()).errors[0].message).toMatch(/not valid JSON/);
      const list = await api.fetch('http://api.test/export', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '[1]',
      });
      expect(list.status).toBe(400);
    });

    it('answers 503 for a graph that was never loaded', async () => {
      const empty = apiFor({ driver, graph: `exp-empty-${suffix}` });
      const res = await empty.fetch('http://api.test/export?format=json&ids=alikhan-smailov');
      expect(res.status).toBe(503);
      expect((await res.json()).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    });
  });
});

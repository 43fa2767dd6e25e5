/**
 * The documents in the API, on the real dataset: every source's text, every quote anchored
 * in it, the names the text mentions, and search inside the documents.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver, resetGraph } from '@steppe/graph-store';
import { documentsDirOf, defaultDataDir, seedGraph, validatedDataset } from '@steppe/graph-seed';
import { SELECTOR_CONTEXT_LENGTH } from '@steppe/domain';
import { apiFor, gql, type Api } from './helpers';

/** Seeding the curated dataset is set-up, not the subject: it gets time to spare on a busy machine. */
const SEED_TIMEOUT_MS = 180_000;

interface Selector {
  start: number;
  end: number;
  prefix: string;
  suffix: string;
}

describe('documents in the API (real dataset)', () => {
  const graph = `src-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  let driver: Driver;
  let api: Api;

  beforeAll(async () => {
    driver = createDriver({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
    await seedGraph({ driver, graph });
    api = apiFor({ driver, graph });
  }, SEED_TIMEOUT_MS);
  afterAll(async () => {
    await resetGraph(driver, graph);
    await driver.close();
  });

  it('serves each document’s text byte for byte as it ships in the dataset, with its metadata', async () => {
    const res = await gql<{ sources: { id: string; text: string; title: string; languages: string[] }[] }>(
      api,
      '{ sources { id title languages text } }',
    );
    expect(res.body.errors).toBeUndefined();
    const sources = res.body.data!.sources;
    expect(sources.length).toBe(5);
    for (const s of sources) {
      const file = readFileSync(path.join(documentsDirOf(defaultDataDir()), `${s.id}.txt`), 'utf8');
      expect(s.text).toBe(file);
      expect(s.languages).toContain('en');
    }
  });

  it('anchors every evidence item: its selector slices its own quote out of Source.text', async () => {
    const { data } = await validatedDataset();
    const expected = data.relations.reduce((n, r) => n + r.evidence.length, 0);
    const res = await gql<{
      sources: {
        id: string;
        text: string;
        relations: {
          totalCount: number;
          edges: { node: { id: string; evidence: { quote: string; source: { id: string }; selector: Selector }[] } }[];
        };
      }[];
    }>(
      api,
      '{ sources { id text relations(first: 100) { totalCount edges { node { id evidence { quote source { id } selector { start end prefix suffix } } } } } } }',
    );
    expect(res.body.errors).toBeUndefined();
    const texts = new Map(res.body.data!.sources.map((s) => [s.id, s.text]));
    const seen = new Set<string>();
    for (const source of res.body.data!.sources) {
      expect(source.relations.edges.length).toBe(source.relations.totalCount);
      for (const { node } of source.relations.edges) {
        node.evidence.forEach((e, i) => {
          const text = texts.get(e.source.id)!;
          const { start, end, prefix, suffix } = e.selector;
          expect({ relation: node.id, quote: text.slice(start, end) }).toEqual({ relation: node.id, quote: e.quote });
          expect(prefix).toBe(text.slice(Math.max(0, start - prefix.length), start));
          expect(suffix).toBe(text.slice(end, end + suffix.length));
          expect(prefix.length).toBe(Math.min(SELECTOR_CONTEXT_LENGTH, start));
          expect(suffix.length).toBe(Math.min(SELECTOR_CONTEXT_LENGTH, text.length - end));
          seen.add(`${node.id}#${i}`);
        });
      }
    }
    expect(seen.size).toBe(expected);
  });

  it('lists the names of the dataset’s entities as they occur in the text', async () => {
    const res = await gql<{
      sources: { text: string; mentions: { start: number; end: number; entity: { name: string; aliases: string[] } }[] }[];
    }>(api, '{ sources { text mentions { start end entity { name aliases } } } }');
    expect(res.body.errors).toBeUndefined();
    let total = 0;
    for (const s of res.body.data!.sources) {
      for (const m of s.mentions) {
        const spelled = s.text.slice(m.start, m.end).toLowerCase();
        expect([m.entity.name, ...m.entity.aliases].map((n) => n.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, ''))).toContain(
          spelled.normalize('NFKD').replace(/\p{M}/gu, ''),
        );
      }
      total += s.mentions.length;
    }
    expect(total).toBeGreaterThan(50);
  });

  it('searches inside the documents: passages with a highlighted snippet and the relations their evidence supports', async () => {
    const res = await gql<{
      searchDocuments: {
        totalCount: number;
        passages: {
          start: number;
          end: number;
          source: { id: string; text: string };
          snippet: { text: string; start: number; end: number; highlights: { start: number; end: number }[] };
          relations: { id: string; evidence: { source: { id: string }; selector: Selector }[] }[];
          relationCount: number;
        }[];
      };
    }>(
      api,
      'query($q: String!) { searchDocuments(query: $q, first: 5) { totalCount passages { start end source { id text } snippet { text start end highlights { start end } } relations { id evidence { source { id } selector { start end prefix suffix } } } relationCount } } }',
      { q: 'Zhanaozen' },
    );
    expect(res.body.errors).toBeUndefined();
    const { passages, totalCount } = res.body.data!.searchDocuments;
    expect(totalCount).toBeGreaterThan(0);
    expect(passages.length).toBeGreaterThan(0);
    for (const p of passages) {
      const text = p.source.text;
      expect(text.slice(p.snippet.start, p.snippet.end)).toBe(p.snippet.text);
      expect(p.snippet.start).toBeGreaterThanOrEqual(p.start);
      expect(p.snippet.end).toBeLessThanOrEqual(p.end);
      expect(p.snippet.highlights.length).toBeGreaterThan(0);
      for (const h of p.snippet.highlights) expect(text.slice(h.start, h.end).toLowerCase()).toContain('zhanaozen');
      // Every relation listed cites this document in a quote that overlaps the passage.
      expect(p.relations.length).toBe(Math.min(p.relationCount, 20));
      for (const r of p.relations) {
        expect(r.evidence.some((e) => e.source.id === p.source.id && e.selector.start < p.end && e.selector.end > p.start)).toBe(true);
      }
    }
    expect(passages.some((p) => p.relations.length > 0)).toBe(true);
  });

  it('refuses an empty or overlong document query, and more than 20 passages', async () => {
    const empty = await gql(api, '{ searchDocuments(query: "  ") { totalCount } }');
    expect(empty.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const long = await gql(api, 'query($q: String!) { searchDocuments(query: $q) { totalCount } }', { q: 'a'.repeat(201) });
    expect(long.body.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    const many = await gql(api, '{ searchDocuments(query: "Almaty", first: 21) { totalCount } }');
    expect(many.body.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
  });
});

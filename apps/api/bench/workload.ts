/**
 * The benchmark's requests: a varied but reproducible set of start entities,
 * entity pairs and search strings, drawn with a seeded PRNG from the entities
 * the graph actually holds (sorted by id, so the draw does not depend on the
 * order Neo4j returns them in).
 */
import type { Driver } from 'neo4j-driver';
import { ACTIVE_GENERATION } from '@steppe/graph-store';
import { prng } from './stats';

export type Operation = 'search' | 'hop1' | 'hop2' | 'path';

export const OPERATIONS: readonly Operation[] = ['search', 'hop1', 'hop2', 'path'];

export const OPERATION_LABELS: Record<Operation, string> = {
  search: 'search',
  hop1: '1-hop neighbourhood',
  hop2: '2-hop neighbourhood',
  path: 'shortest path',
};

/** p95 targets from the issue (ms). */
export const P95_TARGETS: Record<Operation, number> = { search: 50, hop1: 25, hop2: 60, path: 100 };

const ENTITY_SUMMARY = 'fragment EntitySummary on Entity { id kind name }';
const EDGE_FIELDS = 'id type sourceCount from { id } to { id }';

/** The explorer's search: a page of hits with score and summary. */
export const SEARCH_QUERY = `query BenchSearch($query: String!, $first: Int!) {
  search(query: $query, first: $first) { totalCount edges { score node { ...EntitySummary } } }
}
${ENTITY_SUMMARY}`;

/** Entities around a start entity and the relations among them: what the canvas draws. */
export const NEIGHBOURHOOD_QUERY = `query BenchNeighbourhood($ids: [ID!]!, $depth: Int!, $limit: Int!) {
  neighbourhood(ids: $ids, depth: $depth, limit: $limit) {
    nodes { ...EntitySummary }
    edges { ${EDGE_FIELDS} }
    truncated
    omittedNodes
    omittedEdges
  }
}
${ENTITY_SUMMARY}`;

export const PATH_QUERY = `query BenchPath($from: ID!, $to: ID!, $maxHops: Int!) {
  paths(from: $from, to: $to, maxHops: $maxHops, mode: SHORTEST) {
    length
    nodes { ...EntitySummary }
    relations { ${EDGE_FIELDS} }
  }
}
${ENTITY_SUMMARY}`;

/**
 * Steppe's star-shaped 1-hop: an entity and its relations with the entity at the
 * other end. The same content as the @neo4j/graphql query, for a like-for-like comparison.
 */
export const STAR_QUERY = `query BenchStar($id: ID!, $first: Int!) {
  entity(id: $id) {
    ...EntitySummary
    relations(first: $first) { totalCount edges { node { id type sourceCount from { ...EntitySummary } to { ...EntitySummary } } } }
  }
}
${ENTITY_SUMMARY}`;

export interface WorkloadOptions {
  seed: number;
  /** Distinct requests per operation. */
  sample: number;
  /** Node limit of the neighbourhood queries (the API allows 1–500). */
  limit: number;
  /** Maximum hops of the path query (the API allows 1–6). */
  maxHops: number;
  /** Search page size (the API allows 1–50). */
  searchFirst: number;
}

export interface Workload {
  generation: string;
  entityCount: number;
  /** Request bodies per operation, as JSON strings. */
  bodies: Record<Operation, string[]>;
  /** The start entity of each 1-hop body (for the comparison servers). */
  hop1Ids: string[];
  /** STAR_QUERY bodies for the same start entities. */
  starBodies: string[];
}

/** A search string a person might type for an entity: its full name, one word of it, or a prefix. */
function searchString(name: string, rand: () => number): string {
  const words = name.split(/\s+/).filter((w) => w.length > 0);
  const word = words[Math.floor(rand() * words.length)] ?? name;
  const u = rand();
  if (u < 0.34) return name;
  if (u < 0.67) return word;
  return word.slice(0, Math.min(word.length, 3 + Math.floor(rand() * 3)));
}

export async function buildWorkload(driver: Driver, graph: string, opts: WorkloadOptions): Promise<Workload> {
  const { records } = await driver.executeQuery(
    `${ACTIVE_GENERATION}
     MATCH (n:Entity) WHERE n.graph = g AND n.id IS NOT NULL
     RETURN g AS generation, n.id AS id, n.name AS name`,
    { graph },
    { routing: 'READ' },
  );
  if (records.length < 2) throw new Error(`Graph "${graph}" holds fewer than 2 entities: load it first.`);
  const generation = String(records[0]!.get('generation'));
  const entities = records
    .map((r) => ({ id: String(r.get('id')), name: String(r.get('name')) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const rand = prng(opts.seed);
  const pick = () => entities[Math.floor(rand() * entities.length)]!;
  const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

  const bodies: Record<Operation, string[]> = { search: [], hop1: [], hop2: [], path: [] };
  const hop1Ids: string[] = [];
  for (let i = 0; i < opts.sample; i++) {
    bodies.search.push(body(SEARCH_QUERY, { query: searchString(pick().name, rand), first: opts.searchFirst }));
    const start = pick().id;
    hop1Ids.push(start);
    bodies.hop1.push(body(NEIGHBOURHOOD_QUERY, { ids: [start], depth: 1, limit: opts.limit }));
    bodies.hop2.push(body(NEIGHBOURHOOD_QUERY, { ids: [pick().id], depth: 2, limit: opts.limit }));
    const from = pick().id;
    let to = pick().id;
    while (to === from) to = pick().id;
    bodies.path.push(body(PATH_QUERY, { from, to, maxHops: opts.maxHops }));
  }
  const starBodies = hop1Ids.map((id) => body(STAR_QUERY, { id, first: Math.min(opts.limit, 100) }));
  return { generation, entityCount: entities.length, bodies, hop1Ids, starBodies };
}

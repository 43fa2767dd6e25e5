import { API_LIMITS, isEntityKind, isRelationType, type Direction, type RelationType } from '@steppe/domain';
import type { GraphQLClient, RequestOptions } from './client';
import { SteppeApiError } from './client';
import type {
  ExplorerClaimsQuery,
  ExplorerContestedCountQuery,
  ExplorerDocumentQuery,
  ExplorerDocumentQueryVariables,
  ExplorerDocumentSearchQuery,
  ExplorerDocumentSearchQueryVariables,
  ExplorerClaimsQueryVariables,
  ExplorerNeighbourhoodQuery,
  ExplorerNeighbourhoodQueryVariables,
  ExplorerNeighboursQuery,
  ExplorerNeighboursQueryVariables,
  ExplorerPathsQuery,
  ExplorerPathsQueryVariables,
  ExplorerPingQuery,
  ExplorerRelationTypesQuery,
  ExplorerSearchQuery,
  ExplorerSearchQueryVariables,
  ExplorerSubgraphQuery,
  ExplorerSubgraphQueryVariables,
} from '@steppe/client';
import {
  SEARCH_QUERY,
  NEIGHBOURHOOD_QUERY,
  NEIGHBOUR_IDS_QUERY,
  SUBGRAPH_QUERY,
  PATHS_QUERY,
  CLAIMS_QUERY,
  CONTESTED_COUNT_QUERY,
  RELATION_TYPES_QUERY,
  PING_QUERY,
  DOCUMENT_QUERY,
  DOCUMENT_SEARCH_QUERY,
} from '@steppe/client/explorer'; // the explorer's documents: one set of generated types for the schema's operations
import type {
  DocumentData,
  DocumentPassageData,
  EntityDetail,
  EntityFacts,
  EntitySummary,
  Neighbourhood,
  RelationData,
  SearchResult,
} from './types';

/** The API refuses longer search strings; the explorer trims rather than fails. */
export const MAX_SEARCH_LENGTH = API_LIMITS.searchQueryLength;
export const SEARCH_PAGE_SIZE = 20;
/** Relations fetched per entity when it is added to the canvas. */
export const RELATIONS_PAGE_SIZE = 50;

// The raw shapes come from GraphQL Code Generator (@steppe/client's generated.ts, from the
// API's SDL and the explorer's documents in @steppe/client/explorer), so a query that asks for a field the
// schema does not have, or a rename in the SDL, fails the typecheck here.
type RawSummary = ExplorerSearchQuery['search']['edges'][number]['node'];
type RawDetail = ExplorerSubgraphQuery['subgraph']['nodes'][number];
type RawRelation = ExplorerSubgraphQuery['subgraph']['edges'][number];

function summary(raw: RawSummary, url: string): EntitySummary {
  if (!isEntityKind(raw.kind)) {
    throw new SteppeApiError('invalid-response', `The API returned an unknown entity kind "${raw.kind}".`, url);
  }
  return {
    id: raw.id,
    kind: raw.kind,
    name: raw.name,
    aliases: raw.aliases ?? [],
    description: raw.description ?? '',
  };
}

function facts(raw: RawDetail): EntityFacts {
  // Each kind's fragment adds its own fields; `in` tells which kind answered.
  const out: EntityFacts = {};
  if ('roles' in raw && raw.roles) out.roles = raw.roles;
  if ('orgType' in raw) out.orgType = raw.orgType ?? null;
  if ('placeType' in raw) out.placeType = raw.placeType ?? null;
  if ('country' in raw) out.country = raw.country ?? null;
  if ('startDate' in raw) out.startDate = raw.startDate ?? null;
  if ('endDate' in raw) out.endDate = raw.endDate ?? null;
  return out;
}

function relation(raw: RawRelation, url: string): RelationData {
  return {
    id: raw.id,
    type: raw.type,
    label: raw.label,
    from: summary(raw.from, url),
    to: summary(raw.to, url),
    date: raw.date ?? null,
    startDate: raw.startDate ?? null,
    endDate: raw.endDate ?? null,
    stance: raw.stance,
    confidence: raw.confidence,
    detail: raw.detail ?? null,
    sourceCount: raw.sourceCount,
    contested: raw.contested,
    // Non-null in the schema; tolerated anyway so that a partial answer still draws.
    evidence: (raw.evidence ?? []).map((e) => ({
      quote: e.quote,
      stance: e.stance,
      ...(e.selector ? { selector: { start: e.selector.start, end: e.selector.end } } : {}),
      source: {
        id: e.source.id,
        title: e.source.title,
        outlet: e.source.outlet ?? null,
        publishedAt: e.source.publishedAt ?? null,
        url: e.source.url ?? null,
      },
    })),
  };
}

function detail(raw: RawDetail, url: string): EntityDetail {
  return { ...summary(raw, url), facts: facts(raw) };
}

/**
 * The relation types to send, checked against the vocabulary. An unknown one
 * (e.g. from a stale link) is refused rather than dropped: dropping it would
 * widen the request to every type.
 */
function knownRelationTypes(types: readonly string[] | null | undefined, url: string): RelationType[] {
  const unknown = (types ?? []).find((t) => !isRelationType(t));
  if (unknown !== undefined) throw new SteppeApiError('graphql', `"${unknown}" is not a relation type Steppe knows.`, url);
  return (types ?? []).filter(isRelationType);
}

/** Normalises what the user typed into a search string the API accepts ('' means: do not search). */
export function normaliseSearch(input: string): string {
  return input.replace(/\s+/g, ' ').trim().slice(0, MAX_SEARCH_LENGTH).trim();
}

export async function searchEntities(
  client: GraphQLClient,
  input: string,
  options: RequestOptions & { first?: number } = {},
): Promise<SearchResult> {
  const query = normaliseSearch(input);
  if (!query) return { hits: [], totalCount: 0, suggestions: [] };
  const data = await client.request<ExplorerSearchQuery, ExplorerSearchQueryVariables>(
    SEARCH_QUERY,
    { query, first: options.first ?? SEARCH_PAGE_SIZE },
    { signal: options.signal },
  );
  return {
    totalCount: data.search.totalCount,
    hits: data.search.edges.map((edge) => ({ ...summary(edge.node, client.url), score: edge.score ?? null })),
    suggestions: data.search.suggestions.map((node) => summary(node, client.url)),
  };
}

/**
 * An entity with one page of its relations (both directions), each relation
 * with its endpoints and evidence. Resolves to null when no entity has the id.
 */
export async function fetchNeighbourhood(
  client: GraphQLClient,
  id: string,
  options: RequestOptions & { first?: number; after?: string | null } = {},
): Promise<Neighbourhood | null> {
  let data: ExplorerNeighbourhoodQuery;
  try {
    data = await client.request<ExplorerNeighbourhoodQuery, ExplorerNeighbourhoodQueryVariables>(
      NEIGHBOURHOOD_QUERY,
      { id, first: options.first ?? RELATIONS_PAGE_SIZE, after: options.after ?? null },
      { signal: options.signal },
    );
  } catch (error) {
    // The API answers an unknown id with NOT_FOUND naming it.
    if (error instanceof SteppeApiError && error.details.missingIds?.includes(id)) return null;
    throw error;
  }
  const raw = data.entity;
  if (!raw) return null;
  const entity: EntityDetail = { ...summary(raw, client.url), facts: facts(raw) };
  const relations: RelationData[] = raw.relations.edges.map(({ node }) => relation(node, client.url));
  return {
    entity,
    relations,
    totalCount: raw.relations.totalCount,
    hasNextPage: raw.relations.pageInfo.hasNextPage,
    endCursor: raw.relations.pageInfo.endCursor ?? null,
  };
}

export async function ping(client: GraphQLClient, options: RequestOptions = {}): Promise<void> {
  await client.request<ExplorerPingQuery>(PING_QUERY, {}, options);
}

/** How many neighbours one expansion brings at first; "N more" fetches the next batch. */
export const EXPANSION_BATCH = 25;
/** The API's cap on entities per neighbourhood. */
export const MAX_NEIGHBOURHOOD_LIMIT = API_LIMITS.neighbourhoodNodes;

/** Defined once in @steppe/domain (the API's `Direction` enum is checked against it). */
export type { Direction };

export interface Neighbours {
  /** The start entities and their neighbours (the start entities come first). */
  entities: EntitySummary[];
  truncated: boolean;
  /** Neighbours found but held back by the limit. */
  omittedNodes: number;
}

export async function fetchNeighbours(
  client: GraphQLClient,
  ids: readonly string[],
  options: RequestOptions & { relationTypes?: readonly string[] | null; direction?: Direction; limit?: number } = {},
): Promise<Neighbours> {
  const relationTypes = knownRelationTypes(options.relationTypes, client.url);
  const ask = (asked: readonly string[]) =>
    client.request<ExplorerNeighboursQuery, ExplorerNeighboursQueryVariables>(
      NEIGHBOUR_IDS_QUERY,
      {
        ids: [...asked],
        relationTypes: relationTypes.length > 0 ? relationTypes : null,
        direction: options.direction ?? 'BOTH',
        limit: Math.min(options.limit ?? asked.length + EXPANSION_BATCH, MAX_NEIGHBOURHOOD_LIMIT),
      },
      { signal: options.signal },
    );
  let data: ExplorerNeighboursQuery;
  try {
    data = await ask(ids);
  } catch (error) {
    // The API names ids it does not hold (NOT_FOUND): expand from the others.
    const missing = error instanceof SteppeApiError ? error.details.missingIds : undefined;
    const rest = missing ? ids.filter((id) => !missing.includes(id)) : [];
    if (!missing || rest.length === 0) throw error;
    data = await ask(rest);
  }
  const n = data.neighbourhood;
  // Only omittedNodes is asked for: selecting `truncated` (or edges) makes the API work out the
  // relations among the neighbours too, which the explorer fetches afterwards with `subgraph`.
  return { entities: n.nodes.map((raw) => summary(raw, client.url)), truncated: n.omittedNodes > 0, omittedNodes: n.omittedNodes };
}

export interface SubgraphData {
  entities: EntityDetail[];
  relations: RelationData[];
  truncated: boolean;
  omittedEdges: number;
}

/** The API's cap on ids per subgraph. */
export const MAX_SUBGRAPH_IDS = API_LIMITS.subgraphIds;

export async function fetchSubgraph(client: GraphQLClient, ids: readonly string[], options: RequestOptions = {}): Promise<SubgraphData> {
  if (ids.length === 0) return { entities: [], relations: [], truncated: false, omittedEdges: 0 };
  const data = await client.request<ExplorerSubgraphQuery, ExplorerSubgraphQueryVariables>(
    SUBGRAPH_QUERY,
    { ids: [...new Set(ids)].slice(0, MAX_SUBGRAPH_IDS) },
    { signal: options.signal },
  );
  const s = data.subgraph;
  return {
    entities: s.nodes.map((raw) => detail(raw, client.url)),
    relations: s.edges.map((raw) => relation(raw, client.url)),
    truncated: s.truncated,
    omittedEdges: s.omittedEdges,
  };
}

export interface PathData {
  length: number;
  nodes: EntitySummary[];
  relations: RelationData[];
}

export type PathMode = 'SHORTEST' | 'ALL_SHORTEST' | 'ALL';

export async function fetchPaths(
  client: GraphQLClient,
  from: string,
  to: string,
  options: RequestOptions & { maxHops?: number; mode?: PathMode; limit?: number } = {},
): Promise<PathData[]> {
  const data = await client.request<ExplorerPathsQuery, ExplorerPathsQueryVariables>(
    PATHS_QUERY,
    { from, to, maxHops: options.maxHops ?? 4, mode: options.mode ?? 'ALL_SHORTEST', limit: options.limit ?? 5 },
    { signal: options.signal },
  );
  return data.paths.map((p) => ({
    length: p.length,
    nodes: p.nodes.map((raw) => summary(raw, client.url)),
    relations: p.relations.map((raw) => relation(raw, client.url)),
  }));
}

export interface RelationTypeCount {
  name: string;
  label: string;
  inverseLabel: string;
  /** Lower-case, as @steppe/domain spells families. */
  family: string;
  count: number;
}

export async function fetchRelationTypes(client: GraphQLClient, options: RequestOptions = {}): Promise<RelationTypeCount[]> {
  const data = await client.request<ExplorerRelationTypesQuery>(RELATION_TYPES_QUERY, {}, options);
  return data.relationTypes.map((t) => ({ ...t, family: t.family.toLowerCase() }));
}

/** How many claims one "show claims" action puts on the canvas (the API allows 100 a page). */
export const CLAIMS_PAGE_SIZE = 50;

export interface ClaimsFilter {
  types?: readonly string[] | null;
  contested?: boolean | null;
}

export interface ClaimsPage {
  relations: RelationData[];
  /** How many claims match in the whole graph (more than `relations` when the page is full). */
  totalCount: number;
}

/** The first claims (relations) across the graph that pass the filter, in time order, with evidence. */
export async function fetchClaims(
  client: GraphQLClient,
  filter: ClaimsFilter,
  options: RequestOptions & { first?: number } = {},
): Promise<ClaimsPage> {
  const types = knownRelationTypes(filter.types, client.url);
  const data = await client.request<ExplorerClaimsQuery, ExplorerClaimsQueryVariables>(
    CLAIMS_QUERY,
    { types: types.length > 0 ? types : null, contested: filter.contested ?? null, first: options.first ?? CLAIMS_PAGE_SIZE },
    { signal: options.signal },
  );
  return {
    totalCount: data.relations.totalCount,
    relations: data.relations.edges.map(({ node }) => relation(node, client.url)),
  };
}

export async function fetchContestedCount(client: GraphQLClient, options: RequestOptions = {}): Promise<number> {
  const data = await client.request<ExplorerContestedCountQuery>(CONTESTED_COUNT_QUERY, {}, options);
  return data.stats.contestedRelations;
}

/** Relations of a document fetched for the reader per request (the API allows 100 a page). */
export const DOCUMENT_RELATIONS_PAGE = 100;

/**
 * A document for the reader: its text and metadata, where the graph's entities are named in it, and every
 * relation it is cited for (all pages). Null when the graph holds no source with this id.
 */
export async function fetchDocument(client: GraphQLClient, id: string, options: RequestOptions = {}): Promise<DocumentData | null> {
  let after: string | null = null;
  let head: DocumentData | null = null;
  for (;;) {
    let data: ExplorerDocumentQuery;
    try {
      data = await client.request<ExplorerDocumentQuery, ExplorerDocumentQueryVariables>(
        DOCUMENT_QUERY,
        { id, first: DOCUMENT_RELATIONS_PAGE, after },
        { signal: options.signal },
      );
    } catch (error) {
      if (error instanceof SteppeApiError && error.details.missingIds?.includes(id)) return null;
      throw error;
    }
    const s = data.source;
    if (!s) return null;
    head ??= {
      document: {
        id: s.id,
        title: s.title,
        outlet: s.outlet ?? null,
        author: s.author ?? null,
        publishedAt: s.publishedAt ?? null,
        languages: s.languages,
        url: s.url ?? null,
        text: s.text,
      },
      mentions: s.mentions.map((m) => ({ start: m.start, end: m.end, entity: summary(m.entity, client.url) })),
      relations: [],
    };
    head.relations.push(...s.relations.edges.map(({ node }) => relation(node, client.url)));
    if (!s.relations.pageInfo.hasNextPage || !s.relations.pageInfo.endCursor) return head;
    after = s.relations.pageInfo.endCursor;
  }
}

/** Passages shown under the entities in the explorer's search (the API allows 20). */
export const DOCUMENT_SEARCH_PAGE_SIZE = 5;

/** Passages of the documents that match, best first, with the relations whose evidence overlaps each. */
export async function searchDocuments(
  client: GraphQLClient,
  input: string,
  options: RequestOptions & { first?: number } = {},
): Promise<{ passages: DocumentPassageData[]; totalCount: number }> {
  const query = normaliseSearch(input);
  if (!query) return { passages: [], totalCount: 0 };
  const data = await client.request<ExplorerDocumentSearchQuery, ExplorerDocumentSearchQueryVariables>(
    DOCUMENT_SEARCH_QUERY,
    { query, first: options.first ?? DOCUMENT_SEARCH_PAGE_SIZE },
    { signal: options.signal },
  );
  return {
    totalCount: data.searchDocuments.totalCount,
    passages: data.searchDocuments.passages.map((p) => ({
      start: p.start,
      end: p.end,
      source: { id: p.source.id, title: p.source.title, outlet: p.source.outlet ?? null, publishedAt: p.source.publishedAt ?? null },
      snippet: {
        text: p.snippet.text,
        start: p.snippet.start,
        highlights: p.snippet.highlights.map((h) => ({ start: h.start, end: h.end })),
      },
      relationCount: p.relationCount,
      relations: p.relations.map((r) => ({ id: r.id, label: r.label, from: r.from.name, to: r.to.name })),
    })),
  };
}

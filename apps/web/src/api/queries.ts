import { isEntityKind } from '@steppe/domain';
import type { GraphQLClient, RequestOptions } from './client';
import { SteppeApiError } from './client';
import type {
  EntityDetail,
  EntityFacts,
  EntitySummary,
  Neighbourhood,
  RelationData,
  SearchResult,
} from './types';

/** The API refuses longer search strings; the explorer trims rather than fails. */
export const MAX_SEARCH_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 20;
/** Relations fetched per entity when it is added to the canvas. */
export const RELATIONS_PAGE_SIZE = 50;

const ENTITY_SUMMARY = /* GraphQL */ `
  fragment EntitySummary on Entity {
    id
    kind
    name
    aliases
    description
  }
`;

export const SEARCH_QUERY = /* GraphQL */ `
  query ExplorerSearch($query: String!, $first: Int!) {
    search(query: $query, first: $first) {
      totalCount
      edges {
        score
        node {
          ...EntitySummary
        }
      }
    }
  }
  ${ENTITY_SUMMARY}
`;

export const NEIGHBOURHOOD_QUERY = /* GraphQL */ `
  query ExplorerNeighbourhood($id: ID!, $first: Int!, $after: String) {
    entity(id: $id) {
      ...EntitySummary
      ... on Person {
        roles
      }
      ... on Organisation {
        orgType
        country
      }
      ... on Place {
        placeType
        country
      }
      ... on Event {
        startDate
        endDate
      }
      relations(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            type
            label
            date
            startDate
            endDate
            stance
            confidence
            detail
            sourceCount
            contested
            from {
              ...EntitySummary
            }
            to {
              ...EntitySummary
            }
            evidence {
              quote
              stance
              source {
                id
                title
                outlet
                publishedAt
                url
              }
            }
          }
        }
      }
    }
  }
  ${ENTITY_SUMMARY}
`;

/** A cheap query that only proves the API answers. */
export const PING_QUERY = /* GraphQL */ `
  query ExplorerPing {
    __typename
  }
`;

interface RawSummary {
  id: string;
  kind: string;
  name: string;
  aliases?: string[] | null;
  description?: string | null;
}

interface RawSearch {
  search: {
    totalCount: number;
    edges: { score: number | null; node: RawSummary }[];
  };
}

interface RawEntity extends RawSummary {
  roles?: string[] | null;
  orgType?: string | null;
  placeType?: string | null;
  country?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  relations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Omit<RelationData, 'from' | 'to'> & { from: RawSummary; to: RawSummary } }[];
  };
}

interface RawNeighbourhood {
  entity: RawEntity | null;
}

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

function facts(raw: RawEntity): EntityFacts {
  const out: EntityFacts = {};
  if (raw.roles) out.roles = raw.roles;
  if (raw.orgType !== undefined) out.orgType = raw.orgType;
  if (raw.placeType !== undefined) out.placeType = raw.placeType;
  if (raw.country !== undefined) out.country = raw.country;
  if (raw.startDate !== undefined) out.startDate = raw.startDate;
  if (raw.endDate !== undefined) out.endDate = raw.endDate;
  return out;
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
  if (!query) return { hits: [], totalCount: 0 };
  const data = await client.request<RawSearch>(
    SEARCH_QUERY,
    { query, first: options.first ?? SEARCH_PAGE_SIZE },
    { signal: options.signal },
  );
  return {
    totalCount: data.search.totalCount,
    hits: data.search.edges.map((edge) => ({ ...summary(edge.node, client.url), score: edge.score })),
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
  const data = await client.request<RawNeighbourhood>(
    NEIGHBOURHOOD_QUERY,
    { id, first: options.first ?? RELATIONS_PAGE_SIZE, after: options.after ?? null },
    { signal: options.signal },
  );
  const raw = data.entity;
  if (!raw) return null;
  const entity: EntityDetail = { ...summary(raw, client.url), facts: facts(raw) };
  const relations: RelationData[] = raw.relations.edges.map(({ node }) => ({
    ...node,
    from: summary(node.from, client.url),
    to: summary(node.to, client.url),
    evidence: node.evidence ?? [],
  }));
  return {
    entity,
    relations,
    totalCount: raw.relations.totalCount,
    hasNextPage: raw.relations.pageInfo.hasNextPage,
    endCursor: raw.relations.pageInfo.endCursor,
  };
}

export async function ping(client: GraphQLClient, options: RequestOptions = {}): Promise<void> {
  await client.request<{ __typename: string }>(PING_QUERY, {}, options);
}

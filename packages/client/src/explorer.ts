/**
 * The explorer's GraphQL documents (apps/web/src/api/queries.ts sends them and
 * maps their answers). They live here so that the schema's operations have one
 * set of generated types (src/generated.ts): the explorer's `Explorer*Query`
 * types come from the same codegen run as the client's common documents.
 */

import { ENTITY_CORE, ENTITY_FULL } from './documents';

/**
 * A relation as the explorer draws and details it: its facts, both ends, and its evidence, each quote with where
 * it sits in its document and the few facts of the source the details panel shows. Written out rather than
 * spreading documents.ts's RelationCore: every fragment spread counts as a level of the API's depth limit
 * (API_LIMITS.maxDepth), and the neighbourhood's relations are deep enough already.
 */
const RELATION_FIELDS = /* GraphQL */ `
  fragment RelationFields on Relation {
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
      ...EntityCore
    }
    to {
      ...EntityCore
    }
    evidence {
      quote
      stance
      selector {
        start
        end
      }
      source {
        id
        title
        outlet
        publishedAt
        url
      }
    }
  }
`;

export const SEARCH_QUERY = /* GraphQL */ `
  query ExplorerSearch($query: String!, $first: Int!) {
    search(query: $query, first: $first) {
      totalCount
      edges {
        score
        node {
          ...EntityCore
        }
      }
      suggestions {
        ...EntityCore
      }
    }
  }
  ${ENTITY_CORE}
`;

export const NEIGHBOURHOOD_QUERY = /* GraphQL */ `
  query ExplorerNeighbourhood($id: ID!, $first: Int!, $after: String) {
    entity(id: $id) {
      ...EntityFull
      relations(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...RelationFields
          }
        }
      }
    }
  }
  ${ENTITY_CORE}
  ${ENTITY_FULL}
  ${RELATION_FIELDS}
`;

/**
 * Who is next to the given entities (one hop, optionally only some relation
 * types and one direction), capped by `limit`. Only the entities: the
 * relations among everything on the canvas come from SUBGRAPH_QUERY.
 */
export const NEIGHBOUR_IDS_QUERY = /* GraphQL */ `
  query ExplorerNeighbours($ids: [ID!]!, $relationTypes: [RelationType!], $direction: Direction, $limit: Int!) {
    neighbourhood(ids: $ids, depth: 1, relationTypes: $relationTypes, direction: $direction, limit: $limit) {
      nodes {
        ...EntityCore
      }
      omittedNodes
    }
  }
  ${ENTITY_CORE}
`;

/** The given entities (with their facts) and every relation among them, with evidence. */
export const SUBGRAPH_QUERY = /* GraphQL */ `
  query ExplorerSubgraph($ids: [ID!]!) {
    subgraph(ids: $ids) {
      nodes {
        ...EntityFull
      }
      edges {
        ...RelationFields
      }
      truncated
      omittedEdges
    }
  }
  ${ENTITY_CORE}
  ${ENTITY_FULL}
  ${RELATION_FIELDS}
`;

export const PATHS_QUERY = /* GraphQL */ `
  query ExplorerPaths($from: ID!, $to: ID!, $maxHops: Int!, $mode: PathMode!, $limit: Int!) {
    paths(from: $from, to: $to, maxHops: $maxHops, mode: $mode, limit: $limit) {
      length
      nodes {
        ...EntityCore
      }
      relations {
        ...RelationFields
      }
    }
  }
  ${ENTITY_CORE}
  ${RELATION_FIELDS}
`;

/** Claims across the whole graph: every relation of some types, or every contested one. */
export const CLAIMS_QUERY = /* GraphQL */ `
  query ExplorerClaims($types: [RelationType!], $contested: Boolean, $first: Int!) {
    relations(types: $types, contested: $contested, first: $first) {
      totalCount
      edges {
        node {
          ...RelationFields
        }
      }
    }
  }
  ${ENTITY_CORE}
  ${RELATION_FIELDS}
`;

/** How many claims sources disagree about (a count stored with the graph: cheap on every page load). */
export const CONTESTED_COUNT_QUERY = /* GraphQL */ `
  query ExplorerContestedCount {
    stats {
      contestedRelations
    }
  }
`;

export const RELATION_TYPES_QUERY = /* GraphQL */ `
  query ExplorerRelationTypes {
    relationTypes {
      name
      label
      inverseLabel
      family
      count
    }
  }
`;

/** A cheap query that only proves the API answers. */
export const PING_QUERY = /* GraphQL */ `
  query ExplorerPing {
    __typename
  }
`;

export const DOCUMENT_QUERY = /* GraphQL */ `
  query ExplorerDocument($id: ID!, $first: Int!, $after: String) {
    source(id: $id) {
      id
      title
      outlet
      author
      publishedAt
      languages
      url
      text
      mentions {
        start
        end
        entity {
          ...EntityCore
        }
      }
      relations(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...RelationFields
          }
        }
      }
    }
  }
  ${ENTITY_CORE}
  ${RELATION_FIELDS}
`;

export const DOCUMENT_SEARCH_QUERY = /* GraphQL */ `
  query ExplorerDocumentSearch($query: String!, $first: Int!) {
    searchDocuments(query: $query, first: $first) {
      totalCount
      passages {
        start
        end
        source {
          id
          title
          outlet
          publishedAt
        }
        snippet {
          text
          start
          end
          highlights {
            start
            end
          }
        }
        relationCount
        relations {
          id
          label
          from {
            id
            name
          }
          to {
            id
            name
          }
        }
      }
    }
  }
`;

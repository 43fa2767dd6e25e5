/**
 * The typed documents of the common operations: what a dashboard, a notebook
 * or the explorer asks the API most. Each `query` here gets its result and
 * variables types in `generated.ts` (`npm run codegen -w @steppe/client`), and
 * a typed document (`SearchDocument`, …) that `client.request` infers from.
 *
 * Fragments are named for what they select (`EntityCore`, `RelationFull`) so
 * that applications can add their own documents beside these without clashes.
 */

export const ENTITY_CORE = /* GraphQL */ `
  fragment EntityCore on Entity {
    id
    kind
    name
    aliases
    description
  }
`;

export const ENTITY_FULL = /* GraphQL */ `
  fragment EntityFull on Entity {
    ...EntityCore
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
  }
`;

export const SOURCE_CORE = /* GraphQL */ `
  fragment SourceCore on Source {
    id
    title
    outlet
    author
    publishedAt
    languages
    url
  }
`;

export const RELATION_CORE = /* GraphQL */ `
  fragment RelationCore on Relation {
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
  }
`;

export const RELATION_FULL = /* GraphQL */ `
  fragment RelationFull on Relation {
    ...RelationCore
    evidence {
      quote
      stance
      selector {
        start
        end
      }
      source {
        ...SourceCore
      }
    }
  }
`;

const PAGE_INFO = /* GraphQL */ `
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`;

/** Entities by name or alias, ranked, with "Did you mean" suggestions when nothing matches. */
export const SEARCH = /* GraphQL */ `
  query Search($query: String!, $kinds: [EntityKind!], $first: Int = 10, $after: String) {
    search(query: $query, kinds: $kinds, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
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
`;

/**
 * One entity with its kind's fields and a page of its relations (without their
 * evidence, which would pass the API's depth limit: ask `Relation` for one relation's).
 */
export const ENTITY = /* GraphQL */ `
  query Entity($id: ID!, $first: Int = 20, $after: String) {
    entity(id: $id) {
      ...EntityFull
      relations(first: $first, after: $after) {
        totalCount
        pageInfo {
          ...PageInfoFields
        }
        edges {
          node {
            ...RelationCore
          }
        }
      }
    }
  }
`;

/** Everything within `depth` hops of some entities, under filters and an entity limit. */
export const NEIGHBOURHOOD = /* GraphQL */ `
  query Neighbourhood(
    $ids: [ID!]!
    $depth: Int = 1
    $relationTypes: [RelationType!]
    $kinds: [EntityKind!]
    $direction: Direction = BOTH
    $from: Date
    $to: Date
    $minSources: Int
    $limit: Int = 100
  ) {
    neighbourhood(
      ids: $ids
      depth: $depth
      relationTypes: $relationTypes
      kinds: $kinds
      direction: $direction
      from: $from
      to: $to
      minSources: $minSources
      limit: $limit
    ) {
      nodes {
        ...EntityCore
      }
      edges {
        ...RelationCore
      }
      truncated
      omittedNodes
      omittedNodesExact
      omittedEdges
    }
  }
`;

/** How two entities are connected. */
export const PATHS = /* GraphQL */ `
  query Paths($from: ID!, $to: ID!, $maxHops: Int = 4, $relationTypes: [RelationType!], $mode: PathMode = SHORTEST, $limit: Int = 5) {
    paths(from: $from, to: $to, maxHops: $maxHops, relationTypes: $relationTypes, mode: $mode, limit: $limit) {
      length
      nodes {
        ...EntityCore
      }
      relations {
        ...RelationCore
      }
    }
  }
`;

/** Dated events and relations in time order. */
export const TIMELINE = /* GraphQL */ `
  query Timeline($from: Date, $to: Date, $ids: [ID!], $kinds: [EntityKind!], $limit: Int = 200) {
    timeline(from: $from, to: $to, ids: $ids, kinds: $kinds, limit: $limit) {
      date
      endDate
      event {
        ...EntityFull
      }
      relation {
        ...RelationCore
      }
    }
  }
`;

/** One relation with its evidence. */
export const RELATION = /* GraphQL */ `
  query Relation($id: ID!) {
    relation(id: $id) {
      ...RelationFull
    }
  }
`;

/** A page of entities, filtered and ordered (or exactly `ids`). */
export const ENTITIES = /* GraphQL */ `
  query Entities($ids: [ID!], $where: EntityWhere, $orderBy: EntityOrder, $first: Int = 20, $after: String) {
    entities(ids: $ids, where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...EntityFull
        }
      }
    }
  }
`;

/** A page of relations, filtered and ordered. */
export const RELATIONS = /* GraphQL */ `
  query Relations($where: RelationWhere, $orderBy: RelationOrder, $first: Int = 20, $after: String) {
    relations(where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...RelationCore
        }
      }
    }
  }
`;

/** The counts a dashboard draws: relations by type, family, source and month; entities by kind. */
export const AGGREGATES = /* GraphQL */ `
  query Aggregates($relationWhere: RelationWhere, $entityWhere: EntityWhere) {
    relationAggregate(where: $relationWhere) {
      count
      byType {
        key
        count
      }
      byFamily {
        key
        count
      }
      bySource {
        key
        count
      }
      byMonth {
        key
        count
      }
    }
    entityAggregate(where: $entityWhere) {
      count
      byKind {
        key
        count
      }
    }
  }
`;

/** One source document: its metadata, full text, where entities are named, and the relations it backs. */
export const SOURCE = /* GraphQL */ `
  query Source($id: ID!) {
    source(id: $id) {
      ...SourceCore
      text
      relationCount
      mentions {
        start
        end
        entity {
          ...EntityCore
        }
      }
    }
  }
`;

/** Every source document's metadata. */
export const SOURCES = /* GraphQL */ `
  query Sources {
    sources {
      ...SourceCore
      relationCount
    }
  }
`;

/** Full-text search over the source documents: passages with a highlighted snippet. */
export const SEARCH_DOCUMENTS = /* GraphQL */ `
  query SearchDocuments($query: String!, $first: Int = 10) {
    searchDocuments(query: $query, first: $first) {
      totalCount
      passages {
        start
        end
        score
        relationCount
        source {
          ...SourceCore
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
        relations {
          ...RelationCore
        }
      }
    }
  }
`;

/** The fragments every operation above may use; sent with each operation that spreads them. */
export const FRAGMENTS = [ENTITY_CORE, ENTITY_FULL, SOURCE_CORE, RELATION_CORE, RELATION_FULL, PAGE_INFO] as const;

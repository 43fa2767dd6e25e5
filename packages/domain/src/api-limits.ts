/**
 * The API's limits, defined once: the API enforces them (apps/api/src/limits.ts
 * re-exports this object), the explorer sizes its requests by them, and the README's
 * limits table states them. They live here, beside the vocabulary, because both the
 * server and the browser read them.
 */
export const API_LIMITS = {
  searchQueryLength: 200,
  searchFirst: 50,
  /** Passages per document search, and relations listed per passage. */
  documentSearchFirst: 20,
  passageRelations: 20,
  relationsFirst: 100,
  neighbourhoodIds: 50,
  neighbourhoodDepth: 3,
  neighbourhoodNodes: 500,
  /**
   * Relationships one depth of a neighbourhood reads before `omittedNodes` becomes an
   * estimate (`omittedNodesExact: false`): the 2-hop latency budget on hubs.
   */
  neighbourhoodExpansionBudget: 10_000,
  /** Relations returned with a neighbourhood or subgraph. */
  subgraphEdges: 2_000,
  subgraphIds: 500,
  pathHops: 6,
  paths: 50,
  timelineItems: 1_000,
  /** GraphQL document limits, enforced by graphql-armor before execution. */
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 10,
  /** Objects a query may return at most (apps/api/src/requests/cost.ts). */
  maxCost: 250_000,
} as const;

/** Server-side limits. Documented in the README ("Limits") and enforced here only. */
export const LIMITS = {
  searchQueryLength: 200,
  searchFirst: 50,
  relationsFirst: 100,
  neighbourhoodIds: 50,
  neighbourhoodDepth: 3,
  neighbourhoodNodes: 500,
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
  maxCost: 250_000,
} as const;

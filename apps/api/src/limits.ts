/** Server-side limits. Documented in the README ("Limits") and enforced here only. */
export const LIMITS = {
  searchQueryLength: 200,
  searchFirst: 50,
  relationsFirst: 100,
  /** GraphQL document limits, enforced by graphql-armor before execution. */
  maxDepth: 8,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 10,
  maxCost: 5_000,
} as const;

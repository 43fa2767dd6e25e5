import type { Driver } from 'neo4j-driver';
import { RELATION_TYPE_NAMES } from '@steppe/domain';

/** Full-text index over entity names and aliases; the search query relies on its name. */
export const SEARCH_INDEX = 'steppe_entity_search';

/**
 * The schema Steppe needs, as idempotent statements. Uniqueness is scoped by
 * `graph` (the physical generation a record belongs to, see generations.ts), so
 * several datasets and test scopes can share one database.
 * Relationship uniqueness constraints exist per type: Neo4j has no
 * type-agnostic one, and they also give MERGE an index to find relations by id.
 */
export function schemaStatements(): string[] {
  const statements = [
    'CREATE CONSTRAINT steppe_graph_name IF NOT EXISTS FOR (g:SteppeGraph) REQUIRE g.name IS UNIQUE',
    'CREATE CONSTRAINT steppe_entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE (n.graph, n.id) IS UNIQUE',
    'CREATE CONSTRAINT steppe_source_key IF NOT EXISTS FOR (s:Source) REQUIRE (s.graph, s.id) IS UNIQUE',
    `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases] ` +
      "OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true } }",
  ];
  for (const type of RELATION_TYPE_NAMES) {
    statements.push(
      `CREATE CONSTRAINT steppe_rel_${type.toLowerCase()}_key IF NOT EXISTS FOR ()-[r:${type}]-() REQUIRE (r.graph, r.id) IS UNIQUE`,
    );
  }
  return statements;
}

/** Creates constraints and indexes (idempotent) and waits until they are online. */
export async function ensureSchema(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    for (const statement of schemaStatements()) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}

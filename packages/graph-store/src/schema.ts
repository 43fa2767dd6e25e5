import type { Driver } from 'neo4j-driver';
import { RELATION_TYPE_NAMES } from '@steppe/domain';

/** Full-text index over entity names and aliases; the search query relies on its name. */
export const SEARCH_INDEX = 'steppe_entity_search';

/**
 * The schema Steppe needs, as idempotent statements. Uniqueness is scoped by
 * `graph` (the physical generation a record belongs to, see generations.ts), so
 * several datasets and test scopes can share one database.
 *
 * Relationships have no uniqueness constraint: a relationship index per type
 * halved bulk-load throughput, nothing looks relations up by id, and the loader
 * instead verifies a new generation's exact counts before readers see it.
 * Earlier versions created such constraints; they are dropped here.
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
    statements.push(`DROP CONSTRAINT steppe_rel_${type.toLowerCase()}_key IF EXISTS`);
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

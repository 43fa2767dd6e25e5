import type { Driver } from 'neo4j-driver';
import { RELATION_TYPE_NAMES } from '@steppe/domain';
import { SEARCH_FIELDS } from './search-query';

/**
 * Full-text index over entity names, aliases, roles, types and descriptions
 * (SEARCH_FIELDS); the search query relies on its name. The name carries a
 * version: an index's properties cannot be changed in place, so a new
 * definition gets a new name and the older indexes are dropped.
 */
export const SEARCH_INDEX = 'steppe_entity_search_v2';
const RETIRED_SEARCH_INDEXES = ['steppe_entity_search'];

/** Full-text index over the documents' passages (load/documents.ts); document search relies on its name. */
export const PASSAGE_INDEX = 'steppe_passage_search';

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
    ...RETIRED_SEARCH_INDEXES.map((name) => `DROP INDEX ${name} IF EXISTS`),
    `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [${SEARCH_FIELDS.map((f) => `n.${f.property}`).join(', ')}] ` +
      "OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true } }",
    'CREATE CONSTRAINT steppe_passage_key IF NOT EXISTS FOR (p:Passage) REQUIRE (p.graph, p.sourceId, p.start) IS UNIQUE',
    // Not eventually consistent: a search right after a load must find the new generation's passages.
    `CREATE FULLTEXT INDEX ${PASSAGE_INDEX} IF NOT EXISTS FOR (p:Passage) ON EACH [p.text] ` +
      "OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } }",
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
    for (const statement of schemaStatements()) {
      try {
        // A managed transaction, so that a deadlock between two processes creating rules at once
        // (Neo.TransientError.Transaction.DeadlockDetected on the label's lock) is retried by the driver.
        await session.executeWrite((tx) => tx.run(statement));
      } catch (error) {
        // `IF NOT EXISTS` is checked before the rule is created, so two processes ensuring the
        // schema at once (a seeder and an API, parallel test files) can both try to create it;
        // the loser is told an equivalent rule exists, which is the state it wanted.
        if (!isConcurrentDuplicate(error)) throw error;
      }
    }
    await session.run('CALL db.awaitIndexes(300)');
  } finally {
    await session.close();
  }
}

const ALREADY_EXISTS_CODES = new Set([
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
  'Neo.ClientError.Schema.IndexAlreadyExists',
  'Neo.ClientError.Schema.ConstraintAlreadyExists',
]);

function isConcurrentDuplicate(error: unknown): boolean {
  return typeof error === 'object' && error !== null && ALREADY_EXISTS_CODES.has((error as { code?: string }).code ?? '');
}

import { readFileSync } from 'node:fs';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { API_LIMITS } from '@steppe/domain';
import { Kind, buildSchema, parse, validate } from 'graphql';
import { GENERATED_FILE, SCHEMA_FILE, clientDocuments, generateTypes } from '../scripts/generate';
import * as generated from '../src/generated';

describe('generated types and documents', () => {
  it('match the API schema and the documents (run `npm run codegen -w @steppe/client` if this fails)', async () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(await generateTypes());
  });

  const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  const operations = clientDocuments().definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));

  it('cover the common operations', () => {
    expect(operations).toEqual(
      expect.arrayContaining([
        'Search',
        'Entity',
        'Neighbourhood',
        'Paths',
        'Timeline',
        'Relation',
        'Entities',
        'Relations',
        'Aggregates',
        'Source',
        'SearchDocuments',
      ]),
    );
  });

  it.each(operations)('%s has a typed document that is valid against the schema on its own', (name) => {
    const text = (generated as Record<string, unknown>)[`${name}Document`];
    expect(typeof text).toBe('string');
    const document = parse(text as string);
    expect(validate(schema, document)).toEqual([]);
    const ops = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(ops).toHaveLength(1);
  });

  // The API refuses deeper documents before running them (graphql-armor, as in apps/api/src/create-api.ts), and a
  // fragment spread counts as a level: spreading one fragment in another can push a document over.
  it.each(operations)('%s stays within the API’s depth limit (API_LIMITS.maxDepth)', (name) => {
    const document = parse((generated as Record<string, unknown>)[`${name}Document`] as string);
    const depthRule = maxDepthRule({ n: API_LIMITS.maxDepth, ignoreIntrospection: true });
    expect(() => expect(validate(schema, document, [depthRule])).toEqual([])).not.toThrow();
  });
});

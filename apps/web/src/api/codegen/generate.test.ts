/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import { GENERATED_FILE, explorerDocuments, generateTypes } from './generate';

describe('generated GraphQL types', () => {
  it('match the API schema and the explorer’s queries (run `npm run codegen -w @steppe/web` if this fails)', async () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(await generateTypes());
  });

  it('cover every operation the explorer sends', () => {
    const names = explorerDocuments()
      .definitions.filter((d) => d.kind === 'OperationDefinition')
      .map((d) => ('name' in d && d.name ? d.name.value : ''));
    expect(names.length).toBeGreaterThan(3);
    const generated = readFileSync(GENERATED_FILE, 'utf8');
    for (const name of names) expect(generated).toContain(`export type ${name}Query =`);
  });
});

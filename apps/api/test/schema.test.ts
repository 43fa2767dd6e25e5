import { readFileSync } from 'node:fs';
import { isInterfaceType, isObjectType, isEnumType, isInputObjectType } from 'graphql';
import { DIRECTIONS, RELATION_TYPE_NAMES, ENTITY_KINDS } from '@steppe/domain';
import { buildSchema } from '../src';
import { VOCABULARY_SDL_PATH } from '../src/schema/load-schema';
import { vocabularySdl } from '../src/schema/vocabulary-sdl';
import { printedSchema, SCHEMA_FILE } from '../src/schema/print-schema';
import { apiFor, unreachableDriver } from './helpers';
import { README_FILE, withErrorTable } from '../src/readme-tables';
import { ERROR_CODE_NAMES } from '../src/error-codes';

describe('schema', () => {
  const schema = buildSchema();

  it('keeps the checked-in vocabulary SDL in step with the domain (run `npm run generate:sdl -w @steppe/api` if this fails)', () => {
    expect(readFileSync(VOCABULARY_SDL_PATH, 'utf8')).toBe(vocabularySdl());
  });

  it('keeps the published one-file schema.graphql in step with src/schema (run `npm run generate:schema -w @steppe/api` if this fails)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('serves that file at GET /schema.graphql, without a database', async () => {
    const driver = unreachableDriver();
    try {
      const res = await apiFor({ driver }).fetch('http://api.test/schema.graphql');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
    } finally {
      await driver.close();
    }
  });

  it('documents every error code in the README, from the one list in error-codes.ts (run `npm run generate:readme -w @steppe/api` if this fails)', () => {
    const readme = readFileSync(README_FILE, 'utf8');
    expect(readme).toBe(withErrorTable(readme));
    for (const code of ERROR_CODE_NAMES) expect(readme).toContain(`| \`${code}\` |`);
  });

  it('derives its enums from the domain vocabulary', () => {
    const relationType = schema.getType('RelationType');
    const kind = schema.getType('EntityKind');
    if (!isEnumType(relationType) || !isEnumType(kind)) throw new Error('enums missing');
    expect(relationType.getValues().map((v) => v.name)).toEqual([...RELATION_TYPE_NAMES]);
    expect(kind.getValues().map((v) => v.name)).toEqual([...ENTITY_KINDS]);
    const direction = schema.getType('Direction');
    if (!isEnumType(direction)) throw new Error('Direction missing');
    expect(direction.getValues().map((v) => v.name)).toEqual([...DIRECTIONS]);
  });

  it('documents every type, field and argument', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          // Implementations inherit their interface's field descriptions.
          const inherited = isObjectType(type) && type.getInterfaces().some((i) => i.getFields()[field.name]?.description);
          if (!field.description && !inherited) missing.push(`${type.name}.${field.name}`);
          if ('args' in field) {
            for (const arg of field.args) {
              const argInherited =
                isObjectType(type) &&
                type.getInterfaces().some((i) => i.getFields()[field.name]?.args.find((a) => a.name === arg.name)?.description);
              if (!arg.description && !argInherited) missing.push(`${type.name}.${field.name}(${arg.name})`);
            }
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('generated resolver types', () => {
  it('match the published schema (run `npm run codegen -w @steppe/api` if this fails)', async () => {
    const { generateResolverTypes, RESOLVER_TYPES_FILE } = await import('../src/resolvers/codegen');
    expect(readFileSync(RESOLVER_TYPES_FILE, 'utf8')).toBe(await generateResolverTypes());
  });
});

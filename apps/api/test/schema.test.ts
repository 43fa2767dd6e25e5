import { readFileSync } from 'node:fs';
import { isInterfaceType, isObjectType, isEnumType, isInputObjectType } from 'graphql';
import { RELATION_TYPE_NAMES, ENTITY_KINDS } from '@steppe/domain';
import { buildSchema } from '../src';
import { VOCABULARY_SDL_PATH } from '../src/schema/load-schema';
import { vocabularySdl } from '../src/schema/vocabulary-sdl';

describe('schema', () => {
  const schema = buildSchema();

  it('keeps the checked-in vocabulary SDL in step with the domain (run `npm run generate:sdl -w @steppe/api` if this fails)', () => {
    expect(readFileSync(VOCABULARY_SDL_PATH, 'utf8')).toBe(vocabularySdl());
  });

  it('derives its enums from the domain vocabulary', () => {
    const relationType = schema.getType('RelationType');
    const kind = schema.getType('EntityKind');
    if (!isEnumType(relationType) || !isEnumType(kind)) throw new Error('enums missing');
    expect(relationType.getValues().map((v) => v.name)).toEqual([...RELATION_TYPE_NAMES]);
    expect(kind.getValues().map((v) => v.name)).toEqual([...ENTITY_KINDS]);
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
              const argInherited = isObjectType(type) && type.getInterfaces().some((i) => i.getFields()[field.name]?.args.find((a) => a.name === arg.name)?.description);
              if (!arg.description && !argInherited) missing.push(`${type.name}.${field.name}(${arg.name})`);
            }
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

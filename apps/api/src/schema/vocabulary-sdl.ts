import { ENTITY_KINDS, ENTITY_KIND_INFO, RELATION_FAMILIES, RELATION_TYPES, STANCES, STANCE_INFO } from '@steppe/domain';

/**
 * The GraphQL enums that mirror the domain vocabulary. They are generated into
 * a checked-in SDL file (vocabulary.generated.graphql) so that the SDL stays the
 * readable source of the API, while a test fails if it drifts from the domain.
 */
function describe(text: string): string {
  return `"""${text.replace(/"""/g, '\\"""')}"""`;
}

function enumBlock(name: string, description: string, values: { name: string; description: string }[]): string {
  const lines = values.map((v) => `  ${describe(v.description)}\n  ${v.name}`);
  return `${describe(description)}\nenum ${name} {\n${lines.join('\n')}\n}\n`;
}

export function vocabularySdl(): string {
  return [
    '# GENERATED from @steppe/domain by `npm run generate:sdl -w @steppe/api`. Do not edit by hand.\n',
    enumBlock(
      'EntityKind',
      'The kind of an entity. Every entity is exactly one kind.',
      ENTITY_KINDS.map((k) => ({ name: k, description: ENTITY_KIND_INFO[k].description })),
    ),
    enumBlock(
      'RelationType',
      'A relation type from Steppe’s vocabulary. Query `relationTypes` for labels, allowed endpoints and counts.',
      RELATION_TYPES.map((t) => ({ name: t.name, description: `${t.description} Reads “${t.label}”.` })),
    ),
    enumBlock(
      'RelationFamily',
      'A group of relation types that share a style in the explorer and in exported figures.',
      Object.entries(RELATION_FAMILIES).map(([name, f]) => ({ name: name.toUpperCase(), description: f.label })),
    ),
    enumBlock(
      'Stance',
      'How a source stands behind a claim.',
      STANCES.map((s) => ({ name: s, description: STANCE_INFO[s].description })),
    ),
  ].join('\n');
}

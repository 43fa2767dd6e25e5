/**
 * Entity kinds. Every node Steppe stores is exactly one of these; the Neo4j
 * label, the GraphQL enum value and the legend entry all come from this table.
 */
export const ENTITY_KINDS = ['Person', 'Organisation', 'Place', 'Event'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface EntityKindInfo {
  kind: EntityKind;
  /** Plural label for legends and headings. */
  plural: string;
  description: string;
  /** Colour used by the explorer and by exported figures (one palette everywhere). */
  colour: string;
  /** Cytoscape node shape, so kinds stay distinguishable without colour. */
  shape: 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon';
  /** A short glyph shown inside nodes and next to search results. */
  icon: string;
}

export const ENTITY_KIND_INFO: Readonly<Record<EntityKind, EntityKindInfo>> = {
  Person: {
    kind: 'Person',
    plural: 'People',
    description: 'A named individual: an official, a politician, an activist, a commentator.',
    colour: '#2f6fdf',
    shape: 'ellipse',
    icon: '👤',
  },
  Organisation: {
    kind: 'Organisation',
    plural: 'Organisations',
    description: 'A government body, party, alliance, company, media outlet, online service or movement.',
    colour: '#d9822b',
    shape: 'round-rectangle',
    icon: '🏛',
  },
  Place: {
    kind: 'Place',
    plural: 'Places',
    description: 'A country, region, city, building or facility such as an airport.',
    colour: '#2e9e5b',
    shape: 'hexagon',
    icon: '📍',
  },
  Event: {
    kind: 'Event',
    plural: 'Events',
    description: 'Something that happened over a span of time: a protest, a decree, a deployment.',
    colour: '#b83280',
    shape: 'diamond',
    icon: '⚑',
  },
};

export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (ENTITY_KINDS as readonly string[]).includes(value);
}

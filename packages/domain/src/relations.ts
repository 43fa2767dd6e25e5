import type { EntityKind } from './kinds';

/**
 * Relation families group types for styling (edge colour and line style) and
 * for the legend. They carry no meaning of their own beyond presentation.
 */
export const RELATION_FAMILIES = {
  power: { label: 'Power and office', colour: '#3b4a6b', lineStyle: 'solid' },
  conflict: { label: 'Conflict and force', colour: '#c0392b', lineStyle: 'solid' },
  claims: { label: 'Claims and denials', colour: '#8e44ad', lineStyle: 'dashed' },
  aid: { label: 'Aid and alliances', colour: '#16a085', lineStyle: 'solid' },
  events: { label: 'Events and causes', colour: '#b7950b', lineStyle: 'solid' },
  geography: { label: 'Geography', colour: '#7f8c8d', lineStyle: 'dotted' },
  media: { label: 'Media and communication', colour: '#2980b9', lineStyle: 'dashed' },
} as const;
export type RelationFamily = keyof typeof RELATION_FAMILIES;

export interface RelationTypeInfo {
  /** UPPER_SNAKE name: the Neo4j relationship type and the GraphQL enum value. */
  name: string;
  /** Reads "<from> label <to>": "Tokayev requested aid from CSTO". */
  label: string;
  /** Reads "<to> inverseLabel <from>": "CSTO was asked for aid by Tokayev". */
  inverseLabel: string;
  description: string;
  /** Entity kinds allowed at the start of the relation. */
  from: readonly EntityKind[];
  /** Entity kinds allowed at the end of the relation. */
  to: readonly EntityKind[];
  /** Whether the relation is something that happens at a time (and so can carry a date). */
  dated: boolean;
  family: RelationFamily;
}

const ANY: readonly EntityKind[] = ['Person', 'Organisation', 'Place', 'Event'];
const ACTOR: readonly EntityKind[] = ['Person', 'Organisation'];
/** Countries act in the documents ("Kazakhstan asked…"), so places may be actors where noted. */
const ACTOR_OR_STATE: readonly EntityKind[] = ['Person', 'Organisation', 'Place'];

/**
 * The relation vocabulary: the single definition from which Neo4j relationship
 * types, GraphQL enums, seed validation, the legend and export keys derive.
 * Adding a type here is the only step needed to make it loadable and queryable.
 */
export const RELATION_TYPES = [
  // — power and office —
  {
    name: 'RESIGNED',
    label: 'resigned from',
    inverseLabel: 'was left by the resignation of',
    description: 'A person or body gave up an office or a post in an organisation or state.',
    from: ACTOR,
    to: ['Organisation', 'Place'],
    dated: true,
    family: 'power',
  },
  {
    name: 'APPOINTED',
    label: 'appointed',
    inverseLabel: 'was appointed by',
    description: 'A person or body named someone to an office (the role is kept on the relation).',
    from: ACTOR,
    to: ['Person'],
    dated: true,
    family: 'power',
  },
  {
    name: 'REMOVED',
    label: 'removed',
    inverseLabel: 'was removed by',
    description: 'A person or body removed someone from an office or council (the office is kept on the relation).',
    from: ACTOR,
    to: ['Person', 'Organisation'],
    dated: true,
    family: 'power',
  },
  {
    name: 'SUCCEEDED',
    label: 'succeeded',
    inverseLabel: 'was succeeded by',
    description: 'A person or body took over an office from another.',
    from: ACTOR,
    to: ACTOR,
    dated: true,
    family: 'power',
  },
  {
    name: 'LEADS',
    label: 'leads',
    inverseLabel: 'is led by',
    description: 'A person heads an organisation, a state or a movement (or did, within the dates given).',
    from: ['Person'],
    to: ['Organisation', 'Place', 'Event'],
    dated: true,
    family: 'power',
  },
  {
    name: 'MEMBER_OF',
    label: 'is a member of',
    inverseLabel: 'has as a member',
    description: 'A person, organisation or state belongs to an organisation or alliance.',
    from: ACTOR_OR_STATE,
    to: ['Organisation'],
    dated: true,
    family: 'power',
  },
  {
    name: 'FOUNDED',
    label: 'founded',
    inverseLabel: 'was founded by',
    description: 'A person or organisation founded an organisation or movement.',
    from: ACTOR,
    to: ['Organisation'],
    dated: true,
    family: 'power',
  },
  {
    name: 'ARRESTED',
    label: 'detained',
    inverseLabel: 'was detained by',
    description: 'A person or body detained or arrested a person.',
    from: ACTOR,
    to: ['Person'],
    dated: true,
    family: 'power',
  },
  // — aid and alliances —
  {
    name: 'REQUESTED_AID_FROM',
    label: 'requested aid from',
    inverseLabel: 'was asked for aid by',
    description: 'A person, body or state asked another for help (military or otherwise).',
    from: ACTOR_OR_STATE,
    to: ACTOR_OR_STATE,
    dated: true,
    family: 'aid',
  },
  {
    name: 'DEPLOYED_TO',
    label: 'deployed forces to',
    inverseLabel: 'received forces from',
    description: 'An organisation or state sent troops or other forces to a place.',
    from: ['Organisation', 'Place'],
    to: ['Place'],
    dated: true,
    family: 'aid',
  },
  {
    name: 'SUPPORTED',
    label: 'supported',
    inverseLabel: 'was supported by',
    description: 'An actor backed another actor or an event, politically, financially or otherwise.',
    from: ACTOR_OR_STATE,
    to: ANY,
    dated: true,
    family: 'aid',
  },
  // — conflict and force —
  {
    name: 'SEIZED',
    label: 'seized',
    inverseLabel: 'was seized by',
    description: 'An actor or crowd took control of a building, airport or other facility.',
    from: ['Person', 'Organisation', 'Event'],
    to: ['Place', 'Organisation'],
    dated: true,
    family: 'conflict',
  },
  {
    name: 'ATTACKED',
    label: 'attacked',
    inverseLabel: 'was attacked by',
    description: 'An actor or crowd attacked, stormed, set fire to or destroyed a target.',
    from: ['Person', 'Organisation', 'Event'],
    to: ['Person', 'Organisation', 'Place'],
    dated: true,
    family: 'conflict',
  },
  {
    name: 'BLOCKED',
    label: 'blocked',
    inverseLabel: 'was blocked by',
    description: 'An actor shut down or restricted a service such as the internet or a messenger.',
    from: ACTOR_OR_STATE,
    to: ['Organisation'],
    dated: true,
    family: 'conflict',
  },
  {
    name: 'PROTESTED_AGAINST',
    label: 'protested against',
    inverseLabel: 'was the target of protests by',
    description: 'People, a movement or a protest opposed a person, body or policy.',
    from: ['Person', 'Organisation', 'Event'],
    to: ANY,
    dated: true,
    family: 'conflict',
  },
  // — claims and denials —
  {
    name: 'ACCUSED',
    label: 'accused',
    inverseLabel: 'was accused by',
    description:
      'An actor or a source blamed another of something (the allegation is kept on the relation). An accusation is a claim, not a finding.',
    from: ACTOR_OR_STATE,
    to: ANY,
    dated: true,
    family: 'claims',
  },
  {
    name: 'DENIED',
    label: 'denied involvement in',
    inverseLabel: 'was denied by',
    description: 'An actor rejected an accusation or denied taking part in an event.',
    from: ACTOR_OR_STATE,
    to: ANY,
    dated: true,
    family: 'claims',
  },
  {
    name: 'COORDINATED',
    label: 'coordinated',
    inverseLabel: 'was coordinated by',
    description: 'An actor or a place is said to have organised or directed an event.',
    from: ACTOR_OR_STATE,
    to: ['Event'],
    dated: true,
    family: 'claims',
  },
  // — events and causes —
  {
    name: 'DECLARED',
    label: 'declared',
    inverseLabel: 'was declared by',
    description: 'An actor proclaimed an event or measure, such as a state of emergency or a curfew.',
    from: ACTOR_OR_STATE,
    to: ['Event'],
    dated: true,
    family: 'events',
  },
  {
    name: 'PARTICIPATED_IN',
    label: 'took part in',
    inverseLabel: 'involved',
    description: 'An actor or a place took part in an event.',
    from: ACTOR_OR_STATE,
    to: ['Event'],
    dated: true,
    family: 'events',
  },
  {
    name: 'CAUSED',
    label: 'caused',
    inverseLabel: 'was caused by',
    description: 'An event or decision led to another event.',
    from: ANY,
    to: ['Event'],
    dated: false,
    family: 'events',
  },
  {
    name: 'PART_OF',
    label: 'is part of',
    inverseLabel: 'includes',
    description: 'An event is a phase of a larger one, or an organisation is a body within another.',
    from: ['Event', 'Organisation'],
    to: ['Event', 'Organisation'],
    dated: false,
    family: 'events',
  },
  // — geography —
  {
    name: 'OCCURRED_IN',
    label: 'took place in',
    inverseLabel: 'was the scene of',
    description: 'An event happened in, or a measure applied to, a place (dated when it spread over time).',
    from: ['Event'],
    to: ['Place'],
    dated: true,
    family: 'geography',
  },
  {
    name: 'LOCATED_IN',
    label: 'is located in',
    inverseLabel: 'contains',
    description: 'A place or organisation lies or is based within a place.',
    from: ['Place', 'Organisation'],
    to: ['Place'],
    dated: false,
    family: 'geography',
  },
  // — media —
  {
    name: 'REPORTED',
    label: 'reported',
    inverseLabel: 'was reported by',
    description: 'A media outlet or person reported on an event or a claim.',
    from: ACTOR,
    to: ANY,
    dated: true,
    family: 'media',
  },
] as const satisfies readonly RelationTypeInfo[];

export type RelationType = (typeof RELATION_TYPES)[number]['name'];

export const RELATION_TYPE_NAMES: readonly RelationType[] = RELATION_TYPES.map((t) => t.name);

const BY_NAME: ReadonlyMap<string, RelationTypeInfo> = new Map(RELATION_TYPES.map((t) => [t.name, t as RelationTypeInfo]));

export function isRelationType(value: unknown): value is RelationType {
  return typeof value === 'string' && BY_NAME.has(value);
}

/** Vocabulary entry for a type; throws for names outside the vocabulary. */
export function relationTypeInfo(name: RelationType | string): RelationTypeInfo {
  const info = BY_NAME.get(name);
  if (!info) throw new Error(`Unknown relation type "${name}"`);
  return info;
}

/** Whether a relation of `type` may run from an entity of kind `fromKind` to one of kind `toKind`. */
export function allowsEndpoints(type: RelationType, fromKind: EntityKind, toKind: EntityKind): boolean {
  const info = relationTypeInfo(type);
  return info.from.includes(fromKind) && info.to.includes(toKind);
}

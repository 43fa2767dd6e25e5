import { isRelationType, type Direction, type RelationType } from '@steppe/domain';

/** Re-exported for the store's callers; defined once in @steppe/domain. */
export type { Direction } from '@steppe/domain';

/**
 * Relationship-type alternation (":A|B") for a pattern. Types cannot be Cypher
 * parameters, so they are checked against the vocabulary here and only then
 * written into the query text.
 */
export function relTypeAlternation(types: readonly string[] | undefined): string {
  if (!types || types.length === 0) return '';
  for (const t of types) {
    if (!isRelationType(t)) throw new Error(`Unknown relation type "${t}"`);
  }
  return ':' + [...new Set(types as RelationType[])].join('|');
}

/** The relationship part of a one-hop pattern from `n` to `m`, e.g. "-[r:A|B]->". */
export function hopPattern(direction: Direction, types: readonly string[] | undefined, variable = 'r'): string {
  const rel = `[${variable}${relTypeAlternation(types)}]`;
  switch (direction) {
    case 'OUT':
      return `-${rel}->`;
    case 'IN':
      return `<-${rel}-`;
    case 'BOTH':
      return `-${rel}-`;
  }
}

/** Projection that returns a relationship as a plain map with its type and endpoint ids. */
export const RELATION_PROJECTION = 'r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}';

const IDENTIFIER = /^[a-z][A-Za-z0-9]*$/;

/** A Cypher variable name written into a statement, checked (never user input, but a typo should fail loudly). */
export function variableName(variable: string): string {
  if (!IDENTIFIER.test(variable)) throw new Error(`Invalid Cypher variable "${variable}"`);
  return variable;
}

/** The stored relationship properties a RelationRecord is built from (never `graph` or the sort keys). */
const RELATION_FIELDS = ['id', 'sourceCount', 'contested'];
/** The descriptive fields: dates, stance, confidence and detail. */
const DETAIL_FIELDS = ['date', 'startDate', 'endDate', 'stance', 'confidence', 'detail'];
const EVIDENCE_FIELDS = ['evidenceSources', 'evidenceQuotes', 'evidenceStances', 'evidenceStarts'];

/**
 * Explicit projection of a relationship: only the fields a RelationRecord needs, with
 * its type and endpoint ids. Without `evidence` the four evidence lists (the bulk
 * of a relation's bytes) are left out, and the record's `evidence` comes back empty:
 * for responses that do not select it. Likewise without `details` the dates,
 * stance, confidence and detail are not read (the record has no stance and a
 * confidence of 0): for responses that select none of them. Both default to true.
 */
export function relationProjection(variable = 'r', opts: RelationShape = {}): string {
  const v = variableName(variable);
  return `${v} {${storedRelationFields(opts)
    .map((f) => `.${f}`)
    .join(', ')}, type: type(${v}), from: startNode(${v}).id, to: endNode(${v}).id}`;
}

/** Which of a relation's optional field groups a read returns (both default to true). */
export interface RelationShape {
  evidence?: boolean;
  details?: boolean;
}

function storedRelationFields(opts: RelationShape): string[] {
  return [...RELATION_FIELDS, ...(opts.details === false ? [] : DETAIL_FIELDS), ...(opts.evidence === false ? [] : EVIDENCE_FIELDS)];
}

/** The names of the values relationTuple lists, in its order. */
export function relationTupleFields(opts: RelationShape = {}): string[] {
  return [...storedRelationFields(opts), 'type', 'from', 'to'];
}

/**
 * The same fields as relationProjection, as a list instead of a map: for reads that
 * return hundreds of relations at once (the relations among a neighbourhood's
 * entities). The driver decodes each map key of every relation and defines it on
 * the object one property at a time; a list carries values only, and
 * fromTuple(relationTupleFields(opts), values) names them again in JavaScript. On
 * a 2-hop neighbourhood of the bench graph (100 entities, ~750 relations) that is
 * most of the API's decoding time.
 */
export function relationTuple(variable = 'r', opts: RelationShape = {}): string {
  const v = variableName(variable);
  return `[${storedRelationFields(opts)
    .map((f) => `${v}.${f}`)
    .join(', ')}, type(${v}), startNode(${v}).id, endNode(${v}).id]`;
}

/** Names a tuple's values (see relationTuple and entityTuple). */
export function fromTuple(fields: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) props[fields[i]!] = values[i];
  return props;
}

/** The stored node properties an EntityRecord is built from (never `graph` or the sort keys). */
const ENTITY_FIELDS = [
  'id',
  'kind',
  'name',
  'aliases',
  'description',
  'roles',
  'orgType',
  'country',
  'placeType',
  'lat',
  'lon',
  'startDate',
  'endDate',
  'placeId',
];

/** Explicit projection of an entity node: the fields toEntity reads. */
export function entityProjection(variable = 'n'): string {
  const v = variableName(variable);
  return `${v} {${ENTITY_FIELDS.map((f) => `.${f}`).join(', ')}}`;
}

/** The names of the values entityTuple lists, in its order. */
export const ENTITY_TUPLE_FIELDS: readonly string[] = ENTITY_FIELDS;

/** The fields of entityProjection as a list (see relationTuple for why). */
export function entityTuple(variable = 'n'): string {
  const v = variableName(variable);
  return `[${ENTITY_FIELDS.map((f) => `${v}.${f}`).join(', ')}]`;
}

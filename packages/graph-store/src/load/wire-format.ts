import { dateEnd, dateStart, isContested, type Entity, type Evidence, type Relation, type Stance } from '@steppe/domain';

/*
 * The wire format of a load: how entities and relations are stored (their property maps and
 * derived sort keys) and how a batch of relations travels to Neo4j (positional rows, or one
 * string split on the server). Pure functions: no driver here.
 */

export function withoutUndefined(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== null));
}

/** Storage form of an entity; events also get comparable first/last days for time filters. */
export function entityProps(entity: Entity): Record<string, unknown> {
  if (entity.kind === 'Event' && entity.startDate) {
    return withoutUndefined({
      ...entity,
      sortStart: dateStart(entity.startDate),
      sortEnd: dateEnd(entity.endDate ?? entity.startDate),
    });
  }
  return withoutUndefined({ ...entity });
}

/**
 * Stored properties of a relation, in the order of {@link relationValues}. Batches
 * send each relation as a positional list rather than a map: the driver packs and
 * Neo4j decodes a list of values about three times faster than a map repeating
 * fourteen keys per row, and encoding was most of the loader's time.
 */
export const RELATION_PROPERTIES = [
  'id',
  'date',
  'startDate',
  'endDate',
  'sortStart',
  'sortEnd',
  'stance',
  'confidence',
  'detail',
  'evidenceSources',
  'evidenceQuotes',
  'evidenceStances',
  'evidenceStarts',
  'sourceCount',
  'contested',
] as const;

/** Where an evidence item's quote starts in its source's text (load/documents.ts), if anchored. */
export type StartOf = (evidence: Evidence) => number | undefined;

/**
 * Storage form of a relation as values in {@link RELATION_PROPERTIES} order (null = not
 * stored): evidence as parallel lists with each item's stance, derived sort dates and flags.
 */
export function relationValues(relation: Relation, startOf?: StartOf): unknown[] {
  return relationValuesWith(relation, dateStart, dateEnd, startOf);
}

/** A date function that remembers its answers: a graph has few distinct dates and a million relations. */
export function memoised(fn: (value: string) => string): (value: string) => string {
  const memo = new Map<string, string>();
  return (value) => {
    let out = memo.get(value);
    if (out === undefined) {
      out = fn(value);
      if (memo.size < 100_000) memo.set(value, out);
    }
    return out;
  };
}

export function relationValuesWith(
  relation: Relation,
  firstDay: (d: string) => string,
  lastDay: (d: string) => string,
  startOf?: StartOf,
): unknown[] {
  const evidence = relation.evidence;
  const sources: string[] = new Array<string>(evidence.length);
  const quotes: string[] = new Array<string>(evidence.length);
  const stances: Stance[] = new Array<Stance>(evidence.length);
  // Offsets are stored only when every item is anchored (the lists stay parallel).
  let starts: number[] | null = startOf ? new Array<number>(evidence.length) : null;
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i]!;
    sources[i] = e.sourceId;
    quotes[i] = e.quote;
    stances[i] = e.stance ?? relation.stance;
    if (starts) {
      const start = startOf!(e);
      if (start === undefined) starts = null;
      else starts[i] = start;
    }
  }
  const first = relation.date ?? relation.startDate;
  const last = relation.date ?? relation.endDate ?? relation.startDate;
  return [
    relation.id,
    relation.date ?? null,
    relation.startDate ?? null,
    relation.endDate ?? null,
    first ? firstDay(first) : null,
    last ? lastDay(last) : null,
    relation.stance ?? null,
    relation.confidence ?? null,
    relation.detail ?? null,
    sources,
    quotes,
    stances,
    starts,
    sources.length < 2 ? sources.length : new Set(sources).size,
    isContested(stances),
  ];
}

/**
 * Separators of the one-string batch form (ASCII record, unit and group separators): rows,
 * fields of a row, items of a list field.
 */
export const ROW_SEPARATOR = '\u001e';
export const FIELD_SEPARATOR = '\u001f';
export const ITEM_SEPARATOR = '\u001d';

/** A separator as a Cypher string literal (an escape, so the statement text stays printable). */
export function cypherLiteral(separator: string): string {
  return `'\\u${separator.charCodeAt(0).toString(16).padStart(4, '0')}'`;
}

/** A string the one-string form carries unchanged: not empty (empty means null) and free of separators. */
function plainText(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    !value.includes(ROW_SEPARATOR) &&
    !value.includes(FIELD_SEPARATOR) &&
    !value.includes(ITEM_SEPARATOR)
  );
}

/** How each stored property travels in the one-string form, in RELATION_PROPERTIES order. */
export const RELATION_FIELD_TYPES: Record<(typeof RELATION_PROPERTIES)[number], 'string' | 'number' | 'boolean' | 'list' | 'integers'> = {
  id: 'string',
  date: 'string',
  startDate: 'string',
  endDate: 'string',
  sortStart: 'string',
  sortEnd: 'string',
  stance: 'string',
  confidence: 'number',
  detail: 'string',
  evidenceSources: 'list',
  evidenceQuotes: 'list',
  evidenceStances: 'list',
  evidenceStarts: 'integers',
  sourceCount: 'number',
  contested: 'boolean',
};
const RELATION_FIELD_TYPE_LIST = RELATION_PROPERTIES.map((key) => RELATION_FIELD_TYPES[key]);

/**
 * Encodes a batch of positional relation rows (see {@link relationCreateCypher}) as one string
 * for {@link relationCreateFromStringCypher}: rows joined by U+001E, fields by U+001F, list items
 * by U+001D, null as an empty field. The driver then packs one string instead of ~16 values per
 * row, and Neo4j decodes it with split(), as LOAD CSV does (measured on 100k relations: seeder
 * CPU 2.8 → 1.4 s, Neo4j CPU 7.0 → 6.2 s, see BENCHMARKS.md).
 *
 * Returns undefined when a value would not come back exactly (a string that is empty or holds a
 * separator, an empty list, a number that is not finite or is -0, a value of an unexpected
 * type): the caller then sends that batch as positional rows, which store the same properties.
 * Such text is legal in a quote, so it is never rejected and never altered.
 */
export function encodeRelationBatch(rows: readonly (readonly unknown[])[]): string | undefined {
  const types = RELATION_FIELD_TYPE_LIST;
  const lines: string[] = new Array<string>(rows.length);
  const fields: string[] = new Array<string>(types.length + 2);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length !== types.length + 2 || !plainText(row[0]) || !plainText(row[1])) return undefined;
    fields[0] = row[0];
    fields[1] = row[1];
    for (let i = 0; i < types.length; i++) {
      const value = row[i + 2];
      let field: string;
      if (value === null || value === undefined) {
        // Lists and flags are always present in the stored form; only scalars may be absent.
        if (types[i] === 'list' || types[i] === 'boolean') return undefined;
        field = '';
      } else {
        switch (types[i]) {
          case 'string':
            if (!plainText(value)) return undefined;
            field = value;
            break;
          case 'number':
            // String() gives the shortest text that parses back to the same double.
            if (typeof value !== 'number' || !Number.isFinite(value) || Object.is(value, -0)) return undefined;
            field = String(value);
            break;
          case 'boolean':
            if (typeof value !== 'boolean') return undefined;
            field = value ? 'true' : 'false';
            break;
          case 'integers':
            if (!Array.isArray(value) || value.length === 0) return undefined;
            for (const item of value) if (!Number.isSafeInteger(item) || (item as number) < 0) return undefined;
            field = value.join(ITEM_SEPARATOR);
            break;
          default: {
            if (!Array.isArray(value) || value.length === 0) return undefined;
            for (const item of value) if (!plainText(item)) return undefined;
            field = value.join(ITEM_SEPARATOR);
          }
        }
      }
      fields[i + 2] = field;
    }
    lines[r] = fields.join(FIELD_SEPARATOR);
  }
  return lines.join(ROW_SEPARATOR);
}

/** Storage form of a relation as a map: evidence as parallel lists, plus derived sort dates and flags. */
export function relationProps(relation: Relation, startOf?: StartOf): Record<string, unknown> {
  const values = relationValues(relation, startOf);
  return withoutUndefined(Object.fromEntries(RELATION_PROPERTIES.map((key, i) => [key, values[i]])));
}

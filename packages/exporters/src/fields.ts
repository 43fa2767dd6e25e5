import {
  ENTITY_KIND_INFO,
  RELATION_FAMILIES,
  dateEnd,
  dateStart,
  isContested,
  isPartialDate,
  relationTypeInfo,
  selectorAt,
  type Entity,
  type Evidence,
  type Source,
  type Stance,
  type TextSelector,
} from '@steppe/domain';
import type { ExportRelation } from './types';

/**
 * The attributes every format writes, defined once: GraphML keys, GEXF
 * attribute declarations, CSV columns and Cytoscape data fields all come from
 * these tables, so the formats cannot drift apart.
 */
export type ValueType = 'string' | 'double' | 'int' | 'boolean' | 'list';
export type Value = string | number | boolean | string[] | undefined;

export interface Field<T> {
  /** The attribute name in every format. */
  name: string;
  type: ValueType;
  description: string;
  get: (item: T) => Value;
  /** Derived for presentation (colour, label): the importer ignores it. */
  derived?: boolean;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Reads a property that only some kinds have, without widening the entity type everywhere. */
const prop = (e: Entity, key: string): unknown => (e as unknown as Record<string, unknown>)[key];

export const NODE_FIELDS: readonly Field<Entity>[] = [
  { name: 'label', type: 'string', description: 'The display name (same as name).', get: (e) => e.name, derived: true },
  { name: 'kind', type: 'string', description: 'Person, Organisation, Place or Event.', get: (e) => e.kind },
  { name: 'name', type: 'string', description: 'The name.', get: (e) => e.name },
  { name: 'aliases', type: 'list', description: 'Other spellings and transliterations.', get: (e) => e.aliases },
  { name: 'description', type: 'string', description: 'A short description.', get: (e) => str(e.description) },
  { name: 'roles', type: 'list', description: 'Offices and roles (people).', get: (e) => (e.kind === 'Person' ? e.roles : undefined) },
  { name: 'orgType', type: 'string', description: 'Kind of organisation.', get: (e) => str(prop(e, 'orgType')) },
  { name: 'placeType', type: 'string', description: 'Kind of place.', get: (e) => str(prop(e, 'placeType')) },
  { name: 'country', type: 'string', description: 'Country (organisations, places).', get: (e) => str(prop(e, 'country')) },
  { name: 'lat', type: 'double', description: 'Latitude (places).', get: (e) => num(prop(e, 'lat')) },
  { name: 'lon', type: 'double', description: 'Longitude (places).', get: (e) => num(prop(e, 'lon')) },
  {
    name: 'startDate',
    type: 'string',
    description: 'First date of an event (YYYY, YYYY-MM or YYYY-MM-DD).',
    get: (e) => str(prop(e, 'startDate')),
  },
  { name: 'endDate', type: 'string', description: 'Last date of an event.', get: (e) => str(prop(e, 'endDate')) },
  { name: 'placeId', type: 'string', description: 'Id of the place where an event happened.', get: (e) => str(prop(e, 'placeId')) },
  {
    name: 'colour',
    type: 'string',
    description: 'Colour of the kind in Steppe’s palette.',
    get: (e) => ENTITY_KIND_INFO[e.kind]?.colour,
    derived: true,
  },
  {
    name: 'shape',
    type: 'string',
    description: 'Cytoscape node shape of the kind.',
    get: (e) => ENTITY_KIND_INFO[e.kind]?.shape,
    derived: true,
  },
];

/** The stance of each piece of evidence (the relation's own where the evidence gives none). */
export function evidenceStances(r: ExportRelation): Stance[] {
  return r.evidence.map((e) => e.stance ?? r.stance);
}

export function sourceCountOf(r: ExportRelation): number {
  return r.sourceCount ?? new Set(r.evidence.map((e) => e.sourceId)).size;
}

export function contestedOf(r: ExportRelation): boolean {
  return r.contested ?? isContested(evidenceStances(r));
}

/** The first and last day a relation covers, for time intervals (GEXF, filters). */
export function relationInterval(r: ExportRelation): { start?: string; end?: string } {
  const first = r.date ?? r.startDate;
  const last = r.date ?? r.endDate ?? r.startDate;
  return {
    start: first && isPartialDate(first) ? dateStart(first) : undefined,
    end: last && isPartialDate(last) ? dateEnd(last) : undefined,
  };
}

function familyOf(r: ExportRelation) {
  try {
    return relationTypeInfo(r.type).family;
  } catch {
    return undefined;
  }
}

function labelOf(r: ExportRelation): string {
  try {
    return relationTypeInfo(r.type).label;
  } catch {
    return r.type;
  }
}

/** Edge fields; `titles` resolves source ids to titles for the human-readable citation fields. */
export function edgeFields(titles: (sourceId: string) => string | undefined): readonly Field<ExportRelation>[] {
  return [
    { name: 'relationType', type: 'string', description: 'The relation type (Steppe vocabulary).', get: (r) => r.type },
    { name: 'label', type: 'string', description: 'How the relation reads from source to target.', get: labelOf, derived: true },
    { name: 'family', type: 'string', description: 'Style family of the type.', get: familyOf, derived: true },
    { name: 'date', type: 'string', description: 'When it happened (a partial date).', get: (r) => str(r.date) },
    { name: 'startDate', type: 'string', description: 'Start of a dated range.', get: (r) => str(r.startDate) },
    { name: 'endDate', type: 'string', description: 'End of a dated range.', get: (r) => str(r.endDate) },
    { name: 'start', type: 'string', description: 'First day covered (YYYY-MM-DD).', get: (r) => relationInterval(r).start, derived: true },
    { name: 'end', type: 'string', description: 'Last day covered (YYYY-MM-DD).', get: (r) => relationInterval(r).end, derived: true },
    { name: 'stance', type: 'string', description: 'ASSERTED, CLAIMED, REPORTED or DENIED.', get: (r) => r.stance },
    {
      name: 'confidence',
      type: 'double',
      description: 'How well the evidence supports the relation (0–1).',
      get: (r) => num(r.confidence),
    },
    { name: 'detail', type: 'string', description: 'Office, allegation or other detail.', get: (r) => str(r.detail) },
    { name: 'sourceCount', type: 'int', description: 'Number of distinct sources.', get: sourceCountOf },
    { name: 'contested', type: 'boolean', description: 'Some sources support it and some deny it.', get: contestedOf },
    {
      name: 'evidenceSources',
      type: 'list',
      description: 'Source id of each piece of evidence.',
      get: (r) => r.evidence.map((e) => e.sourceId),
    },
    {
      name: 'evidenceQuotes',
      type: 'list',
      description: 'Verbatim quote of each piece of evidence.',
      get: (r) => r.evidence.map((e) => e.quote),
    },
    { name: 'evidenceStances', type: 'list', description: 'Stance of each piece of evidence.', get: evidenceStances },
    {
      name: 'evidenceStarts',
      type: 'list',
      description: 'Where each quote starts in its source’s text (UTF-16 code units; empty when not anchored).',
      get: (r) => r.evidence.map((e) => String(evidenceStart(e) ?? '')),
    },
    {
      name: 'evidenceEnds',
      type: 'list',
      description: 'Where each quote ends in its source’s text (exclusive: text.slice(start, end) is the quote).',
      get: (r) =>
        r.evidence.map((e) => {
          const start = evidenceStart(e);
          return start === undefined ? '' : String(start + e.quote.length);
        }),
    },
    {
      name: 'sourceTitles',
      type: 'list',
      description: 'Title of the source of each piece of evidence.',
      get: (r) => r.evidence.map((e) => titles(e.sourceId) ?? e.sourceId),
      derived: true,
    },
    {
      name: 'colour',
      type: 'string',
      description: 'Colour of the relation family.',
      get: (r) => {
        const f = familyOf(r);
        return f ? RELATION_FAMILIES[f].colour : undefined;
      },
      derived: true,
    },
  ];
}

export const SOURCE_FIELDS: readonly Field<Source>[] = [
  { name: 'title', type: 'string', description: 'Title of the document.', get: (s) => s.title },
  { name: 'outlet', type: 'string', description: 'Outlet.', get: (s) => str(s.outlet) },
  { name: 'author', type: 'string', description: 'Author.', get: (s) => str(s.author) },
  { name: 'publishedAt', type: 'string', description: 'Publication date.', get: (s) => str(s.publishedAt) },
  { name: 'languages', type: 'list', description: 'Languages (BCP 47).', get: (s) => s.languages },
  { name: 'url', type: 'string', description: 'Address.', get: (s) => str(s.url) },
];

/** Where an evidence item's quote starts in its source's text: the store's `start`, or a selector's. */
export function evidenceStart(e: Evidence): number | undefined {
  const stored = (e as Evidence & { start?: number }).start;
  return typeof stored === 'number' ? stored : e.selector?.start;
}

/** The quote's selector (offsets and up to 32 characters of context), when its source's text is known. */
export function evidenceSelector(e: Evidence, text: string | undefined): TextSelector | undefined {
  const start = evidenceStart(e);
  if (start === undefined || text === undefined || text.slice(start, start + e.quote.length) !== e.quote) return e.selector;
  return selectorAt(text, start, start + e.quote.length);
}

/** Source ids in the order they are first cited. */
export class CitationTracker {
  private readonly order = new Map<string, number>();
  private readonly catalogue: Map<string, Source>;

  constructor(sources: readonly Source[]) {
    this.catalogue = new Map(sources.map((s) => [s.id, s]));
  }

  title = (id: string): string | undefined => this.catalogue.get(id)?.title;

  /** The source's full text, when the export carries it. */
  text = (id: string): string | undefined => this.catalogue.get(id)?.text;

  cite(r: ExportRelation): void {
    for (const e of r.evidence) if (!this.order.has(e.sourceId)) this.order.set(e.sourceId, this.order.size + 1);
  }

  /** 1-based citation number of a source. */
  number(id: string): number | undefined {
    return this.order.get(id);
  }

  /** Cited sources, in citation order; a cited id missing from the catalogue gets a stub. */
  cited(): Source[] {
    return [...this.order.keys()].map((id) => this.catalogue.get(id) ?? { id, title: id, languages: [] });
  }
}

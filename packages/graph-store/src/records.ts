import type { Entity, EntityKind, Evidence, Mention, Relation, RelationType, Source, Stance } from '@steppe/domain';

/** A relation as read back from the store, with every evidence item's stance resolved and derived facts. */
export interface RelationRecord extends Omit<Relation, 'evidence'> {
  evidence: StoredEvidence[];
  sourceCount: number;
  contested: boolean;
}

/**
 * An evidence item as stored: its stance resolved, and where its quote starts in the source's
 * text (absent when the source was loaded without a text). The quote ends at start + quote.length.
 */
export type StoredEvidence = Required<Pick<Evidence, 'sourceId' | 'quote' | 'stance'>> & { start?: number };

/** A source as stored: its metadata, its text and where the dataset's entities are named in it. */
export interface SourceRecord extends Source {
  mentions: Mention[];
}

export type EntityRecord = Entity;

type Props = Record<string, unknown>;

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Maps a node's properties back to the domain's entity shape (dropping storage-only fields). */
export function toEntity(props: Props): EntityRecord {
  const base = {
    id: String(props.id),
    kind: props.kind as EntityKind,
    name: String(props.name),
    aliases: (props.aliases as string[] | undefined) ?? [],
    description: String(props.description ?? ''),
  };
  switch (base.kind) {
    case 'Person':
      return { ...base, kind: 'Person', roles: (props.roles as string[] | undefined) ?? [] };
    case 'Organisation':
      return { ...base, kind: 'Organisation', orgType: optionalString(props.orgType), country: optionalString(props.country) };
    case 'Place':
      return {
        ...base,
        kind: 'Place',
        placeType: optionalString(props.placeType),
        country: optionalString(props.country),
        lat: typeof props.lat === 'number' ? props.lat : undefined,
        lon: typeof props.lon === 'number' ? props.lon : undefined,
      };
    case 'Event':
      return {
        ...base,
        kind: 'Event',
        startDate: optionalString(props.startDate),
        endDate: optionalString(props.endDate),
        placeId: optionalString(props.placeId),
      };
    default:
      throw new Error(`Stored entity ${base.id} has unknown kind ${String(props.kind)}`);
  }
}

/** Maps a relationship's properties (plus type and endpoint ids) to a RelationRecord. */
export function toRelation(props: Props): RelationRecord {
  const sources = (props.evidenceSources as string[] | undefined) ?? [];
  const quotes = (props.evidenceQuotes as string[] | undefined) ?? [];
  const stances = (props.evidenceStances as Stance[] | undefined) ?? [];
  const starts = (props.evidenceStarts as unknown[] | undefined) ?? [];
  return {
    id: String(props.id),
    type: props.type as RelationType,
    from: String(props.from),
    to: String(props.to),
    date: optionalString(props.date),
    startDate: optionalString(props.startDate),
    endDate: optionalString(props.endDate),
    stance: props.stance as Stance,
    confidence: Number(props.confidence ?? 0),
    detail: optionalString(props.detail),
    evidence: sources.map((sourceId, i) => ({
      sourceId,
      quote: quotes[i] ?? '',
      stance: stances[i] ?? (props.stance as Stance),
      ...(starts[i] === undefined || starts[i] === null ? {} : { start: Number(starts[i]) }),
    })),
    sourceCount: Number(props.sourceCount ?? new Set(sources).size),
    contested: Boolean(props.contested),
  };
}

export function toSource(props: Props): SourceRecord {
  const starts = (props.mentionStarts as unknown[] | undefined) ?? [];
  const ends = (props.mentionEnds as unknown[] | undefined) ?? [];
  const ids = (props.mentionEntityIds as string[] | undefined) ?? [];
  return {
    id: String(props.id),
    title: String(props.title ?? props.id),
    outlet: optionalString(props.outlet),
    author: optionalString(props.author),
    publishedAt: optionalString(props.publishedAt),
    languages: (props.languages as string[] | undefined) ?? [],
    url: optionalString(props.url),
    text: typeof props.text === 'string' ? props.text : undefined,
    mentions: ids.map((entityId, i) => ({ entityId, start: Number(starts[i]), end: Number(ends[i]) })),
  };
}

import type { EntityKind } from './kinds';
import type { RelationType } from './relations';
import type { Stance } from './claims';
import type { TextSelector } from './anchors';

/** Where a claim comes from: one document, identified by its file name. */
export interface Source {
  id: string;
  title: string;
  /** The outlet or author as the document states them; absent when it names neither. */
  outlet?: string;
  author?: string;
  /** Publication date (a partial date) when the document states one. */
  publishedAt?: string;
  /** BCP 47 language tags of the text, e.g. ["en", "ru"]. */
  languages: string[];
  url?: string;
  /**
   * The document's full text, as stored with each generation. Present in the
   * loader's input and in what the store returns; records that only cite the
   * source (e.g. an export without texts) leave it out.
   */
  text?: string;
}

interface EntityBase {
  /** Stable slug id, e.g. "kassym-jomart-tokayev". */
  id: string;
  kind: EntityKind;
  name: string;
  /** Other spellings and transliterations found in the sources. */
  aliases: string[];
  description: string;
}

export interface Person extends EntityBase {
  kind: 'Person';
  roles: string[];
}

export interface Organisation extends EntityBase {
  kind: 'Organisation';
  orgType?: string;
  country?: string;
}

export interface Place extends EntityBase {
  kind: 'Place';
  placeType?: string;
  country?: string;
  lat?: number;
  lon?: number;
}

export interface EventEntity extends EntityBase {
  kind: 'Event';
  startDate?: string;
  endDate?: string;
  /** Id of the Place where the event happened. */
  placeId?: string;
}

export type Entity = Person | Organisation | Place | EventEntity;

export interface Evidence {
  sourceId: string;
  /** Verbatim quote from the source, at most MAX_QUOTE_LENGTH characters. */
  quote: string;
  /** This source's stance when it differs from the relation's. */
  stance?: Stance;
  /** Which occurrence of the quote in its document is meant (1-based); given when the quote occurs more than once. */
  occurrence?: number;
  /** Where the quote sits in its document's text: computed by the loader (anchorQuote), returned by the store. */
  selector?: TextSelector;
}

export interface Relation {
  /** Stable id, e.g. "tokayev-requested-aid-from-csto". */
  id: string;
  type: RelationType;
  from: string;
  to: string;
  /** When it happened (not when it was reported): a single date, or a range. */
  date?: string;
  startDate?: string;
  endDate?: string;
  stance: Stance;
  /** 0–1: how well the evidence supports the relation as stated. */
  confidence: number;
  /** Office, allegation or other detail the type leaves open, e.g. "Chairman of the Security Council". */
  detail?: string;
  evidence: Evidence[];
}

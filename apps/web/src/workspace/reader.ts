import type { DocumentData, EvidenceData, RelationData, TextRange } from '../api/types';

/**
 * What the explorer asks the document reader to open: a document, at a passage (the quote the analyst came
 * from, or a search hit). Pure data, so commands and the search can build it without React.
 */
export interface ReaderRequest {
  sourceId: string;
  /** The passage to open at (marked as current and scrolled into view); null opens at the top. */
  focus: TextRange | null;
  /** Changes with every request, so opening the same passage again scrolls to it again. */
  serial: number;
}

let serial = 0;

export function readerRequest(sourceId: string, focus: TextRange | null): ReaderRequest {
  serial += 1;
  return { sourceId, focus, serial };
}

/** The quotes of a relation that can be read in their document (those whose place in the text is known). */
export function anchoredEvidence(relation: RelationData | undefined): EvidenceData[] {
  return relation ? relation.evidence.filter((e) => e.selector !== undefined) : [];
}

/** One evidence item of a document: where its quote sits and the relation it is cited for. */
export interface CitedPassage extends TextRange {
  relation: RelationData;
  quote: string;
}

/** Every passage of the document that one of its relations cites it for, in document order. */
export function citedPassages(doc: DocumentData): CitedPassage[] {
  const out: CitedPassage[] = [];
  for (const relation of doc.relations) {
    for (const e of relation.evidence) {
      if (e.source.id === doc.document.id && e.selector)
        out.push({ relation, quote: e.quote, start: e.selector.start, end: e.selector.end });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

import type { Session } from 'neo4j-driver';
import { anchorQuote, findMentions, rangesOverlap, spellingIndex, splitPassages, type Evidence } from '@steppe/domain';
import { chunks, type GraphData, type Progress } from './plan';
import { withoutUndefined } from './wire-format';

/*
 * The documents of a load: every source's text is stored with its generation, each quote is
 * anchored in it (start offset; the end is start + quote length), the text is cut into passages
 * for document search, and the dataset's names are recognised in it. All of it is computed before
 * anything is written, so a quote that does not anchor stops the load with nothing written.
 */

/** Relation ids kept on a passage (its relationCount says how many overlap in all). */
export const PASSAGE_RELATION_CAP = 100;

/** Where each evidence item's quote starts in its source's text (absent when the source carries no text). */
export type EvidenceAnchors = Map<Evidence, number>;

export class UnanchoredQuoteError extends Error {}

/**
 * Anchors every quote whose source has a text. A quote that is not in the text, or occurs more than
 * once without naming its occurrence, fails the load, listing up to five.
 */
export function anchorEvidence(data: GraphData): EvidenceAnchors {
  const texts = new Map<string, string>();
  for (const s of data.sources) if (typeof s.text === 'string') texts.set(s.id, s.text);
  const anchors: EvidenceAnchors = new Map();
  const problems: string[] = [];
  let failed = 0;
  for (const r of data.relations) {
    for (const e of r.evidence) {
      const text = texts.get(e.sourceId);
      if (text === undefined) continue;
      const anchor = anchorQuote(text, e.quote, e.occurrence);
      if (anchor.ok) {
        anchors.set(e, anchor.selector.start);
      } else {
        failed++;
        if (problems.length < 5) problems.push(`${r.id}: ${JSON.stringify(e.quote.slice(0, 60))} in ${e.sourceId} (${anchor.problem})`);
      }
    }
  }
  if (failed > 0) {
    throw new UnanchoredQuoteError(
      `${failed} quote(s) cannot be anchored in their source's text, nothing was loaded: ${problems.join('; ')}`,
    );
  }
  return anchors;
}

/** Stored properties of a source: its metadata and text, and where the dataset's entities are named in it. */
export function sourceRows(data: GraphData): Record<string, unknown>[] {
  const index = spellingIndex(data.entities);
  return data.sources.map((s) => {
    const mentions = typeof s.text === 'string' ? findMentions(s.text, index) : [];
    return withoutUndefined({
      ...s,
      mentionStarts: mentions.map((m) => m.start),
      mentionEnds: mentions.map((m) => m.end),
      mentionEntityIds: mentions.map((m) => m.entityId),
    });
  });
}

/** One searchable passage of a document, with the relations whose evidence overlaps it. */
export interface PassageRow {
  sourceId: string;
  start: number;
  end: number;
  text: string;
  relationIds: string[];
  relationFroms: string[];
  relationCount: number;
}

export function passageRows(data: GraphData, anchors: EvidenceAnchors): PassageRow[] {
  const cited = new Map<string, { start: number; end: number; id: string; from: string }[]>();
  for (const r of data.relations) {
    for (const e of r.evidence) {
      const start = anchors.get(e);
      if (start === undefined) continue;
      const list = cited.get(e.sourceId) ?? [];
      list.push({ start, end: start + e.quote.length, id: r.id, from: r.from });
      cited.set(e.sourceId, list);
    }
  }
  const rows: PassageRow[] = [];
  for (const s of data.sources) {
    if (typeof s.text !== 'string') continue;
    const evidence = cited.get(s.id) ?? [];
    for (const p of splitPassages(s.text)) {
      const seen = new Map<string, string>();
      for (const e of evidence) if (rangesOverlap(p, e) && !seen.has(e.id)) seen.set(e.id, e.from);
      const kept = [...seen].slice(0, PASSAGE_RELATION_CAP);
      rows.push({
        sourceId: s.id,
        start: p.start,
        end: p.end,
        text: s.text.slice(p.start, p.end),
        relationIds: kept.map(([id]) => id),
        relationFroms: kept.map(([, from]) => from),
        relationCount: seen.size,
      });
    }
  }
  return rows;
}

/** Merges one batch of sources (parameter `$rows`: maps of stored properties) into a generation. */
export const SOURCE_MERGE_CYPHER = 'UNWIND $rows AS row MERGE (s:Source {graph: $generation, id: row.id}) SET s += row';

/** Merges one batch of passages (keyed by source and start, so a retried batch never duplicates one). */
export const PASSAGE_MERGE_CYPHER =
  'UNWIND $rows AS row MERGE (p:Passage {graph: $generation, sourceId: row.sourceId, start: row.start}) SET p += row';

/** Writes the sources (with their texts) and their passages into the new generation. */
export async function writeSources(
  session: Session,
  data: GraphData,
  anchors: EvidenceAnchors,
  generation: string,
  batchSize: number,
  progress: Progress,
): Promise<void> {
  const sources = sourceRows(data);
  const passages = passageRows(data, anchors);
  const total = sources.length + passages.length;
  let done = 0;
  for (const rows of chunks(sources, batchSize)) {
    await session.executeWrite((tx) => tx.run(SOURCE_MERGE_CYPHER, { rows, generation }));
    progress({ phase: 'sources', done: (done += rows.length), total });
  }
  for (const rows of chunks(passages, batchSize)) {
    await session.executeWrite((tx) => tx.run(PASSAGE_MERGE_CYPHER, { rows, generation }));
    progress({ phase: 'sources', done: (done += rows.length), total });
  }
}

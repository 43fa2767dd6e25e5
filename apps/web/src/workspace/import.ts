import { isContested, relationTypeInfo, type Entity, type Stance } from '@steppe/domain';
import { ImportError, parseExport } from '@steppe/exporters/import';
import type { EntityDetail, EntitySummary, EvidenceData, RelationData, SourceData } from '../api/types';
import type { GraphState } from './state';

/**
 * Reading a Steppe export (JSON .cyjs or GraphML) back into the explorer.
 * Parsing is @steppe/exporters' `parseExport` (it checks kinds, relation
 * types, stances and every edge's ends against the vocabulary); this module
 * turns its result into the explorer's own records, so imported entities and
 * relations are drawn, filtered and explained like fetched ones.
 */

export type ImportedGraph = ReturnType<typeof parseExport>;

/** Most entities one import may put on the canvas (the API's cap for one view). */
export const MAX_IMPORT_ENTITIES = 500;
/** Larger files are refused before they are read. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** What one file brings, ready for the workspace. */
export interface ImportBatch {
  fileName: string;
  title: string;
  /** Entity ids of the file, in its order (what goes on the canvas). */
  ids: string[];
  /** Records the explorer does not hold yet (known ones are kept as they are). */
  entities: EntityDetail[];
  relations: RelationData[];
  /** How many relations the file holds (known ones included). */
  relationCount: number;
}

/** Parses a file's text; a bad file throws an ImportError whose message names the file and what is wrong. */
export function readImportFile(fileName: string, text: string): ImportedGraph {
  try {
    const graph = parseExport(text);
    if (graph.nodes.length === 0) throw new ImportError('It holds no entities.');
    if (graph.nodes.length > MAX_IMPORT_ENTITIES) {
      throw new ImportError(
        `It holds ${graph.nodes.length} entities; the explorer shows at most ${MAX_IMPORT_ENTITIES} at once. Import a smaller export.`,
      );
    }
    return graph;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(`“${fileName}” could not be imported. ${reason}`);
  }
}

function summaryOf(e: Entity): EntitySummary {
  return { id: e.id, kind: e.kind, name: e.name, aliases: [...e.aliases], description: e.description };
}

function detailOf(e: Entity): EntityDetail {
  const facts: EntityDetail['facts'] = {};
  switch (e.kind) {
    case 'Person':
      facts.roles = [...e.roles];
      break;
    case 'Organisation':
      facts.orgType = e.orgType ?? null;
      facts.country = e.country ?? null;
      break;
    case 'Place':
      facts.placeType = e.placeType ?? null;
      facts.country = e.country ?? null;
      break;
    case 'Event':
      facts.startDate = e.startDate ?? null;
      facts.endDate = e.endDate ?? null;
      break;
  }
  return { ...summaryOf(e), facts };
}

/**
 * The file's content as explorer records. Entities and relations the
 * explorer already holds (fetched from the API, or imported before) are not
 * replaced: what the live graph says wins over a file; the file adds what is
 * missing. Relation ends point at the held record when there is one.
 */
export function importBatch(fileName: string, graph: ImportedGraph, known: GraphState): ImportBatch {
  const sources = new Map(graph.sources.map((s) => [s.id, s]));
  const fromFile = new Map(graph.nodes.map((e) => [e.id, e]));
  const endOf = (id: string): EntitySummary => {
    const held = known.entities[id];
    if (held) return held;
    return summaryOf(fromFile.get(id)!);
  };
  const sourceOf = (id: string): SourceData => {
    const s = sources.get(id);
    return { id, title: s?.title ?? id, outlet: s?.outlet ?? null, publishedAt: s?.publishedAt ?? null, url: s?.url ?? null };
  };
  const entities = graph.nodes.filter((e) => !known.entities[e.id]).map(detailOf);
  const relations = graph.edges
    .filter((r) => !known.relations[r.id])
    .map((r): RelationData => {
      const evidence: EvidenceData[] = r.evidence.map((ev) => ({
        quote: ev.quote,
        stance: (ev.stance ?? r.stance) as Stance,
        source: sourceOf(ev.sourceId),
      }));
      return {
        id: r.id,
        type: r.type,
        label: relationTypeInfo(r.type).label,
        from: endOf(r.from),
        to: endOf(r.to),
        date: r.date ?? null,
        startDate: r.startDate ?? null,
        endDate: r.endDate ?? null,
        stance: r.stance,
        confidence: r.confidence,
        detail: r.detail ?? null,
        sourceCount: r.sourceCount ?? new Set(r.evidence.map((ev) => ev.sourceId)).size,
        contested: r.contested ?? isContested(evidence.map((ev) => ev.stance)),
        evidence,
      };
    });
  return {
    fileName,
    title: graph.meta.title,
    ids: graph.nodes.map((e) => e.id),
    entities,
    relations,
    relationCount: graph.edges.length,
  };
}

/** "Imported 12 entities and 20 relations from “x.cyjs”." plus what the API does not know. */
export function importSummary(
  batch: Pick<ImportBatch, 'fileName' | 'ids' | 'relationCount'>,
  fileOnly: number,
  apiChecked: boolean,
): string {
  const entities = batch.ids.length === 1 ? '1 entity' : `${batch.ids.length} entities`;
  const relations = batch.relationCount === 1 ? '1 relation' : `${batch.relationCount} relations`;
  let text = `Imported ${entities} and ${relations} from “${batch.fileName}”.`;
  if (!apiChecked) text += ' The API could not be asked which of them its graph holds; expanding them needs it.';
  else if (fileOnly > 0) {
    text += ` ${fileOnly} of them ${fileOnly === 1 ? 'is' : 'are'} not in the API’s graph: shown as the file has ${fileOnly === 1 ? 'it' : 'them'}, not expandable, and left out of reports and data files.`;
  }
  return text;
}

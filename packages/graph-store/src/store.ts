import neo4j from 'neo4j-driver';
import { isEntityKind, type EntityKind } from '@steppe/domain';
import { ACTIVE_GENERATION, assertGraphName } from './generations';
import { createExplorer } from './explore';
import { createListing } from './listing';
import { entityProjection, hopPattern, relationProjection, RELATION_PROJECTION, type Direction } from './patterns';
import { toEntity, toRelation, toSource, type EntityRecord, type RelationRecord, type SourceRecord } from './records';
import { CONTESTED_COUNT_KEY } from './load';
import { relationListQuery, type RelationListFilter } from './relation-list';
import { createReadRunner, type RunnerOptions } from './runner';
import { PASSAGE_INDEX, SEARCH_INDEX } from './schema';
import { snippetOf, type Snippet } from './snippets';
import { buildLooseLuceneQuery, buildLuceneQuery, buildPassageQuery, buildSuggestionQuery, nameKey, nameMatchTier } from './search-query';

export interface GraphStoreOptions extends RunnerOptions {
  /** Logical graph to read (default "steppe"). */
  graph?: string;
}

export interface SearchHit {
  entity: EntityRecord;
  score: number;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
}

export interface RelationsQuery {
  types?: readonly string[];
  direction?: Direction;
  offset: number;
  limit: number;
  /** Include each relation's evidence lists (default true); false leaves `evidence` empty. */
  evidence?: boolean;
}

/** A passage of a document that matches a document search. */
export interface PassageHit {
  sourceId: string;
  /** The passage's range in its document's text. */
  start: number;
  end: number;
  score: number;
  snippet: Snippet;
  /** Relations whose evidence overlaps the passage (at most `relationLimit`), and how many there are. */
  relations: RelationRecord[];
  relationCount: number;
}

/** Upper bound on full-text hits considered for ranking and paging. */
const MAX_SEARCH_HITS = 1_000;
/** "Did you mean": at most this many entities with close names when nothing matches. */
export const MAX_SUGGESTIONS = 5;
/** Added to the score per name-match tier, so that the reported score follows the ranking. */
const NAME_MATCH_BONUS = 100;

export function createGraphStore(options: GraphStoreOptions) {
  const graph = options.graph ?? 'steppe';
  assertGraphName(graph);
  const read = createReadRunner(options);

  /** Entities by id, in one query; missing ids are simply absent from the map. */
  async function entitiesByIds(ids: readonly string[]): Promise<Map<string, EntityRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await read(
      `${ACTIVE_GENERATION}
       UNWIND $ids AS id
       MATCH (n:Entity {graph: g, id: id})
       RETURN ${entityProjection('n')} AS props`,
      { graph, ids: [...new Set(ids)] },
    );
    const map = new Map<string, EntityRecord>();
    for (const row of rows) {
      const entity = toEntity(row.props as Record<string, unknown>);
      map.set(entity.id, entity);
    }
    return map;
  }

  return {
    graph,
    ...createExplorer(read, graph),
    ...createListing(read, graph),

    /** Counts and load time of the active generation. */
    async stats() {
      const rows = await read(
        `MATCH (sg:SteppeGraph {name: $graph})
         RETURN sg.entities AS entities, sg.relations AS relations, sg.sources AS sources, toString(sg.loadedAt) AS loadedAt`,
        { graph },
      );
      const row = rows[0];
      return {
        entities: Number(row?.entities ?? 0),
        relations: Number(row?.relations ?? 0),
        sources: Number(row?.sources ?? 0),
        loadedAt: (row?.loadedAt as string | undefined) ?? null,
      };
    },

    /** Every source, with how many relations cite it. */
    async sources(): Promise<(SourceRecord & { relationCount: number })[]> {
      const rows = await read(
        `${ACTIVE_GENERATION}
         MATCH (s:Source) WHERE s.graph = g AND s.id IS NOT NULL
         CALL (s, g) {
           MATCH (a:Entity)-[r]->() WHERE a.graph = g AND a.id IS NOT NULL AND s.id IN r.evidenceSources RETURN count(r) AS relationCount
         }
         RETURN properties(s) AS props, relationCount ORDER BY s.id`,
        { graph },
      );
      return rows.map((row) => ({ ...toSource(row.props as Record<string, unknown>), relationCount: Number(row.relationCount) }));
    },

    /** One page of the relations a source is cited for. */
    async relationsCitingSource(sourceId: string, offset: number, limit: number): Promise<Page<RelationRecord>> {
      const rows = await read(
        `${ACTIVE_GENERATION}
         MATCH (a:Entity)-[r]->()
         WHERE a.graph = g AND a.id IS NOT NULL AND $sourceId IN r.evidenceSources
         WITH r ORDER BY r.sortStart, r.id
         WITH collect(r) AS found
         RETURN size(found) AS total, [r IN found[$offset..$offset + $limit] | ${RELATION_PROJECTION}] AS page`,
        { graph, sourceId, offset: neo4j.int(offset), limit: neo4j.int(limit) },
      );
      const row = rows[0];
      return {
        totalCount: Number(row?.total ?? 0),
        items: ((row?.page as Record<string, unknown>[] | undefined) ?? []).map(toRelation),
      };
    },

    /** One page of the relations across the graph that pass the filter, in time order, with the total. */
    async relations(filter: RelationListFilter): Promise<Page<RelationRecord>> {
      const { cypher, params } = relationListQuery(graph, filter);
      const rows = await read(cypher, params);
      const row = rows[0];
      return {
        totalCount: Number(row?.total ?? 0),
        items: ((row?.page as Record<string, unknown>[] | undefined) ?? []).map(toRelation),
      };
    },

    /**
     * Ranked full-text search over names, aliases, roles, types and descriptions.
     * Every word must match (stop words aside); when no entity has them all, any
     * word may. Within that, an entity whose name (then an alias) is the query
     * comes first, then the index's score. When nothing matches, `suggestions`
     * holds the entities with the closest names.
     */
    async search(
      query: string,
      opts: { kinds?: readonly EntityKind[]; offset: number; limit: number },
    ): Promise<Page<SearchHit> & { suggestions: EntityRecord[] }> {
      const kinds = opts.kinds && opts.kinds.length > 0 ? [...opts.kinds] : null;
      const candidates = async (lucene: string | undefined, maxHits = MAX_SEARCH_HITS) => {
        if (!lucene) return [];
        const rows = await read(
          `${ACTIVE_GENERATION}
           CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $maxHits}) YIELD node, score
           WHERE node.graph = g AND ($kinds IS NULL OR node.kind IN $kinds)
           RETURN node.id AS id, node.name AS name, coalesce(node.aliases, []) AS aliases, score`,
          { graph, index: SEARCH_INDEX, lucene, maxHits: neo4j.int(maxHits), kinds },
        );
        return rows.map((r) => ({ id: String(r.id), name: String(r.name), aliases: r.aliases as string[], score: Number(r.score) }));
      };

      let found = await candidates(buildLuceneQuery(query));
      if (found.length === 0) found = await candidates(buildLooseLuceneQuery(query));
      const key = nameKey(query);
      const ranked = found
        .map((c) => ({ ...c, tier: nameMatchTier(key, c.name, c.aliases) }))
        .sort((a, b) => b.tier - a.tier || b.score - a.score || a.name.localeCompare(b.name));
      const page = ranked.slice(opts.offset, opts.offset + opts.limit);

      let suggestions: EntityRecord[] = [];
      if (found.length === 0) {
        const close = await candidates(buildSuggestionQuery(query), MAX_SUGGESTIONS * 4);
        const ids = [...new Set(close.map((c) => c.id))].slice(0, MAX_SUGGESTIONS);
        const byId = await entitiesByIds(ids);
        suggestions = ids.map((id) => byId.get(id)).filter((e): e is EntityRecord => e !== undefined);
      }
      const entities = await entitiesByIds(page.map((h) => h.id));
      return {
        totalCount: ranked.length,
        items: page.flatMap((h) => {
          const entity = entities.get(h.id);
          return entity ? [{ entity, score: h.score + h.tier * NAME_MATCH_BONUS }] : [];
        }),
        suggestions,
      };
    },

    /**
     * Full-text search inside the documents, passage by passage (paragraphs, see splitPassages):
     * the best passages with a highlighted snippet and the relations whose evidence overlaps them.
     */
    async searchDocuments(query: string, opts: { limit: number; relationLimit: number }): Promise<Page<PassageHit>> {
      const lucene = buildPassageQuery(query);
      if (!lucene) return { items: [], totalCount: 0 };
      const rows = await read(
        `${ACTIVE_GENERATION}
         CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $maxHits}) YIELD node, score
         WHERE node.graph = g
         WITH g, node, score ORDER BY score DESC, node.sourceId, node.start
         WITH g, collect({node: node, score: score}) AS hits
         CALL (g, hits) {
           UNWIND hits[0..$limit] AS hit
           WITH g, hit.node AS p, hit.score AS score
           CALL (g, p) {
             UNWIND range(0, size(p.relationIds) - 1) AS i
             WITH g, p, i LIMIT $relationLimit
             MATCH (a:Entity {graph: g, id: p.relationFroms[i]})-[r]->()
             WHERE r.id = p.relationIds[i]
             RETURN collect(${relationProjection('r')}) AS relations
           }
           RETURN collect({sourceId: p.sourceId, start: p.start, end: p.end, text: p.text, score: score,
                           relationCount: p.relationCount, relations: relations}) AS page
         }
         RETURN size(hits) AS total, page`,
        {
          graph,
          index: PASSAGE_INDEX,
          lucene,
          maxHits: neo4j.int(MAX_SEARCH_HITS),
          limit: neo4j.int(opts.limit),
          relationLimit: neo4j.int(opts.relationLimit),
        },
      );
      const row = rows[0];
      if (!row) return { items: [], totalCount: 0 };
      const page = row.page as {
        sourceId: string;
        start: unknown;
        end: unknown;
        text: string;
        score: number;
        relationCount: unknown;
        relations: Record<string, unknown>[];
      }[];
      const items = page.map((p) => {
        const start = Number(p.start);
        return {
          sourceId: p.sourceId,
          start,
          end: Number(p.end),
          score: p.score,
          snippet: snippetOf(p.text, start, query),
          relations: p.relations.map(toRelation),
          relationCount: Number(p.relationCount ?? p.relations.length),
        };
      });
      items.sort((a, b) => b.score - a.score || a.sourceId.localeCompare(b.sourceId) || a.start - b.start);
      return { totalCount: Number(row.total), items };
    },

    /** Entities by id, in one query; missing ids are simply absent from the map. */
    entitiesByIds,

    /**
     * One page of relations for each of several entities, in one query (no N+1):
     * the API batches Entity.relations for every entity in a response through this.
     */
    async relationsOf(ids: readonly string[], q: RelationsQuery): Promise<Map<string, Page<RelationRecord>>> {
      if (ids.length === 0) return new Map();
      const hop = hopPattern(q.direction ?? 'BOTH', q.types);
      const rows = await read(
        `${ACTIVE_GENERATION}
         UNWIND $ids AS id
         MATCH (n:Entity {graph: g, id: id})
         CALL (n) {
           MATCH (n)${hop}(m:Entity)
           WITH r ORDER BY type(r), coalesce(r.sortStart, '9999'), r.id
           WITH collect(r) AS found
           RETURN size(found) AS total, [r IN found[$offset..$offset + $limit] | ${relationProjection('r', { evidence: q.evidence })}] AS page
         }
         RETURN id, total, page`,
        { graph, ids: [...new Set(ids)], offset: neo4j.int(q.offset), limit: neo4j.int(q.limit) },
      );
      const map = new Map<string, Page<RelationRecord>>();
      for (const row of rows) {
        map.set(String(row.id), {
          totalCount: Number(row.total),
          items: (row.page as Record<string, unknown>[]).map(toRelation),
        });
      }
      return map;
    },

    /** Sources by id, in one query. */
    async sourcesByIds(ids: readonly string[]): Promise<Map<string, SourceRecord>> {
      if (ids.length === 0) return new Map();
      const rows = await read(
        `${ACTIVE_GENERATION}
         UNWIND $ids AS id
         MATCH (s:Source {graph: g, id: id})
         RETURN properties(s) AS props`,
        { graph, ids: [...new Set(ids)] },
      );
      return new Map(
        rows.map((row) => {
          const source = toSource(row.props as Record<string, unknown>);
          return [source.id, source];
        }),
      );
    },

    /** How many entities of each kind and relations of each type the graph holds (recorded at load time). */
    /**
     * The counts stored when the graph was loaded: entities per kind, relations
     * per type, and contested relations (null for a graph loaded before that
     * count was stored).
     */
    async vocabularyCounts(): Promise<{ kinds: Map<string, number>; types: Map<string, number>; contested: number | null }> {
      const rows = await read('MATCH (sg:SteppeGraph {name: $graph}) RETURN sg.countKeys AS keys, sg.countValues AS values', { graph });
      const keys = (rows[0]?.keys as string[] | undefined) ?? [];
      const values = (rows[0]?.values as number[] | undefined) ?? [];
      const kinds = new Map<string, number>();
      const types = new Map<string, number>();
      let contested: number | null = null;
      keys.forEach((key, i) => {
        const value = Number(values[i] ?? 0);
        if (key === CONTESTED_COUNT_KEY) contested = value;
        else (isEntityKind(key) ? kinds : types).set(key, value);
      });
      return { kinds, types, contested };
    },

    /** How many relations their sources disagree about: the stored count, else counted now. */
    async contestedCount(): Promise<number> {
      const { contested } = await this.vocabularyCounts();
      return contested ?? (await this.relations({ contested: true, offset: 0, limit: 1 })).totalCount;
    },
  };
}

export type GraphStore = ReturnType<typeof createGraphStore>;

import neo4j from 'neo4j-driver';
import type { EntityKind } from '@steppe/domain';
import { ACTIVE_GENERATION } from './generations';
import { HUB_NEIGHBOUR_KEYS, HUB_RELATION_KEYS } from './hubs';
import {
  entityProjection,
  entityTuple,
  ENTITY_TUPLE_FIELDS,
  fromTuple,
  hopPattern,
  relationProjection,
  relationTuple,
  relationTupleFields,
  relTypeAlternation,
  RELATION_PROJECTION,
  type Direction,
  type RelationShape,
  variableName,
} from './patterns';
import { toEntity, toRelation, type EntityRecord, type RelationRecord } from './records';
import type { ReadRunner } from './runner';

export interface RelationFilter {
  types?: readonly string[];
  kinds?: readonly EntityKind[];
  /** Keep relations that overlap [from, to] (YYYY-MM-DD); undated relations always pass. */
  from?: string;
  to?: string;
  minSources?: number;
}

export interface Subgraph {
  nodes: EntityRecord[];
  edges: RelationRecord[];
  truncated: boolean;
  /** Entities within reach but held back by the node limit, at every depth. */
  omittedNodes: number;
  /** False when `omittedNodes` is an estimate: counting exactly would have read more than the expansion budget. */
  omittedNodesExact: boolean;
  /** Relations among the returned nodes held back by the edge limit. */
  omittedEdges: number;
}

export interface PathRecord {
  nodes: EntityRecord[];
  relations: RelationRecord[];
}

/**
 * Relationships one neighbourhood level reads at most before it samples: past this,
 * ranking and counting every neighbour of the frontier (hubs of the 1M-relation
 * bench graph: 67,000 relationships) costs more than the 2-hop latency target allows.
 */
export const DEFAULT_EXPANSION_BUDGET = 10_000;

export type PathMode = 'SHORTEST' | 'ALL_SHORTEST' | 'ALL';

/** Which of the relation filters a statement applies (their values stay parameters). */
export interface FilterShape {
  minSources?: boolean;
  from?: boolean;
  to?: boolean;
}

/**
 * A relation that began and has not ended (a start date, no end date, no single
 * date: "member since 2010") runs to today, so it overlaps every range that ends
 * after its start. The stored `sortEnd` of such a relation is its start year's last
 * day, so a `from` filter must test this too. Only read when `from` is set.
 */
export function openEnded(variable = 'r'): string {
  const v = variableName(variable);
  return `(${v}.endDate IS NULL AND ${v}.date IS NULL)`;
}

/**
 * The relation filter for the given shape: only the conditions whose parameter is
 * set, so that an unfiltered request reads no relationship property to test it.
 * "true" when nothing is filtered. Values are always parameters ($minSources, $from, $to).
 */
export function relationFilter(shape: FilterShape, variable = 'r'): string {
  const v = variableName(variable);
  const parts: string[] = [];
  if (shape.minSources) parts.push(`${v}.sourceCount >= $minSources`);
  if (shape.from) parts.push(`(${v}.sortEnd IS NULL OR ${v}.sortEnd >= $from OR ${openEnded(v)})`);
  if (shape.to) parts.push(`(${v}.sortStart IS NULL OR ${v}.sortStart <= $to)`);
  return parts.length > 0 ? parts.join(' AND ') : 'true';
}

function filterParams(f: RelationFilter) {
  return {
    kinds: f.kinds && f.kinds.length > 0 ? [...f.kinds] : null,
    from: f.from ?? null,
    to: f.to ?? null,
    minSources: f.minSources && f.minSources > 1 ? neo4j.int(f.minSources) : null,
  };
}

/** The filter shape matching filterParams (a condition for every parameter that is not null). */
function filterShape(f: RelationFilter): FilterShape {
  const p = filterParams(f);
  return { minSources: p.minSources !== null, from: p.from !== null, to: p.to !== null };
}

/** One entity as a neighbourhood statement returns it: its element id (used within the request) and its entityTuple. */
type KeyedEntity = [key: string, values: unknown[]];

const toEntityFromTuple = (values: unknown) => toEntity(fromTuple(ENTITY_TUPLE_FIELDS, values as unknown[]));

/**
 * The relations among a neighbourhood's entities, as edgesAmongSubquery returns them
 * (relationTuple), in id order: the statement sorts only a list it cuts at the edge
 * limit, because sorting hundreds of relations by a property read from each costs the
 * database more than sorting them here. Ids are slugs (a-z, 0-9, hyphens: the dataset
 * schema), which JavaScript's < orders as Cypher does.
 */
function toRelationsFromTuples(rows: unknown, shape: RelationShape): RelationRecord[] {
  const fields = relationTupleFields(shape);
  return sortedById(((rows as unknown[][] | undefined) ?? []).map((values) => toRelation(fromTuple(fields, values))));
}

export function sortedById<T extends { id: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Membership in a neighbourhood's entities, tested once for every relationship its
 * members have (thousands per 2-hop request on the bench graph). Cypher tests `x IN
 * list` by comparing x with every element, so testing against the whole member list
 * cost 100 comparisons a relationship and most of the statement's time. The members'
 * internal ids are split into MEMBER_BUCKETS lists by id modulo the bucket count, and
 * a node is looked for only in its bucket (one or two comparisons for 100 members).
 * Internal ids (`id()`, deprecated for use outside a transaction) are compared only
 * within the one statement that read them, which is the use they remain valid for.
 */
const MEMBER_BUCKETS = 64;

/** The buckets of a list of internal ids bound to `ids` earlier in the statement. */
function memberBuckets(ids: string): string {
  return `[i IN range(0, ${MEMBER_BUCKETS - 1}) | [x IN ${variableName(ids)} WHERE x % ${MEMBER_BUCKETS} = i]]`;
}

function isMember(variable: string): string {
  const v = variableName(variable);
  return `id(${v}) IN buckets[id(${v}) % ${MEMBER_BUCKETS}]`;
}

/**
 * The relations among the nodes in `nodes` (a list of nodes bound earlier in the
 * statement) that pass the filter, at most `$edgeLimit` of them projected: the first
 * by id when there are more (sorted here), else all of them unsorted (the caller sorts
 * them by id: sortedById); `edgeTotal` counts them all. Runs only when `condition` holds
 * (otherwise edgeTotal 0, edges []).
 *
 * Every relation among the nodes is found by expanding the nodes' adjacency and
 * keeping the relationships whose far end is one of the nodes; the cost is the
 * number of relationships expanded, which hubs dominate. Three plans find each
 * relation exactly once, and the statement picks the cheapest from the nodes'
 * degrees (O(1) per node on Neo4j's dense nodes, counted with the type filter):
 *   IN   — the incoming relationships of every node (cost: sum of in-degrees);
 *   OUT  — the outgoing relationships of every node (sum of out-degrees);
 *   BOTH — every relationship of every node except the one of highest degree
 *          (sum of degrees less the largest): any relation has an end that is
 *          expanded unless both ends are that node, so it is used only when that
 *          node has no self-loop (out + in = degree). Relations between two
 *          expanded nodes are met twice and kept once (UNION).
 *   HUBS — every relationship of every member that is not a hub, and, for the
 *          hubs, the hub–hub relationships the hub index lists (hubs.ts), looked
 *          up by element id when the other hub is a member (cost: the non-hubs'
 *          degrees plus the hubs' list lengths). Any relation with a non-hub end
 *          is met from that end; one between two hubs is on both hubs' lists.
 *          A listed neighbour is itself a hub, so the lists are tested against
 *          the member hubs' keys only (about 10 on the bench graph, not all
 *          100 members), inside a list comprehension rather than one row per
 *          entry, and each relationship found on both lists is looked up once
 *          (on the 1M-relation bench graph: 4,500 entries scanned and 600
 *          relationships looked up per 2-hop request, down from 1,200 lookups
 *          and 4,500 rows each tested against 100 keys — a third of the
 *          statement's Neo4j CPU).
 *          Without the index (a generation loaded before it) no member is a hub
 *          and this is "expand every member", never cheaper than BOTH.
 * The filter is tested only on the relations found, and the far end by its
 * internal id against the member buckets (no property read; see isMember).
 */
export function edgesAmongSubquery(
  nodes: string,
  opts: {
    types?: readonly string[];
    evidence?: boolean;
    details?: boolean;
    condition?: string;
    imports?: readonly string[];
    filter?: FilterShape;
  },
): string {
  const t = relTypeAlternation(opts.types);
  return `CALL (${[nodes, ...(opts.imports ?? [])].join(', ')}) {
           WITH ${nodes} WHERE ${opts.condition ?? 'true'}
           UNWIND ${nodes} AS x
           WITH x, COUNT { (x)-[${t}]->() } AS outDegree, COUNT { (x)<-[${t}]-() } AS inDegree, COUNT { (x)-[${t}]-() } AS degree,
                size(x.${HUB_RELATION_KEYS}) AS hubLinks
           ORDER BY degree DESC
           WITH collect({node: x, outDegree: outDegree, inDegree: inDegree, degree: degree, hubLinks: hubLinks}) AS members, collect(id(x)) AS memberIds
           WITH [m IN members | m.node] AS members, ${memberBuckets('memberIds')} AS buckets, members[0] AS top,
                [m IN members WHERE m.hubLinks IS NULL | m.node] AS plainMembers,
                [m IN members WHERE m.hubLinks IS NOT NULL | m.node] AS hubs,
                reduce(s = 0, m IN members | s + m.inDegree) AS inCost,
                reduce(s = 0, m IN members | s + m.outDegree) AS outCost,
                reduce(s = 0, m IN members | s + m.degree) AS degreeSum,
                reduce(s = 0, m IN members | s + coalesce(m.hubLinks, m.degree)) AS hubCost
           WITH members, buckets, plainMembers, hubs, [h IN hubs | elementId(h)] AS hubKeys, CASE
                  WHEN hubCost < inCost AND hubCost < outCost
                       AND (top IS NULL OR top.outDegree + top.inDegree <> top.degree OR hubCost < degreeSum - top.degree) THEN 'HUBS'
                  WHEN top IS NOT NULL AND top.outDegree + top.inDegree = top.degree
                       AND degreeSum - top.degree < inCost AND degreeSum - top.degree < outCost THEN 'BOTH'
                  WHEN outCost < inCost THEN 'OUT'
                  ELSE 'IN' END AS plan
           CALL (members, buckets, plainMembers, hubs, hubKeys, plan) {
             UNWIND CASE plan WHEN 'IN' THEN members ELSE [] END AS b
             MATCH (a)-[r${t}]->(b) WHERE ${isMember('a')}
             RETURN r
             UNION ALL
             UNWIND CASE plan WHEN 'OUT' THEN members ELSE [] END AS a
             MATCH (a)-[r${t}]->(b) WHERE ${isMember('b')}
             RETURN r
             UNION ALL
             UNWIND CASE plan WHEN 'BOTH' THEN members[1..] ELSE [] END AS a
             MATCH (a)-[r${t}]-(b) WHERE ${isMember('b')}
             RETURN r
             UNION ALL
             UNWIND CASE plan WHEN 'HUBS' THEN plainMembers ELSE [] END AS a
             MATCH (a)-[r${t}]-(b) WHERE ${isMember('b')}
             RETURN r
             UNION ALL
             UNWIND CASE plan WHEN 'HUBS' THEN hubs ELSE [] END AS h
             WITH h.${HUB_NEIGHBOUR_KEYS} AS neighbours, h.${HUB_RELATION_KEYS} AS links, hubKeys
             UNWIND [i IN range(0, size(links) - 1) WHERE neighbours[i] IN hubKeys | links[i]] AS link
             WITH DISTINCT link
             MATCH ()-[r${t}]->() WHERE elementId(r) = link
             RETURN r
           }
           WITH DISTINCT r
           WITH r WHERE ${relationFilter(opts.filter ?? {})}
           WITH collect(r) AS found
           CALL (found) {
             WITH found WHERE size(found) > $edgeLimit
             UNWIND found AS r
             WITH r ORDER BY r.id
             RETURN collect(r)[0..$edgeLimit] AS kept
           }
           RETURN size(found) AS edgeTotal,
                  [r IN CASE WHEN size(found) > $edgeLimit THEN kept ELSE found END | ${relationTuple('r', { evidence: opts.evidence, details: opts.details })}] AS edges
         }`;
}

/**
 * The neighbours `m` of the frontier node `n` one hop away (relationship `r`) that pass
 * `condition`, strongest first: ranked by their most attested relation (sourceCount),
 * then by id. The ranking every breadth-first expansion uses (the explorer's
 * neighbourhood and the export's traversal), so both keep the same entities at a limit.
 */
export function rankedNeighbours(hop: string, condition: string): string {
  return `MATCH (n)${hop}(m:Entity)
           WHERE ${condition}
           WITH m, max(r.sourceCount) AS strength
           ORDER BY strength DESC, m.id`;
}

/**
 * The first `needed` of the neighbours `m` (with their `strength`) in rankedNeighbours'
 * order, strongest first then by id, as `found`, and how many there are, as `candidates`.
 * Ordering every neighbour by id reads every neighbour's id (thousands on a 2-hop level
 * of the bench graph, for a page of 100); sorting by strength alone reads nothing. So the
 * neighbours are sorted by strength, the strength of the last one that fits is the cut,
 * and only those at least as strong as the cut (the ones that fit and their equals) are
 * sorted by id. The result is the same prefix rankedNeighbours gives.
 */
export function strongestFirst(needed: string): string {
  return `WITH m, strength ORDER BY strength DESC
           WITH collect(m) AS ms, collect(strength) AS ss
           WITH ms, ss, CASE WHEN size(ss) > ${needed} THEN ss[${needed} - 1] END AS cut
           CALL (ms, ss, cut) {
             UNWIND range(0, size([s IN ss WHERE cut IS NULL OR s >= cut]) - 1) AS i
             WITH ms[i] AS m, ss[i] AS strength
             ORDER BY strength DESC, m.id
             RETURN collect(m)[0..${needed}] AS found
           }
           RETURN found, size(ms) AS candidates`;
}

/**
 * One breadth-first level of a neighbourhood, as one statement. The first level
 * also looks the start entities up (`$ids`); later levels expand `$frontier` and
 * skip `$seen` (element ids met by the previous levels of the same request, returned
 * or held back), while `$known` are the entities returned so far. Neighbours are
 * ranked by their strongest relation (sourceCount) then id; the first `$room` are
 * projected and all are counted (`total`).
 *
 * `sampled` bounds the work on hubs: instead of every relationship of the frontier,
 * at most `$perNode` relationships of each frontier entity are read, and `total` is
 * an estimate (the distinct new entities per relationship read, times the frontier's
 * degree), so the caller reports `omittedNodesExact: false`. The caller chooses it
 * from the previous level's `nextCost` (the frontier's degree, O(1) per entity).
 *
 * `nextKeys` are the entities the next level expands: the page and, when the page
 * holds entities back, those held back too (up to `$keysCap`), so that the entities
 * behind them are counted in `omittedNodes` as well. When this level is the last
 * that returns entities (`$final`, or it truncates, or it finds nothing) and
 * `$withEdges` is set, the relations among all the entities returned are computed
 * in the same statement. `filter` and `kinds` say which filters the request sets:
 * only those are written into the statement (as parameters).
 */
export function neighbourhoodLevelStatement(opts: {
  first: boolean;
  direction: Direction;
  types?: readonly string[];
  evidence?: boolean;
  details?: boolean;
  filter?: FilterShape;
  kinds?: boolean;
  sampled?: boolean;
}): string {
  const hop = hopPattern(opts.direction, opts.types);
  const anyHop = hopPattern(opts.direction, opts.types, '');
  // The entities met by earlier levels, by element id. For a later level that is the parameter itself, which Neo4j
  // tests as a set (hundreds to ten thousand ids); buckets (isMember) were as fast for small sets and slower for large.
  const known = opts.first
    ? `UNWIND $ids AS id
         MATCH (s:Entity {graph: g, id: id})
         WITH collect(s) AS starts
         WITH starts, starts AS frontier, starts AS knownNodes`
    : `OPTIONAL MATCH (k:Entity) WHERE elementId(k) IN $known AND k.graph = g
         WITH g, collect(k) AS knownNodes
         OPTIONAL MATCH (f:Entity) WHERE elementId(f) IN $frontier AND f.graph = g
         WITH [] AS starts, collect(f) AS frontier, knownNodes`;
  const unseen = opts.first ? 'NOT m IN starts' : 'NOT elementId(m) IN $seen';
  const keep = `${unseen}${opts.kinds ? ' AND m.kind IN $kinds' : ''} AND ${relationFilter(opts.filter ?? {})}`;
  // Only the page, and for a level that is not the last the entities held back that the next level expands, need ranking.
  const needed = '(CASE WHEN $final THEN $room ELSE $room + $keysCap END)';
  const candidates = opts.sampled
    ? `CALL (frontier, starts) {
           UNWIND frontier AS n
           CALL (n) { MATCH (n)${hop}(m:Entity) RETURN r, m LIMIT $perNode }
           WITH r, m WHERE ${keep}
           WITH m, max(r.sourceCount) AS strength
           ${strongestFirst(needed)}
         }
         CALL (frontier) {
           UNWIND frontier AS n
           WITH COUNT { (n)${anyHop}() } AS degree
           RETURN sum(degree) AS cost, sum(CASE WHEN degree < $perNode THEN degree ELSE $perNode END) AS scanned
         }
         WITH starts, knownNodes, found, candidates, CASE WHEN scanned = 0 THEN candidates
              ELSE toInteger(round(candidates * toFloat(cost) / scanned)) END AS estimate
         WITH starts, knownNodes, found, CASE WHEN estimate > candidates THEN estimate ELSE candidates END AS total`
    : `CALL (frontier, starts) {
           UNWIND frontier AS n
           MATCH (n)${hop}(m:Entity)
           WHERE ${keep}
           WITH m, max(r.sourceCount) AS strength
           ${strongestFirst(needed)}
         }
         WITH starts, knownNodes, found, candidates AS total`;
  return `${ACTIVE_GENERATION}
         ${known}
         ${candidates}
         WITH starts, knownNodes, found, total, $room AS room
         WITH starts, knownNodes, room, total, found[0..room] AS page,
              CASE WHEN $final THEN [] WHEN total > room THEN found[0..room + $keysCap] ELSE found[0..room] END AS next
         CALL (next) {
           UNWIND next AS x
           RETURN sum(COUNT { (x)${anyHop}() }) AS nextCost
         }
         WITH starts, room, total, page, next, nextCost, knownNodes + page AS nodes
         ${edgesAmongSubquery('nodes', { types: opts.types, evidence: opts.evidence, details: opts.details, filter: opts.filter, condition: '$withEdges AND ($final OR total > room OR total = 0)', imports: ['total', 'room'] })}
         RETURN [x IN starts | [elementId(x), ${entityTuple('x')}]] AS starts,
                room, total,
                [x IN page | [elementId(x), ${entityTuple('x')}]] AS page,
                [x IN next | elementId(x)] AS nextKeys, nextCost,
                edgeTotal, edges`;
}

/** The given entities and the relations among them, in one statement. */
export function subgraphStatement(opts: { evidence?: boolean; details?: boolean }): string {
  return `${ACTIVE_GENERATION}
         UNWIND $ids AS id
         MATCH (n:Entity {graph: g, id: id})
         WITH collect(n) AS nodes
         ${edgesAmongSubquery('nodes', { evidence: opts.evidence, details: opts.details })}
         RETURN [x IN nodes | ${entityTuple('x')}] AS nodes, edgeTotal, edges`;
}

/**
 * Paths between two entities, shortest first, with whether each endpoint exists
 * (one statement, always one row). `maxHops` must be a validated integer.
 */
export function pathsStatement(opts: {
  maxHops: number;
  types?: readonly string[];
  mode: PathMode;
  evidence?: boolean;
  details?: boolean;
}): string {
  if (!Number.isInteger(opts.maxHops) || opts.maxHops < 1 || opts.maxHops > 6) throw new Error('maxHops must be 1–6');
  const rel = `[${relTypeAlternation(opts.types)}*1..${opts.maxHops}]`;
  const match =
    opts.mode === 'SHORTEST'
      ? `MATCH p = shortestPath((a)-${rel}-(b))`
      : opts.mode === 'ALL_SHORTEST'
        ? `MATCH p = allShortestPaths((a)-${rel}-(b))`
        : `MATCH p = (a)-${rel}-(b) WHERE all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x))`;
  return `${ACTIVE_GENERATION}
         OPTIONAL MATCH (a:Entity {graph: g, id: $fromId})
         OPTIONAL MATCH (b:Entity {graph: g, id: $toId})
         CALL (a, b) {
           WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
           ${match}
           WITH p ORDER BY length(p) LIMIT $limit
           RETURN collect({nodes: [x IN nodes(p) | ${entityProjection('x')}],
                           rels: [r IN relationships(p) | ${relationProjection('r', { evidence: opts.evidence, details: opts.details })}]}) AS paths
         }
         RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths`;
}

export function createExplorer(read: ReadRunner, graph: string) {
  /** Paths between two entities, shortest first, and which of the two entities do not exist (one statement). */
  async function findPaths(
    fromId: string,
    toId: string,
    opts: { maxHops: number; types?: readonly string[]; mode: PathMode; limit: number; evidence?: boolean; details?: boolean },
  ): Promise<{ paths: PathRecord[]; missingIds: string[] }> {
    const rows = await read(pathsStatement(opts), { graph, fromId, toId, limit: neo4j.int(opts.limit) });
    const row = rows[0];
    const missingIds = [...(row?.fromFound ? [] : [fromId]), ...(row?.toFound ? [] : [toId])];
    const paths = ((row?.paths as { nodes: Record<string, unknown>[]; rels: Record<string, unknown>[] }[] | undefined) ?? []).map((p) => ({
      nodes: p.nodes.map(toEntity),
      relations: p.rels.map(toRelation),
    }));
    return { paths, missingIds };
  }

  return {
    /**
     * Breadth-first expansion, one statement per level (the first also looks the
     * start entities up, the last also returns the relations among the entities
     * found, so at most `depth` statements), stopping at `nodeLimit` nodes.
     * `withEdges: false` skips the relations (edges empty, omittedEdges 0) for
     * callers that only need the entities; `evidence: false` leaves the evidence
     * lists out of the relations, `details: false` their dates, stance, confidence
     * and detail (see relationProjection).
     */
    async neighbourhood(
      ids: readonly string[],
      opts: RelationFilter & {
        depth: number;
        direction: Direction;
        nodeLimit: number;
        edgeLimit: number;
        withEdges?: boolean;
        evidence?: boolean;
        details?: boolean;
        /**
         * Relationships one level may read before its count becomes an estimate
         * (default DEFAULT_EXPANSION_BUDGET): see neighbourhoodLevelStatement.
         */
        expansionBudget?: number;
      },
    ): Promise<Subgraph & { missingIds: string[] }> {
      const withEdges = opts.withEdges ?? true;
      const budget = Math.max(1, opts.expansionBudget ?? DEFAULT_EXPANSION_BUDGET);
      const nodes = new Map<string, EntityRecord>();
      /** Element ids of the entities returned, and of every entity met (returned or held back). */
      const keys: string[] = [];
      const seen = new Set<string>();
      let frontier: string[] = [];
      let frontierCost = 0;
      let omittedNodes = 0;
      let exact = true;
      let full = false;
      let edgesDone = !withEdges;
      let edges: RelationRecord[] = [];
      let edgeTotal = 0;
      const depth = Math.max(1, opts.depth);
      for (let level = 0; level < depth; level++) {
        const final = level === depth - 1;
        const sampled = level > 0 && frontierCost > budget;
        const rows = await read(
          neighbourhoodLevelStatement({
            first: level === 0,
            direction: opts.direction,
            types: opts.types,
            evidence: opts.evidence,
            details: opts.details,
            filter: filterShape(opts),
            kinds: filterParams(opts).kinds !== null,
            sampled,
          }),
          {
            graph,
            ...(level === 0 ? { ids: [...new Set(ids)] } : { frontier, known: [...keys], seen: [...seen] }),
            ...filterParams(opts),
            room: neo4j.int(full ? 0 : Math.max(0, opts.nodeLimit - (level === 0 ? new Set(ids).size : nodes.size))),
            perNode: neo4j.int(Math.max(1, Math.ceil(budget / Math.max(1, frontier.length)))),
            keysCap: neo4j.int(budget),
            final,
            withEdges: !edgesDone,
            edgeLimit: neo4j.int(opts.edgeLimit),
          },
        );
        const row = rows[0];
        for (const [key, values] of (row?.starts as KeyedEntity[] | undefined) ?? []) {
          const e = toEntityFromTuple(values);
          if (!nodes.has(e.id)) keys.push(key);
          seen.add(key);
          nodes.set(e.id, e);
        }
        const total = Number(row?.total ?? 0);
        const room = Number(row?.room ?? 0);
        const page = (row?.page as KeyedEntity[] | undefined) ?? [];
        for (const [key, values] of page) {
          const e = toEntityFromTuple(values);
          nodes.set(e.id, e);
          keys.push(key);
        }
        if (sampled) exact = false;
        if (total > page.length) omittedNodes += total - page.length;
        if (!edgesDone && (final || total > room || total === 0)) {
          // The statement computed the relations among everything returned (see neighbourhoodLevelStatement).
          edgeTotal = Number(row?.edgeTotal ?? 0);
          edges = toRelationsFromTuples(row?.edges, opts);
          edgesDone = true;
        }
        if (total > room) full = true;
        if (final || total === 0) break;
        frontier = (row?.nextKeys as string[] | undefined) ?? [];
        for (const key of frontier) seen.add(key);
        // Entities held back beyond the cap are counted but not expanded: the deeper count is a lower bound.
        if (total - page.length > budget) exact = false;
        frontierCost = Number(row?.nextCost ?? 0);
        if (frontier.length === 0) break;
      }
      return {
        nodes: [...nodes.values()],
        edges,
        truncated: omittedNodes > 0 || edgeTotal > edges.length,
        omittedNodes,
        omittedNodesExact: exact,
        omittedEdges: edgeTotal - edges.length,
        missingIds: ids.filter((id) => !nodes.has(id)),
      };
    },

    /** Relations among exactly the given entities. */
    async subgraph(
      ids: readonly string[],
      edgeLimit: number,
      opts: { evidence?: boolean; details?: boolean } = {},
    ): Promise<Subgraph & { missingIds: string[] }> {
      const unique = [...new Set(ids)];
      const rows = await read(subgraphStatement(opts), { graph, ids: unique, edgeLimit: neo4j.int(edgeLimit) });
      const row = rows[0];
      const nodes = ((row?.nodes as unknown[] | undefined) ?? []).map(toEntityFromTuple);
      const found = new Set(nodes.map((n) => n.id));
      const total = Number(row?.edgeTotal ?? 0);
      const edges = toRelationsFromTuples(row?.edges, opts);
      return {
        nodes,
        edges,
        truncated: total > edges.length,
        omittedNodes: 0,
        omittedNodesExact: true,
        omittedEdges: total - edges.length,
        missingIds: unique.filter((id) => !found.has(id)),
      };
    },

    findPaths,

    /** Paths between two entities, shortest first. `maxHops` is a validated integer (1–6). */
    async paths(
      fromId: string,
      toId: string,
      opts: { maxHops: number; types?: readonly string[]; mode: PathMode; limit: number },
    ): Promise<PathRecord[]> {
      return (await findPaths(fromId, toId, opts)).paths;
    },

    /** Events and dated relations in time order, optionally around given entities. */
    async timeline(opts: { from?: string; to?: string; ids?: readonly string[]; kinds?: readonly EntityKind[]; limit: number }) {
      const params = {
        graph,
        from: opts.from ?? null,
        to: opts.to ?? null,
        ids: opts.ids && opts.ids.length > 0 ? [...opts.ids] : null,
        kinds: opts.kinds && opts.kinds.length > 0 ? [...opts.kinds] : null,
        limit: neo4j.int(opts.limit),
      };
      const rows = await read(
        `${ACTIVE_GENERATION}
         CALL (g) {
           MATCH (e:Entity:Event)
           WHERE e.graph = g AND e.id IS NOT NULL AND e.sortStart IS NOT NULL
             AND ($ids IS NULL OR e.id IN $ids OR EXISTS { MATCH (e)--(x:Entity) WHERE x.id IN $ids })
             AND ($kinds IS NULL OR 'Event' IN $kinds)
             AND ($from IS NULL OR e.sortEnd >= $from) AND ($to IS NULL OR e.sortStart <= $to)
           RETURN e.sortStart AS sortKey, ${entityProjection('e')} AS entity, null AS relation
           UNION ALL
           MATCH (a:Entity)-[r]->(b:Entity)
           WHERE a.graph = g AND a.id IS NOT NULL AND r.sortStart IS NOT NULL
             AND ($ids IS NULL OR a.id IN $ids OR b.id IN $ids)
             AND ($kinds IS NULL OR a.kind IN $kinds OR b.kind IN $kinds)
             AND ($from IS NULL OR r.sortEnd >= $from OR ${openEnded('r')}) AND ($to IS NULL OR r.sortStart <= $to)
           RETURN r.sortStart AS sortKey, null AS entity, ${RELATION_PROJECTION} AS relation
         }
         WITH sortKey, entity, relation ORDER BY sortKey, coalesce(relation.id, entity.id)
         RETURN sortKey, entity, relation LIMIT $limit`,
        params,
      );
      return rows.map((row) => ({
        sortKey: String(row.sortKey),
        entity: row.entity ? toEntity(row.entity as Record<string, unknown>) : undefined,
        relation: row.relation ? toRelation(row.relation as Record<string, unknown>) : undefined,
      }));
    },
  };
}

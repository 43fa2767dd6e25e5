import { dateEnd, dateStart, type Direction, type EntityKind } from '@steppe/domain';
import type { GraphQLResolveInfo } from 'graphql';
import type { PathMode } from '@steppe/graph-store';
import type { ApiContext } from '../context';
import { limitExceeded, notFound, userError } from '../errors';
import { LIMITS } from '../limits';
import { selectsAnywhere, selectsField } from '../selection';

/** Checks a bounded integer argument and names it in the error. */
function bounded(argument: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min) throw userError(`\`${argument}\` must be a whole number of at least ${min}.`);
  if (n > max) throw limitExceeded(argument, max, n);
  return n;
}

function idList(argument: string, ids: readonly string[], max: number): string[] {
  if (ids.length === 0) throw userError(`\`${argument}\` must name at least one entity.`);
  if (ids.length > max) throw limitExceeded(`${argument} (count)`, max, ids.length);
  return [...new Set(ids)];
}

const unknownIds = (ids: readonly string[]) => notFound('entity', ids);

function dateRange(from?: string | null, to?: string | null) {
  const range = { from: from ? dateStart(from) : undefined, to: to ? dateEnd(to) : undefined };
  if (range.from && range.to && range.from > range.to) throw userError('`from` is after `to`.');
  return range;
}

/**
 * Whether the response may show a relation's dates, stance, confidence or detail: if
 * not, the store leaves them out (a field of that name anywhere below, e.g. an
 * Event's startDate, counts too: that can only fetch more, never less).
 */
function selectsRelationDetails(info: GraphQLResolveInfo): boolean {
  return selectsAnywhere(info, 'date', 'startDate', 'endDate', 'stance', 'confidence', 'detail');
}

export const exploreQueries = {
  async neighbourhood(
    _: unknown,
    args: {
      ids: string[];
      depth?: number | null;
      relationTypes?: string[] | null;
      kinds?: EntityKind[] | null;
      direction?: Direction | null;
      from?: string | null;
      to?: string | null;
      minSources?: number | null;
      limit?: number | null;
    },
    ctx: ApiContext,
    info: GraphQLResolveInfo,
  ) {
    const ids = idList('ids', args.ids, LIMITS.neighbourhoodIds);
    const depth = bounded('depth', args.depth, 1, 1, LIMITS.neighbourhoodDepth);
    const nodeLimit = bounded('limit', args.limit, 100, 1, LIMITS.neighbourhoodNodes);
    const minSources = bounded('minSources', args.minSources, 1, 1, 1_000);
    const result = await ctx.store.neighbourhood(ids, {
      depth,
      direction: args.direction ?? 'BOTH',
      types: args.relationTypes ?? undefined,
      kinds: args.kinds ?? undefined,
      minSources,
      ...dateRange(args.from, args.to),
      nodeLimit: Math.max(nodeLimit, ids.length),
      edgeLimit: LIMITS.subgraphEdges,
      expansionBudget: LIMITS.neighbourhoodExpansionBudget,
      // The relations among the entities are the costliest part: only when the response shows them.
      withEdges: selectsField(info, 'edges', 'truncated', 'omittedEdges'),
      evidence: selectsAnywhere(info, 'evidence'),
      details: selectsRelationDetails(info),
    });
    if (result.missingIds.length > 0) throw unknownIds(result.missingIds);
    for (const n of result.nodes) ctx.loaders.remember(n);
    return result;
  },

  async paths(
    _: unknown,
    args: {
      from: string;
      to: string;
      maxHops?: number | null;
      relationTypes?: string[] | null;
      mode?: PathMode | null;
      limit?: number | null;
    },
    ctx: ApiContext,
    info: GraphQLResolveInfo,
  ) {
    const maxHops = bounded('maxHops', args.maxHops, 4, 1, LIMITS.pathHops);
    const limit = bounded('limit', args.limit, 5, 1, LIMITS.paths);
    if (args.from === args.to) throw userError('`from` and `to` are the same entity.');
    // One statement both checks that the two entities exist and finds the paths.
    const { paths, missingIds } = await ctx.store.findPaths(args.from, args.to, {
      maxHops,
      types: args.relationTypes ?? undefined,
      mode: args.mode ?? 'SHORTEST',
      limit: (args.mode ?? 'SHORTEST') === 'SHORTEST' ? 1 : limit,
      evidence: selectsAnywhere(info, 'evidence'),
      details: selectsRelationDetails(info),
    });
    if (missingIds.length > 0) throw unknownIds(missingIds);
    return paths.map((p) => {
      for (const n of p.nodes) ctx.loaders.remember(n);
      return { ...p, length: p.relations.length };
    });
  },

  async subgraph(_: unknown, args: { ids: string[] }, ctx: ApiContext, info: GraphQLResolveInfo) {
    const ids = idList('ids', args.ids, LIMITS.subgraphIds);
    const result = await ctx.store.subgraph(ids, LIMITS.subgraphEdges, {
      evidence: selectsAnywhere(info, 'evidence'),
      details: selectsRelationDetails(info),
    });
    if (result.missingIds.length > 0) throw unknownIds(result.missingIds);
    for (const n of result.nodes) ctx.loaders.remember(n);
    return result;
  },

  async timeline(
    _: unknown,
    args: { from?: string | null; to?: string | null; ids?: string[] | null; kinds?: EntityKind[] | null; limit?: number | null },
    ctx: ApiContext,
  ) {
    const limit = bounded('limit', args.limit, 200, 1, LIMITS.timelineItems);
    if (args.ids && args.ids.length > LIMITS.subgraphIds) throw limitExceeded('ids (count)', LIMITS.subgraphIds, args.ids.length);
    if (args.ids && args.ids.length > 0) {
      const found = await ctx.loaders.entity.loadMany(args.ids);
      const missing = args.ids.filter((_, i) => !found[i] || found[i] instanceof Error);
      if (missing.length > 0) throw unknownIds(missing);
    }
    const items = await ctx.store.timeline({
      ...dateRange(args.from, args.to),
      ids: args.ids ?? undefined,
      kinds: args.kinds ?? undefined,
      limit,
    });
    return items.map((item) => {
      if (item.entity) {
        ctx.loaders.remember(item.entity);
        const e = item.entity.kind === 'Event' ? item.entity : undefined;
        // Dates as the sources give them: "1999" stays "1999" (sortKey is only the order).
        return { date: e?.startDate ?? item.sortKey, endDate: e?.endDate ?? null, event: item.entity, relation: null };
      }
      const r = item.relation!;
      return { date: r.date ?? r.startDate ?? item.sortKey, endDate: r.endDate ?? null, event: null, relation: r };
    });
  },

  sources: (_: unknown, __: unknown, ctx: ApiContext) => ctx.store.sources(),

  async source(_: unknown, args: { id: string }, ctx: ApiContext) {
    const all = await ctx.store.sources();
    const found = all.find((s) => s.id === args.id);
    if (!found) throw notFound('source', [args.id]);
    return found;
  },

  stats: (_: unknown, __: unknown, ctx: ApiContext) => ctx.store.stats(),
};

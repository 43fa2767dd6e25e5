import { dateEnd, dateStart, RELATION_TYPES, type EntityKind, type RelationFamily } from '@steppe/domain';
import {
  typesLabelled,
  type Bucket,
  type EntityRecord,
  type EntityOrderKey,
  type EntityWhere,
  type RelationOrderKey,
  type RelationWhere,
  type SortDirection,
} from '@steppe/graph-store';
import type { ApiContext } from '../context';
import { limitExceeded, notFound, userError } from '../errors';
import { LIMITS } from '../limits';
import { connection, decodeCursor, pageSize } from '../paging';

/** `RelationWhere` as the schema takes it. */
export interface RelationWhereInput {
  types?: string[] | null;
  families?: string[] | null;
  labelContains?: string | null;
  from?: string | null;
  to?: string | null;
  minSources?: number | null;
  contested?: boolean | null;
  source?: string | null;
  minConfidence?: number | null;
  maxConfidence?: number | null;
  involving?: string | null;
}

export interface EntityWhereInput {
  kinds?: EntityKind[] | null;
  nameContains?: string | null;
  minDegree?: number | null;
}

interface OrderInput<F extends string> {
  field: F;
  direction?: SortDirection | null;
}

const present = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

function text(argument: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw userError(`\`${argument}\` must not be empty.`);
  if (trimmed.length > LIMITS.searchQueryLength) throw limitExceeded(`${argument} length`, LIMITS.searchQueryLength, trimmed.length);
  return trimmed;
}

function atLeast(argument: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw userError(`\`${argument}\` must be a whole number of at least ${min}.`);
  return value;
}

function confidence(argument: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw userError(`\`${argument}\` must be between 0 and 1, e.g. 0.8.`);
  return value;
}

/**
 * A `RelationWhere` checked and turned into the store's filter, or null when it can
 * match nothing (types, families and a label that have no type in common). Unknown
 * source and entity ids answer NOT_FOUND, as everywhere.
 */
export async function relationWhere(input: RelationWhereInput | null | undefined, ctx: ApiContext): Promise<RelationWhere | null> {
  const w = input ?? {};
  let types: string[] | undefined = present(w.types) && w.types.length > 0 ? [...new Set(w.types)] : undefined;
  const narrow = (allowed: string[]) => {
    types = (types ?? RELATION_TYPES.map((t) => t.name)).filter((t) => allowed.includes(t));
  };
  if (present(w.families) && w.families.length > 0) {
    const families = w.families.map((f) => f.toLowerCase() as RelationFamily);
    narrow(RELATION_TYPES.filter((t) => families.includes(t.family)).map((t) => t.name));
  }
  if (present(w.labelContains)) narrow(typesLabelled(text('where.labelContains', w.labelContains)));
  const from = present(w.from) ? dateStart(w.from) : undefined;
  const to = present(w.to) ? dateEnd(w.to) : undefined;
  if (from && to && from > to) throw userError('`where.from` is after `where.to`.');
  if (present(w.minConfidence)) confidence('where.minConfidence', w.minConfidence);
  if (present(w.maxConfidence)) confidence('where.maxConfidence', w.maxConfidence);
  if (present(w.source)) {
    if (w.source.length > 200 || !(await ctx.loaders.source.load(w.source))) throw notFound('source', [w.source]);
  }
  if (present(w.involving)) {
    if (w.involving.length > 200 || !(await ctx.loaders.entity.load(w.involving))) throw notFound('entity', [w.involving]);
  }
  if (types !== undefined && types.length === 0) return null;
  return {
    types,
    from,
    to,
    minSources: present(w.minSources) ? atLeast('where.minSources', w.minSources, 1) : undefined,
    contested: w.contested ?? undefined,
    sourceId: w.source ?? undefined,
    minConfidence: w.minConfidence ?? undefined,
    maxConfidence: w.maxConfidence ?? undefined,
    involving: w.involving ?? undefined,
  };
}

export function entityWhere(input: EntityWhereInput | null | undefined): EntityWhere {
  const w = input ?? {};
  return {
    kinds: present(w.kinds) && w.kinds.length > 0 ? w.kinds : undefined,
    nameContains: present(w.nameContains) ? text('where.nameContains', w.nameContains) : undefined,
    minDegree: present(w.minDegree) ? atLeast('where.minDegree', w.minDegree, 0) : undefined,
  };
}

const EMPTY_PAGE = { items: [], totalCount: 0 };

/** Families of the vocabulary by type name, for `byFamily` (summed from `byType`: no query of its own). */
const FAMILY_OF = new Map(RELATION_TYPES.map((t) => [t.name as string, t.family.toUpperCase()]));

function byFamily(types: Bucket[]): Bucket[] {
  const sums = new Map<string, number>();
  for (const b of types) {
    const family = FAMILY_OF.get(b.key);
    if (family) sums.set(family, (sums.get(family) ?? 0) + b.count);
  }
  return [...sums.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export const listingQueries = {
  async relations(
    _: unknown,
    args: {
      types?: string[] | null;
      contested?: boolean | null;
      source?: string | null;
      where?: RelationWhereInput | null;
      orderBy?: OrderInput<RelationOrderKey> | null;
      first?: number | null;
      after?: string | null;
    },
    ctx: ApiContext,
  ) {
    const limit = pageSize('first', args.first, 20, LIMITS.relationsFirst);
    const offset = decodeCursor(args.after);
    // The deprecated arguments narrow like their `where` counterparts.
    const merged: RelationWhereInput = { ...args.where };
    if (present(args.types) && args.types.length > 0)
      merged.types = present(merged.types) ? merged.types.filter((t) => args.types!.includes(t)) : args.types;
    if (present(args.contested)) {
      if (present(merged.contested) && merged.contested !== args.contested) return connection([], offset, 0);
      merged.contested = args.contested;
    }
    if (present(args.source)) {
      if (present(merged.source) && merged.source !== args.source) return connection([], offset, 0);
      merged.source = args.source;
    }
    if (present(args.types) && args.types.length > 0 && present(merged.types) && merged.types.length === 0)
      return connection([], offset, 0);
    const where = await relationWhere(merged, ctx);
    const order = args.orderBy ?? { field: 'DATE' };
    const page = where
      ? await ctx.store.listRelations(where, { key: order.field, direction: order.direction ?? 'ASC' }, { offset, limit })
      : EMPTY_PAGE;
    return connection(page.items, offset, page.totalCount);
  },

  async entities(
    _: unknown,
    args: {
      ids?: string[] | null;
      where?: EntityWhereInput | null;
      orderBy?: OrderInput<EntityOrderKey> | null;
      first?: number | null;
      after?: string | null;
    },
    ctx: ApiContext,
  ) {
    const limit = pageSize('first', args.first, 20, LIMITS.relationsFirst);
    const offset = decodeCursor(args.after);
    if (present(args.ids)) {
      const ids = [...new Set(args.ids)];
      if (ids.length > LIMITS.subgraphIds) throw limitExceeded('ids (count)', LIMITS.subgraphIds, ids.length);
      const found = await ctx.loaders.entity.loadMany(ids);
      const missing = ids.filter((_, i) => !found[i] || found[i] instanceof Error);
      if (missing.length > 0) throw notFound('entity', missing);
      const all = found.filter((e): e is EntityRecord => e !== null && !(e instanceof Error));
      // `suggestions` belong to search (spelling help); a listing has none.
      return { ...connection(all.slice(offset, offset + limit), offset, all.length), suggestions: [] };
    }
    const order = args.orderBy ?? { field: 'NAME' };
    const page = await ctx.store.listEntities(
      entityWhere(args.where),
      { key: order.field, direction: order.direction ?? 'ASC' },
      { offset, limit },
    );
    for (const e of page.items) ctx.loaders.remember(e);
    return { ...connection(page.items, offset, page.totalCount), suggestions: [] };
  },

  async relation(_: unknown, args: { id: string }, ctx: ApiContext) {
    if (args.id.length > 200) throw userError('`id` is too long to be a relation id.');
    const found = await ctx.store.relationById(args.id);
    if (!found) throw notFound('relation', [args.id]);
    return found;
  },

  async relationAggregate(_: unknown, args: { where?: RelationWhereInput | null }, ctx: ApiContext) {
    return { where: await relationWhere(args.where, ctx) };
  },

  entityAggregate(_: unknown, args: { where?: EntityWhereInput | null }) {
    return { where: entityWhere(args.where) };
  },
};

type RelationAggregateParent = { where: RelationWhere | null };
type EntityAggregateParent = { where: EntityWhere };

/** Each count is its own query, run only when selected; a filter that matches nothing answers without one. */
export const aggregateResolvers = {
  RelationAggregate: {
    count: async ({ where }: RelationAggregateParent, _: unknown, ctx: ApiContext) =>
      where ? (await ctx.store.listRelations(where, { key: 'DATE' }, { offset: 0, limit: 0 })).totalCount : 0,
    byType: ({ where }: RelationAggregateParent, _: unknown, ctx: ApiContext) => (where ? ctx.store.relationsByType(where) : []),
    byFamily: async ({ where }: RelationAggregateParent, _: unknown, ctx: ApiContext) =>
      where ? byFamily(await ctx.store.relationsByType(where)) : [],
    bySource: ({ where }: RelationAggregateParent, _: unknown, ctx: ApiContext) => (where ? ctx.store.relationsBySource(where) : []),
    byMonth: ({ where }: RelationAggregateParent, _: unknown, ctx: ApiContext) => (where ? ctx.store.relationsByMonth(where) : []),
  },
  EntityAggregate: {
    count: async ({ where }: EntityAggregateParent, _: unknown, ctx: ApiContext) =>
      (await ctx.store.listEntities(where, { key: 'NAME' }, { offset: 0, limit: 0 })).totalCount,
    byKind: ({ where }: EntityAggregateParent, _: unknown, ctx: ApiContext) => ctx.store.entitiesByKind(where),
  },
};

import {
  ENTITY_KINDS,
  ENTITY_KIND_INFO,
  RELATION_TYPES,
  relationTypeInfo,
  type EntityKind,
} from '@steppe/domain';
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityRecord, RelationRecord } from '@steppe/graph-store';
import type { ApiContext } from '../context';
import { limitExceeded, userError } from '../errors';
import { LIMITS } from '../limits';
import { connection, decodeCursor, pageSize } from '../paging';
import { selectsAnywhere } from '../selection';
import { exploreQueries } from './explore';
import { DateScalar } from './scalars';

type Direction = 'OUT' | 'IN' | 'BOTH';

interface RelationsArgs {
  types?: string[] | null;
  direction?: Direction | null;
  first?: number | null;
  after?: string | null;
}

async function entityRelations(entity: EntityRecord, args: RelationsArgs, ctx: ApiContext, info: GraphQLResolveInfo) {
  const limit = pageSize('first', args.first, 20, LIMITS.relationsFirst);
  const offset = decodeCursor(args.after);
  const page = await ctx.loaders.relations.load({
    id: entity.id,
    query: { types: args.types ?? undefined, direction: args.direction ?? 'BOTH', offset, limit, evidence: selectsAnywhere(info, 'evidence') },
  });
  return connection(page.items, offset, page.totalCount);
}

const entityFields = {
  relations: entityRelations,
};

export const resolvers = {
  Date: DateScalar,

  Query: {
    ...exploreQueries,

    async search(_: unknown, args: { query: string; kinds?: EntityKind[] | null; first?: number | null; after?: string | null }, ctx: ApiContext) {
      const query = args.query.trim();
      if (query.length === 0) throw userError('`query` must not be empty.');
      if (query.length > LIMITS.searchQueryLength) throw limitExceeded('query length', LIMITS.searchQueryLength, query.length);
      const limit = pageSize('first', args.first, 10, LIMITS.searchFirst);
      const offset = decodeCursor(args.after);
      const page = await ctx.store.search(query, { kinds: args.kinds ?? undefined, offset, limit });
      for (const hit of page.items) ctx.loaders.remember(hit.entity);
      const result = connection(page.items, offset, page.totalCount);
      return {
        ...result,
        edges: result.edges.map((e) => ({ cursor: e.cursor, node: e.node.entity, score: e.node.score })),
      };
    },

    async relations(
      _: unknown,
      args: { types?: string[] | null; contested?: boolean | null; source?: string | null; first?: number | null; after?: string | null },
      ctx: ApiContext,
    ) {
      const limit = pageSize('first', args.first, 20, LIMITS.relationsFirst);
      const offset = decodeCursor(args.after);
      if (args.source !== null && args.source !== undefined && args.source.length > 200) throw userError('`source` is too long to be a source id.');
      const page = await ctx.store.relations({
        types: args.types ?? undefined,
        contested: args.contested ?? undefined,
        sourceId: args.source ?? undefined,
        offset,
        limit,
      });
      return connection(page.items, offset, page.totalCount);
    },

    entity(_: unknown, args: { id: string }, ctx: ApiContext) {
      if (args.id.length > 200) throw userError('`id` is too long to be an entity id.');
      return ctx.loaders.entity.load(args.id);
    },

    async relationTypes(_: unknown, __: unknown, ctx: ApiContext) {
      const { types } = await ctx.store.vocabularyCounts();
      return RELATION_TYPES.map((t) => ({
        name: t.name,
        label: t.label,
        inverseLabel: t.inverseLabel,
        description: t.description,
        fromKinds: t.from,
        toKinds: t.to,
        dated: t.dated,
        family: t.family.toUpperCase(),
        count: types.get(t.name) ?? 0,
      }));
    },

    async entityKinds(_: unknown, __: unknown, ctx: ApiContext) {
      const { kinds } = await ctx.store.vocabularyCounts();
      return ENTITY_KINDS.map((k) => ({ ...ENTITY_KIND_INFO[k], count: kinds.get(k) ?? 0 }));
    },
  },

  Stats: {
    // Its own resolver: read only when asked for (a stored count, or a scan on graphs loaded before it was stored).
    contestedRelations: (_: unknown, __: unknown, ctx: ApiContext) => ctx.store.contestedCount(),
  },

  Entity: {
    __resolveType: (entity: EntityRecord) => entity.kind,
  },
  Person: entityFields,
  Organisation: entityFields,
  Place: entityFields,
  Event: {
    ...entityFields,
    place: (event: EntityRecord, _: unknown, ctx: ApiContext) =>
      event.kind === 'Event' && event.placeId ? ctx.loaders.entityById(event.placeId) : null,
  },

  Relation: {
    label: (r: RelationRecord) => relationTypeInfo(r.type).label,
    from: (r: RelationRecord, _: unknown, ctx: ApiContext) => ctx.loaders.entityById(r.from),
    to: (r: RelationRecord, _: unknown, ctx: ApiContext) => ctx.loaders.entityById(r.to),
  },

  Source: {
    async relations(source: { id: string }, args: { first?: number | null; after?: string | null }, ctx: ApiContext) {
      const limit = pageSize('first', args.first, 20, LIMITS.relationsFirst);
      const offset = decodeCursor(args.after);
      const page = await ctx.store.relationsCitingSource(source.id, offset, limit);
      return connection(page.items, offset, page.totalCount);
    },
    relationCount: async (source: { id: string; relationCount?: number }, _: unknown, ctx: ApiContext) =>
      source.relationCount ?? (await ctx.store.relationsCitingSource(source.id, 0, 1)).totalCount,
  },

  Evidence: {
    source: async (e: { sourceId: string }, _: unknown, ctx: ApiContext) =>
      (await ctx.loaders.source.load(e.sourceId)) ?? { id: e.sourceId, title: e.sourceId, languages: [] },
  },
};

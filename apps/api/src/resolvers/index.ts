import {
  ENTITY_KINDS,
  anchorQuote,
  selectorAt,
  ENTITY_KIND_INFO,
  RELATION_TYPES,
  relationTypeInfo,
  type Direction,
  type EntityKind,
} from '@steppe/domain';
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityRecord, PassageHit, RelationRecord, StoredEvidence } from '@steppe/graph-store';
import type { ApiContext } from '../context';
import { limitExceeded, notFound, userError } from '../errors';
import { LIMITS } from '../limits';
import { connection, decodeCursor, pageSize } from '../paging';
import { selectsAnywhere } from '../selection';
import { exploreQueries } from './explore';
import { aggregateResolvers, listingQueries } from './listing';
import { DateScalar } from './scalars';
import type { RelationFamily, Resolvers } from './generated';
import type { SourceParent } from './mappers';

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
    query: {
      types: args.types ?? undefined,
      direction: args.direction ?? 'BOTH',
      offset,
      limit,
      evidence: selectsAnywhere(info, 'evidence'),
    },
  });
  return connection(page.items, offset, page.totalCount);
}

/**
 * A relation's end: synchronous when the response already holds the entity (twice per relation, so no
 * closure is made then); a relation to nothing is a data bug.
 */
function endpoint(id: string, ctx: ApiContext): EntityRecord | Promise<EntityRecord> {
  const found = ctx.loaders.entityById(id);
  if (!(found instanceof Promise)) return found;
  return found.then((e) => {
    if (!e) throw new Error(`A relation ends at ${id}, which the graph does not hold`);
    return e;
  });
}

const entityFields = {
  relations: entityRelations,
};

export const resolvers: Resolvers = {
  Date: DateScalar,

  Query: {
    ...exploreQueries,
    ...listingQueries,

    async search(
      _: unknown,
      args: { query: string; kinds?: EntityKind[] | null; first?: number | null; after?: string | null },
      ctx: ApiContext,
    ) {
      const query = args.query.trim();
      if (query.length === 0) throw userError('`query` must not be empty.');
      if (query.length > LIMITS.searchQueryLength) throw limitExceeded('query length', LIMITS.searchQueryLength, query.length);
      const limit = pageSize('first', args.first, 10, LIMITS.searchFirst);
      const offset = decodeCursor(args.after);
      const page = await ctx.store.search(query, { kinds: args.kinds ?? undefined, offset, limit });
      for (const hit of page.items) ctx.loaders.remember(hit.entity);
      for (const entity of page.suggestions) ctx.loaders.remember(entity);
      const result = connection(page.items, offset, page.totalCount);
      return {
        ...result,
        edges: result.edges.map((e) => ({ cursor: e.cursor, node: e.node.entity, score: e.node.score })),
        suggestions: page.suggestions,
      };
    },

    async searchDocuments(_: unknown, args: { query: string; first?: number | null }, ctx: ApiContext) {
      const query = args.query.trim();
      if (query.length === 0) throw userError('`query` must not be empty.');
      if (query.length > LIMITS.searchQueryLength) throw limitExceeded('query length', LIMITS.searchQueryLength, query.length);
      const limit = pageSize('first', args.first, 10, LIMITS.documentSearchFirst);
      const page = await ctx.store.searchDocuments(query, { limit, relationLimit: LIMITS.passageRelations });
      return { passages: page.items, totalCount: page.totalCount };
    },

    async entity(_: unknown, args: { id: string }, ctx: ApiContext) {
      if (args.id.length > 200) throw userError('`id` is too long to be an entity id.');
      const found = await ctx.loaders.entity.load(args.id);
      if (!found) throw notFound('entity', [args.id]);
      return found;
    },

    async relationTypes(_: unknown, __: unknown, ctx: ApiContext) {
      const { types } = await ctx.store.vocabularyCounts();
      return RELATION_TYPES.map((t) => ({
        name: t.name,
        label: t.label,
        inverseLabel: t.inverseLabel,
        description: t.description,
        fromKinds: [...t.from],
        toKinds: [...t.to],
        dated: t.dated,
        family: t.family.toUpperCase() as RelationFamily,
        count: types.get(t.name) ?? 0,
      }));
    },

    async entityKinds(_: unknown, __: unknown, ctx: ApiContext) {
      const { kinds } = await ctx.store.vocabularyCounts();
      return ENTITY_KINDS.map((k) => ({ ...ENTITY_KIND_INFO[k], count: kinds.get(k) ?? 0 }));
    },
  },

  ...aggregateResolvers,

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
    from: (r: RelationRecord, _: unknown, ctx: ApiContext) => endpoint(r.from, ctx),
    to: (r: RelationRecord, _: unknown, ctx: ApiContext) => endpoint(r.to, ctx),
  },

  Source: {
    async relations(source: { id: string }, args: { first?: number | null; after?: string | null }, ctx: ApiContext) {
      const limit = pageSize('first', args.first, 20, LIMITS.relationsFirst);
      const offset = decodeCursor(args.after);
      const page = await ctx.store.relationsCitingSource(source.id, offset, limit);
      return connection(page.items, offset, page.totalCount);
    },
    text: (source: SourceParent) => {
      if (source.text === undefined)
        throw new Error(`Source ${source.id} was loaded without its text: load the graph again with the documents.`);
      return source.text;
    },
    mentions: (source: SourceParent) => source.mentions ?? [],
    relationCount: async (source: { id: string; relationCount?: number }, _: unknown, ctx: ApiContext) =>
      source.relationCount ?? (await ctx.store.relationsCitingSource(source.id, 0, 1)).totalCount,
  },

  Evidence: {
    source: async (e: { sourceId: string }, _: unknown, ctx: ApiContext) =>
      (await ctx.loaders.source.load(e.sourceId)) ?? { id: e.sourceId, title: e.sourceId, languages: [] },
    /** The stored start, with the context cut from the source's text (one batched source lookup per response). */
    async selector(e: StoredEvidence, _: unknown, ctx: ApiContext) {
      const source = await ctx.loaders.source.load(e.sourceId);
      const text = source?.text;
      if (text === undefined) throw new Error(`Source ${e.sourceId} was loaded without its text: load the graph again with the documents.`);
      if (e.start !== undefined && text.slice(e.start, e.start + e.quote.length) === e.quote)
        return selectorAt(text, e.start, e.start + e.quote.length);
      // A generation stored before anchors were: anchor now (a unique quote only).
      const anchor = anchorQuote(text, e.quote);
      if (!anchor.ok) throw new Error(`The quote cannot be anchored in ${e.sourceId} (${anchor.problem}).`);
      return anchor.selector;
    },
  },

  DocumentPassage: {
    source: async (p: PassageHit, _: unknown, ctx: ApiContext) => {
      const found = await ctx.loaders.source.load(p.sourceId);
      if (!found) throw new Error(`A passage belongs to source ${p.sourceId}, which the graph does not hold`);
      return found;
    },
  },

  Mention: {
    entity: (m: { entityId: string }, _: unknown, ctx: ApiContext) => endpoint(m.entityId, ctx),
  },
};

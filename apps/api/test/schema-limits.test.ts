import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isInputObjectType, isInterfaceType, isObjectType, type GraphQLNamedType } from 'graphql';
import { TEXT_LIMITS } from '@steppe/domain';
import { MAX_SUGGESTIONS } from '@steppe/graph-store';
import { LIMITS } from '../src/limits';

/**
 * The limits the SDL's descriptions state (what GraphiQL and generated clients show) are the
 * limits the server enforces: each stated maximum equals its constant in @steppe/domain's
 * API_LIMITS (or the store's), and a description that states a limit without being listed
 * here fails, so a new limit cannot be documented by hand and drift.
 */

/** Search hits considered at most (graph-store's MAX_SEARCH_HITS, not exported: the search cap the README states). */
const SEARCH_CAP = 1_000;

/** Schema coordinate → the maxima its description must state, in order. */
const STATED: Record<string, number[]> = {
  'Query.search(query)': [LIMITS.searchQueryLength],
  'Query.search(first)': [LIMITS.searchFirst],
  'Query.searchDocuments(query)': [LIMITS.searchQueryLength],
  'Query.searchDocuments(first)': [LIMITS.documentSearchFirst],
  'Query.neighbourhood(ids)': [LIMITS.neighbourhoodIds],
  'Query.neighbourhood(depth)': [LIMITS.neighbourhoodDepth],
  'Query.neighbourhood(limit)': [LIMITS.neighbourhoodNodes],
  'Query.paths(maxHops)': [LIMITS.pathHops],
  'Query.paths(limit)': [LIMITS.paths],
  'Query.subgraph(ids)': [LIMITS.subgraphIds],
  'Query.timeline(limit)': [LIMITS.timelineItems],
  'Query.relations(first)': [LIMITS.relationsFirst],
  'Query.entities(ids)': [LIMITS.subgraphIds],
  'Query.entities(first)': [LIMITS.relationsFirst],
  'Entity.relations(first)': [LIMITS.relationsFirst],
  'Source.relations(first)': [LIMITS.relationsFirst],
  'EntityConnection.totalCount': [SEARCH_CAP],
  'EntityConnection.suggestions': [MAX_SUGGESTIONS],
  'DocumentSearchResult.totalCount': [SEARCH_CAP],
  'DocumentPassage.relations': [LIMITS.passageRelations],
  'Evidence.quote': [TEXT_LIMITS.quote],
  'EntityWhere.nameContains': [LIMITS.searchQueryLength],
  'Subgraph.omittedNodesExact': [LIMITS.neighbourhoodExpansionBudget],
  // a confidence is a fraction: not a server limit, but stated as a range
  'RelationWhere.minConfidence': [1],
  'RelationWhere.maxConfidence': [1],
};

/** The maxima a description states: the upper end of "a–b", "at most N", "cap of N", "more than N". */
function statedMaxima(description: string | null | undefined): number[] {
  const text = (description ?? '').replace(/(\d),(\d{3})/g, '$1$2');
  const found: number[] = [];
  for (const m of text.matchAll(/(?:^|[\s(])\d+–(\d+)|at most (\d+)|cap of (\d+)|more than\s+(\d+)/g))
    found.push(Number(m[1] ?? m[2] ?? m[3] ?? m[4]));
  return found;
}

function coordinates(type: GraphQLNamedType): [string, string | null | undefined][] {
  const out: [string, string | null | undefined][] = [];
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      out.push([`${type.name}.${field.name}`, field.description]);
      for (const arg of field.args) out.push([`${type.name}.${field.name}(${arg.name})`, arg.description]);
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) out.push([`${type.name}.${field.name}`, field.description]);
  }
  return out;
}

describe('limits stated in the SDL', () => {
  const schema = buildSchema(readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8'));
  const stated = new Map<string, number[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    for (const [coordinate, description] of coordinates(type)) {
      const maxima = statedMaxima(description);
      if (maxima.length > 0) stated.set(coordinate, maxima);
    }
  }

  it('equal the constants the server enforces', () => {
    for (const [coordinate, expected] of Object.entries(STATED)) {
      expect([coordinate, stated.get(coordinate)]).toEqual([coordinate, expected]);
    }
  });

  it('are all checked here: a limit written into a description must be listed above', () => {
    expect([...stated.keys()].filter((c) => !(c in STATED))).toEqual([]);
  });
});

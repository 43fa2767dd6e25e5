'use client';

import { useCallback, useEffect, useReducer, useRef } from 'react';
import { isAbort, SteppeApiError, type GraphQLClient } from '../api/client';
import {
  EXPANSION_BATCH,
  fetchClaims,
  fetchNeighbours,
  fetchPaths,
  fetchSubgraph,
  MAX_NEIGHBOURHOOD_LIMIT,
  type ClaimsFilter,
  type Direction,
} from '../api/queries';
import type { EntitySummary, RelationData } from '../api/types';
import { edgeId } from '../workspace/ids';
import {
  currentView,
  INITIAL_WORKSPACE,
  workspaceReducer,
  type RetryRequest,
  type WorkspaceAction,
  type WorkspaceState,
} from '../workspace/reducer';
import type { UrlState } from '../workspace/url';
import { importBatch, importSummary, readImportFile } from '../workspace/import';

export interface ExpandOptions {
  types?: string[] | null;
  direction?: Direction;
  /** Neighbourhood limit (start entity included); default: one batch. */
  limit?: number;
  /** Select the entity once it is on the canvas. */
  select?: boolean;
}

export interface WorkspaceActions {
  dispatch: (action: WorkspaceAction) => void;
  /** Puts an entity and its neighbours (one hop, capped) on the canvas. */
  expand: (entity: Pick<EntitySummary, 'id' | 'name'>, options?: ExpandOptions) => Promise<void>;
  /** Fetches the next batch of neighbours an expansion held back. */
  expandMore: (id: string) => Promise<void>;
  /** Reproduces a view from the address bar (fetching what it shows). */
  restore: (url: UrlState) => Promise<void>;
  /** Finds the paths between the chosen ends (or the given ones) and puts them on the canvas. */
  findPaths: (ends?: { from: EntitySummary; to: EntitySummary }) => Promise<void>;
  retry: (request: RetryRequest) => void;
  /**
   * Puts a Steppe export (JSON or GraphML text) on the canvas as one undoable
   * step and says what was imported. A bad file throws an ImportError before
   * anything is added.
   */
  importFile: (fileName: string, text: string) => Promise<string>;
  /**
   * Puts claims from the whole graph on the canvas (every relation of some
   * types, or every contested one: the first page, in time order) with their
   * endpoints, and selects the first claim so its evidence is open.
   */
  showClaims: (filter: ClaimsFilter, label: string) => Promise<void>;
  /** Puts relations already fetched (e.g. a document's) on the canvas with their ends, selecting `select` (a relation id). */
  showRelations: (relations: readonly RelationData[], select: string | null, label: string) => Promise<void>;
}

/**
 * The explorer's state and the requests that change it. Every fetch goes
 * through the GraphQL client; the state itself is the pure workspace reducer.
 * Entities arrive in two steps: `neighbourhood` says who is next to whom, then
 * `subgraph` fetches every relation among all the entities on the canvas, so
 * the canvas always shows the same relations as a link to it would.
 */
export function useWorkspace(client: GraphQLClient, report: (outcome: unknown) => void): [WorkspaceState, WorkspaceActions] {
  const [state, dispatch] = useReducer(workspaceReducer, INITIAL_WORKSPACE);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  const inFlight = useRef(new Set<AbortController>());
  useEffect(() => {
    const controllers = inFlight.current;
    return () => controllers.forEach((c) => c.abort());
  }, []);

  const track = useCallback(
    async (key: string, label: string, retry: RetryRequest | null, work: (signal: AbortSignal) => Promise<void>) => {
      const controller = new AbortController();
      inFlight.current.add(controller);
      dispatch({ type: 'load/start', key, label });
      try {
        await work(controller.signal);
        report('ok');
        dispatch({ type: 'load/end', key });
      } catch (error) {
        if (isAbort(error)) {
          dispatch({ type: 'load/end', key });
          return;
        }
        report(error);
        dispatch({
          type: 'load/failure',
          failure: {
            key,
            label,
            message: error instanceof Error ? error.message : String(error),
            retryable: error instanceof SteppeApiError ? error.retryable : false,
            retry,
          },
        });
      } finally {
        inFlight.current.delete(controller);
      }
    },
    [report],
  );

  /**
   * `subgraph` of these ids; ids the graph does not hold (entities imported
   * from a file) are left out rather than failing the whole request.
   */
  const knownSubgraph = useCallback(
    async (ids: readonly string[], signal: AbortSignal) => {
      const fileOnly = new Set(stateRef.current.fileOnly);
      const asked = ids.filter((id) => !fileOnly.has(id));
      try {
        return await fetchSubgraph(client, asked, { signal });
      } catch (error) {
        const unknown = error instanceof SteppeApiError ? error.details.missingIds : undefined;
        if (!unknown || unknown.length === 0) throw error;
        const gone = new Set(unknown);
        return fetchSubgraph(
          client,
          asked.filter((id) => !gone.has(id)),
          { signal },
        );
      }
    },
    [client],
  );

  /** Fetches every relation among the canvas's entities plus `extra`, and merges them. */
  const fillRelations = useCallback(
    async (extra: readonly string[], signal: AbortSignal) => {
      const ids = [...new Set([...currentView(stateRef.current).nodes, ...extra])];
      const sub = await knownSubgraph(ids, signal);
      dispatch({ type: 'data/merge', entities: sub.entities, relations: sub.relations });
      return sub;
    },
    [knownSubgraph],
  );

  const expand = useCallback(
    (entity: Pick<EntitySummary, 'id' | 'name'>, options: ExpandOptions = {}) => {
      const types = options.types && options.types.length > 0 ? options.types : null;
      const direction = options.direction ?? 'BOTH';
      const limit = Math.min(options.limit ?? 1 + EXPANSION_BATCH, MAX_NEIGHBOURHOOD_LIMIT);
      const retry: RetryRequest = { type: 'expand', id: entity.id, name: entity.name, types, direction, limit };
      return track(`expand:${entity.id}`, `the neighbours of ${entity.name}`, retry, async (signal) => {
        const found = await fetchNeighbours(client, [entity.id], { relationTypes: types, direction, limit, signal });
        if (!found.entities.some((e) => e.id === entity.id)) {
          throw new SteppeApiError('graphql', `The graph has no entity “${entity.name}” (${entity.id}) any more.`, client.url);
        }
        const ids = found.entities.map((e) => e.id);
        await fillRelations(ids, signal);
        dispatch({
          type: 'canvas/add',
          ids,
          expansion: { id: entity.id, state: { limit, omitted: found.omittedNodes, types, direction } },
          anchor: entity.id,
          select: options.select ? [entity.id] : undefined,
        });
      });
    },
    [client, fillRelations, track],
  );

  const expandMore = useCallback(
    (id: string) => {
      const s = stateRef.current;
      const expansion = currentView(s).expansions[id];
      const entity = s.data.entities[id];
      if (!entity) return Promise.resolve();
      return expand(entity, {
        types: expansion?.types ?? null,
        direction: expansion?.direction ?? 'BOTH',
        limit: (expansion?.limit ?? 1) + EXPANSION_BATCH,
      });
    },
    [expand],
  );

  const findPaths = useCallback(
    async (ends?: { from: EntitySummary; to: EntitySummary }) => {
      const { from, to } = ends ?? stateRef.current.path;
      if (!from || !to) return;
      if (ends) {
        dispatch({ type: 'path/endpoint', end: 'from', entity: from });
        dispatch({ type: 'path/endpoint', end: 'to', entity: to });
      }
      const controller = new AbortController();
      inFlight.current.add(controller);
      dispatch({ type: 'path/start' });
      try {
        const paths = await fetchPaths(client, from.id, to.id, { mode: 'ALL_SHORTEST', maxHops: 4, limit: 5, signal: controller.signal });
        report('ok');
        const ids = [...new Set(paths.flatMap((p) => p.nodes.map((n) => n.id)))];
        dispatch({ type: 'data/merge', entities: paths.flatMap((p) => p.nodes), relations: paths.flatMap((p) => p.relations) });
        if (ids.length > 0) {
          await fillRelations(ids, controller.signal);
          const first = paths[0];
          dispatch({ type: 'canvas/add', ids, anchor: from.id, select: first?.relations[0] ? [edgeId(first.relations[0].id)] : undefined });
        }
        dispatch({ type: 'path/done', paths });
      } catch (error) {
        if (isAbort(error)) return;
        report(error);
        dispatch({ type: 'path/failure', message: error instanceof Error ? error.message : String(error) });
      } finally {
        inFlight.current.delete(controller);
      }
    },
    [client, fillRelations, report],
  );

  const restore = useCallback(
    (url: UrlState) =>
      track('restore', 'the linked view', { type: 'restore' }, async (signal) => {
        const missing = url.view.nodes.filter((id) => !stateRef.current.data.entities[id]);
        if (missing.length > 0 || url.view.nodes.length > 0) {
          // Ids the graph does not hold (imported from a file) do not stop the rest of the view: those this
          // page imported are drawn from what it holds; the others have nothing to draw.
          const sub = await knownSubgraph(url.view.nodes, signal);
          dispatch({ type: 'data/merge', entities: sub.entities, relations: sub.relations });
        }
        dispatch({ type: 'view/restore', view: url.view, selection: url.selection });
        if (url.path) {
          const ends = await fetchSubgraph(client, [url.path.from, url.path.to], { signal });
          const from = ends.entities.find((e) => e.id === url.path?.from);
          const to = ends.entities.find((e) => e.id === url.path?.to);
          if (from && to) void findPaths({ from, to });
        } else {
          dispatch({ type: 'path/clear' });
        }
      }),
    [client, track, findPaths, knownSubgraph],
  );

  const retry = useCallback(
    (request: RetryRequest) => {
      if (request.type === 'expand') {
        void expand(
          { id: request.id, name: request.name },
          { types: request.types, direction: request.direction, limit: request.limit, select: true },
        );
      }
    },
    [expand],
  );

  const importFile = useCallback(
    async (fileName: string, text: string) => {
      const graph = readImportFile(fileName, text);
      const ids = graph.nodes.map((e) => e.id);
      // Which of the file's entities the API's graph holds: those can be expanded and exported like any other.
      const controller = new AbortController();
      inFlight.current.add(controller);
      dispatch({ type: 'load/start', key: 'import', label: `“${fileName}”` });
      let known: string[] = [];
      let checked = true;
      try {
        const sub = await fetchSubgraph(client, ids, { signal: controller.signal });
        known = sub.entities.map((e) => e.id);
        report('ok');
      } catch (error) {
        if (isAbort(error)) throw error;
        const missing = error instanceof SteppeApiError ? error.details.missingIds : undefined;
        if (missing && missing.length > 0) {
          // The API answered: it holds all but these.
          report('ok');
          const gone = new Set(missing);
          known = ids.filter((id) => !gone.has(id));
        } else {
          report(error);
          checked = false;
        }
      } finally {
        inFlight.current.delete(controller);
        dispatch({ type: 'load/end', key: 'import' });
      }
      const batch = importBatch(fileName, graph, stateRef.current.data);
      const held = new Set(known);
      const fileOnly = checked ? ids.filter((id) => !held.has(id)) : [];
      dispatch({ type: 'import/add', entities: batch.entities, relations: batch.relations, ids: batch.ids, fileOnly, known });
      return importSummary(batch, fileOnly.length, checked);
    },
    [client, report],
  );

  const showClaims = useCallback(
    (filter: ClaimsFilter, label: string) =>
      track(`claims:${label}`, label, null, async (signal) => {
        const page = await fetchClaims(client, filter, { signal });
        if (page.relations.length === 0) return;
        const ids = [...new Set(page.relations.flatMap((r) => [r.from.id, r.to.id]))];
        dispatch({ type: 'data/merge', entities: page.relations.flatMap((r) => [r.from, r.to]), relations: page.relations });
        await fillRelations(ids, signal);
        dispatch({ type: 'canvas/add', ids, anchor: ids[0], select: [edgeId(page.relations[0]!.id)] });
      }),
    [client, fillRelations, track],
  );

  const showRelations = useCallback(
    (relations: readonly RelationData[], select: string | null, label: string) =>
      track(`relations:${label}`, label, null, async (signal) => {
        if (relations.length === 0) return;
        const ids = [...new Set(relations.flatMap((r) => [r.from.id, r.to.id]))];
        dispatch({ type: 'data/merge', entities: relations.flatMap((r) => [r.from, r.to]), relations });
        await fillRelations(ids, signal);
        dispatch({ type: 'canvas/add', ids, anchor: ids[0], select: select ? [edgeId(select)] : [] });
      }),
    [fillRelations, track],
  );

  return [state, { dispatch, expand, expandMore, restore, findPaths, retry, importFile, showClaims, showRelations }];
}

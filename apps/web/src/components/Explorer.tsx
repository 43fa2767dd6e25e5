'use client';

import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { createGraphQLClient, isAbort, SteppeApiError } from '../api/client';
import { fetchNeighbourhood } from '../api/queries';
import type { EntitySummary, SearchHit } from '../api/types';
import { elementsOf } from '../graph/elements';
import { entityCount } from '../graph/state';
import { explorerReducer, INITIAL_EXPLORER_STATE, type Selection } from '../explorer/reducer';
import { ApiStatus } from './ApiStatus';
import { DetailsPanel } from './DetailsPanel';
import { GraphCanvas } from './GraphCanvas';
import { useApiHealth } from './hooks';
import { Legend } from './Legend';
import { SearchBox } from './SearchBox';

export interface ExplorerProps {
  /** The GraphQL endpoint, resolved on the server at request time. */
  apiUrl: string;
  /** A configuration problem to show instead of trying the API. */
  configError?: string;
}

/** The explorer: search, canvas, details. All data comes from the GraphQL API over HTTP. */
export function Explorer({ apiUrl, configError }: ExplorerProps) {
  const client = useMemo(() => createGraphQLClient({ url: apiUrl }), [apiUrl]);
  const health = useApiHealth(client);
  const [state, dispatch] = useReducer(explorerReducer, INITIAL_EXPLORER_STATE);
  const inFlight = useRef(new Set<AbortController>());

  useEffect(() => {
    const controllers = inFlight.current;
    return () => controllers.forEach((c) => c.abort());
  }, []);

  const { report } = health;
  const expand = useCallback(
    async (entity: Pick<EntitySummary, 'id' | 'name'>, options: { select: boolean; after?: string | null }) => {
      const controller = new AbortController();
      inFlight.current.add(controller);
      dispatch({ type: 'load/start', id: entity.id, name: entity.name });
      try {
        const neighbourhood = await fetchNeighbourhood(client, entity.id, { after: options.after, signal: controller.signal });
        report('ok');
        if (!neighbourhood) {
          dispatch({
            type: 'load/failure',
            id: entity.id,
            name: entity.name,
            message: `The graph has no entity “${entity.name}” (${entity.id}) any more.`,
            retryable: false,
          });
        } else {
          dispatch({ type: 'load/success', neighbourhood, select: options.select });
        }
      } catch (error) {
        if (isAbort(error)) return;
        report(error);
        dispatch({
          type: 'load/failure',
          id: entity.id,
          name: entity.name,
          message: error instanceof Error ? error.message : String(error),
          retryable: error instanceof SteppeApiError ? error.retryable : false,
        });
      } finally {
        inFlight.current.delete(controller);
      }
    },
    [client, report],
  );

  const graph = state.graph;
  const choose = useCallback(
    (hit: SearchHit) => {
      if (graph.expansions[hit.id]) dispatch({ type: 'select', selection: { type: 'entity', id: hit.id } });
      else void expand(hit, { select: true });
    },
    [graph.expansions, expand],
  );

  const select = useCallback((selection: Selection | null) => dispatch({ type: 'select', selection }), []);
  const onExpand = useCallback(
    (entity: EntitySummary, after?: string | null) => void expand(entity, { select: false, after }),
    [expand],
  );

  const elements = useMemo(() => elementsOf(graph), [graph]);
  const pendingIds = useMemo(() => new Set(state.pending.map((p) => p.id)), [state.pending]);
  const nodes = entityCount(graph);
  const edges = Object.keys(graph.relations).length;

  return (
    <div className="explorer">
      <header className="topbar">
        <div className="brand">
          <h1>Steppe</h1>
          <p className="tagline">Who did what in the January 2022 unrest in Kazakhstan, and who says so.</p>
        </div>
        <SearchBox client={client} onChoose={choose} onOutcome={report} retryToken={health.recoveries} />
      </header>

      {configError ? (
        <div className="api-status" role="alert">
          <p>
            <strong>The explorer is misconfigured.</strong> {configError}
          </p>
        </div>
      ) : null}
      <ApiStatus outage={health.outage} onRetry={health.checkNow} />

      <main className="workspace">
        <section className="canvas-area" aria-label="Graph">
          <GraphCanvas
            elements={elements}
            selection={state.selection}
            anchor={state.anchor}
            onSelect={select}
            summary={
              nodes > 0
                ? `Graph of ${nodes} entities and ${edges} relations. The details panel lists each entity's relations.`
                : 'Empty graph canvas.'
            }
          />
          <div className="canvas-overlay" aria-live="polite">
            {state.pending.length > 0 ? (
              <p className="overlay-message">Loading the relations of {state.pending.map((p) => p.name).join(', ')}…</p>
            ) : null}
            {state.failure ? (
              <div className="overlay-message overlay-error" role="alert">
                <p>
                  Couldn’t load the relations of {state.failure.name}. {state.failure.message}
                </p>
                <div className="overlay-actions">
                  {state.failure.retryable ? (
                    <button
                      type="button"
                      onClick={() => {
                        const failure = state.failure;
                        if (failure) void expand({ id: failure.id, name: failure.name }, { select: true });
                      }}
                    >
                      Try again
                    </button>
                  ) : null}
                  <button type="button" onClick={() => dispatch({ type: 'dismissFailure' })}>
                    Dismiss
                  </button>
                </div>
              </div>
            ) : null}
            {nodes === 0 && state.pending.length === 0 && !state.failure ? (
              <p className="overlay-message overlay-empty">
                The canvas is empty. Search for a person, organisation, place or event and choose it to see its
                relations and the sources behind them.
              </p>
            ) : null}
          </div>
          <div className="canvas-footer">
            <p className="muted" aria-live="polite">
              {nodes > 0 ? `${nodes} entities · ${edges} relations` : ''}
            </p>
            {nodes > 0 ? (
              <button type="button" onClick={() => dispatch({ type: 'clear' })}>
                Clear canvas
              </button>
            ) : null}
          </div>
          <Legend />
        </section>
        <aside className="details-area">
          <DetailsPanel graph={graph} selection={state.selection} pending={pendingIds} onSelect={select} onExpand={onExpand} />
        </aside>
      </main>
    </div>
  );
}

import type { Neighbourhood } from '../api/types';
import { addNeighbourhood, EMPTY_GRAPH, type GraphState } from '../graph/state';

/** What the details panel shows. */
export type Selection = { type: 'entity'; id: string } | { type: 'relation'; id: string };

export interface PendingLoad {
  id: string;
  name: string;
}

export interface LoadFailure {
  id: string;
  name: string;
  message: string;
  /** Whether trying again may help (the API was unreachable, not a bad request). */
  retryable: boolean;
}

export interface ExplorerState {
  graph: GraphState;
  selection: Selection | null;
  /** Entities whose neighbours are being fetched. */
  pending: readonly PendingLoad[];
  failure: LoadFailure | null;
  /** The entity new neighbours are placed around (the last one expanded). */
  anchor: string | null;
}

export type ExplorerAction =
  | { type: 'load/start'; id: string; name: string }
  | { type: 'load/success'; neighbourhood: Neighbourhood; select: boolean }
  | { type: 'load/failure'; id: string; name: string; message: string; retryable: boolean }
  | { type: 'select'; selection: Selection | null }
  | { type: 'dismissFailure' }
  | { type: 'clear' };

export const INITIAL_EXPLORER_STATE: ExplorerState = {
  graph: EMPTY_GRAPH,
  selection: null,
  pending: [],
  failure: null,
  anchor: null,
};

export function explorerReducer(state: ExplorerState, action: ExplorerAction): ExplorerState {
  switch (action.type) {
    case 'load/start':
      if (state.pending.some((p) => p.id === action.id)) return state;
      return {
        ...state,
        pending: [...state.pending, { id: action.id, name: action.name }],
        failure: state.failure?.id === action.id ? null : state.failure,
      };
    case 'load/success': {
      const id = action.neighbourhood.entity.id;
      return {
        ...state,
        graph: addNeighbourhood(state.graph, action.neighbourhood),
        pending: state.pending.filter((p) => p.id !== id),
        anchor: id,
        selection: action.select ? { type: 'entity', id } : state.selection,
      };
    }
    case 'load/failure':
      return {
        ...state,
        pending: state.pending.filter((p) => p.id !== action.id),
        failure: { id: action.id, name: action.name, message: action.message, retryable: action.retryable },
      };
    case 'select': {
      const s = action.selection;
      if (s && s.type === 'entity' && !state.graph.entities[s.id]) return state;
      if (s && s.type === 'relation' && !state.graph.relations[s.id]) return state;
      return { ...state, selection: s };
    }
    case 'dismissFailure':
      return { ...state, failure: null };
    case 'clear':
      // Loads still in flight keep their place in `pending` and land on the fresh canvas.
      return { ...INITIAL_EXPLORER_STATE, pending: state.pending };
  }
}

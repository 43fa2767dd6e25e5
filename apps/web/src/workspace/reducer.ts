import type { PathData } from '../api/queries';
import type { EntityDetail, EntitySummary, RelationData } from '../api/types';
import { edgeId, relationIdOf } from './ids';
import { EMPTY_GRAPH, mergeData, type GraphState } from './state';
import { commit, createHistory, redo, replacePresent, undo, type History } from './history';
import type { Filters } from './filters';
import {
  addNodes,
  EMPTY_VIEW,
  hide,
  keepOnly,
  removeNodes,
  setExpansion,
  setFilters,
  setLayout,
  setPinned,
  showHidden,
  type CanvasView,
  type ExpansionState,
  type LayoutName,
} from './view';

/** What the details panel shows: one entity or one relation. */
export type Selection = { type: 'entity'; id: string } | { type: 'relation'; id: string };

export interface PendingLoad {
  key: string;
  label: string;
}

/** What to do again when "Try again" is pressed. */
export type RetryRequest =
  | { type: 'expand'; id: string; name: string; types: string[] | null; direction: ExpansionState['direction']; limit: number }
  | { type: 'restore' };

export interface LoadFailure {
  key: string;
  label: string;
  message: string;
  /** Whether trying again may help (the API was unreachable, not a bad request). */
  retryable: boolean;
  retry: RetryRequest | null;
}

export interface PathState {
  from: EntitySummary | null;
  to: EntitySummary | null;
  status: 'idle' | 'loading' | 'done' | 'error';
  paths: PathData[];
  message: string | null;
}

export const EMPTY_PATH: PathState = { from: null, to: null, status: 'idle', paths: [], message: null };

export interface WorkspaceState {
  /** Everything fetched so far (never undone: undo changes what is shown, not what is known). */
  data: GraphState;
  history: History<CanvasView>;
  /** Selected element ids: entity ids and edge ids (`relation:<id>`). The last one is the focus. */
  selection: readonly string[];
  pending: readonly PendingLoad[];
  failure: LoadFailure | null;
  /** The entity new neighbours fan out from. */
  anchor: string | null;
  path: PathState;
  /** Imported entity ids that the API's graph does not hold: they cannot be expanded or exported by the API. */
  fileOnly: readonly string[];
}

export type CanvasChange =
  | { type: 'remove'; ids: readonly string[] }
  | { type: 'hide'; ids: readonly string[] }
  | { type: 'showHidden' }
  | { type: 'pin'; ids: readonly string[]; pinned: boolean }
  | { type: 'keepOnly'; ids: readonly string[] }
  | { type: 'layout'; layout: LayoutName }
  | { type: 'filters'; filters: Filters }
  | { type: 'clear' };

export type WorkspaceAction =
  | { type: 'load/start'; key: string; label: string }
  | { type: 'load/end'; key: string }
  | { type: 'load/failure'; failure: LoadFailure }
  | { type: 'dismissFailure' }
  | { type: 'data/merge'; entities?: readonly (EntitySummary | EntityDetail)[]; relations?: readonly RelationData[] }
  | {
      type: 'canvas/add';
      ids: readonly string[];
      expansion?: { id: string; state: ExpansionState };
      anchor?: string | null;
      select?: readonly string[];
    }
  | { type: 'canvas/change'; change: CanvasChange }
  | {
      /** A file's entities and relations join what is known, and its entities the canvas (one undoable step). */
      type: 'import/add';
      entities: readonly EntityDetail[];
      relations: readonly RelationData[];
      ids: readonly string[];
      /** Of `ids`, those the API said it does not hold, and those it does. */
      fileOnly: readonly string[];
      known: readonly string[];
    }
  | { type: 'history/undo' }
  | { type: 'history/redo' }
  | { type: 'view/restore'; view: CanvasView; selection: readonly string[] }
  | { type: 'select'; ids: readonly string[] }
  | { type: 'path/endpoint'; end: 'from' | 'to'; entity: EntitySummary | null }
  | { type: 'path/start' }
  | { type: 'path/done'; paths: PathData[] }
  | { type: 'path/failure'; message: string }
  | { type: 'path/clear' };

export const INITIAL_WORKSPACE: WorkspaceState = {
  data: EMPTY_GRAPH,
  history: createHistory(EMPTY_VIEW),
  selection: [],
  pending: [],
  failure: null,
  anchor: null,
  path: EMPTY_PATH,
  fileOnly: [],
};

export function currentView(state: WorkspaceState): CanvasView {
  return state.history.present;
}

/** What the details panel shows: the last selected element. */
export function focusOf(selection: readonly string[]): Selection | null {
  const last = selection[selection.length - 1];
  if (last === undefined) return null;
  const relationId = relationIdOf(last);
  return relationId ? { type: 'relation', id: relationId } : { type: 'entity', id: last };
}

export function selectionIdOf(selection: Selection): string {
  return selection.type === 'entity' ? selection.id : edgeId(selection.id);
}

/** Selected entity ids (edges left out). */
export function selectedEntities(selection: readonly string[]): string[] {
  return selection.filter((id) => relationIdOf(id) === null);
}

/** Drops selected elements that are no longer on the canvas. */
function pruneSelection(selection: readonly string[], data: GraphState, view: CanvasView): readonly string[] {
  const onCanvas = new Set(view.nodes);
  const kept = selection.filter((id) => {
    const relationId = relationIdOf(id);
    if (relationId === null) return onCanvas.has(id);
    const r = data.relations[relationId];
    return r !== undefined && onCanvas.has(r.from.id) && onCanvas.has(r.to.id);
  });
  return kept.length === selection.length ? selection : kept;
}

function applyChange(view: CanvasView, change: CanvasChange): CanvasView {
  switch (change.type) {
    case 'remove':
      return removeNodes(view, change.ids);
    case 'hide':
      return hide(view, change.ids);
    case 'showHidden':
      return showHidden(view);
    case 'pin':
      return setPinned(view, change.ids, change.pinned);
    case 'keepOnly':
      return keepOnly(view, change.ids);
    case 'layout':
      return setLayout(view, change.layout);
    case 'filters':
      return setFilters(view, change.filters);
    case 'clear':
      return view.nodes.length === 0 ? view : { ...EMPTY_VIEW, layout: view.layout, filters: view.filters };
  }
}

function withView(state: WorkspaceState, history: History<CanvasView>): WorkspaceState {
  if (history === state.history) return state;
  return { ...state, history, selection: pruneSelection(state.selection, state.data, history.present) };
}

export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'load/start':
      if (state.pending.some((p) => p.key === action.key)) return state;
      return {
        ...state,
        pending: [...state.pending, { key: action.key, label: action.label }],
        failure: state.failure?.key === action.key ? null : state.failure,
      };
    case 'load/end':
      return { ...state, pending: state.pending.filter((p) => p.key !== action.key) };
    case 'load/failure':
      return { ...state, pending: state.pending.filter((p) => p.key !== action.failure.key), failure: action.failure };
    case 'dismissFailure':
      return { ...state, failure: null };
    case 'data/merge':
      return { ...state, data: mergeData(state.data, action.entities ?? [], action.relations ?? []) };
    case 'canvas/add': {
      const ids = action.ids.filter((id) => state.data.entities[id] !== undefined);
      let view = addNodes(state.history.present, ids);
      if (action.expansion) view = setExpansion(view, action.expansion.id, action.expansion.state);
      const next = withView(state, commit(state.history, view));
      const select = action.select?.filter((id) => view.nodes.includes(id) || relationIdOf(id) !== null);
      return {
        ...next,
        anchor: action.anchor === undefined ? next.anchor : action.anchor,
        selection: select && select.length > 0 ? select : next.selection,
      };
    }
    case 'canvas/change':
      return withView(state, commit(state.history, applyChange(state.history.present, action.change)));
    case 'import/add': {
      const data = mergeData(state.data, action.entities, action.relations);
      const known = new Set(action.known);
      const fileOnly = [...new Set([...state.fileOnly.filter((id) => !known.has(id)), ...action.fileOnly])];
      const view = addNodes(
        state.history.present,
        action.ids.filter((id) => data.entities[id] !== undefined),
      );
      const same = fileOnly.length === state.fileOnly.length && fileOnly.every((id, i) => id === state.fileOnly[i]);
      return withView({ ...state, data, fileOnly: same ? state.fileOnly : fileOnly }, commit(state.history, view));
    }
    case 'history/undo':
      return withView(state, undo(state.history));
    case 'history/redo':
      return withView(state, redo(state.history));
    case 'view/restore': {
      const next = withView(state, replacePresent(state.history, action.view));
      return { ...next, selection: pruneSelection(action.selection, next.data, action.view) };
    }
    case 'select': {
      const ids = pruneSelection([...new Set(action.ids)], state.data, state.history.present);
      const same = ids.length === state.selection.length && ids.every((id, i) => id === state.selection[i]);
      return same ? state : { ...state, selection: ids };
    }
    case 'path/endpoint':
      return { ...state, path: { ...state.path, [action.end]: action.entity, status: 'idle', paths: [], message: null } };
    case 'path/start':
      return { ...state, path: { ...state.path, status: 'loading', paths: [], message: null } };
    case 'path/done':
      return { ...state, path: { ...state.path, status: 'done', paths: action.paths, message: null } };
    case 'path/failure':
      return { ...state, path: { ...state.path, status: 'error', paths: [], message: action.message } };
    case 'path/clear':
      return { ...state, path: EMPTY_PATH };
  }
}

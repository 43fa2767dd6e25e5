import { accusation, aidRequest, almaty, csto, deployment, tokayev, unrest } from '../test/fixtures';
import { NO_FILTERS } from './filters';
import {
  currentView,
  focusOf,
  INITIAL_WORKSPACE,
  selectedEntities,
  workspaceReducer,
  type WorkspaceAction,
  type WorkspaceState,
} from './reducer';
import { EMPTY_VIEW } from './view';

const run = (state: WorkspaceState, ...actions: WorkspaceAction[]) => actions.reduce(workspaceReducer, state);
const loaded = run(
  INITIAL_WORKSPACE,
  { type: 'data/merge', entities: [tokayev, csto, almaty, unrest], relations: [aidRequest, accusation, deployment] },
  {
    type: 'canvas/add',
    ids: ['kassym-jomart-tokayev', 'csto', 'january-2022-unrest'],
    expansion: { id: 'kassym-jomart-tokayev', state: { limit: 26, omitted: 3, types: null, direction: 'BOTH' } },
    anchor: 'kassym-jomart-tokayev',
    select: ['kassym-jomart-tokayev'],
  },
);

describe('workspaceReducer', () => {
  it('adds entities to the canvas as one undoable step and selects the chosen one', () => {
    const view = currentView(loaded);
    expect(view.nodes).toEqual(['kassym-jomart-tokayev', 'csto', 'january-2022-unrest']);
    expect(view.expansions['kassym-jomart-tokayev']?.omitted).toBe(3);
    expect(loaded.selection).toEqual(['kassym-jomart-tokayev']);
    expect(loaded.anchor).toBe('kassym-jomart-tokayev');
    expect(loaded.history.past).toHaveLength(1);
  });

  it('does not put an entity it knows nothing about on the canvas', () => {
    const state = run(loaded, { type: 'canvas/add', ids: ['unknown'] });
    expect(currentView(state).nodes).not.toContain('unknown');
  });

  it('undoes and redoes every canvas change; data stays known', () => {
    const changed = run(
      loaded,
      { type: 'canvas/change', change: { type: 'pin', ids: ['csto'], pinned: true } },
      { type: 'canvas/change', change: { type: 'hide', ids: ['january-2022-unrest'] } },
      { type: 'canvas/change', change: { type: 'remove', ids: ['csto'] } },
      { type: 'canvas/change', change: { type: 'layout', layout: 'grid' } },
      { type: 'canvas/change', change: { type: 'filters', filters: { ...NO_FILTERS, minSources: 2 } } },
    );
    expect(currentView(changed)).toMatchObject({ nodes: ['kassym-jomart-tokayev', 'january-2022-unrest'], pinned: [], layout: 'grid' });
    let s = changed;
    for (let i = 0; i < 5; i++) s = run(s, { type: 'history/undo' });
    expect(currentView(s)).toBe(currentView(loaded));
    s = run(s, { type: 'history/undo' });
    expect(currentView(s)).toBe(EMPTY_VIEW);
    expect(Object.keys(s.data.entities)).toHaveLength(4);
    for (let i = 0; i < 6; i++) s = run(s, { type: 'history/redo' });
    expect(currentView(s)).toBe(currentView(changed));
  });

  it('a change that changes nothing is not an undo step', () => {
    const same = run(loaded, { type: 'canvas/change', change: { type: 'layout', layout: 'fcose' } });
    expect(same).toBe(loaded);
  });

  it('keeps only the selection, and drops selected elements that leave the canvas', () => {
    const s = run(
      loaded,
      { type: 'select', ids: ['csto', `relation:${accusation.id}`] },
      { type: 'canvas/change', change: { type: 'keepOnly', ids: ['csto', 'kassym-jomart-tokayev'] } },
    );
    expect(currentView(s).nodes).toEqual(['kassym-jomart-tokayev', 'csto']);
    expect(s.selection).toEqual(['csto']);
  });

  it('selects only what is on the canvas', () => {
    const s = run(loaded, { type: 'select', ids: ['almaty', 'csto', `relation:${aidRequest.id}`, `relation:${deployment.id}`] });
    expect(s.selection).toEqual(['csto', `relation:${aidRequest.id}`]);
    expect(run(s, { type: 'select', ids: [...s.selection] })).toBe(s);
  });

  it('restores a view from the address bar without an undo step', () => {
    const view = { ...EMPTY_VIEW, nodes: ['csto', 'almaty'] };
    const s = run(loaded, { type: 'view/restore', view, selection: ['almaty', 'nope'] });
    expect(currentView(s)).toBe(view);
    expect(s.selection).toEqual(['almaty']);
    expect(s.history.past).toHaveLength(1);
  });

  it('clears the canvas but keeps the layout and filters', () => {
    const s = run(
      loaded,
      { type: 'canvas/change', change: { type: 'layout', layout: 'concentric' } },
      { type: 'canvas/change', change: { type: 'clear' } },
    );
    expect(currentView(s)).toMatchObject({ nodes: [], layout: 'concentric' });
    expect(s.selection).toEqual([]);
  });

  it('tracks loads and failures', () => {
    let s = run(INITIAL_WORKSPACE, { type: 'load/start', key: 'expand:csto', label: 'the neighbours of CSTO' });
    expect(run(s, { type: 'load/start', key: 'expand:csto', label: 'x' })).toBe(s);
    s = run(s, { type: 'load/failure', failure: { key: 'expand:csto', label: 'x', message: 'down', retryable: true, retry: null } });
    expect(s.pending).toEqual([]);
    expect(s.failure?.message).toBe('down');
    s = run(s, { type: 'load/start', key: 'expand:csto', label: 'x' });
    expect(s.failure).toBeNull();
    s = run(s, { type: 'load/end', key: 'expand:csto' });
    expect(s.pending).toEqual([]);
  });

  it('tracks a path search', () => {
    let s = run(
      INITIAL_WORKSPACE,
      { type: 'path/endpoint', end: 'from', entity: tokayev },
      { type: 'path/endpoint', end: 'to', entity: almaty },
    );
    expect(s.path).toMatchObject({ from: { id: tokayev.id }, to: { id: almaty.id }, status: 'idle' });
    s = run(s, { type: 'path/start' });
    expect(s.path.status).toBe('loading');
    s = run(s, { type: 'path/done', paths: [{ length: 2, nodes: [tokayev, csto, almaty], relations: [aidRequest, deployment] }] });
    expect(s.path.paths).toHaveLength(1);
    expect(run(s, { type: 'path/clear' }).path.from).toBeNull();
  });
});

describe('selection helpers', () => {
  it('focuses the last selected element', () => {
    expect(focusOf([])).toBeNull();
    expect(focusOf(['a', 'relation:r'])).toEqual({ type: 'relation', id: 'r' });
    expect(focusOf(['relation:r', 'a'])).toEqual({ type: 'entity', id: 'a' });
    expect(selectedEntities(['a', 'relation:r', 'b'])).toEqual(['a', 'b']);
  });
});

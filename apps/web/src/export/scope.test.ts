import { edgeId } from '../workspace/ids';
import { accusation, aidRequest, almaty, csto, deployment, tokayev, unrest } from '../test/fixtures';
import { currentView, INITIAL_WORKSPACE, workspaceReducer, type WorkspaceAction, type WorkspaceState } from '../workspace/reducer';
import { visibility } from '../workspace/visibility';
import { apiScope, defaultScopeKind, exportScope } from './scope';

const run = (state: WorkspaceState, ...actions: WorkspaceAction[]) => actions.reduce(workspaceReducer, state);
const loaded = run(
  INITIAL_WORKSPACE,
  { type: 'data/merge', entities: [tokayev, csto, almaty, unrest], relations: [aidRequest, accusation, deployment] },
  { type: 'canvas/add', ids: [tokayev.id, csto.id, unrest.id, almaty.id] },
);

function scopeOf(state: WorkspaceState, kind: 'view' | 'selection') {
  const view = currentView(state);
  return exportScope(kind, state.data, view, visibility(state.data, view), state.selection);
}

describe('exportScope', () => {
  it('view: every entity and relation the canvas shows, in canvas order', () => {
    expect(scopeOf(loaded, 'view')).toEqual({
      kind: 'view',
      entityIds: [tokayev.id, csto.id, unrest.id, almaty.id],
      relationIds: [aidRequest.id, accusation.id, deployment.id],
    });
  });

  it('view: leaves out what filters or the analyst hid', () => {
    const hidden = run(
      loaded,
      { type: 'canvas/change', change: { type: 'hide', ids: [almaty.id] } },
      { type: 'canvas/change', change: { type: 'hide', ids: [edgeId(accusation.id)] } },
    );
    const scope = scopeOf(hidden, 'view');
    expect(scope.entityIds).toEqual([tokayev.id, csto.id, unrest.id]);
    expect(scope.relationIds).toEqual([aidRequest.id]);
    const noEvents = run(loaded, {
      type: 'canvas/change',
      change: { type: 'filters', filters: { ...currentView(loaded).filters, hiddenKinds: ['Event'] } },
    });
    expect(scopeOf(noEvents, 'view').entityIds).not.toContain(unrest.id);
  });

  it('selection: the selected entities, the ends of selected relations, and the relations among them', () => {
    const entities = run(loaded, { type: 'select', ids: [tokayev.id, csto.id] });
    expect(scopeOf(entities, 'selection')).toEqual({ kind: 'selection', entityIds: [tokayev.id, csto.id], relationIds: [aidRequest.id] });

    const relation = run(loaded, { type: 'select', ids: [edgeId(deployment.id)] });
    expect(scopeOf(relation, 'selection')).toEqual({ kind: 'selection', entityIds: [csto.id, almaty.id], relationIds: [deployment.id] });

    const mixed = run(loaded, { type: 'select', ids: [unrest.id, edgeId(aidRequest.id)] });
    expect(scopeOf(mixed, 'selection').entityIds).toEqual([tokayev.id, csto.id, unrest.id]);
    expect(scopeOf(mixed, 'selection').relationIds).toEqual([aidRequest.id, accusation.id]);
  });

  it('selection: empty when nothing is selected; the dialog then opens on the view', () => {
    expect(scopeOf(loaded, 'selection')).toEqual({ kind: 'selection', entityIds: [], relationIds: [] });
    expect(defaultScopeKind([])).toBe('view');
    expect(defaultScopeKind([tokayev.id])).toBe('selection');
  });
});

describe('apiScope', () => {
  it('leaves out imported entities the API does not hold, and says which', () => {
    const scope = scopeOf(loaded, 'view');
    expect(apiScope(scope, new Set())).toEqual({ scope, left: [] });
    const { scope: sent, left } = apiScope(scope, new Set([almaty.id, 'elsewhere']));
    expect(sent.entityIds).toEqual([tokayev.id, csto.id, unrest.id]);
    expect(left).toEqual([almaty.id]);
  });
});

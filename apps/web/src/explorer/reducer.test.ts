import { explorerReducer, INITIAL_EXPLORER_STATE, type ExplorerState } from './reducer';
import { cstoNeighbourhood, tokayevNeighbourhood } from '../test/fixtures';

const run = (state: ExplorerState, ...actions: Parameters<typeof explorerReducer>[1][]) => actions.reduce(explorerReducer, state);

describe('explorerReducer', () => {
  it('tracks a load from start to success, selecting the chosen entity', () => {
    const loading = run(INITIAL_EXPLORER_STATE, { type: 'load/start', id: 'kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev' });
    expect(loading.pending).toEqual([{ id: 'kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev' }]);
    const done = run(loading, { type: 'load/success', neighbourhood: tokayevNeighbourhood(), select: true });
    expect(done.pending).toEqual([]);
    expect(done.selection).toEqual({ type: 'entity', id: 'kassym-jomart-tokayev' });
    expect(done.anchor).toBe('kassym-jomart-tokayev');
    expect(Object.keys(done.graph.entities)).toHaveLength(3);
  });

  it('does not start the same load twice', () => {
    const once = run(INITIAL_EXPLORER_STATE, { type: 'load/start', id: 'csto', name: 'CSTO' });
    expect(run(once, { type: 'load/start', id: 'csto', name: 'CSTO' })).toBe(once);
  });

  it('keeps the selection when loading neighbours without selecting', () => {
    const state = run(
      INITIAL_EXPLORER_STATE,
      { type: 'load/success', neighbourhood: tokayevNeighbourhood(), select: true },
      { type: 'select', selection: { type: 'relation', id: 'tokayev-requested-aid-from-csto' } },
      { type: 'load/success', neighbourhood: cstoNeighbourhood(), select: false },
    );
    expect(state.selection).toEqual({ type: 'relation', id: 'tokayev-requested-aid-from-csto' });
    expect(state.anchor).toBe('csto');
  });

  it('records a failure, and a new attempt at the same entity clears it', () => {
    const failed = run(
      INITIAL_EXPLORER_STATE,
      { type: 'load/start', id: 'csto', name: 'CSTO' },
      { type: 'load/failure', id: 'csto', name: 'CSTO', message: "Can't reach the Steppe API at http://x/graphql.", retryable: true },
    );
    expect(failed.pending).toEqual([]);
    expect(failed.failure).toMatchObject({ id: 'csto', retryable: true });
    expect(run(failed, { type: 'load/start', id: 'csto', name: 'CSTO' }).failure).toBeNull();
    expect(run(failed, { type: 'dismissFailure' }).failure).toBeNull();
  });

  it('ignores a selection of something not on the canvas', () => {
    const state = run(INITIAL_EXPLORER_STATE, { type: 'load/success', neighbourhood: tokayevNeighbourhood(), select: false });
    expect(run(state, { type: 'select', selection: { type: 'entity', id: 'nobody' } })).toBe(state);
    expect(run(state, { type: 'select', selection: { type: 'relation', id: 'nothing' } })).toBe(state);
    expect(run(state, { type: 'select', selection: { type: 'entity', id: 'csto' } }).selection).toEqual({ type: 'entity', id: 'csto' });
    expect(run(state, { type: 'select', selection: null }).selection).toBeNull();
  });

  it('clears the canvas but not loads in flight', () => {
    const state = run(
      INITIAL_EXPLORER_STATE,
      { type: 'load/success', neighbourhood: tokayevNeighbourhood(), select: true },
      { type: 'load/start', id: 'csto', name: 'CSTO' },
      { type: 'clear' },
    );
    expect(state.graph.entities).toEqual({});
    expect(state.selection).toBeNull();
    expect(state.pending).toEqual([{ id: 'csto', name: 'CSTO' }]);
  });
});

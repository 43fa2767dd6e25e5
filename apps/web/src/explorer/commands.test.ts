import { aidRequest, almaty, csto, deployment, tokayev } from '../test/fixtures';
import { edgeId } from '../workspace/ids';
import type { CanvasChange, WorkspaceAction } from '../workspace/reducer';
import { EMPTY_GRAPH, mergeData } from '../workspace/state';
import { addNodes, EMPTY_VIEW, type CanvasView } from '../workspace/view';
import { visibility } from '../workspace/visibility';
import {
  command,
  commandForKey,
  COMMANDS,
  ENTITY_MENU,
  isEnabled,
  labelOf,
  menuCommands,
  RELATION_MENU,
  SHORTCUTS,
  TOOLBAR_GROUPS,
  ZOOM_CONTROLS,
  type CommandContext,
  type KeyPress,
} from './commands';

const key = (k: string, extra: Partial<KeyPress> = {}) => commandForKey({ key: k, inField: false, ...extra })?.id ?? null;

const data = mergeData(EMPTY_GRAPH, [tokayev, csto, almaty], [aidRequest, deployment]);

/** A context that records what commands do. */
function context(view: CanvasView, selection: readonly string[] = []) {
  const calls: {
    changes: CanvasChange[];
    actions: WorkspaceAction[];
    selects: (readonly string[])[];
    expands: unknown[][];
    canvas: string[];
  } = {
    changes: [],
    actions: [],
    selects: [],
    expands: [],
    canvas: [],
  };
  const ctx: CommandContext = {
    data,
    view,
    visible: visibility(data, view),
    selection,
    canUndo: false,
    canRedo: true,
    openViews: new Set(['table']),
    panels: { sidebar: false, details: true, legend: false },
    togglePanel: () => undefined,
    expandBy: { types: ['REQUESTED_AID_FROM'], direction: 'OUT' },
    dispatch: (a) => calls.actions.push(a),
    change: (c) => calls.changes.push(c),
    select: (ids) => calls.selects.push(ids),
    expand: (...args) => calls.expands.push(args),
    expandMore: () => undefined,
    setPathEnd: () => undefined,
    canvas: {
      fit: () => calls.canvas.push('fit'),
      relayout: () => calls.canvas.push('relayout'),
      zoomBy: (f) => calls.canvas.push(`zoom ${f}`),
      centre: () => undefined,
    },
    toggleView: () => undefined,
    reader: null,
    openReader: () => undefined,
    closeReader: () => undefined,
    focusSearch: () => undefined,
    copyLink: () => undefined,
    openExport: () => undefined,
    openImport: () => undefined,
  };
  return { ctx, calls };
}

const view = addNodes(EMPTY_VIEW, [tokayev.id, csto.id, almaty.id]);

describe('commandForKey', () => {
  it('maps Ctrl/Cmd+Z to undo and Ctrl+Shift+Z or Ctrl+Y to redo', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('z', { metaKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
  });

  it('maps single keys to canvas actions', () => {
    expect(key('Delete')).toBe('remove');
    expect(key('Backspace')).toBe('remove');
    expect(key('h')).toBe('hide');
    expect(key('H', { shiftKey: true })).toBe('showHidden');
    expect(key('e')).toBe('expand');
    expect(key('p')).toBe('pin');
    expect(key('n')).toBe('selectNeighbours');
    expect(key('k')).toBe('keepOnly');
    expect(key('f')).toBe('fit');
    expect(key('l')).toBe('relayout');
    expect(key('/')).toBe('focusSearch');
    expect(key('Escape')).toBe('clearSelection');
    expect(key('+')).toBe('zoomIn');
    expect(key('-')).toBe('zoomOut');
    expect(key('q')).toBeNull();
  });

  it('leaves typing in a field alone, undo included, and modified letters to the browser', () => {
    expect(key('h', { inField: true })).toBeNull();
    expect(key('z', { ctrlKey: true, inField: true })).toBeNull();
    expect(key('c', { ctrlKey: true })).toBeNull();
    expect(key('h', { altKey: true })).toBeNull();
    expect(key('h', { ctrlKey: true })).toBeNull();
    expect(key('Delete', { ctrlKey: true })).toBeNull();
  });
});

describe('the registry', () => {
  it('lists every key once: no two commands answer the same key press', () => {
    const seen = new Map<string, string>();
    for (const def of COMMANDS.values()) {
      for (const b of def.keys ?? []) {
        for (const shift of b.shift === undefined ? [false, true] : [b.shift]) {
          const k = `${b.mod ? 'mod+' : ''}${shift ? 'shift+' : ''}${b.key}`;
          expect(seen.get(k)).toBeUndefined();
          seen.set(k, def.id);
        }
      }
    }
    expect(SHORTCUTS.every((s) => s.shortcut && s.description)).toBe(true);
  });

  it('names every toolbar and menu command that exists', () => {
    for (const id of [...TOOLBAR_GROUPS.flat(), ...ZOOM_CONTROLS, ...ENTITY_MENU, ...RELATION_MENU])
      expect(() => command(id)).not.toThrow();
    expect(() => command('nope')).toThrow(/Unknown command/);
  });

  it('enables commands by what they act on', () => {
    const { ctx } = context(view);
    expect(isEnabled(command('hide'), ctx, [])).toBe(false);
    expect(isEnabled(command('hide'), ctx, [tokayev.id])).toBe(true);
    expect(isEnabled(command('remove'), ctx, [edgeId(aidRequest.id)])).toBe(false);
    expect(isEnabled(command('undo'), ctx, [])).toBe(false);
    expect(isEnabled(command('redo'), ctx, [])).toBe(true);
    expect(command('toggleTable').pressed!(ctx, [])).toBe(true);
  });

  it('labels follow the state: pin becomes unpin, show hidden counts', () => {
    const pinned: CanvasView = { ...view, pinned: [tokayev.id], hidden: [almaty.id, csto.id] };
    const { ctx } = context(pinned);
    expect(labelOf(command('pin'), ctx, [tokayev.id])).toBe('Unpin');
    expect(labelOf(command('pin'), ctx, [csto.id])).toBe('Pin in place');
    expect(labelOf(command('showHidden'), ctx, [])).toBe('Show hidden (2)');
  });

  it('runs on the ids it is given: a relation expands to its two ends for keep-only', () => {
    const { ctx, calls } = context(view, [tokayev.id]);
    command('keepOnly').run(ctx, [edgeId(aidRequest.id)]);
    expect(calls.changes).toEqual([{ type: 'keepOnly', ids: [aidRequest.from.id, aidRequest.to.id] }]);
    command('pin').run(ctx, [tokayev.id, edgeId(aidRequest.id)]);
    expect(calls.changes[1]).toEqual({ type: 'pin', ids: [tokayev.id], pinned: true });
    command('expandBy').run(ctx, [tokayev.id]);
    expect(calls.expands).toEqual([[[tokayev.id], ['REQUESTED_AID_FROM'], 'OUT']]);
    command('fit').run(ctx, []);
    command('relayout').run(ctx, []);
    expect(calls.canvas).toEqual(['fit', 'relayout']);
  });

  it('offers a menu per element kind, leaving out what does not apply', () => {
    const { ctx } = context({ ...view, expansions: { [tokayev.id]: { types: null, direction: 'BOTH', limit: 10, omitted: 4 } } });
    const entityMenu = menuCommands(ctx, tokayev.id).map((d) => labelOf(d, ctx, [tokayev.id]));
    expect(entityMenu).toContain('Load 4 more neighbours');
    expect(entityMenu[0]).toBe('Expand (all relations)');
    expect(menuCommands(ctx, csto.id).map((d) => d.id)).not.toContain('loadMore');
    const relationMenu = menuCommands(ctx, edgeId(aidRequest.id)).map((d) => labelOf(d, ctx, [edgeId(aidRequest.id)]));
    expect(relationMenu).toEqual(['Show evidence', 'Hide relation', 'Keep only its two entities']);
  });
});

import { commandForKey, SHORTCUTS } from './shortcuts';

const key = (k: string, extra: Partial<Parameters<typeof commandForKey>[0]> = {}) => commandForKey({ key: k, inField: false, ...extra });

describe('commandForKey', () => {
  it('maps Ctrl/Cmd+Z to undo and Ctrl+Shift+Z or Ctrl+Y to redo', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('z', { metaKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
  });

  it('maps single keys to canvas actions', () => {
    expect(key('Delete')).toBe('remove');
    expect(key('h')).toBe('hide');
    expect(key('H', { shiftKey: true })).toBe('showHidden');
    expect(key('e')).toBe('expand');
    expect(key('p')).toBe('pin');
    expect(key('n')).toBe('selectNeighbours');
    expect(key('k')).toBe('keepOnly');
    expect(key('f')).toBe('fit');
    expect(key('/')).toBe('focusSearch');
    expect(key('Escape')).toBe('clearSelection');
    expect(key('q')).toBeNull();
  });

  it('leaves typing in a field alone, undo included', () => {
    expect(key('h', { inField: true })).toBeNull();
    expect(key('z', { ctrlKey: true, inField: true })).toBeNull();
    expect(key('c', { ctrlKey: true })).toBeNull();
    expect(key('h', { altKey: true })).toBeNull();
  });

  it('documents every command it knows', () => {
    for (const s of SHORTCUTS) expect(typeof s.description).toBe('string');
    expect(new Set(SHORTCUTS.map((s) => s.command)).size).toBe(SHORTCUTS.length);
  });
});

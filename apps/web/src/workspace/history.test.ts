import { canRedo, canUndo, commit, createHistory, redo, replacePresent, undo } from './history';

describe('history', () => {
  it('undoes and redoes commits in order', () => {
    let h = createHistory('a');
    h = commit(h, 'b');
    h = commit(h, 'c');
    expect(h.present).toBe('c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('b');
    expect(canRedo(h)).toBe(true);
  });

  it('drops the redo branch on a new commit and ignores a commit of the same snapshot', () => {
    let h = commit(commit(createHistory('a'), 'b'), 'c');
    h = undo(h);
    h = commit(h, 'd');
    expect(h.future).toEqual([]);
    expect(h.past).toEqual(['a', 'b']);
    expect(commit(h, h.present)).toBe(h);
    expect(redo(h)).toBe(h);
  });

  it('keeps at most `limit` steps', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 10; i++) h = commit(h, i, 3);
    expect(h.past).toEqual([7, 8, 9]);
  });

  it('replaces the present without an undo step', () => {
    const h = replacePresent(commit(createHistory('a'), 'b'), 'x');
    expect(h.present).toBe('x');
    expect(h.past).toEqual(['a']);
  });
});

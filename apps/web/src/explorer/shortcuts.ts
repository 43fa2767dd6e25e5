/**
 * Keyboard shortcuts for the canvas actions. Pure: maps a key press to a
 * command; the explorer runs it. Plain-letter shortcuts never fire while the
 * analyst is typing in a field; undo/redo there is left to the field.
 */
export type Command =
  | 'undo'
  | 'redo'
  | 'remove'
  | 'hide'
  | 'showHidden'
  | 'pin'
  | 'expand'
  | 'selectNeighbours'
  | 'keepOnly'
  | 'fit'
  | 'relayout'
  | 'focusSearch'
  | 'clearSelection';

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
  /** Whether focus is in a text field, select or other editable element. */
  inField: boolean;
}

export const SHORTCUTS: readonly { keys: string; command: Command; description: string }[] = [
  { keys: 'Ctrl+Z', command: 'undo', description: 'Undo the last canvas change' },
  { keys: 'Ctrl+Shift+Z', command: 'redo', description: 'Redo' },
  { keys: 'E', command: 'expand', description: 'Expand the selected entities (one hop)' },
  { keys: 'H', command: 'hide', description: 'Hide the selection' },
  { keys: 'Shift+H', command: 'showHidden', description: 'Show everything hidden by hand' },
  { keys: 'Delete', command: 'remove', description: 'Remove the selected entities' },
  { keys: 'P', command: 'pin', description: 'Pin or unpin the selected entities' },
  { keys: 'N', command: 'selectNeighbours', description: 'Select the neighbours of the selection' },
  { keys: 'K', command: 'keepOnly', description: 'Keep only the selection' },
  { keys: 'F', command: 'fit', description: 'Fit the graph to the canvas' },
  { keys: 'L', command: 'relayout', description: 'Lay the graph out again' },
  { keys: '/', command: 'focusSearch', description: 'Go to the search box' },
  { keys: 'Escape', command: 'clearSelection', description: 'Clear the selection' },
];

export function commandForKey(press: KeyPress): Command | null {
  const mod = press.ctrlKey === true || press.metaKey === true;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (mod && !press.altKey) {
    if (press.inField) return null;
    if (key === 'z') return press.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    return null;
  }
  if (press.inField || press.altKey || mod) return null;
  switch (key) {
    case 'Delete':
    case 'Backspace':
      return 'remove';
    case 'h':
      return press.shiftKey ? 'showHidden' : 'hide';
    case 'p':
      return 'pin';
    case 'e':
      return 'expand';
    case 'n':
      return 'selectNeighbours';
    case 'k':
      return 'keepOnly';
    case 'f':
      return 'fit';
    case 'l':
      return 'relayout';
    case '/':
      return 'focusSearch';
    case 'Escape':
      return 'clearSelection';
    default:
      return null;
  }
}

import type { Direction } from '../api/queries';
import type { EntitySummary } from '../api/types';
import { relationIdOf } from '../workspace/ids';
import { anchoredEvidence, readerRequest, type ReaderRequest } from '../workspace/reader';
import type { CanvasChange, WorkspaceAction } from '../workspace/reducer';
import type { GraphState } from '../workspace/state';
import type { CanvasView } from '../workspace/view';
import { neighboursOf, type Visibility } from '../workspace/visibility';
import type { IconName } from './icons';
import type { PanelState } from './usePanels';

/**
 * The explorer's commands, defined once. The keyboard handler, the toolbar,
 * the context menu and the shortcut list all read this registry: adding a
 * command is one entry here (plus, if it should have a button, its id in a
 * toolbar group or a menu list below). No React here: a command reads the
 * explorer through a CommandContext and acts through it.
 */

/** What the canvas can be asked to do (GraphCanvas's imperative handle implements it). */
export interface CanvasController {
  fit(): void;
  relayout(): void;
  zoomBy(factor: number): void;
  centre(id: string): void;
}

/** The explorer as commands see it: state to decide "enabled", actions to run. */
export interface CommandContext {
  data: GraphState;
  view: CanvasView;
  visible: Visibility;
  /** Selected element ids (entity ids and `relation:<id>`). */
  selection: readonly string[];
  canUndo: boolean;
  canRedo: boolean;
  /** Secondary views that are open (e.g. 'table'). */
  openViews: ReadonlySet<string>;
  /** Which side panels are open. */
  panels: PanelState;
  togglePanel(panel: keyof PanelState): void;
  /** The toolbar's "Expand by" choice, for the Expand button. */
  expandBy: { types: string[] | null; direction: Direction };
  dispatch(action: WorkspaceAction): void;
  change(change: CanvasChange): void;
  select(ids: readonly string[]): void;
  expand(ids: readonly string[], types?: string[] | null, direction?: Direction): void;
  expandMore(id: string): void;
  setPathEnd(end: 'from' | 'to', entity: EntitySummary): void;
  canvas: CanvasController | null;
  toggleView(id: string): void;
  /** The document open in the reader, if any. */
  reader: ReaderRequest | null;
  /** Opens a document in the reader (a panel view), at a passage. */
  openReader(request: ReaderRequest): void;
  closeReader(): void;
  focusSearch(): void;
  copyLink(): void;
  openExport(): void;
  openImport(): void;
}

/** A key press, with whether focus is in a text field (plain-letter shortcuts never fire there). */
export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
  inField: boolean;
}

/** A key that runs a command: `mod` is Ctrl or Cmd; `shift` undefined means either. */
export interface KeyBinding {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

export interface CommandDef {
  id: string;
  /** The accessible name of its button or menu item (may depend on the state, e.g. "Show hidden (2)"). */
  label: string | ((ctx: CommandContext, ids: readonly string[]) => string);
  /** One line for tooltips and the shortcut list. */
  description: string;
  icon?: IconName;
  /** Keys that run it on the selection; the first is shown in tooltips and menus. */
  keys?: readonly KeyBinding[];
  /** How the keys read (e.g. "Ctrl+Z"), when there are keys. */
  shortcut?: string;
  /** Whether it can run now on these element ids (the selection, or the element a menu is about). */
  enabled?: (ctx: CommandContext, ids: readonly string[]) => boolean;
  /** For toggles: whether it is on (aria-pressed). */
  pressed?: (ctx: CommandContext, ids: readonly string[]) => boolean;
  /** Whether a menu offers it for these ids at all (hidden rather than disabled). */
  applies?: (ctx: CommandContext, ids: readonly string[]) => boolean;
  run: (ctx: CommandContext, ids: readonly string[]) => void;
}

/** The entities among element ids (relations and pseudo-elements left out). */
export function entitiesIn(ids: readonly string[]): string[] {
  return ids.filter((id) => relationIdOf(id) === null);
}

/** The entities a command acts on: entity ids as they are, relations by their two ends. */
export function targetEntities(data: GraphState, ids: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    const relationId = relationIdOf(id);
    if (relationId === null) out.add(id);
    else {
      const r = data.relations[relationId];
      if (r) {
        out.add(r.from.id);
        out.add(r.to.id);
      }
    }
  }
  return [...out];
}

const someEntity = (_: CommandContext, ids: readonly string[]) => entitiesIn(ids).length > 0;
const something = (_: CommandContext, ids: readonly string[]) => ids.length > 0;
const oneEntity = (ctx: CommandContext, ids: readonly string[]) =>
  ids.length === 1 && relationIdOf(ids[0]!) === null && ctx.data.entities[ids[0]!] !== undefined;
const oneRelation = (_: CommandContext, ids: readonly string[]) => ids.length === 1 && relationIdOf(ids[0]!) !== null;
const allPinned = (ctx: CommandContext, ids: readonly string[]) => {
  const entities = entitiesIn(ids);
  return entities.length > 0 && entities.every((id) => ctx.view.pinned.includes(id));
};

const definitions: readonly CommandDef[] = [
  {
    id: 'undo',
    label: 'Undo',
    description: 'Undo the last canvas change',
    icon: 'undo',
    keys: [{ key: 'z', mod: true, shift: false }],
    shortcut: 'Ctrl+Z',
    enabled: (ctx) => ctx.canUndo,
    run: (ctx) => ctx.dispatch({ type: 'history/undo' }),
  },
  {
    id: 'redo',
    label: 'Redo',
    description: 'Redo',
    icon: 'redo',
    keys: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    shortcut: 'Ctrl+Shift+Z',
    enabled: (ctx) => ctx.canRedo,
    run: (ctx) => ctx.dispatch({ type: 'history/redo' }),
  },
  {
    id: 'expand',
    label: (_, ids) => (oneRelation(_, ids) ? 'Expand its two entities' : 'Expand (all relations)'),
    description: 'Expand the selected entities (one hop)',
    icon: 'expand',
    keys: [{ key: 'e' }],
    shortcut: 'E',
    enabled: someEntity,
    applies: oneEntity,
    run: (ctx, ids) => ctx.expand(entitiesIn(ids)),
  },
  {
    id: 'expandBy',
    label: 'Expand',
    description: 'Expand the selected entities by the chosen relation type and direction (E expands by all)',
    icon: 'expand',
    enabled: someEntity,
    run: (ctx, ids) => ctx.expand(entitiesIn(ids), ctx.expandBy.types, ctx.expandBy.direction),
  },
  {
    id: 'expandOut',
    label: 'Expand outgoing only',
    description: 'Expand along outgoing relations only',
    applies: oneEntity,
    run: (ctx, ids) => ctx.expand(entitiesIn(ids), null, 'OUT'),
  },
  {
    id: 'expandIn',
    label: 'Expand incoming only',
    description: 'Expand along incoming relations only',
    applies: oneEntity,
    run: (ctx, ids) => ctx.expand(entitiesIn(ids), null, 'IN'),
  },
  {
    id: 'loadMore',
    label: (ctx, ids) => `Load ${ctx.view.expansions[ids[0]!]?.omitted ?? 0} more neighbours`,
    description: 'Load the next batch of neighbours an expansion held back',
    applies: (ctx, ids) => oneEntity(ctx, ids) && (ctx.view.expansions[ids[0]!]?.omitted ?? 0) > 0,
    run: (ctx, ids) => ctx.expandMore(ids[0]!),
  },
  {
    id: 'showEvidence',
    label: 'Show evidence',
    description: 'Show the sources and quotes behind the relation',
    applies: oneRelation,
    run: (ctx, ids) => ctx.select(ids),
  },
  {
    id: 'readInSource',
    label: 'Read in source',
    description: 'Open the document the selected relation is quoted from, at the quote',
    icon: 'document',
    keys: [{ key: 'r' }],
    shortcut: 'R',
    enabled: (ctx, ids) => oneRelation(ctx, ids) && anchoredEvidence(ctx.data.relations[relationIdOf(ids[0]!)!]).length > 0,
    applies: (ctx, ids) => oneRelation(ctx, ids) && anchoredEvidence(ctx.data.relations[relationIdOf(ids[0]!)!]).length > 0,
    run: (ctx, ids) => {
      const quote = anchoredEvidence(ctx.data.relations[relationIdOf(ids[0]!)!])[0];
      if (quote?.selector) ctx.openReader(readerRequest(quote.source.id, quote.selector));
    },
  },
  {
    id: 'selectNeighbours',
    label: 'Select neighbours',
    description: 'Select the neighbours of the selection',
    icon: 'neighbours',
    keys: [{ key: 'n' }],
    shortcut: 'N',
    enabled: something,
    applies: oneEntity,
    run: (ctx, ids) =>
      ctx.select([...new Set([...ctx.selection, ...ids, ...neighboursOf(ctx.data, ctx.view, targetEntities(ctx.data, ids), ctx.visible)])]),
  },
  {
    id: 'pin',
    label: (ctx, ids) => (allPinned(ctx, ids) ? 'Unpin' : ids.length === 1 ? 'Pin in place' : 'Pin'),
    description: 'Pin or unpin the selected entities',
    icon: 'pin',
    keys: [{ key: 'p' }],
    shortcut: 'P',
    enabled: someEntity,
    pressed: allPinned,
    applies: oneEntity,
    run: (ctx, ids) => ctx.change({ type: 'pin', ids: entitiesIn(ids), pinned: !allPinned(ctx, ids) }),
  },
  {
    id: 'keepOnly',
    label: (_, ids) => (oneRelation(_, ids) ? 'Keep only its two entities' : ids.length === 1 ? 'Keep only this' : 'Keep only selection'),
    description: 'Keep only the selection',
    icon: 'keepOnly',
    keys: [{ key: 'k' }],
    shortcut: 'K',
    enabled: something,
    run: (ctx, ids) => ctx.change({ type: 'keepOnly', ids: targetEntities(ctx.data, ids) }),
  },
  {
    id: 'hide',
    label: (_, ids) => (oneRelation(_, ids) ? 'Hide relation' : 'Hide'),
    description: 'Hide the selection',
    icon: 'hide',
    keys: [{ key: 'h', shift: false }],
    shortcut: 'H',
    enabled: something,
    run: (ctx, ids) => ctx.change({ type: 'hide', ids: [...ids] }),
  },
  {
    id: 'showHidden',
    label: (ctx) => `Show hidden${ctx.view.hidden.length > 0 ? ` (${ctx.view.hidden.length})` : ''}`,
    description: 'Show everything hidden by hand',
    icon: 'show',
    keys: [{ key: 'h', shift: true }],
    shortcut: 'Shift+H',
    enabled: (ctx) => ctx.view.hidden.length > 0,
    run: (ctx) => ctx.change({ type: 'showHidden' }),
  },
  {
    id: 'remove',
    label: (_, ids) => (ids.length === 1 ? 'Remove from canvas' : 'Remove'),
    description: 'Remove the selected entities',
    icon: 'remove',
    keys: [{ key: 'Delete' }, { key: 'Backspace' }],
    shortcut: 'Delete',
    enabled: someEntity,
    applies: oneEntity,
    run: (ctx, ids) => ctx.change({ type: 'remove', ids: entitiesIn(ids) }),
  },
  {
    id: 'pathFrom',
    label: 'Path from here',
    description: 'Use this entity as the start of a path search',
    applies: oneEntity,
    run: (ctx, ids) => {
      const entity = ctx.data.entities[ids[0]!];
      if (entity) ctx.setPathEnd('from', entity);
    },
  },
  {
    id: 'pathTo',
    label: 'Path to here',
    description: 'Use this entity as the end of a path search',
    applies: oneEntity,
    run: (ctx, ids) => {
      const entity = ctx.data.entities[ids[0]!];
      if (entity) ctx.setPathEnd('to', entity);
    },
  },
  {
    id: 'fit',
    label: 'Fit',
    description: 'Fit the graph to the canvas',
    icon: 'fit',
    keys: [{ key: 'f' }],
    shortcut: 'F',
    run: (ctx) => ctx.canvas?.fit(),
  },
  {
    id: 'zoomIn',
    label: 'Zoom in',
    description: 'Zoom in on the middle of the canvas',
    icon: 'zoomIn',
    keys: [{ key: '+' }, { key: '=' }],
    shortcut: '+',
    run: (ctx) => ctx.canvas?.zoomBy(1.25),
  },
  {
    id: 'zoomOut',
    label: 'Zoom out',
    description: 'Zoom out from the middle of the canvas',
    icon: 'zoomOut',
    keys: [{ key: '-' }],
    shortcut: '−',
    run: (ctx) => ctx.canvas?.zoomBy(0.8),
  },
  {
    id: 'toggleSidebar',
    label: 'Claims, filters and paths',
    description: 'Show or hide the claims, filters and paths panels',
    icon: 'panel',
    pressed: (ctx) => ctx.panels.sidebar,
    run: (ctx) => ctx.togglePanel('sidebar'),
  },
  {
    id: 'toggleDetails',
    label: 'Details panel',
    description: 'Show or hide the details of the selection',
    icon: 'details',
    pressed: (ctx) => ctx.panels.details,
    run: (ctx) => ctx.togglePanel('details'),
  },
  {
    id: 'relayout',
    label: 'Re-layout',
    description: 'Lay the graph out again',
    icon: 'relayout',
    keys: [{ key: 'l' }],
    shortcut: 'L',
    run: (ctx) => ctx.canvas?.relayout(),
  },
  {
    id: 'focusSearch',
    label: 'Search',
    description: 'Go to the search box',
    keys: [{ key: '/' }],
    shortcut: '/',
    run: (ctx) => ctx.focusSearch(),
  },
  {
    id: 'clearSelection',
    label: 'Clear the selection',
    description: 'Clear the selection',
    keys: [{ key: 'Escape' }],
    shortcut: 'Escape',
    run: (ctx) => ctx.select([]),
  },
  {
    id: 'toggleTable',
    label: 'Table view',
    description: 'Show the canvas as tables of entities and relations',
    icon: 'table',
    pressed: (ctx) => ctx.openViews.has('table'),
    run: (ctx) => ctx.toggleView('table'),
  },
  {
    id: 'copyLink',
    label: 'Copy link',
    description: 'Copy a link to this view',
    icon: 'link',
    run: (ctx) => ctx.copyLink(),
  },
  {
    id: 'export',
    label: 'Export…',
    description: 'Export the view or the selection: report, data file or picture',
    icon: 'export',
    enabled: (ctx) => ctx.visible.nodes.size > 0,
    run: (ctx) => ctx.openExport(),
  },
  {
    id: 'import',
    label: 'Import…',
    description: 'Import a Steppe JSON (.cyjs) or GraphML export; or drop the file on the canvas',
    icon: 'import',
    run: (ctx) => ctx.openImport(),
  },
];

export const COMMANDS: ReadonlyMap<string, CommandDef> = new Map(definitions.map((c) => [c.id, c]));

export function command(id: string): CommandDef {
  const found = COMMANDS.get(id);
  if (!found) throw new Error(`Unknown command “${id}”.`);
  return found;
}

export function labelOf(def: CommandDef, ctx: CommandContext, ids: readonly string[]): string {
  return typeof def.label === 'string' ? def.label : def.label(ctx, ids);
}

export function isEnabled(def: CommandDef, ctx: CommandContext, ids: readonly string[]): boolean {
  return def.enabled ? def.enabled(ctx, ids) : true;
}

/** Tooltip text: what it does and its key. */
export function tooltipOf(def: CommandDef): string {
  return def.shortcut ? `${def.description} (${def.shortcut})` : def.description;
}

function matches(binding: KeyBinding, press: KeyPress, key: string, mod: boolean): boolean {
  if (binding.key !== key) return false;
  if ((binding.mod === true) !== mod) return false;
  if (binding.shift !== undefined && binding.shift !== (press.shiftKey === true)) return false;
  return true;
}

/**
 * The command a key press runs, or null. Plain-letter shortcuts never fire while the analyst types in a field, and
 * neither does Ctrl+Z there (undo in a field is the field's); Alt combinations are left to the browser.
 */
export function commandForKey(press: KeyPress): CommandDef | null {
  const mod = press.ctrlKey === true || press.metaKey === true;
  if (press.inField || press.altKey) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  for (const def of definitions) {
    if (def.keys?.some((binding) => matches(binding, press, key, mod))) return def;
  }
  return null;
}

/** The commands with keys, for the shortcut list. */
export const SHORTCUTS: readonly CommandDef[] = definitions.filter((c) => c.keys && c.shortcut);

/** The toolbar, in groups of command ids (the layout and "expand by" pickers sit beside them). */
export const TOOLBAR_GROUPS: readonly (readonly string[])[] = [
  ['toggleSidebar', 'relayout'],
  ['expandBy'],
  ['selectNeighbours', 'keepOnly', 'hide', 'showHidden', 'remove', 'pin'],
  ['undo', 'redo', 'toggleTable', 'copyLink'],
  ['export', 'import', 'toggleDetails'],
];

/** The controls drawn on the canvas itself, as on a map. */
export const ZOOM_CONTROLS: readonly string[] = ['zoomIn', 'zoomOut', 'fit'];

/** What the context menu offers, for an entity and for a relation (commands that do not apply are left out). */
export const ENTITY_MENU: readonly string[] = [
  'expand',
  'expandOut',
  'expandIn',
  'loadMore',
  'selectNeighbours',
  'pin',
  'hide',
  'remove',
  'keepOnly',
  'pathFrom',
  'pathTo',
];
export const RELATION_MENU: readonly string[] = ['showEvidence', 'readInSource', 'hide', 'keepOnly'];

/** The menu's commands for one element. */
export function menuCommands(ctx: CommandContext, id: string): CommandDef[] {
  const ids = [id];
  const list = relationIdOf(id) === null ? ENTITY_MENU : RELATION_MENU;
  return list.map(command).filter((def) => (def.applies ? def.applies(ctx, ids) : true));
}

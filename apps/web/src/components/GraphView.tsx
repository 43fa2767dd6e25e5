'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { workspaceElements } from '../graph/elements';
import { command, labelOf, isEnabled, menuCommands, SHORTCUTS, ZOOM_CONTROLS } from '../explorer/commands';
import type { ViewContext } from '../explorer/views';
import { relationIdOf } from '../workspace/ids';
import { pathElementIds } from '../workspace/path';
import { canvasRelations } from '../workspace/visibility';
import { typesOfFamily } from '../workspace/counts';
import { toggleKind, toggleTypes } from '../workspace/filters';
import { CommandButton } from './CommandButton';
import { HoverCard } from './HoverCard';
import { Legend } from './Legend';
import { ContextMenu, type MenuItem } from './ContextMenu';
import { GraphCanvas, type ContextTarget, type HoverTarget } from './GraphCanvas';
import styles from './GraphView.module.css';
import { PanelBoundary } from './PanelBoundary';
import { ShortcutsPopover } from './ShortcutsPopover';

/** The shortcuts popover's list: the registry's keys, and the canvas's own (arrows, Enter, Shift+F10). */
const SHORTCUT_ITEMS = [
  ...SHORTCUTS.map((s) => ({ key: s.id, term: <kbd>{s.shortcut}</kbd>, description: s.description })),
  { key: 'arrows', term: <kbd>←/→</kbd>, description: 'On the canvas: step through the entities; Enter expands; Shift+F10 opens the menu' },
];

/**
 * The graph view: the Cytoscape canvas with its context menu (items from the command registry), the messages
 * over it (loading, failures, empty canvas, drop target) and the footer (counts, shortcuts, clear).
 */
export function GraphView({ ctx }: { ctx: ViewContext }) {
  const { state, view, visible, commands, canvasRef, importFiles, retryFailure } = ctx;
  const { data, selection } = state;
  const [menuAt, setMenu] = useState<ContextTarget | null>(null);
  // The menu is about a selected element; when the selection moves on (Escape clears it), the menu goes.
  const menu = menuAt && selection.includes(menuAt.id) ? menuAt : null;
  const [dropping, setDropping] = useState(false);
  const [hovered, setHovered] = useState<HoverTarget | null>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  // The hover card is a popover too: Escape closes it (and does nothing else), without moving the pointer away.
  useEffect(() => {
    if (!hovered) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setHovered(null);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [hovered]);

  const highlighted = useMemo(() => pathElementIds(state.path.paths), [state.path.paths]);
  const elements = useMemo(() => workspaceElements(data, view, visible, { highlighted }), [data, view, visible, highlighted]);
  const visibleNodeOrder = useMemo(() => view.nodes.filter((id) => visible.nodes.has(id)), [view.nodes, visible]);
  const roots = useMemo(() => Object.keys(view.expansions), [view.expansions]);
  const { select } = commands;

  const step = useCallback(
    (delta: 1 | -1) => {
      if (visibleNodeOrder.length === 0) return;
      const last = selection[selection.length - 1];
      const current = last ? visibleNodeOrder.indexOf(last) : -1;
      const next =
        current < 0
          ? delta === 1
            ? 0
            : visibleNodeOrder.length - 1
          : (current + delta + visibleNodeOrder.length) % visibleNodeOrder.length;
      select([visibleNodeOrder[next]!]);
    },
    [visibleNodeOrder, selection, select],
  );

  const onCanvasSelect = useCallback(
    (ids: string[], { additive }: { additive: boolean }) => {
      if (!additive) return select(ids);
      const current = new Set(selection);
      for (const id of ids) {
        if (current.has(id) && ids.length === 1) current.delete(id);
        else current.add(id);
      }
      select([...current]);
    },
    [selection, select],
  );

  const closeMenu = useCallback(() => {
    setMenu(null);
    frameRef.current?.querySelector<HTMLElement>('[data-testid="graph-canvas"]')?.focus();
  }, []);
  const menuItems = useMemo((): MenuItem[] => {
    if (!menu) return [];
    const ids = [menu.id];
    return menuCommands(commands, menu.id).map((def) => ({
      label: labelOf(def, commands, ids),
      shortcut: def.keys ? def.shortcut : undefined,
      disabled: !isEnabled(def, commands, ids),
      onSelect: () => def.run(commands, ids),
    }));
  }, [menu, commands]);
  const menuTitle = menu
    ? relationIdOf(menu.id)
      ? (data.relations[relationIdOf(menu.id)!]?.label ?? 'Relation')
      : (data.entities[menu.id]?.name ?? 'Entity')
    : '';

  const onDragOver = useCallback((event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropping(true);
  }, []);
  const onDrop = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      if (!event.dataTransfer.types.includes('Files')) return;
      event.preventDefault();
      setDropping(false);
      importFiles([...event.dataTransfer.files]);
    },
    [importFiles],
  );

  const nodes = view.nodes.length;
  const edges = useMemo(() => canvasRelations(data, view).length, [data, view]);
  const shownNodes = visible.nodes.size;
  const shownEdges = visible.edges.size;
  const summary =
    nodes > 0
      ? `Graph of ${shownNodes} entities and ${shownEdges} relations${shownNodes < nodes ? ` (${nodes - shownNodes} entities hidden)` : ''}. Arrow keys step through the entities; the table view lists them all.`
      : 'Empty graph canvas.';

  return (
    <div className={styles.view}>
      <div
        className={`${styles.frame}${dropping ? ` ${styles.dropping}` : ''}`}
        ref={frameRef}
        onDragOver={onDragOver}
        onDragLeave={() => setDropping(false)}
        onDrop={onDrop}
      >
        <PanelBoundary name="Graph canvas" className={styles.failedCanvas}>
          <GraphCanvas
            ref={canvasRef}
            className={styles.canvas}
            elements={elements}
            selection={selection}
            anchor={state.anchor}
            layout={view.layout}
            pinned={view.pinned}
            roots={roots}
            onSelect={onCanvasSelect}
            onExpand={(id) => commands.expand([id])}
            onMore={(owner) => commands.expandMore(owner)}
            onContextMenu={setMenu}
            onStep={step}
            onHover={setHovered}
            restoredPicture={ctx.restoredPicture}
            onPicture={ctx.onPicture}
            summary={summary}
          />
        </PanelBoundary>
        {hovered && !menu ? (
          <PanelBoundary name="Hover card">
            <HoverCard data={data} id={hovered.id} x={hovered.x} y={hovered.y} width={hovered.width} />
          </PanelBoundary>
        ) : null}
        <div className={styles.zoom} role="group" aria-label="Zoom">
          {ZOOM_CONTROLS.map((id) => (
            <CommandButton key={id} def={command(id)} ctx={commands} ids={selection} />
          ))}
        </div>
        <div className={styles.legend}>
          <PanelBoundary name="Legend">
            <Legend
              counts={ctx.counts}
              filters={view.filters}
              open={commands.panels.legend}
              onOpenChange={() => commands.togglePanel('legend')}
              onToggleKind={(kind) => commands.change({ type: 'filters', filters: toggleKind(view.filters, kind) })}
              onToggleFamily={(family) => commands.change({ type: 'filters', filters: toggleTypes(view.filters, typesOfFamily(family)) })}
            />
          </PanelBoundary>
        </div>
        {menu ? (
          <PanelBoundary name="Context menu">
            <ContextMenu title={menuTitle} x={menu.x} y={menu.y} items={menuItems} onClose={closeMenu} />
          </PanelBoundary>
        ) : null}
        <div className={styles.overlay} aria-live="polite">
          {state.pending.length > 0 ? (
            <p className={styles.message} role="status">
              Loading {state.pending.map((p) => p.label).join(', ')}…
            </p>
          ) : null}
          {state.failure ? (
            <div className={`${styles.message} ${styles.error}`} role="alert" data-testid="load-failure">
              <p>
                Couldn’t load {state.failure.label}. {state.failure.message}
              </p>
              <div className={styles.actions}>
                {state.failure.retryable && state.failure.retry ? (
                  <button type="button" onClick={retryFailure}>
                    Try again
                  </button>
                ) : null}
                <button type="button" onClick={() => commands.dispatch({ type: 'dismissFailure' })}>
                  Dismiss
                </button>
              </div>
            </div>
          ) : null}
          {nodes === 0 && state.pending.length === 0 && !state.failure ? (
            <p className={`${styles.message} ${styles.empty}`}>
              The canvas is empty. Search for a person, organisation, place or event and choose it to see its relations and the sources
              behind them, or start from the claims on the left (the contested ones, or every claim of a type).
            </p>
          ) : null}
          {dropping ? (
            <p className={`${styles.message} ${styles.drop}`}>Drop a Steppe JSON (.cyjs) or GraphML export to import it.</p>
          ) : null}
          {nodes > 0 && shownNodes === 0 ? (
            <p className={`${styles.message} ${styles.empty}`}>Nothing on the canvas matches the filters. Clear them to see it again.</p>
          ) : null}
        </div>
      </div>
      <div className={styles.footer}>
        <p className="muted" aria-live="polite" data-testid="canvas-counts">
          {nodes > 0 ? `${shownNodes} of ${nodes} entities · ${shownEdges} of ${edges} relations shown` : ''}
        </p>
        <ShortcutsPopover label="Keyboard shortcuts" items={SHORTCUT_ITEMS} />
        {nodes > 0 ? (
          <button type="button" onClick={() => commands.change({ type: 'clear' })}>
            Clear canvas
          </button>
        ) : null}
      </div>
    </div>
  );
}

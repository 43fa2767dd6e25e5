'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Core } from 'cytoscape';
import { createGraphQLClient } from '../api/client';
import { fetchRelationTypes, type Direction, type RelationTypeCount } from '../api/queries';
import type { EntitySummary, SearchHit } from '../api/types';
import { edgeId, relationIdOf, workspaceElements } from '../graph/elements';
import { commandForKey, SHORTCUTS, type Command } from '../explorer/shortcuts';
import { edgeRows, nodeRows } from '../table/rows';
import { dateExtent, histogram } from '../timeline/histogram';
import { legendCounts, typesOfFamily } from '../workspace/counts';
import { relationPasses, toggleKind, toggleTypes, type Filters } from '../workspace/filters';
import { canRedo, canUndo } from '../workspace/history';
import { pathElementIds } from '../workspace/path';
import { currentView, focusOf, selectedEntities, selectionIdOf, type CanvasChange, type Selection } from '../workspace/reducer';
import { decodeUrlState, encodeUrlState, type UrlState } from '../workspace/url';
import type { CanvasView, LayoutName } from '../workspace/view';
import { canvasRelations, neighboursOf, visibility } from '../workspace/visibility';
import { exportUrlFor } from '../config';
import { renderImage, type ImageOptions } from '../export/image';
import { defaultScopeKind, exportScope, type ExportScope, type ScopeKind } from '../export/scope';
import { MAX_IMPORT_BYTES } from '../workspace/import';
import { ApiStatus } from './ApiStatus';
import { ExportDialog } from './ExportDialog';
import { ContextMenu, type MenuItem } from './ContextMenu';
import { DetailsPanel } from './DetailsPanel';
import { ClaimsPanel } from './ClaimsPanel';
import { FilterPanel } from './FilterPanel';
import { GraphCanvas, type ContextTarget } from './GraphCanvas';
import { useApiHealth } from './hooks';
import { Legend } from './Legend';
import { PathPanel } from './PathPanel';
import { SearchBox } from './SearchBox';
import { TableView } from './TableView';
import { Toolbar } from './Toolbar';
import { useWorkspace } from './useWorkspace';

export interface ExplorerProps {
  /** The GraphQL endpoint, resolved on the server at request time. */
  apiUrl: string;
  /** A configuration problem to show instead of trying the API. */
  configError?: string;
}

function inField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The explorer: search, canvas, filters, paths, details. All data comes from the GraphQL API over HTTP. */
export function Explorer({ apiUrl, configError }: ExplorerProps) {
  const client = useMemo(() => createGraphQLClient({ url: apiUrl }), [apiUrl]);
  const health = useApiHealth(client);
  const { report } = health;
  const [state, actions] = useWorkspace(client, report);
  const { dispatch, expand, expandMore, restore, findPaths, retry, importFile, showClaims } = actions;
  const view = currentView(state);
  const { data, selection } = state;

  const [relationTypes, setRelationTypes] = useState<RelationTypeCount[] | null>(null);
  const [tableOpen, setTableOpen] = useState(false);
  const [fitToken, setFitToken] = useState(0);
  const [menu, setMenu] = useState<ContextTarget | null>(null);
  const [centre, setCentre] = useState<{ id: string; token: number } | null>(null);
  /** The link last copied, for the view it was copied from (it is not shown once the view changes). */
  const [permalink, setPermalink] = useState<{ url: string; query: string; copied: boolean } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  // — export and import —
  const cyRef = useRef<Core | null>(null);
  const onCyInstance = useCallback((cy: Core | null) => {
    cyRef.current = cy;
  }, []);
  const [exportOpen, setExportOpen] = useState<ScopeKind | null>(null);
  const [importNotice, setImportNotice] = useState<{ message: string; error: boolean } | null>(null);
  const [dropping, setDropping] = useState(false);
  const importInputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    fetchRelationTypes(client).then(
      (types) => {
        report('ok');
        setRelationTypes(types);
      },
      (error: unknown) => report(error),
    );
  }, [client, report, health.recoveries]);

  // — derived views of the state —
  const visible = useMemo(() => visibility(data, view), [data, view]);
  const highlighted = useMemo(() => pathElementIds(state.path.paths), [state.path.paths]);
  const elements = useMemo(() => workspaceElements(data, view, visible, { highlighted }), [data, view, visible, highlighted]);
  const counts = useMemo(() => legendCounts(data, view, visible), [data, view, visible]);
  const hereRelations = useMemo(() => canvasRelations(data, view), [data, view]);
  const timeline = useMemo(() => {
    const f = view.filters;
    const undatedFilters: Filters = { ...f, from: null, to: null };
    const candidates = hereRelations.filter((r) => relationPasses(r, undatedFilters));
    const domain = f.from && f.to ? { from: f.from, to: f.to } : dateExtent(candidates);
    return histogram(candidates, domain);
  }, [hereRelations, view.filters]);
  const focus = focusOf(selection);
  const focusedEntity: EntitySummary | null = focus?.type === 'entity' ? (data.entities[focus.id] ?? null) : null;
  const selectedIds = useMemo(() => selectedEntities(selection), [selection]);
  const pendingIds = useMemo(
    () => new Set(state.pending.filter((p) => p.key.startsWith('expand:')).map((p) => p.key.slice('expand:'.length))),
    [state.pending],
  );
  const onCanvas = useMemo(() => new Set(view.nodes), [view.nodes]);
  const visibleNodeOrder = useMemo(() => view.nodes.filter((id) => visible.nodes.has(id)), [view.nodes, visible]);
  const fileOnly = useMemo(() => new Set(state.fileOnly), [state.fileOnly]);
  const exportScopes = useMemo(
    () =>
      exportOpen === null
        ? null
        : { view: exportScope('view', data, view, visible, selection), selection: exportScope('selection', data, view, visible, selection) },
    [exportOpen, data, view, visible, selection],
  );
  const nameOf = useCallback((id: string) => data.entities[id]?.name ?? id, [data.entities]);
  const renderPicture = useCallback((scope: ExportScope, options: ImageOptions) => {
    const cy = cyRef.current;
    if (!cy) return Promise.reject(new Error('The canvas is not ready.'));
    return renderImage(cy, scope, options);
  }, []);
  const exportUrl = useMemo(() => {
    try {
      return exportUrlFor(apiUrl);
    } catch {
      return apiUrl;
    }
  }, [apiUrl]);

  /** Reads a dropped or picked file and puts it on the canvas; a bad file changes nothing and says why. */
  const importFromFile = useCallback(
    async (file: File) => {
      if (file.size > MAX_IMPORT_BYTES) {
        setImportNotice({ message: `“${file.name}” could not be imported. It is ${Math.round(file.size / 1e6)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`, error: true });
        return;
      }
      setImportNotice(null);
      try {
        const text = await file.text();
        const message = await importFile(file.name, text);
        setImportNotice({ message, error: false });
      } catch (error) {
        if (error instanceof Error && error.name === 'AbortError') return;
        setImportNotice({ message: error instanceof Error ? error.message : String(error), error: true });
      }
    },
    [importFile],
  );
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
      const files = [...event.dataTransfer.files];
      if (files.length !== 1) {
        setImportNotice({ message: `Drop one file to import (${files.length} were dropped).`, error: true });
        return;
      }
      void importFromFile(files[0]!);
    },
    [importFromFile],
  );

  // — the address bar: the view is in the URL, back/forward restores it —
  const pathFrom = state.path.status === 'done' ? state.path.from?.id : undefined;
  const pathTo = state.path.status === 'done' ? state.path.to?.id : undefined;
  const pathEnds = useMemo(() => (pathFrom && pathTo ? { from: pathFrom, to: pathTo } : null), [pathFrom, pathTo]);
  const urlReady = useRef(false);
  const fromUrl = useRef(new WeakSet<CanvasView>());
  const lastView = useRef<CanvasView | null>(null);
  const restoreFromLocation = useCallback(() => {
    const url: UrlState = decodeUrlState(window.location.search);
    fromUrl.current.add(url.view);
    urlReady.current = false;
    void restore(url).finally(() => {
      urlReady.current = true;
    });
  }, [restore]);
  useEffect(() => {
    restoreFromLocation();
    window.addEventListener('popstate', restoreFromLocation);
    return () => window.removeEventListener('popstate', restoreFromLocation);
  }, [restoreFromLocation]);
  useEffect(() => {
    if (!urlReady.current) {
      // Still restoring: remember the view, so the first change after it is a new history entry.
      lastView.current = view;
      return;
    }
    const qs = encodeUrlState({ view, selection: [...selection], path: pathEnds });
    const target = qs ? `?${qs}` : window.location.pathname;
    const same = (qs ? `?${qs}` : '') === window.location.search;
    const viewChanged = lastView.current !== null && lastView.current !== view && !fromUrl.current.has(view);
    lastView.current = view;
    if (same) return;
    if (viewChanged) window.history.pushState(null, '', target);
    else window.history.replaceState(null, '', target);
  }, [view, selection, pathEnds]);
  const currentQuery = useMemo(() => encodeUrlState({ view, selection: [...selection], path: pathEnds }), [view, selection, pathEnds]);

  // — commands —
  const change = useCallback((c: CanvasChange) => dispatch({ type: 'canvas/change', change: c }), [dispatch]);
  const select = useCallback((ids: readonly string[]) => dispatch({ type: 'select', ids }), [dispatch]);
  const selectOne = useCallback((s: Selection) => select([selectionIdOf(s)]), [select]);

  const choose = useCallback(
    (hit: SearchHit) => {
      setCentre((c) => ({ id: hit.id, token: (c?.token ?? 0) + 1 }));
      if (view.nodes.includes(hit.id)) {
        if (view.hidden.includes(hit.id)) change({ type: 'showHidden' });
        select([hit.id]);
      } else void expand(hit, { select: true });
    },
    [view.nodes, view.hidden, expand, select, change],
  );

  const expandIds = useCallback(
    (ids: readonly string[], types: string[] | null = null, direction: Direction = 'BOTH') => {
      for (const id of ids) {
        const entity = data.entities[id];
        if (entity) void expand(entity, { types, direction });
      }
    },
    [data.entities, expand],
  );

  /** The entities a command acts on: the selected ones, or the ends of a selected relation. */
  const targetEntities = useCallback(
    (ids: readonly string[] = selection) => {
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
    },
    [selection, data.relations],
  );

  const allPinned = selectedIds.length > 0 && selectedIds.every((id) => view.pinned.includes(id));

  const run = useCallback(
    (command: Command) => {
      switch (command) {
        case 'undo':
          return dispatch({ type: 'history/undo' });
        case 'redo':
          return dispatch({ type: 'history/redo' });
        case 'expand':
          return expandIds(selectedIds);
        case 'hide':
          return selection.length > 0 ? change({ type: 'hide', ids: [...selection] }) : undefined;
        case 'showHidden':
          return change({ type: 'showHidden' });
        case 'remove':
          return selectedIds.length > 0 ? change({ type: 'remove', ids: selectedIds }) : undefined;
        case 'pin':
          return selectedIds.length > 0 ? change({ type: 'pin', ids: selectedIds, pinned: !allPinned }) : undefined;
        case 'keepOnly':
          return selection.length > 0 ? change({ type: 'keepOnly', ids: targetEntities() }) : undefined;
        case 'selectNeighbours': {
          const from = targetEntities();
          return select([...selection, ...neighboursOf(data, view, from, visible)]);
        }
        case 'fit':
          return setFitToken((n) => n + 1);
        case 'relayout':
          return dispatch({ type: 'relayout' });
        case 'focusSearch':
          return searchRef.current?.focus();
        case 'clearSelection':
          setMenu(null);
          return select([]);
      }
    },
    [dispatch, expandIds, selectedIds, selection, change, allPinned, targetEntities, select, data, view, visible],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // A modal dialog (Export) is open: its keys are its own, even when focus has fallen to the page.
      if (document.querySelector('dialog[open]')) return;
      const command = commandForKey({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        inField: inField(event.target),
      });
      if (!command) return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run]);

  const step = useCallback(
    (delta: 1 | -1) => {
      if (visibleNodeOrder.length === 0) return;
      const current = focus?.type === 'entity' ? visibleNodeOrder.indexOf(focus.id) : -1;
      const next = current < 0 ? (delta === 1 ? 0 : visibleNodeOrder.length - 1) : (current + delta + visibleNodeOrder.length) % visibleNodeOrder.length;
      select([visibleNodeOrder[next]!]);
    },
    [visibleNodeOrder, focus, select],
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

  const copyLink = useCallback(() => {
    const url = window.location.href;
    setPermalink({ url, query: currentQuery, copied: false });
    navigator.clipboard?.writeText(url).then(
      () => setPermalink({ url, query: currentQuery, copied: true }),
      () => undefined,
    );
  }, [currentQuery]);

  const menuItems = useMemo((): MenuItem[] => {
    if (!menu) return [];
    const relationId = relationIdOf(menu.id);
    if (relationId) {
      return [
        { label: 'Show evidence', onSelect: () => select([menu.id]) },
        { label: 'Hide relation', onSelect: () => change({ type: 'hide', ids: [menu.id] }), shortcut: 'H' },
        { label: 'Keep only its two entities', onSelect: () => change({ type: 'keepOnly', ids: targetEntities([menu.id]) }) },
      ];
    }
    const id = menu.id;
    const entity = data.entities[id];
    const pinned = view.pinned.includes(id);
    const expansion = view.expansions[id];
    const items: MenuItem[] = [
      { label: 'Expand (all relations)', onSelect: () => expandIds([id]), shortcut: 'E' },
      { label: 'Expand outgoing only', onSelect: () => expandIds([id], null, 'OUT') },
      { label: 'Expand incoming only', onSelect: () => expandIds([id], null, 'IN') },
    ];
    if (expansion && expansion.omitted > 0) items.push({ label: `Load ${expansion.omitted} more neighbours`, onSelect: () => void expandMore(id) });
    items.push(
      { label: 'Select neighbours', onSelect: () => select([id, ...neighboursOf(data, view, [id], visible)]), shortcut: 'N' },
      { label: pinned ? 'Unpin' : 'Pin in place', onSelect: () => change({ type: 'pin', ids: [id], pinned: !pinned }), shortcut: 'P' },
      { label: 'Hide', onSelect: () => change({ type: 'hide', ids: [id] }), shortcut: 'H' },
      { label: 'Remove from canvas', onSelect: () => change({ type: 'remove', ids: [id] }), shortcut: 'Del' },
      { label: 'Keep only this', onSelect: () => change({ type: 'keepOnly', ids: [id] }) },
    );
    if (entity) {
      items.push(
        { label: 'Path from here', onSelect: () => dispatch({ type: 'path/endpoint', end: 'from', entity }) },
        { label: 'Path to here', onSelect: () => dispatch({ type: 'path/endpoint', end: 'to', entity }) },
      );
    }
    return items;
  }, [menu, data, view, visible, select, change, targetEntities, expandIds, expandMore, dispatch]);

  const closeMenu = useCallback(() => {
    setMenu(null);
    canvasRef.current?.querySelector<HTMLElement>('[data-testid="graph-canvas"]')?.focus();
  }, []);

  const nodes = view.nodes.length;
  const edges = hereRelations.length;
  const shownNodes = visible.nodes.size;
  const shownEdges = visible.edges.size;
  const summary =
    nodes > 0
      ? `Graph of ${shownNodes} entities and ${shownEdges} relations${shownNodes < nodes ? ` (${nodes - shownNodes} entities hidden)` : ''}. Arrow keys step through the entities; the table view lists them all.`
      : 'Empty graph canvas.';
  const menuTitle = menu ? (relationIdOf(menu.id) ? (data.relations[relationIdOf(menu.id)!]?.label ?? 'Relation') : (data.entities[menu.id]?.name ?? 'Entity')) : '';

  return (
    <div className="explorer">
      <nav className="skip-links" aria-label="Skip links">
        <a
          href="#graph-canvas"
          onClick={(event) => {
            event.preventDefault();
            document.getElementById('graph-canvas')?.focus();
          }}
        >
          Skip to the graph
        </a>
        <a
          href="#details"
          onClick={(event) => {
            event.preventDefault();
            document.getElementById('details')?.focus();
          }}
        >
          Skip to the details
        </a>
      </nav>
      <header className="topbar">
        <div className="brand">
          <h1>Steppe</h1>
          <p className="tagline">Who did what in the January 2022 unrest in Kazakhstan, and who says so.</p>
        </div>
        <SearchBox client={client} onChoose={choose} onOutcome={report} retryToken={health.recoveries} inputRef={searchRef} />
      </header>

      {configError ? (
        <div className="api-status" role="alert">
          <p>
            <strong>The explorer is misconfigured.</strong> {configError}
          </p>
        </div>
      ) : null}
      <ApiStatus outage={health.outage} onRetry={health.checkNow} />

      <main className="workspace">
        <aside className="sidebar" aria-label="Claims, filters and paths">
          <ClaimsPanel
            client={client}
            relationTypes={relationTypes}
            recoveries={health.recoveries}
            onShow={(filter, label) => void showClaims(filter, label)}
            onOutcome={report}
          />
          <FilterPanel
            filters={view.filters}
            counts={counts}
            histogram={timeline}
            onChange={(filters) => change({ type: 'filters', filters })}
          />
          <PathPanel
            client={client}
            path={state.path}
            focused={focusedEntity}
            onEndpoint={(end, entity) => dispatch({ type: 'path/endpoint', end, entity })}
            onFind={() => void findPaths()}
            onClear={() => dispatch({ type: 'path/clear' })}
            onSelect={selectOne}
            onOutcome={report}
          />
        </aside>
        <section className="canvas-area" aria-label="Graph">
          <Toolbar
            layout={view.layout}
            onLayout={(layout: LayoutName) => change({ type: 'layout', layout })}
            onRelayout={() => run('relayout')}
            relationTypes={relationTypes}
            selectedEntities={selectedIds.length}
            selectedAny={selection.length}
            allPinned={allPinned}
            hiddenCount={view.hidden.length}
            canUndo={canUndo(state.history)}
            canRedo={canRedo(state.history)}
            tableOpen={tableOpen}
            onExpand={(types, direction) => expandIds(selectedIds, types, direction)}
            onHide={() => run('hide')}
            onShowHidden={() => run('showHidden')}
            onRemove={() => run('remove')}
            onPin={(pinned) => change({ type: 'pin', ids: selectedIds, pinned })}
            onKeepOnly={() => run('keepOnly')}
            onSelectNeighbours={() => run('selectNeighbours')}
            onFit={() => run('fit')}
            onUndo={() => run('undo')}
            onRedo={() => run('redo')}
            onToggleTable={() => setTableOpen((open) => !open)}
            onCopyLink={copyLink}
            canExport={shownNodes > 0}
            onExport={() => setExportOpen(defaultScopeKind(selection))}
            onImport={() => importInputRef.current?.click()}
          />
          <input
            ref={importInputRef}
            type="file"
            accept=".json,.cyjs,.graphml,.xml,application/json,application/xml"
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Import a Steppe export (JSON or GraphML)"
            data-testid="import-file"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) void importFromFile(file);
            }}
          />
          {importNotice ? (
            <div className={`import-notice${importNotice.error ? ' import-error' : ''}`} role={importNotice.error ? 'alert' : 'status'}>
              <p>{importNotice.message}</p>
              <button type="button" onClick={() => setImportNotice(null)}>
                Dismiss
              </button>
            </div>
          ) : null}
          {exportOpen !== null && exportScopes ? (
            <ExportDialog
              scopes={exportScopes}
              initialScope={exportOpen}
              nameOf={nameOf}
              fileOnly={fileOnly}
              hiddenTypes={view.filters.hiddenTypes}
              otherRelationFilters={view.filters.from !== null || view.filters.to !== null || view.filters.minSources > 1 || view.hidden.some((id) => relationIdOf(id) !== null)}
              exportUrl={exportUrl}
              renderPicture={renderPicture}
              onClose={() => setExportOpen(null)}
            />
          ) : null}
          {permalink && permalink.query === currentQuery ? (
            <div className="permalink" role="status">
              <label>
                {permalink.copied ? 'Link copied. ' : 'Copy this link: '}
                <input readOnly aria-label="Permalink" value={permalink.url} onFocus={(e) => e.currentTarget.select()} />
              </label>
              <button type="button" onClick={() => setPermalink(null)}>
                Close
              </button>
            </div>
          ) : null}
          <div
            className={`canvas-frame${dropping ? ' dropping' : ''}`}
            ref={canvasRef}
            onDragOver={onDragOver}
            onDragLeave={() => setDropping(false)}
            onDrop={onDrop}
          >
            <GraphCanvas
              elements={elements}
              selection={selection}
              anchor={state.anchor}
              layout={view.layout}
              pinned={view.pinned}
              roots={Object.keys(view.expansions)}
              relayoutToken={state.relayout}
              fitToken={fitToken}
              onSelect={onCanvasSelect}
              onExpand={(id) => expandIds([id])}
              onMore={(owner) => void expandMore(owner)}
              onContextMenu={setMenu}
              onStep={step}
              centreRequest={centre}
              summary={summary}
              onInstance={onCyInstance}
            />
            {menu ? <ContextMenu title={menuTitle} x={menu.x} y={menu.y} items={menuItems} onClose={closeMenu} /> : null}
            <div className="canvas-overlay" aria-live="polite">
              {state.pending.length > 0 ? (
                <p className="overlay-message" role="status">
                  Loading {state.pending.map((p) => p.label).join(', ')}…
                </p>
              ) : null}
              {state.failure ? (
                <div className="overlay-message overlay-error" role="alert">
                  <p>
                    Couldn’t load {state.failure.label}. {state.failure.message}
                  </p>
                  <div className="overlay-actions">
                    {state.failure.retryable && state.failure.retry ? (
                      <button
                        type="button"
                        onClick={() => {
                          const request = state.failure?.retry;
                          if (request?.type === 'restore') restoreFromLocation();
                          else if (request) retry(request);
                        }}
                      >
                        Try again
                      </button>
                    ) : null}
                    <button type="button" onClick={() => dispatch({ type: 'dismissFailure' })}>
                      Dismiss
                    </button>
                  </div>
                </div>
              ) : null}
              {nodes === 0 && state.pending.length === 0 && !state.failure ? (
                <p className="overlay-message overlay-empty">
                  The canvas is empty. Search for a person, organisation, place or event and choose it to see its
                  relations and the sources behind them, or start from the claims on the left (the contested ones,
                  or every claim of a type).
                </p>
              ) : null}
              {dropping ? <p className="overlay-message overlay-drop">Drop a Steppe JSON (.cyjs) or GraphML export to import it.</p> : null}
              {nodes > 0 && shownNodes === 0 ? (
                <p className="overlay-message overlay-empty">Nothing on the canvas matches the filters. Clear them to see it again.</p>
              ) : null}
            </div>
          </div>
          <div className="canvas-footer">
            <p className="muted" aria-live="polite" data-testid="canvas-counts">
              {nodes > 0
                ? `${shownNodes} of ${nodes} entities · ${shownEdges} of ${edges} relations shown`
                : ''}
            </p>
            <details className="shortcuts">
              <summary>Keyboard shortcuts</summary>
              <dl>
                {SHORTCUTS.map((s) => (
                  <div key={s.command}>
                    <dt>
                      <kbd>{s.keys}</kbd>
                    </dt>
                    <dd>{s.description}</dd>
                  </div>
                ))}
                <div>
                  <dt>
                    <kbd>←/→</kbd>
                  </dt>
                  <dd>On the canvas: step through the entities; Enter expands; Shift+F10 opens the menu</dd>
                </div>
              </dl>
            </details>
            {nodes > 0 ? (
              <button type="button" onClick={() => change({ type: 'clear' })}>
                Clear canvas
              </button>
            ) : null}
          </div>
          {tableOpen ? (
            <TableView
              nodes={nodeRows(data, view, visible)}
              edges={edgeRows(data, view, visible)}
              selection={selection}
              onSelectEntity={(id) => select([id])}
              onSelectRelation={(id) => select([edgeId(id)])}
            />
          ) : null}
          <Legend
            counts={counts}
            filters={view.filters}
            onToggleKind={(kind) => change({ type: 'filters', filters: toggleKind(view.filters, kind) })}
            onToggleFamily={(family) => change({ type: 'filters', filters: toggleTypes(view.filters, typesOfFamily(family)) })}
          />
        </section>
        <aside className="details-area" aria-label="Details" id="details" tabIndex={-1}>
          <DetailsPanel
            graph={data}
            selection={focus}
            pending={pendingIds}
            expansions={view.expansions}
            onCanvas={onCanvas}
            onSelect={selectOne}
            onExpand={(entity) => void expand(entity, { select: true })}
            onMore={(id) => void expandMore(id)}
          />
          {focus?.type === 'entity' && fileOnly.has(focus.id) ? (
            <p className="muted selection-note import-note">
              Imported from a file: the API’s graph does not hold this entity, so it cannot be expanded and is left out of reports and data files.
            </p>
          ) : null}
          {selectedIds.length > 1 ? (
            <p className="muted selection-note">
              {selectedIds.length} entities selected: {selectedIds.map((id) => data.entities[id]?.name ?? id).join(', ')}.
            </p>
          ) : null}
        </aside>
      </main>
    </div>
  );
}

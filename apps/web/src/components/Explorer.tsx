'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createGraphQLClient } from '../api/client';
import { authHeaders } from '../auth/session';
import { SignIn } from '../auth/SignIn';
import { fetchRelationTypes, type Direction, type RelationTypeCount } from '../api/queries';
import type { EvidenceData, SearchHit } from '../api/types';
import { exportUrlFor } from '../config';
import { commandForKey, isEnabled, type CommandContext } from '../explorer/commands';
import { useFileImport } from '../explorer/useFileImport';
import { useFocusKeeper } from '../explorer/useFocusKeeper';
import { usePanels } from '../explorer/usePanels';
import { useUrlSync } from '../explorer/useUrlSync';
import { MAIN_VIEW, PANEL_VIEWS, type ViewContext } from '../explorer/views';
import { renderImage, type ImageOptions } from '../export/image';
import { defaultScopeKind, exportScope, type ExportScope, type ScopeKind } from '../export/scope';
import { legendCounts } from '../workspace/counts';
import { canRedo, canUndo } from '../workspace/history';
import { relationIdOf } from '../workspace/ids';
import { readerRequest, type ReaderRequest } from '../workspace/reader';
import { currentView, focusOf, selectedEntities, selectionIdOf, type CanvasChange, type Selection } from '../workspace/reducer';
import { visibility } from '../workspace/visibility';
import { AlertBanner, ApiStatus } from './ApiStatus';
import { ClaimsPanel } from './ClaimsPanel';
import { DetailsPanel } from './DetailsPanel';
import { ExportDialog } from './ExportDialog';
import styles from './Explorer.module.css';
import { FilterPanel } from './FilterPanel';
import type { GraphCanvasHandle } from './GraphCanvas';
import { useApiHealth } from './hooks';
import { PanelBoundary } from './PanelBoundary';
import { PathPanel } from './PathPanel';
import { ReadInSourceContext } from './reader/ReadInSource';
import { SearchBox } from './SearchBox';
import { Toolbar } from './Toolbar';
import { useWorkspace } from './useWorkspace';
import { useTimeline } from './useTimeline';

export interface ExplorerProps {
  /** The GraphQL endpoint, resolved on the server at request time. */
  apiUrl: string;
  /** A configuration problem to show instead of trying the API. */
  configError?: string;
}

/** Where focus goes when the focused control vanished and no region around it stands: the canvas. */
const focusCanvasFallback = () => document.getElementById('graph-canvas');

function inField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A skip link: moves the keyboard to the element with the id `target` (focus, not only scroll). */
function SkipLink({ target, children }: { target: string; children: ReactNode }) {
  return (
    <a
      href={`#${target}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      {children}
    </a>
  );
}

/**
 * The explorer's shell: it composes the panels, the toolbar and the registered views (explorer/views.tsx) around
 * one workspace state, and builds the CommandContext that the toolbar, the context menu and the keyboard all run
 * commands through (explorer/commands.ts). All data comes from the GraphQL API over HTTP.
 */
export function Explorer({ apiUrl, configError }: ExplorerProps) {
  const client = useMemo(() => createGraphQLClient({ url: apiUrl, headers: authHeaders }), [apiUrl]);
  const health = useApiHealth(client);
  const { report } = health;
  const [state, actions] = useWorkspace(client, report);
  const { dispatch, expand, expandMore, restore, findPaths, retry, importFile, showClaims, showRelations } = actions;
  const view = currentView(state);
  const { data, selection } = state;

  const [relationTypes, setRelationTypes] = useState<RelationTypeCount[] | null>(null);
  const [panels, togglePanel] = usePanels();
  const [openViews, setOpenViews] = useState<ReadonlySet<string>>(new Set());
  // The document open in the reader view (a panel view that shows while this is set).
  const [reader, setReader] = useState<ReaderRequest | null>(null);
  const openReader = useCallback((request: ReaderRequest) => {
    setReader(request);
    setOpenViews((open) => new Set(open).add('reader'));
  }, []);
  const closeReader = useCallback(() => {
    setReader(null);
    setOpenViews((open) => new Set([...open].filter((id) => id !== 'reader')));
  }, []);
  const readInSource = useCallback((e: EvidenceData) => e.selector && openReader(readerRequest(e.source.id, e.selector)), [openReader]);
  const [expandBy, setExpandBy] = useState<{ types: string[] | null; direction: Direction }>({ types: null, direction: 'BOTH' });
  const [exportOpen, setExportOpen] = useState<ScopeKind | null>(null);
  /** The link last copied, for the view it was copied from (it is not shown once the view changes). */
  const [permalink, setPermalink] = useState<{ url: string; query: string; copied: boolean } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const importInputRef = useRef<HTMLInputElement>(null);
  const canvasRef = useRef<GraphCanvasHandle | null>(null);

  useEffect(() => {
    fetchRelationTypes(client).then(
      (types) => {
        report('ok');
        setRelationTypes(types);
      },
      (error: unknown) => report(error),
    );
  }, [client, report, health.recoveries]);

  const { currentQuery, restoreFromLocation, restoredPicture, onPicture, savedNotice, dismissSavedNotice } = useUrlSync(
    state,
    view,
    restore,
  );
  const fileImport = useFileImport(importFile);
  useFocusKeeper(focusCanvasFallback);

  // — derived views of the state —
  const visible = useMemo(() => visibility(data, view), [data, view]);
  const counts = useMemo(() => legendCounts(data, view, visible), [data, view, visible]);
  const timeline = useTimeline(data, view);
  const focus = focusOf(selection);
  const focusedEntity = focus?.type === 'entity' ? (data.entities[focus.id] ?? null) : null;
  const selectedIds = useMemo(() => selectedEntities(selection), [selection]);
  const pendingIds = useMemo(
    () => new Set(state.pending.filter((p) => p.key.startsWith('expand:')).map((p) => p.key.slice('expand:'.length))),
    [state.pending],
  );
  const onCanvas = useMemo(() => new Set(view.nodes), [view.nodes]);
  const fileOnly = useMemo(() => new Set(state.fileOnly), [state.fileOnly]);

  // — commands: one context for the toolbar, the context menu and the keyboard —
  const change = useCallback((c: CanvasChange) => dispatch({ type: 'canvas/change', change: c }), [dispatch]);
  const select = useCallback((ids: readonly string[]) => dispatch({ type: 'select', ids }), [dispatch]);
  const selectOne = useCallback((s: Selection) => select([selectionIdOf(s)]), [select]);
  const expandIds = useCallback(
    (ids: readonly string[], types: string[] | null = null, direction: Direction = 'BOTH') => {
      for (const id of ids) {
        const entity = data.entities[id];
        if (entity) void expand(entity, { types, direction });
      }
    },
    [data.entities, expand],
  );
  const copyLink = useCallback(() => {
    const url = window.location.href;
    setPermalink({ url, query: currentQuery, copied: false });
    navigator.clipboard?.writeText(url).then(
      () => setPermalink({ url, query: currentQuery, copied: true }),
      () => undefined,
    );
  }, [currentQuery]);
  const commands = useMemo(
    (): CommandContext => ({
      data,
      view,
      visible,
      selection,
      canUndo: canUndo(state.history),
      canRedo: canRedo(state.history),
      openViews,
      panels,
      togglePanel,
      expandBy,
      dispatch,
      change,
      select,
      expand: expandIds,
      expandMore: (id) => void expandMore(id),
      setPathEnd: (end, entity) => dispatch({ type: 'path/endpoint', end, entity }),
      get canvas() {
        return canvasRef.current;
      },
      toggleView: (id) =>
        setOpenViews((open) => {
          const next = new Set(open);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
      reader,
      openReader,
      closeReader,
      focusSearch: () => searchRef.current?.focus(),
      copyLink,
      openExport: () => setExportOpen(defaultScopeKind(selection)),
      openImport: () => importInputRef.current?.click(),
    }),
    [
      data,
      view,
      visible,
      selection,
      state.history,
      openViews,
      panels,
      togglePanel,
      expandBy,
      dispatch,
      change,
      select,
      expandIds,
      expandMore,
      reader,
      openReader,
      closeReader,
      copyLink,
    ],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // A modal dialog (Export) is open: its keys are its own, even when focus has fallen to the page.
      if (document.querySelector('dialog[open]')) return;
      const def = commandForKey({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        inField: inField(event.target),
      });
      if (!def) return;
      event.preventDefault();
      if (isEnabled(def, commands, commands.selection)) def.run(commands, commands.selection);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands]);

  const choose = useCallback(
    (hit: SearchHit) => {
      canvasRef.current?.centre(hit.id);
      if (view.nodes.includes(hit.id)) {
        if (view.hidden.includes(hit.id)) change({ type: 'showHidden' });
        select([hit.id]);
      } else void expand(hit, { select: true });
    },
    [view.nodes, view.hidden, expand, select, change],
  );

  // — export —
  const exportScopes = useMemo(
    () =>
      exportOpen === null
        ? null
        : {
            view: exportScope('view', data, view, visible, selection),
            selection: exportScope('selection', data, view, visible, selection),
          },
    [exportOpen, data, view, visible, selection],
  );
  const nameOf = useCallback((id: string) => data.entities[id]?.name ?? id, [data.entities]);
  const renderPicture = useCallback((scope: ExportScope, options: ImageOptions) => {
    const cy = canvasRef.current?.instance();
    if (!cy) return Promise.reject(new Error('The canvas is not ready.'));
    return renderImage(cy, scope, options);
  }, []);
  const canvasPositions = useCallback(() => {
    const out: Record<string, { x: number; y: number }> = {};
    canvasRef.current
      ?.instance()
      ?.nodes()
      .not('.more')
      .forEach((n) => void (out[n.id()] = { ...n.position() }));
    return out;
  }, []);
  const exportUrl = useMemo(() => {
    try {
      return exportUrlFor(apiUrl);
    } catch {
      return apiUrl;
    }
  }, [apiUrl]);

  const viewContext: ViewContext = {
    client,
    state,
    view,
    visible,
    commands,
    actions,
    canvasRef,
    counts,
    restoredPicture,
    onPicture,
    importFiles: fileImport.importFiles,
    retryFailure: () => {
      const request = state.failure?.retry;
      if (request?.type === 'restore') restoreFromLocation();
      else if (request) retry(request);
    },
  };
  const Main = MAIN_VIEW.Component;

  return (
    <div className={styles.explorer}>
      <nav className={styles.skipLinks} aria-label="Skip links">
        <SkipLink target="graph-canvas">Skip to the graph</SkipLink>
        <SkipLink target="details">Skip to the details</SkipLink>
      </nav>
      <header className={styles.topbar}>
        <div className={styles.brand}>
          <h1>Steppe</h1>
          <p className={styles.tagline}>Who did what in the January 2022 unrest in Kazakhstan, and who says so.</p>
        </div>
        <PanelBoundary name="Search">
          <SearchBox
            variant="bar"
            client={client}
            placeholder="Search people, organisations, places, events (e.g. Tokayev)"
            onChoose={choose}
            onOutcome={report}
            retryToken={health.recoveries}
            inputRef={searchRef}
            onChoosePassage={(p) => openReader(readerRequest(p.source.id, { start: p.start, end: p.end }))}
          />
        </PanelBoundary>
        <SignIn apiUrl={apiUrl} />
      </header>

      {configError ? (
        <AlertBanner>
          <p>
            <strong>The explorer is misconfigured.</strong> {configError}
          </p>
        </AlertBanner>
      ) : null}
      <ApiStatus outage={health.outage} onRetry={health.checkNow} />

      <main className={styles.workspace} data-sidebar={panels.sidebar} data-details={panels.details}>
        <aside className={styles.sidebar} aria-label="Claims, filters and paths" hidden={!panels.sidebar}>
          <PanelBoundary name="Claims">
            <ClaimsPanel
              client={client}
              relationTypes={relationTypes}
              recoveries={health.recoveries}
              onShow={(filter, label) => void showClaims(filter, label)}
              onShowClaim={(relation) =>
                void showRelations([relation], relation.id, `${relation.from.name} ${relation.label} ${relation.to.name}`)
              }
              onOutcome={report}
            />
          </PanelBoundary>
          <PanelBoundary name="Filters">
            <FilterPanel
              filters={view.filters}
              counts={counts}
              histogram={timeline}
              onChange={(filters) => change({ type: 'filters', filters })}
            />
          </PanelBoundary>
          <PanelBoundary name="Paths">
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
          </PanelBoundary>
        </aside>
        <section className={styles.canvasArea} aria-label="Graph">
          <PanelBoundary name="Toolbar">
            <Toolbar
              ctx={commands}
              layout={view.layout}
              onLayout={(layout) => change({ type: 'layout', layout })}
              relationTypes={relationTypes}
              onExpandBy={setExpandBy}
            />
          </PanelBoundary>
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
              if (file) void fileImport.importFromFile(file);
            }}
          />
          {fileImport.notice ? (
            <div
              className={`${styles.notice}${fileImport.notice.error ? ` ${styles.noticeError}` : ''}`}
              role={fileImport.notice.error ? 'alert' : 'status'}
              data-testid="import-notice"
            >
              <p>{fileImport.notice.message}</p>
              <button type="button" onClick={fileImport.dismiss}>
                Dismiss
              </button>
            </div>
          ) : null}
          {savedNotice ? (
            <div
              className={`${styles.notice}${savedNotice.error ? ` ${styles.noticeError}` : ''}`}
              role={savedNotice.error ? 'alert' : 'status'}
              data-testid="saved-notice"
            >
              <p>{savedNotice.message}</p>
              <button type="button" onClick={dismissSavedNotice}>
                Dismiss
              </button>
            </div>
          ) : null}
          {exportOpen !== null && exportScopes ? (
            <PanelBoundary name="Export">
              <ExportDialog
                scopes={exportScopes}
                initialScope={exportOpen}
                nameOf={nameOf}
                fileOnly={fileOnly}
                hiddenTypes={view.filters.hiddenTypes}
                otherRelationFilters={
                  view.filters.from !== null ||
                  view.filters.to !== null ||
                  view.filters.minSources > 1 ||
                  view.hidden.some((id) => relationIdOf(id) !== null)
                }
                exportUrl={exportUrl}
                renderPicture={renderPicture}
                positions={canvasPositions}
                onClose={() => setExportOpen(null)}
              />
            </PanelBoundary>
          ) : null}
          {permalink && permalink.query === currentQuery ? (
            <div className={styles.notice} role="status">
              <label>
                {permalink.copied ? 'Link copied. ' : 'Copy this link: '}
                <input readOnly aria-label="Permalink" value={permalink.url} onFocus={(e) => e.currentTarget.select()} />
              </label>
              <button type="button" onClick={() => setPermalink(null)}>
                Close
              </button>
            </div>
          ) : null}
          {/* Every view fails on its own: a view that throws is replaced by a message, the rest of the page stays. */}
          <PanelBoundary name={MAIN_VIEW.label} className={styles.failedView}>
            <Main ctx={viewContext} />
          </PanelBoundary>
          {PANEL_VIEWS.filter((v) => openViews.has(v.id)).map((v) => (
            <PanelBoundary key={v.id} name={v.label}>
              <v.Component ctx={viewContext} />
            </PanelBoundary>
          ))}
        </section>
        <aside className={styles.details} aria-label="Details" id="details" tabIndex={-1} hidden={!panels.details}>
          <PanelBoundary name="Details">
            <ReadInSourceContext.Provider value={readInSource}>
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
            </ReadInSourceContext.Provider>
          </PanelBoundary>
          {focus?.type === 'entity' && fileOnly.has(focus.id) ? (
            <p className={`muted ${styles.selectionNote}`}>
              Imported from a file: the API’s graph does not hold this entity, so it cannot be expanded and is left out of reports and data
              files.
            </p>
          ) : null}
          {selectedIds.length > 1 ? (
            <p className={`muted ${styles.selectionNote}`}>
              {selectedIds.length} entities selected: {selectedIds.map((id) => data.entities[id]?.name ?? id).join(', ')}.
            </p>
          ) : null}
        </aside>
      </main>
    </div>
  );
}

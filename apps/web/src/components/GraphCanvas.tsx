'use client';

import { useEffect, useEffectEvent, useRef, type KeyboardEvent } from 'react';
import type { Core, EdgeSingular, ElementDefinition, NodeSingular, Position } from 'cytoscape';
import { cytoscape } from '../graph/cytoscape';
import { isEntityElementId, moreOwnerOf } from '../graph/elements';
import { inView, OFF_THREAD_LAYOUT_NODES } from '../graph/layout';
import { runNamedLayout } from '../graph/layouts';
import { OffThreadLayout } from '../graph/layout-worker';
import { createBrowserLayoutWorker } from '../graph/layout-worker-browser';
import { freshViewTier, layOutOffThread, runOffThreadLayout } from '../graph/off-thread';
import { applyViewRendering } from '../graph/rendering';
import { buildStylesheet, labelTier, type LabelTier } from '../graph/style';
import { syncElements } from '../graph/sync';
import { exposeForTests, withdrawFromTests } from '../graph/test-hook';
import type { LayoutName } from '../workspace/view';

export interface ContextTarget {
  /** Element id (entity id or `relation:<id>`). */
  id: string;
  /** Where to open the menu, relative to the canvas. */
  x: number;
  y: number;
}

export interface GraphCanvasProps {
  elements: readonly ElementDefinition[];
  /** Selected element ids. */
  selection: readonly string[];
  /** The entity new neighbours fan out from. */
  anchor: string | null;
  layout: LayoutName;
  pinned: readonly string[];
  /** Expanded entities: the roots of hierarchical and concentric layouts. */
  roots: readonly string[];
  /** Changes when the analyst asks for a fresh layout. */
  relayoutToken: number;
  /** Changes when the analyst asks to fit the graph to the canvas. */
  fitToken: number;
  onSelect: (ids: string[], options: { additive: boolean }) => void;
  onExpand: (id: string) => void;
  onMore: (ownerId: string) => void;
  onContextMenu: (target: ContextTarget) => void;
  /** Centre this entity once it is on the canvas and laid out (a new token asks again). */
  centreRequest?: { id: string; token: number } | null;
  /** Arrow keys on the canvas step through the entities. */
  onStep: (delta: 1 | -1) => void;
  /** What the canvas shows, in words, for assistive technology. */
  summary: string;
  /** Receives the Cytoscape instance once created (null when it goes): exports draw pictures from it. */
  onInstance?: (cy: Core | null) => void;
}

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
}

function modifierHeld(event: { originalEvent?: unknown }): boolean {
  const e = event.originalEvent as MouseEvent | undefined;
  return !!e && (e.shiftKey || e.ctrlKey || e.metaKey);
}

/**
 * The Cytoscape canvas. Cytoscape owns the drawing; React owns the data. The
 * instance is created once per mount; element changes are applied as a diff
 * so that placed nodes stay put, and hidden elements stay on the canvas with
 * `display: none`. The container's `data-layout` attribute is `running` while
 * a layout works and `idle` once the picture is stable.
 */
export function GraphCanvas(props: GraphCanvasProps) {
  const { elements, selection, anchor, layout, pinned, roots, relayoutToken, fitToken, summary } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const layoutRuns = useRef(0);
  const remembered = useRef(new Map<string, Position>());
  const tierRef = useRef<LabelTier>('near');
  const pendingCentre = useRef<string | null>(null);
  /** fcose for large views runs in a worker (null where workers are unavailable): the page stays interactive meanwhile. */
  const offThread = useRef<OffThreadLayout | null>(null);
  /** From how many visible entities fcose goes to the worker (`?layoutWorkerFrom=N` overrides it, for tests and tuning). */
  const offThreadFrom = useRef(OFF_THREAD_LAYOUT_NODES);

  /** Centres the requested entity if it is on the canvas and no layout is moving it. */
  const centreIfReady = useEffectEvent(() => {
    const cy = cyRef.current;
    const id = pendingCentre.current;
    if (!cy || !id || containerRef.current?.dataset.layout !== 'idle') return;
    const node = cy.getElementById(id);
    if (node.empty() || !node.visible()) return;
    pendingCentre.current = null;
    // The node itself in the middle (cy.center would centre its box, label included).
    const p = (node as unknown as NodeSingular).position();
    const pan = { x: cy.width() / 2 - p.x * cy.zoom(), y: cy.height() / 2 - p.y * cy.zoom() };
    if (prefersReducedMotion()) cy.pan(pan);
    else cy.animate({ pan }, { duration: 250 });
  });

  const select = useEffectEvent((ids: string[], additive: boolean) => props.onSelect(ids, { additive }));
  const expand = useEffectEvent((id: string) => props.onExpand(id));
  const more = useEffectEvent((owner: string) => props.onMore(owner));
  const contextMenu = useEffectEvent((target: ContextTarget) => props.onContextMenu(target));
  const instance = useEffectEvent((cy: Core | null) => props.onInstance?.(cy));

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // Opt-in WebGL renderer (cytoscape ≥ 3.31) for machines with a GPU: open the explorer with ?renderer=webgl.
    // Not the default: the API caps a view at 500 entities, which the canvas renderer draws well, and
    // without a GPU (software WebGL) it is far slower (see BENCHMARKS.md, "Explorer rendering").
    const webgl = new URLSearchParams(window.location.search).get('renderer') === 'webgl';
    const cy = cytoscape({
      container,
      ...(webgl ? { renderer: { name: 'canvas', webgl: true } as unknown as { name: string } } : {}),
      style: buildStylesheet('near'),
      minZoom: 0.1,
      maxZoom: 3,
      boxSelectionEnabled: true,
      selectionType: 'additive',
    });
    cyRef.current = cy;
    container.dataset.layout = 'idle';
    const workerFrom = Number(new URLSearchParams(window.location.search).get('layoutWorkerFrom'));
    if (Number.isInteger(workerFrom) && workerFrom > 0) offThreadFrom.current = workerFrom;
    const firstWorker = createBrowserLayoutWorker();
    if (firstWorker) {
      let spare: typeof firstWorker | null = firstWorker;
      offThread.current = new OffThreadLayout(() => {
        const worker = spare ?? createBrowserLayoutWorker();
        spare = null;
        if (!worker) throw new Error('Web Workers are unavailable.');
        return worker;
      });
    }
    exposeForTests(cy);
    instance(cy);

    cy.on('tap', 'node', (event) => {
      const id = event.target.id() as string;
      const owner = moreOwnerOf(id);
      if (owner) more(owner);
      else select([id], modifierHeld(event));
    });
    cy.on('tap', 'edge', (event) => {
      const id = event.target.id() as string;
      if (!event.target.hasClass('more')) select([id], modifierHeld(event));
    });
    cy.on('tap', (event) => {
      if (event.target === cy) select([], false);
    });
    cy.on('boxselect', () => {
      const ids = cy.$(':selected').map((el) => el.id()).filter(isEntityElementId);
      select(ids, true);
    });
    cy.on('dbltap', 'node', (event) => {
      const id = event.target.id() as string;
      if (isEntityElementId(id)) expand(id);
    });
    cy.on('cxttap', 'node, edge', (event) => {
      const id = event.target.id() as string;
      if (event.target.hasClass('more')) return;
      const p = event.renderedPosition ?? { x: 0, y: 0 };
      select([id], false);
      contextMenu({ id, x: p.x, y: p.y });
    });
    // Labels follow the zoom (see labelTier): restyle only when the tier changes.
    cy.on('zoom', () => {
      const tier = labelTier(cy.zoom());
      if (tier !== tierRef.current) {
        tierRef.current = tier;
        cy.style(buildStylesheet(tier));
      }
    });

    // The container changes size with the page's layout (panels, table view), not only with the window.
    const resizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => cy.resize());
    resizes?.observe(container);

    return () => {
      offThread.current?.dispose();
      offThread.current = null;
      resizes?.disconnect();
      withdrawFromTests(cy);
      instance(null);
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  const layoutRequest = useEffectEvent((randomize: boolean, animate: boolean) => {
    const cy = cyRef.current;
    const container = containerRef.current;
    if (!cy || !container) return;
    const run = ++layoutRuns.current;
    // A new layout (new data, another layout, a fresh one) supersedes one still running in the worker.
    offThread.current?.cancel();
    container.dataset.layout = 'running';
    const request = { name: layout, pinned: new Set(pinned), roots, randomize, animate: animate && !prefersReducedMotion() };
    const current = () => run === layoutRuns.current && !cy.destroyed();
    const finished = (thread: 'main' | 'worker') => {
      if (current()) {
        // Where the last layout ran, for tests and for anyone looking at the DOM.
        container.dataset.layoutThread = thread;
        container.dataset.layout = 'idle';
        centreIfReady();
      }
    };
    const worker = offThread.current;
    if (worker && layOutOffThread(cy, request, offThreadFrom.current)) {
      void runOffThreadLayout(cy, worker, run, request, current).then((outcome) => {
        // The worker failed (not cancelled): lay out on the main thread rather than not at all.
        if (outcome?.type === 'error' && current()) return runNamedLayout(cy, request).then(() => finished('main'));
        finished('worker');
      });
      return;
    }
    void runNamedLayout(cy, request).then(() => finished('main'));
  });

  /**
   * A fresh large view is fitted on its quick placement: style it once, for the label tier of that zoom, before
   * its elements are added, rather than for the close-up tier and then again when the fit zooms out (thousands
   * of elements each time). Where the guess is off (pinned entities), the zoom handler corrects the tier.
   */
  const styleFreshView = useEffectEvent((cy: Core, next: readonly ElementDefinition[]) => {
    if (!offThread.current) return;
    const tier = freshViewTier(cy, next, { name: layout }, offThreadFrom.current);
    if (tier && tier !== tierRef.current) {
      tierRef.current = tier;
      cy.style(buildStylesheet(tier));
    }
  });

  // Pinned nodes cannot be dragged either.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const set = new Set(pinned);
    cy.nodes().forEach((n) => {
      if (set.has(n.id())) n.lock();
      else n.unlock();
    });
  }, [pinned, elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wasEmpty = cy.nodes().length === 0;
    if (wasEmpty) styleFreshView(cy, elements);
    const change = syncElements(cy, elements, { anchor, remembered: remembered.current });
    // Large views leave edges out of the frames drawn while the view moves; small ones are drawn in full.
    applyViewRendering(cy);
    const placedFresh = change.addedNodes.length - change.restored.length;
    if (placedFresh > 0) layoutRequest(wasEmpty, !wasEmpty);
    else centreIfReady();
  }, [elements, anchor]);

  const centreToken = props.centreRequest?.token;
  const centreId = props.centreRequest?.id;
  useEffect(() => {
    if (!centreId) return;
    pendingCentre.current = centreId;
    centreIfReady();
  }, [centreId, centreToken]);

  // A new layout when the analyst picks one or asks for it.
  const firstLayout = useRef(true);
  useEffect(() => {
    if (firstLayout.current) {
      firstLayout.current = false;
      return;
    }
    layoutRequest(false, true);
  }, [layout, relayoutToken]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || fitToken === 0) return;
    cy.animate({ fit: { eles: cy.elements().not('.filtered'), padding: 40 } }, { duration: prefersReducedMotion() ? 0 : 250 });
  }, [fitToken]);

  const selectionKey = selection.join('\n');
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wanted = new Set(selectionKey ? selectionKey.split('\n') : []);
    cy.batch(() => {
      cy.elements(':selected').filter((el) => !wanted.has(el.id())).unselect();
      for (const id of wanted) {
        const el = cy.getElementById(id);
        if (el.nonempty() && !el.selected()) el.select();
      }
    });
    // Something chosen from the panel, the table or the search may be off screen: bring it into view.
    const last = [...wanted].pop();
    const el = last ? cy.getElementById(last) : null;
    if (el && el.nonempty() && el.visible()) {
      const where = el.isEdge() ? (el as unknown as EdgeSingular).midpoint() : (el as unknown as NodeSingular).position();
      if (!inView(cy, where)) cy.animate({ center: { eles: el } }, { duration: prefersReducedMotion() ? 0 : 250 });
    }
  }, [selectionKey, elements]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const cy = cyRef.current;
    if (!cy) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') {
      event.preventDefault();
      props.onStep(1);
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') {
      event.preventDefault();
      props.onStep(-1);
    } else if (event.key === 'Enter' && selection.length > 0) {
      event.preventDefault();
      const last = selection[selection.length - 1]!;
      if (isEntityElementId(last)) props.onExpand(last);
    } else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      const last = selection[selection.length - 1];
      if (!last) return;
      event.preventDefault();
      const el = cy.getElementById(last);
      const p = el.nonempty() && el.isNode() ? (el as unknown as NodeSingular).renderedPosition() : { x: 40, y: 40 };
      props.onContextMenu({ id: last, x: p.x, y: p.y });
    }
  }

  return (
    <div
      ref={containerRef}
      id="graph-canvas"
      className="canvas"
      data-testid="graph-canvas"
      role="application"
      aria-roledescription="graph canvas"
      aria-label={summary}
      tabIndex={0}
      onKeyDown={onKeyDown}
    />
  );
}

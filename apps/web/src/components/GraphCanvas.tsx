'use client';

import { useEffect, useEffectEvent, useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import type { CollectionArgument, Core, EdgeSingular, ElementDefinition, NodeSingular, Position } from 'cytoscape';
import { cytoscape } from '../graph/cytoscape';
import { isEntityElementId, moreOwnerOf } from '../workspace/ids';
import { inView, OFF_THREAD_LAYOUT_NODES } from '../graph/layout/fcose';
import { layoutScope, runNamedLayout } from '../graph/layout/named';
import { SEPARATE_MAX_NODES } from '../graph/layout/readable';
import { readableFit, separateLabels } from '../graph/layout/readable-canvas';
import { OffThreadLayout } from '../graph/layout/worker-client';
import { createBrowserLayoutWorker } from '../graph/layout/worker-browser';
import { freshViewTier, layOutOffThread, runOffThreadLayout } from '../graph/layout/off-thread';
import { applyViewRendering } from '../graph/rendering';
import { buildStylesheet, labelTier, type LabelTier } from '../graph/style';
import { syncElements } from '../graph/sync';
import { exposeForTests, withdrawFromTests } from '../graph/test-hook';
import type { LayoutName } from '../workspace/view';
import type { CanvasController } from '../explorer/commands';
import type { Picture } from '../workspace/picture';

export interface ContextTarget {
  /** Element id (entity id or `relation:<id>`). */
  id: string;
  /** Where to open the menu, relative to the canvas. */
  x: number;
  y: number;
}

/** Where the pointer rests, and how wide the canvas is (a card near the right edge opens to the left). */
export interface HoverTarget extends ContextTarget {
  width: number;
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
  /** The explorer drives the canvas through this handle (fit, relayout, zoom, centre), not through props. */
  ref?: Ref<GraphCanvasHandle>;
  onSelect: (ids: string[], options: { additive: boolean }) => void;
  onExpand: (id: string) => void;
  onMore: (ownerId: string) => void;
  onContextMenu: (target: ContextTarget) => void;
  /** Arrow keys on the canvas step through the entities. */
  onStep: (delta: 1 | -1) => void;
  /** What the canvas shows, in words, for assistive technology. */
  summary: string;
  /** A picture to put back (from the address bar): positions, zoom and pan. */
  restoredPicture?: Picture | null;
  /** The picture as it settles after a layout, a drag, a zoom or a pan. */
  onPicture?: (picture: Picture) => void;
  /** The pointer rests on an entity or a relation (null when it leaves): for the hover card. */
  onHover?: (target: HoverTarget | null) => void;
  /** The container's class (the view that holds the canvas sizes it). */
  className?: string;
}

/** What the explorer can ask of the canvas (the command registry's CanvasController, plus the instance for exports). */
export interface GraphCanvasHandle extends CanvasController {
  /** The Cytoscape instance (exports draw pictures from it), or null before mount. */
  instance(): Core | null;
}

/** The canvas's picture: every entity's position (rounded: it travels in links), the zoom and the pan. */
function pictureOf(cy: Core): Picture {
  const positions: Record<string, { x: number; y: number }> = {};
  cy.nodes()
    .not('.more')
    .forEach((n) => {
      const p = n.position();
      positions[n.id()] = { x: Math.round(p.x), y: Math.round(p.y) };
    });
  return { positions, zoom: cy.zoom(), pan: { ...cy.pan() } };
}

/**
 * fcose keeps fixed nodes in place relative to each other but may shift the whole picture a little: shift it
 * back, so what the analyst arranged does not move at all and the newcomers keep their place beside it.
 */
function holdInPlace(cy: Core, held: ReadonlyMap<string, Position>, added: readonly string[]): void {
  let dx = 0;
  let dy = 0;
  for (const [id, before] of held) {
    const now = (cy.getElementById(id) as unknown as NodeSingular).position();
    dx += now.x - before.x;
    dy += now.y - before.y;
  }
  dx /= Math.max(1, held.size);
  dy /= Math.max(1, held.size);
  cy.batch(() => {
    for (const [id, before] of held) setPosition(cy.getElementById(id) as unknown as NodeSingular, before);
    for (const id of added) {
      const n = cy.getElementById(id) as unknown as NodeSingular;
      if (n.nonempty()) setPosition(n, { x: n.position().x - dx, y: n.position().y - dy });
    }
  });
}

function setPosition(n: NodeSingular, p: Position): void {
  const locked = n.locked();
  if (locked) n.unlock();
  n.position({ ...p });
  if (locked) n.lock();
}

/** After entities joined: if one of them is off screen, widen the view to the whole canvas (resolves when it has). */
function keepInView(cy: Core, added: readonly string[]): Promise<unknown> {
  const outside = added.some((id) => {
    const n = cy.getElementById(id);
    return n.nonempty() && n.visible() && !inView(cy, (n as unknown as NodeSingular).position(), 30);
  });
  if (!outside) return Promise.resolve();
  const eles = cy.elements().not('.filtered');
  if (prefersReducedMotion()) {
    cy.fit(eles, 40);
    return Promise.resolve();
  }
  return cy
    .animation({ fit: { eles, padding: 40 }, duration: 250 })
    .play()
    .promise();
}

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
}

/**
 * Moves the view (to a pan, or centred on elements). The canvas is not idle while it glides: a click, or a
 * test, in those 250 ms would land where a node was a moment ago. cy.animate queues behind any other view
 * animation (cy.animation().play() would run alongside and fight it).
 */
function glideView(
  cy: Core,
  container: HTMLElement,
  to: { pan: Position } | { center: { eles: CollectionArgument } },
  settled: () => void,
): void {
  if (prefersReducedMotion()) {
    if ('pan' in to) cy.pan(to.pan);
    else cy.center(to.center.eles);
    return;
  }
  container.dataset.layout = 'centring';
  cy.animate(to, {
    duration: 250,
    complete: () => {
      if (container.dataset.layout !== 'centring') return;
      container.dataset.layout = 'idle';
      settled();
    },
  });
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
 * a layout works, `centring` while the view glides to an entity just chosen,
 * and `idle` once the picture is stable.
 */
export function GraphCanvas(props: GraphCanvasProps) {
  const { elements, selection, anchor, layout, pinned, roots, summary, ref, restoredPicture } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const layoutRuns = useRef(0);
  const remembered = useRef(new Map<string, Position>());
  const tierRef = useRef<LabelTier>('near');
  const pendingCentre = useRef<string | null>(null);
  /** The zoom and pan of a restored picture, applied once its entities are on the canvas. */
  const pendingViewport = useRef<Pick<Picture, 'zoom' | 'pan'> | null>(null);
  const pictureTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const keepRestoredView = useRef(false);
  /** What was selected last, to bring into view once no layout is moving things (revealPending). */
  const pendingReveal = useRef<string | null>(null);
  /** fcose for large views runs in a worker (null where workers are unavailable): the page stays interactive meanwhile. */
  const offThread = useRef<OffThreadLayout | null>(null);
  /** From how many visible entities fcose goes to the worker (`?layoutWorkerFrom=N` overrides it, for tests and tuning). */
  const offThreadFrom = useRef(OFF_THREAD_LAYOUT_NODES);

  /** Restyles the canvas for a label tier (only when it changes: a restyle measures every label again). */
  const setTier = (cy: Core, tier: LabelTier) => {
    if (tier === tierRef.current) return;
    tierRef.current = tier;
    cy.style(buildStylesheet(tier));
  };

  /** Tells the explorer what the picture is now (debounced: a drag or a zoom reports once it settles). */
  const reportPicture = useEffectEvent(() => {
    if (pictureTimer.current) clearTimeout(pictureTimer.current);
    pictureTimer.current = setTimeout(() => {
      const cy = cyRef.current;
      if (!cy || cy.destroyed() || containerRef.current?.dataset.layout !== 'idle') return;
      props.onPicture?.(pictureOf(cy));
    }, 250);
  });

  /**
   * Brings what was last selected into view if it lies outside it, once no layout is moving things (a
   * selection made while a layout runs waits for the layout and its fit: centring on where the element
   * happened to be before would leave the finished picture mostly off screen).
   */
  const revealPending = useEffectEvent(() => {
    const cy = cyRef.current;
    const container = containerRef.current;
    const id = pendingReveal.current;
    if (!cy || !container || !id || container.dataset.layout !== 'idle') return;
    pendingReveal.current = null;
    const el = cy.getElementById(id);
    if (el.empty() || !el.visible()) return;
    const where = el.isEdge() ? (el as unknown as EdgeSingular).midpoint() : (el as unknown as NodeSingular).position();
    if (!inView(cy, where)) glideView(cy, container, { center: { eles: el } }, reportPicture);
  });

  /** After the view has settled: anything still waiting to be shown, then the picture. */
  const settled = useEffectEvent(() => {
    revealPending();
    reportPicture();
  });

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
    glideView(cy, containerRef.current!, { pan }, settled);
  });

  const select = useEffectEvent((ids: string[], additive: boolean) => props.onSelect(ids, { additive }));
  const expand = useEffectEvent((id: string) => props.onExpand(id));
  const more = useEffectEvent((owner: string) => props.onMore(owner));
  const contextMenu = useEffectEvent((target: ContextTarget) => props.onContextMenu(target));
  const hover = useEffectEvent((target: HoverTarget | null) => props.onHover?.(target));

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
      const ids = cy
        .$(':selected')
        .map((el) => el.id())
        .filter(isEntityElementId);
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
    cy.on('mouseover', 'node, edge', (event) => {
      const el = event.target;
      if (el.hasClass('more')) return;
      const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
      hover({ id: el.id() as string, x: p.x, y: p.y, width: cy.width() });
    });
    cy.on('mouseout', 'node, edge', () => hover(null));
    // A card left over a node that moves away (pan, zoom, drag) would point at nothing.
    cy.on('viewport grab', () => hover(null));
    cy.on('viewport dragfree', () => reportPicture());
    // Labels follow the zoom (see labelTier): restyle only when the tier changes.
    cy.on('zoom', () => setTier(cy, labelTier(cy.zoom())));

    // The container changes size with the page's layout (panels, table view), not only with the window.
    const resizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => cy.resize());
    resizes?.observe(container);

    return () => {
      offThread.current?.dispose();
      offThread.current = null;
      resizes?.disconnect();
      withdrawFromTests(cy);
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  /**
   * Lays the canvas out. With `added` (entities that just joined a canvas the analyst has arranged), only those
   * move: everything else is held where it is (fcose with fixed nodes, whatever the named layout), and the view
   * then widens just enough to show them.
   */
  const layoutRequest = useEffectEvent((randomize: boolean, animate: boolean, added: readonly string[] = []) => {
    const cy = cyRef.current;
    const container = containerRef.current;
    if (!cy || !container) return;
    const run = ++layoutRuns.current;
    // A new layout (new data, another layout, a fresh one) supersedes one still running in the worker.
    offThread.current?.cancel();
    container.dataset.layout = 'running';
    const addedSet = new Set(added);
    const keep =
      added.length > 0
        ? cy
            .nodes()
            .filter((n) => !addedSet.has(n.id()))
            .map((n) => n.id())
        : [];
    const request =
      keep.length > 0
        ? { name: 'fcose' as const, pinned: new Set([...pinned, ...keep]), roots, randomize: false, animate: false, fit: false }
        : { name: layout, pinned: new Set(pinned), roots, randomize, animate: animate && !prefersReducedMotion() };
    // On the main thread a view small enough to read is fitted after the layout (readableFit), not by it.
    const mainRequest =
      keep.length === 0 && cy.nodes().not('.filtered').length <= SEPARATE_MAX_NODES ? { ...request, fit: false } : request;
    const held = new Map(keep.map((id) => [id, { ...(cy.getElementById(id) as unknown as NodeSingular).position() }]));
    const current = () => run === layoutRuns.current && !cy.destroyed();
    // Views small enough to read: the layout does not fit; labels are nudged apart and the readable fit follows.
    const readable = cy.nodes().not('.filtered').length <= SEPARATE_MAX_NODES;
    const movable = new Set(
      keep.length > 0
        ? added.filter((id) => !pinned.includes(id))
        : layoutScope(cy, new Set(pinned))
            .movable.nodes()
            .map((n) => n.id()),
    );
    const finished = async (thread: 'main' | 'worker') => {
      if (!current()) return;
      if (keep.length > 0) holdInPlace(cy, held, added);
      if (thread === 'main' && readable) {
        // fcose sizes nodes with their labels but does not keep labels apart; the other layouts space their
        // grid, rings or levels themselves (nudging would break their lines). Measured at the mid tier's
        // larger font, the largest a readable fit draws.
        if (request.name === 'fcose') {
          setTier(cy, 'mid');
          separateLabels(cy, movable);
        }
        if (keep.length === 0) {
          const view = readableFit(cy, roots);
          if (view && request.animate) await cy.animation({ zoom: view.zoom, pan: view.pan, duration: 300 }).play().promise();
          else if (view) cy.viewport({ zoom: view.zoom, pan: view.pan });
        }
        setTier(cy, labelTier(cy.zoom()));
        if (!current()) return;
      }
      // The canvas is idle once the view has settled too (a test, or an analyst's click, then finds things where they stay).
      if (keep.length > 0) await keepInView(cy, added);
      if (!current()) return;
      // Where the last layout ran, for tests and for anyone looking at the DOM.
      container.dataset.layoutThread = thread;
      container.dataset.layout = 'idle';
      centreIfReady();
      settled();
    };
    const worker = offThread.current;
    if (worker && layOutOffThread(cy, request, offThreadFrom.current)) {
      void runOffThreadLayout(cy, worker, run, request, current).then((outcome) => {
        // The worker failed (not cancelled): lay out on the main thread rather than not at all.
        if (outcome?.type === 'error' && current()) return runNamedLayout(cy, mainRequest).then(() => finished('main'));
        return finished('worker');
      });
      return;
    }
    // Laid out with the labels as large as a readable fit draws them (the mid tier's), so the layout makes room for them.
    if (readable) setTier(cy, 'mid');
    void runNamedLayout(cy, mainRequest).then(() => finished('main'));
  });

  /**
   * A fresh large view is fitted on its quick placement: style it once, for the label tier of that zoom, before
   * its elements are added, rather than for the close-up tier and then again when the fit zooms out (thousands
   * of elements each time). Where the guess is off (pinned entities), the zoom handler corrects the tier.
   */
  const styleFreshView = useEffectEvent((cy: Core, next: readonly ElementDefinition[]) => {
    if (!offThread.current) return;
    const tier = freshViewTier(cy, next, { name: layout }, offThreadFrom.current);
    if (tier) setTier(cy, tier);
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
    const restored = new Set(change.restored);
    const fresh = change.addedNodes.filter((id) => !restored.has(id) && isEntityElementId(id));
    const placedFresh = change.addedNodes.length - change.restored.length;
    if (placedFresh > 0) layoutRequest(wasEmpty, !wasEmpty, wasEmpty ? [] : fresh);
    else {
      // Everything came back where the link or the reload had it: its zoom and pan too.
      const viewport = pendingViewport.current;
      if (viewport && cy.nodes().length > 0) {
        pendingViewport.current = null;
        cy.viewport({ zoom: viewport.zoom, pan: { ...viewport.pan } });
        // The restored selection may lie outside this view: the view is what the link asked for, keep it.
        keepRestoredView.current = true;
      }
      centreIfReady();
      settled();
    }
  }, [elements, anchor]);

  // A picture from the address bar (a permalink, a reload, back/forward): its positions are where entities go
  // when they arrive (or move to, if they are here), and its zoom and pan apply once they are all placed.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !restoredPicture) return;
    for (const [id, p] of Object.entries(restoredPicture.positions)) remembered.current.set(id, { ...p });
    pendingViewport.current = { zoom: restoredPicture.zoom, pan: restoredPicture.pan };
    const here = cy.nodes().filter((n) => restoredPicture.positions[n.id()] !== undefined);
    if (here.nonempty()) {
      cy.batch(() => {
        here.forEach((n) => {
          const locked = n.locked();
          n.unlock();
          n.position({ ...restoredPicture.positions[n.id()]! });
          if (locked) n.lock();
        });
      });
      if (here.length === cy.nodes().not('.more').length) {
        cy.viewport({ zoom: restoredPicture.zoom, pan: { ...restoredPicture.pan } });
        pendingViewport.current = null;
      }
    }
  }, [restoredPicture]);

  // A new layout when the analyst picks one.
  const firstLayout = useRef(true);
  useEffect(() => {
    if (firstLayout.current) {
      firstLayout.current = false;
      return;
    }
    layoutRequest(false, true);
  }, [layout]);

  // The handle's methods run from the explorer's event handlers, after render: they reach the effect events
  // through refs set after each commit (an effect event may only be called from effects and effect events).
  const relayoutNow = useEffectEvent(() => layoutRequest(false, true));
  const centreNow = useEffectEvent(() => centreIfReady());
  const actions = useRef({ relayout: () => {}, centre: () => {} });
  useEffect(() => {
    actions.current = { relayout: () => relayoutNow(), centre: () => centreNow() };
  });

  useImperativeHandle(
    ref,
    () => ({
      fit() {
        const cy = cyRef.current;
        if (!cy) return;
        cy.animate({ fit: { eles: cy.elements().not('.filtered'), padding: 40 } }, { duration: prefersReducedMotion() ? 0 : 250 });
      },
      relayout() {
        actions.current.relayout();
      },
      zoomBy(factor: number) {
        const cy = cyRef.current;
        if (!cy) return;
        // Zoom about the middle of the canvas, as a map's +/− buttons do.
        const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
        const renderedPosition = { x: cy.width() / 2, y: cy.height() / 2 };
        if (prefersReducedMotion()) cy.zoom({ level, renderedPosition });
        else cy.animate({ zoom: { level, renderedPosition } }, { duration: 150 });
      },
      centre(id: string) {
        pendingCentre.current = id;
        actions.current.centre();
      },
      instance: () => cyRef.current,
    }),
    [],
  );

  const selectionKey = selection.join('\n');
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const wanted = new Set(selectionKey ? selectionKey.split('\n') : []);
    cy.batch(() => {
      cy.elements(':selected')
        .filter((el) => !wanted.has(el.id()))
        .unselect();
      for (const id of wanted) {
        const el = cy.getElementById(id);
        if (el.nonempty() && !el.selected()) el.select();
      }
    });
    // Something chosen from the panel, the table or the search may be off screen: bring it into view.
    const last = [...wanted].pop();
    const el = last && !keepRestoredView.current ? cy.getElementById(last) : null;
    keepRestoredView.current = false;
    if (el && el.nonempty() && el.visible()) {
      pendingReveal.current = el.id();
      revealPending();
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
      className={props.className}
      data-testid="graph-canvas"
      role="application"
      aria-roledescription="graph canvas"
      aria-label={summary}
      tabIndex={0}
      onKeyDown={onKeyDown}
    />
  );
}

/**
 * Explorer rendering benchmark, in headless Chromium, with the explorer's own
 * code (elements, stylesheet, quick placement, layout worker):
 *
 * 1. A large fresh view as the explorer shows it (500, 2,000 and 5,000
 *    entities): time to first draw (quick placement), time until a click is
 *    answered, the longest main-thread task and frame rate while fcose runs in
 *    the layout worker and the view is panned and zoomed, and time until the
 *    final layout is applied.
 * 2. Pan/zoom frames per second, with drag and wheel input events and with
 *    scripted viewport changes, for the canvas renderer as the explorer sets
 *    it up for the view's size, the canvas renderer drawing everything, and
 *    the WebGL renderer (2,000 and 10,000 entities on the quick placement).
 *
 *   npm run bench:web -w @steppe/web-e2e
 *
 * The graphs come from the seeder's own synthetic generator (graph-seed
 * `syntheticGraph`, seed 42), mapped to elements by the explorer's own
 * `buildElements`; no API, no Neo4j. Results are printed and written to the
 * "Explorer rendering" section of BENCHMARKS.md at the repository root (other
 * sections are left alone).
 *
 * Chromium runs with the project's flags (--disable-gpu among them) plus, for
 * this benchmark only, --use-angle=swiftshader --enable-unsafe-swiftshader so
 * that WebGL has a (software) device; BENCH_PLAIN_FLAGS=1 leaves them out.
 *
 * Options (environment): BENCH_SIZES=500,2000,5000  BENCH_FPS_SIZES=2000,10000
 * BENCH_EDGES_PER_NODE=2.5 (2,000 entities → 5,000 relations)  BENCH_FPS_SECONDS=4
 * BENCH_LAYOUT_TIMEOUT_S=600  BENCH_PAN=gesture|programmatic (how the view is moved
 * while the worker lays it out)  BENCH_DEBUG=1 (print every long task)
 * BENCH_NO_WRITE=1 (print only).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core, ElementDefinition } from 'cytoscape';
import { buildSync } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import type { EntitySummary, RelationData } from '../../web/src/api/types';
import { buildElements } from '../../web/src/graph/elements';
import { LARGE_VIEW_ITERATIONS, LARGE_VIEW_NODES, OFF_THREAD_LAYOUT_NODES } from '../../web/src/graph/layout/fcose';
import { GLIDE_TO_FIT_MS } from '../../web/src/graph/layout/off-thread';
import { LARGE_RENDERING_EDGES, LARGE_RENDERING_NODES } from '../../web/src/graph/rendering';
import { buildStylesheet, type LabelTier } from '../../web/src/graph/style';
import { syntheticGraph } from '@steppe/graph-seed';
import type { BenchApi } from './bench-page';
import { chromiumLaunchOptions } from '@steppe/chromium';
import { CHROMIUM_PATH } from './browser';
import { REPO_ROOT } from './paths';

const SIZES = (process.env.BENCH_SIZES ?? '500,2000,5000').split(',').filter(Boolean).map(Number);
const FPS_SIZES = (process.env.BENCH_FPS_SIZES ?? '2000,10000').split(',').filter(Boolean).map(Number);
// 2.5 relations per entity: 2,000 entities with 5,000 relations, the shape of issue 5's target.
const EDGES_PER_NODE = Number(process.env.BENCH_EDGES_PER_NODE ?? 2.5);
const PAN: PanMode = process.env.BENCH_PAN === 'programmatic' ? 'programmatic' : 'gesture';
const FPS_SECONDS = Number(process.env.BENCH_FPS_SECONDS ?? 4);
const LAYOUT_TIMEOUT_S = Number(process.env.BENCH_LAYOUT_TIMEOUT_S ?? 600);
const SWIFTSHADER_ARGS = process.env.BENCH_PLAIN_FLAGS === '1' ? [] : ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const COMMAND = 'npm run bench:web -w @steppe/web-e2e';
const VIEWPORT = { width: 1280, height: 800 };
const TIERS: LabelTier[] = ['near', 'mid', 'far', 'overview'];

/** The explorer's elements for a synthetic graph of n entities. */
function elementsFor(n: number) {
  const g = syntheticGraph(n, 42, EDGES_PER_NODE);
  const entities = new Map<string, EntitySummary>(
    g.entities.map((e) => [e.id, { id: e.id, kind: e.kind, name: e.name, aliases: e.aliases, description: e.description }]),
  );
  const relations: RelationData[] = g.relations.map((r) => ({
    id: r.id,
    type: r.type,
    label: r.type.toLowerCase().replace(/_/g, ' '),
    from: entities.get(r.from)!,
    to: entities.get(r.to)!,
    date: r.date ?? null,
    startDate: r.startDate ?? null,
    endDate: r.endDate ?? null,
    stance: r.stance,
    confidence: r.confidence,
    detail: null,
    sourceCount: r.evidence.length,
    contested: false,
    evidence: [],
  }));
  return buildElements(entities.values(), relations);
}

/**
 * The explorer's own code for the page and for its layout worker, bundled for
 * the browser by esbuild: the worker is exactly apps/web's layout.worker.ts
 * (fcose with the iteration cap), the page gets the placement, job and
 * worker-client modules (bench-page.ts).
 */
function bundle(entry: string): string {
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

interface FlowRun {
  nodes: number;
  edges: number;
  /** Data in hand → the quick placement on screen (second animation frame). */
  firstDrawMs: number;
  /** Data in hand → a click dispatched right after the first draw is handled. */
  inputMs: number;
  /** Longest main-thread task from the quick placement's creation to the worker's start (the first draw). */
  firstTasksMs: number;
  /** Longest main-thread task and the slowest frame while the worker laid the view out. */
  longestTaskMs: number;
  /** Longest main-thread task from the worker's answer to the final layout drawn (applying the positions). */
  applyTaskMs: number | null;
  worstFrameMs: number;
  /** Frames per second while the view was panned and zoomed during the worker's layout. */
  fpsDuringLayout: number;
  /** Data in hand → the worker's positions applied (null: did not finish within the timeout). */
  finalMs: number | null;
  workerMs: number | null;
  zoom: number;
  tier: string;
}

/**
 * The canvas renderer as the explorer sets it up for the view's size (large views: no edges in the frames
 * drawn during a gesture, the view moved as one picture), the canvas renderer drawing everything on every
 * frame (what small views get), and the WebGL renderer (Cytoscape ≥ 3.31; it ignores those two options).
 */
type Renderer = 'canvas' | 'canvas-full' | 'webgl';
const RENDERERS: Renderer[] = ['canvas', 'canvas-full', 'webgl'];

interface FpsRun {
  nodes: number;
  edges: number;
  renderer: Renderer;
  /** Whether the explorer's large-view drawing was on. */
  large: boolean;
  firstDrawMs: number;
  /** Frames per second and slowest frame while dragging and wheel-zooming (one input event per frame). */
  gestureFps: number;
  gestureWorstMs: number;
  /** Frames per second with a new viewport set by script every frame (no gesture: always drawn in full). */
  scriptedFps: number;
  tier: string;
}

async function preparePage(page: Page, pageCode: string): Promise<void> {
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="cy" style="position:absolute;inset:0"></div></body></html>');
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in __name(): give the page one.
  await page.addScriptTag({ content: 'window.__name = (fn) => fn;' });
  await page.addScriptTag({ content: pageCode });
}

type PageWindow = {
  steppeBench: BenchApi;
  __cy?: Core;
  __worker?: string;
};

type PanMode = 'gesture' | 'programmatic';

/**
 * In the page: counts animation frames (and the slowest) until `stopFrames`,
 * moving the view on every frame. `gesture`: one input event per frame, the
 * DOM events Cytoscape listens to, dispatched where the pointer is (it handles
 * them as a user's): 16 frames dragging the background from the top-left
 * corner (outside the fitted graph; forth, then back the next time), then 16
 * wheel steps about that corner (8 in, 8 out), and again; Cytoscape knows
 * these are gestures and draws large views without edges meanwhile.
 * `programmatic`: a new zoom and pan set by script every frame, which Cytoscape
 * draws in full whatever the size.
 */
function startFrames(mode: PanMode): void {
  const w = window as unknown as PageWindow & {
    __frames: { n: number; worst: number; t0: number; stop: boolean; moves: number; endDrag: (() => void) | null };
  };
  const cy = w.__cy!;
  const startZoom = cy.zoom();
  const startPan = { ...cy.pan() };
  const state = { n: 0, worst: 0, t0: performance.now(), stop: false, moves: 0, endDrag: null as (() => void) | null };
  w.__frames = state;
  // How many viewport changes there were (that the gestures did move the view).
  cy.on('viewport', () => void state.moves++);
  let last = state.t0;
  const step = (now: number) => {
    if (state.stop) return;
    state.worst = Math.max(state.worst, now - last);
    last = now;
    state.n++;
    if (mode === 'gesture') {
      const k = state.n - 1;
      const i = k % 16;
      const corner = { x: 12, y: 12 };
      const at = (x: number, y: number) => document.elementFromPoint(x, y) ?? document.body;
      if (Math.floor(k / 16) % 2 === 0) {
        const forth = Math.floor(k / 32) % 2 === 0;
        const from = forth ? corner : { x: corner.x + 90, y: corner.y + 60 };
        const p = { x: from.x + (forth ? 6 : -6) * i, y: from.y + (forth ? 4 : -4) * i };
        const mouse = (type: string) =>
          at(p.x, p.y).dispatchEvent(
            new MouseEvent(type, {
              bubbles: true,
              cancelable: true,
              clientX: p.x,
              clientY: p.y,
              button: 0,
              buttons: type === 'mouseup' ? 0 : 1,
            }),
          );
        if (i === 0) {
          mouse('mousedown');
          // Stopped mid-drag, the drag must still end: a button left down keeps Cytoscape in its gesture mode.
          state.endDrag = () => mouse('mouseup');
        } else mouse('mousemove');
        if (i === 15) {
          mouse('mouseup');
          state.endDrag = null;
        }
      } else {
        at(corner.x, corner.y).dispatchEvent(
          new WheelEvent('wheel', {
            bubbles: true,
            cancelable: true,
            clientX: corner.x,
            clientY: corner.y,
            deltaY: i < 8 ? -100 : 100,
            deltaMode: 0,
          }),
        );
      }
    } else {
      const t = (now - state.t0) / 1000;
      cy.viewport({
        zoom: startZoom * (1.6 + Math.sin(t * 2)),
        pan: { x: startPan.x + 200 * Math.cos(t * 1.3), y: startPan.y + 150 * Math.sin(t * 1.7) },
      });
    }
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

function stopFrames(): { fps: number; worstFrameMs: number; frames: number; moves: number } {
  const w = window as unknown as {
    __frames: { n: number; worst: number; t0: number; stop: boolean; moves: number; endDrag: (() => void) | null };
  };
  const state = w.__frames;
  state.stop = true;
  state.endDrag?.();
  return { fps: state.n / ((performance.now() - state.t0) / 1000), worstFrameMs: state.worst, frames: state.n, moves: state.moves };
}

/** Pans and zooms for `seconds` (or until `done`), counting frames in the page. */
async function panZoom(
  page: Page,
  mode: PanMode,
  seconds: number,
  done?: () => Promise<boolean>,
): Promise<{ fps: number; worstFrameMs: number; frames: number; moves: number }> {
  await page.evaluate(startFrames, mode);
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end && !(done && (await done()))) await new Promise((r) => setTimeout(r, 100));
  return page.evaluate(stopFrames);
}

/**
 * The explorer's path for a large fresh view, timed from the moment the data
 * is in hand: create the canvas, quick placement, fit, the label tier for the
 * fitted zoom (the explorer switches it in its zoom handler), the drawing mode
 * for the view's size, first draw; then fcose in the worker while the view is
 * panned and zoomed (`pan`) and long tasks and frame gaps are recorded; then
 * the positions applied and drawn.
 */
async function explorerFlow(
  page: Page,
  elements: ElementDefinition[],
  styles: Record<string, unknown>,
  fpsSeconds: number,
  timeoutMs: number,
  pan: PanMode,
): Promise<Omit<FlowRun, 'nodes' | 'edges'> & { debug: string }> {
  const first = await page.evaluate(
    async ({ els, styles }) => {
      const w = window as unknown as PageWindow & { __flow: unknown };
      const B = w.steppeBench;
      w.__cy?.destroy();
      const frame = () => new Promise<number>((r) => requestAnimationFrame((t) => r(t)));
      const longTasks: { start: number; ms: number }[] = [];
      const observer = new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => longTasks.push({ start: e.startTime, ms: e.duration })),
      );
      observer.observe({ type: 'longtask' });

      const t0 = performance.now();
      // As the explorer does: the canvas exists, the data arrives and is added (created with elements, Cytoscape
      // would also run its default grid layout and fit, which the explorer never does).
      const cy = B.cytoscape({ container: document.getElementById('cy'), style: styles.near as never, minZoom: 0.1, maxZoom: 3 });
      w.__cy = cy;
      // As the explorer does for a fresh view (GraphCanvas): styled for the tier its quick placement will be
      // fitted at before the elements are added; the zoom handler's check after the fit then changes nothing.
      let styled = 'near';
      const fresh = B.freshViewTier(cy, els, { name: 'fcose' });
      if (fresh && fresh !== styled) {
        cy.style(styles[fresh] as never);
        styled = fresh;
      }
      cy.add(els);
      B.applyViewRendering(cy);
      B.applyQuickPlacement(cy, new Set());
      const tier = B.labelTier(cy.zoom());
      if (tier !== styled) cy.style(styles[tier] as never);
      const zoom = cy.zoom();
      await frame();
      await frame();
      const firstDrawMs = performance.now() - t0;
      // A click queued now: how soon the page answers input once the view is drawn.
      const inputMs = await new Promise<number>((resolve) => {
        const target = document.getElementById('cy')!;
        target.addEventListener('click', () => resolve(performance.now() - t0), { once: true });
        setTimeout(() => target.dispatchEvent(new MouseEvent('click', { bubbles: true })), 0);
      });

      // fcose off the main thread, as the explorer runs it.
      const layouts = new B.OffThreadLayout(() => new Worker(w.__worker!) as unknown as never);
      const options = B.layoutOptions(cy, { name: 'fcose', pinned: new Set(), randomize: true, animate: false, fit: true })!;
      const job = B.layoutJobFrom(cy, 1, options);
      const layoutStart = performance.now();
      const flow = {
        t0,
        layoutStart,
        longTasks,
        observer,
        layouts,
        running: layouts.run(job),
        settled: false,
        startView: { zoom: cy.zoom(), pan: { ...cy.pan() } },
      };
      void flow.running.then(() => (flow.settled = true));
      w.__flow = flow;
      return { firstDrawMs, inputMs, zoom, tier };
    },
    { els: elements, styles },
  );

  // Pan and zoom while the worker works (up to fpsSeconds).
  const moving = await panZoom(page, pan, fpsSeconds, () =>
    page.evaluate(() => (window as unknown as { __flow: { settled: boolean } }).__flow.settled),
  );

  const last = await page.evaluate(
    async ({ timeoutMs }) => {
      type Outcome = { type: string; ms?: number; positions?: Record<string, { x: number; y: number }> };
      const w = window as unknown as PageWindow & {
        __flow: {
          t0: number;
          layoutStart: number;
          longTasks: { start: number; ms: number }[];
          observer: PerformanceObserver;
          layouts: { dispose(): void };
          running: Promise<Outcome>;
          startView: { zoom: number; pan: { x: number; y: number } };
        };
      };
      const B = w.steppeBench;
      const cy = w.__cy!;
      const { t0, layoutStart, longTasks, observer, layouts, running, startView } = w.__flow;
      const frame = () => new Promise<number>((r) => requestAnimationFrame((t) => r(t)));
      cy.viewport(startView);
      const timeout = new Promise<null>((r) => setTimeout(() => r(null), timeoutMs));
      const outcome = await Promise.race([running, timeout]);
      let finalMs: number | null = null;
      let workerMs: number | null = null;
      let answered: number | null = null;
      if (outcome && outcome.type === 'done') {
        answered = performance.now();
        await B.applyPositions(cy, outcome.positions!, { keep: new Set(), animate: false, fit: true });
        // On screen: to the start of the second animation frame, as for the first draw.
        await frame();
        await frame();
        finalMs = performance.now() - t0;
        workerMs = outcome.ms ?? null;
      }
      layouts.dispose();
      // Long-task entries are reported after the task: give the last ones time to arrive.
      await new Promise((r) => setTimeout(r, 100));
      observer.disconnect();
      const longest = (from: number, to: number) =>
        Math.max(0, ...longTasks.filter((t) => t.start >= from && t.start < to).map((t) => t.ms));
      return {
        longestTaskMs: longest(layoutStart, answered ?? Infinity),
        applyTaskMs: answered === null ? null : longest(answered, Infinity),
        firstTasksMs: longest(t0, layoutStart),
        finalMs,
        workerMs,
        debug:
          longTasks.map((t) => `${(t.start - t0).toFixed(0)}+${t.ms.toFixed(0)}`).join(' ') +
          ` (layout from ${(layoutStart - t0).toFixed(0)}, answer at ${answered === null ? '—' : (answered - t0).toFixed(0)})`,
      };
    },
    { timeoutMs },
  );
  return { ...first, ...last, worstFrameMs: moving.worstFrameMs, fpsDuringLayout: moving.fps };
}

/**
 * Creates the drawn instance on the quick placement with the given renderer and times the first frame on screen.
 * `canvas` draws as the explorer does for the view's size (`applyViewRendering`); `canvas-full` always draws in
 * full (edges included while the view moves), as the explorer does for small views.
 */
async function firstDraw(
  page: Page,
  elements: ElementDefinition[],
  styles: Record<string, unknown>,
  renderer: Renderer,
): Promise<{ ms: number; tier: string; large: boolean }> {
  return page.evaluate(
    async ({ els, styles, renderer }) => {
      const w = window as unknown as PageWindow;
      const B = w.steppeBench;
      w.__cy?.destroy();
      const t0 = performance.now();
      const cy = B.cytoscape({
        container: document.getElementById('cy'),
        style: styles.near as never,
        minZoom: 0.1,
        maxZoom: 3,
        ...(renderer === 'webgl' ? { renderer: { name: 'canvas', webgl: true } } : {}),
      } as never);
      w.__cy = cy;
      // Styled for the fitted tier before the elements are added, as the explorer does for a fresh view.
      let styled = 'near';
      const fresh = B.freshViewTier(cy, els, { name: 'fcose' });
      if (fresh && fresh !== styled) {
        cy.style(styles[fresh] as never);
        styled = fresh;
      }
      cy.add(els);
      // The WebGL renderer ignores the large-view options (the explorer sets them all the same).
      const large = renderer === 'canvas-full' ? false : B.applyViewRendering(cy).hideEdgesOnViewport && renderer === 'canvas';
      B.applyQuickPlacement(cy, new Set());
      const tier = B.labelTier(cy.zoom());
      if (tier !== styled) cy.style(styles[tier] as never);
      // Cytoscape draws in its own animation-frame loop; the WebGL renderer emits no 'render' event, so for
      // both renderers the first frame is over when the next animation frame starts.
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
      await frame();
      await frame();
      return { ms: performance.now() - t0, tier, large };
    },
    { els: elements, styles, renderer },
  );
}

const seconds = (ms: number | null) => (ms === null ? `> ${LAYOUT_TIMEOUT_S} s (unfinished)` : `${(ms / 1000).toFixed(2)} s`);

function flowTable(runs: FlowRun[]): string {
  const rows = runs.map(
    (r) =>
      `| ${r.nodes.toLocaleString('en')} | ${r.edges.toLocaleString('en')} | ${r.zoom.toFixed(2)} (${r.tier}) | ${r.firstDrawMs.toFixed(0)} ms | ${r.inputMs.toFixed(0)} ms | ${r.longestTaskMs.toFixed(0)} ms / ${r.worstFrameMs.toFixed(0)} ms | ${r.fpsDuringLayout.toFixed(1)} | ${r.workerMs === null ? '—' : seconds(r.workerMs)} | ${r.applyTaskMs === null ? '—' : `${r.applyTaskMs.toFixed(0)} ms`} | ${seconds(r.finalMs)} |`,
  );
  return [
    '| entities | relations | fitted zoom (label tier) | first draw | click answered | longest task / slowest frame during layout | fps during layout | fcose in worker | longest task applying it | final layout on screen |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

function fpsTable(runs: FpsRun[]): string {
  const name = (r: FpsRun) =>
    r.renderer === 'canvas'
      ? r.large
        ? 'canvas, large-view drawing'
        : 'canvas'
      : r.renderer === 'canvas-full'
        ? 'canvas, full drawing'
        : 'WebGL';
  const rows = runs.map(
    (r) =>
      `| ${r.nodes.toLocaleString('en')} | ${r.edges.toLocaleString('en')} | ${name(r)} | ${r.tier} | ${r.firstDrawMs.toFixed(0)} ms | ${r.gestureFps.toFixed(1)} (${r.gestureWorstMs.toFixed(0)} ms) | ${r.scriptedFps.toFixed(1)} |`,
  );
  return [
    '| entities | relations | renderer | label tier | first draw | fps dragging / wheel-zooming (slowest frame) | fps, scripted viewport every frame |',
    '| ---: | ---: | --- | --- | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

function writeSection(body: string): string {
  const file = path.join(REPO_ROOT, 'BENCHMARKS.md');
  const heading = '## Explorer rendering';
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = current.indexOf(heading);
  let next: string;
  if (start === -1) next = `${current.trimEnd()}\n\n${section}`;
  else {
    const after = current.indexOf('\n## ', start + heading.length);
    next = current.slice(0, start) + section + (after === -1 ? '' : `\n${current.slice(after + 1)}`);
  }
  writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
  return file;
}

/** Issue 5's targets against this run's figures, in words. */
function targets(flows: FlowRun[], fpsRuns: FpsRun[]): string {
  const lines: string[] = ['Targets (issue 5):'];
  const two = flows.find((f) => f.nodes === 2_000);
  if (two) {
    const interactive = Math.max(two.firstDrawMs, two.inputMs);
    // Applying the worker's layout is the end of the layout: its tasks count too.
    const met = interactive <= 2_000 && two.longestTaskMs < 200 && (two.applyTaskMs ?? 0) < 200;
    lines.push(
      `- *2,000 entities / ${two.edges.toLocaleString('en')} relations interactive within 2 s* (read here as: drawn and answering a click within 2 s, ` +
        `and no main-thread task over 200 ms while the layout runs and the analyst pans and zooms): ${met ? '**met**' : '**not met**'} in this run: ` +
        `drawn in ${(two.firstDrawMs / 1000).toFixed(2)} s, a click answered at ${(two.inputMs / 1000).toFixed(2)} s, ` +
        `longest main-thread task while fcose ran ${two.longestTaskMs.toFixed(0)} ms (${PAN === 'gesture' ? 'dragging and wheel-zooming' : 'scripted viewport changes'}), ${two.fpsDuringLayout.toFixed(1)} fps meanwhile. ` +
        `The longest task applying the worker's layout took ${two.applyTaskMs === null ? '—' : `${two.applyTaskMs.toFixed(0)} ms`}; ` +
        `the final fcose layout was on screen after ${seconds(two.finalMs)}: the view is usable before it, not laid out by then.`,
    );
  }
  const at10k = (renderer: Renderer) => fpsRuns.find((r) => r.nodes === 10_000 && r.renderer === renderer);
  const webgl10k = at10k('webgl');
  const canvas10k = at10k('canvas');
  if (webgl10k) {
    lines.push(
      `- *≥ 30 fps at 10,000 entities with WebGL*: ${webgl10k.gestureFps >= 30 ? '**met**' : '**not met**'} here: ${webgl10k.gestureFps.toFixed(1)} fps with WebGL while dragging and wheel-zooming` +
        `${canvas10k ? ` vs ${canvas10k.gestureFps.toFixed(1)} fps with the canvas renderer as the explorer sets it up` : ''}, on 2 shared CPU cores. ` +
        `This browser has no GPU: its WebGL is SwiftShader, software rendering on the same CPU cores, so the WebGL figure says nothing about WebGL on a machine with a GPU.`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const loadAtStart = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  const started = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const here = path.dirname(__filename);
  const workerCode = bundle(path.join(here, '../../web/src/graph/layout/layout.worker.ts'));
  const pageCode = bundle(path.join(here, 'bench-page.ts'));
  const styles = Object.fromEntries(TIERS.map((t) => [t, buildStylesheet(t)]));
  const launch = chromiumLaunchOptions(SWIFTSHADER_ARGS);
  const { args } = launch;
  const browser = await chromium.launch(launch);
  const flows: FlowRun[] = [];
  const fpsRuns: FpsRun[] = [];
  let webglInfo = '';
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await preparePage(page, pageCode);
    await page.evaluate((code) => {
      (window as unknown as PageWindow).__worker = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    }, workerCode);
    webglInfo = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2') as WebGL2RenderingContext | null;
      if (!gl) return 'no WebGL2 context';
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      return String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    });
    process.stdout.write(`WebGL: ${webglInfo}\n`);
    for (const n of SIZES) {
      const elements = elementsFor(n);
      const edges = elements.filter((e) => e.group === 'edges').length;
      process.stdout.write(`${n} entities, ${edges} relations: explorer flow (fcose in the worker)…\n`);
      const { debug, ...r } = await explorerFlow(page, elements, styles, FPS_SECONDS, LAYOUT_TIMEOUT_S * 1000, PAN);
      flows.push({ nodes: n, edges, ...r });
      process.stdout.write(
        (process.env.BENCH_DEBUG ? `  long tasks (start+ms from data in hand): ${debug}\n` : '') +
          `  first draw ${r.firstDrawMs.toFixed(0)} ms, click answered ${r.inputMs.toFixed(0)} ms, longest task ${r.longestTaskMs.toFixed(0)} ms during layout (${r.applyTaskMs?.toFixed(0) ?? '—'} ms applying it), slowest frame ${r.worstFrameMs.toFixed(0)} ms, ${r.fpsDuringLayout.toFixed(1)} fps during layout (${PAN}), fcose ${seconds(r.workerMs)}, final ${seconds(r.finalMs)}\n`,
      );
    }
    for (const n of FPS_SIZES) {
      const elements = elementsFor(n);
      const edges = elements.filter((e) => e.group === 'edges').length;
      for (const renderer of RENDERERS) {
        if (renderer === 'webgl' && webglInfo === 'no WebGL2 context') continue;
        // A fresh page each time: turning WebGL on changes Cytoscape's canvas-layer count for every later
        // instance on the page (its prototype), which would give the canvas renderer an idle WebGL layer.
        const fresh = await browser.newPage({ viewport: VIEWPORT });
        await preparePage(fresh, pageCode);
        const first = await firstDraw(fresh, elements, styles, renderer);
        const gesture = await panZoom(fresh, 'gesture', FPS_SECONDS);
        // Cytoscape ends a wheel gesture 150 ms after the last wheel event: let it, before the scripted part.
        await fresh.waitForTimeout(300);
        const scripted = await panZoom(fresh, 'programmatic', FPS_SECONDS);
        await fresh.close();
        fpsRuns.push({
          nodes: n,
          edges,
          renderer,
          large: first.large,
          firstDrawMs: first.ms,
          gestureFps: gesture.fps,
          gestureWorstMs: gesture.worstFrameMs,
          scriptedFps: scripted.fps,
          tier: first.tier,
        });
        process.stdout.write(
          `${n} entities, ${renderer}${first.large ? ' (large-view drawing)' : ''}: first draw ${first.ms.toFixed(0)} ms, ${gesture.fps.toFixed(1)} fps dragging/wheel-zooming (slowest frame ${gesture.worstFrameMs.toFixed(0)} ms, ${gesture.frames} frames, ${gesture.moves} viewport changes), ${scripted.fps.toFixed(1)} fps with scripted viewport changes\n`,
        );
      }
    }
    await page.evaluate(() => (window as unknown as PageWindow).__cy?.destroy());
  } finally {
    await browser.close();
  }
  const loadAtEnd = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const body = `Command: \`${COMMAND}\` (script: \`apps/web-e2e/src/bench-rendering.ts\`), run ${started} UTC.

Headless Chromium (\`${CHROMIUM_PATH}\`, flags \`${args.join(' ')}\`), viewport ${VIEWPORT.width}×${VIEWPORT.height},
on ${os.cpus().length} × ${cpu}, Node ${process.version}; load average ${loadAtStart} at the start and ${loadAtEnd} at the end
(the machine is shared with other work: on 2 cores, figures are inflated by whatever else runs).
WebGL in this browser: ${webglInfo}: a software rasteriser on the same 2 cores, not a GPU. (This Chromium gives the
same SwiftShader device with the project's flags alone; the two SwiftShader flags are there so that WebGL keeps working
where a build would otherwise refuse software WebGL.)
Graphs: the seeder's synthetic generator (seed 42) with ${EDGES_PER_NODE} relations per entity, mapped by the
explorer's \`buildElements\` and drawn with its stylesheet and label tiers. The page runs the explorer's own modules
(quick placement, layout job, worker client) and its layout worker (\`layout.worker.ts\`), bundled by esbuild.

**A large fresh view, as the explorer shows it.** From the data in hand: the canvas (created before the data, with the
close-up stylesheet) is given the stylesheet of the label tier the fit will have (\`freshViewTier\`: known from the number of
entities), the elements are added, the quick placement
(\`placement.ts\`: breadth-first from the hubs on a sunflower spiral) drawn and fitted (*first draw*: to the start of
the second animation frame); a click queued right after is handled (*click answered*); fcose runs in the worker
(explorer options: \`default\` quality, ${LARGE_VIEW_ITERATIONS} iterations above ${LARGE_VIEW_NODES.toLocaleString('en')} entities, now a real cap)
while the view is ${PAN === 'gesture' ? 'dragged and wheel-zoomed, one input event per frame (the mouse and wheel DOM events Cytoscape handles: drags of the background from a corner, back and forth, and wheel steps in and out)' : 'given a new zoom and pan by script every frame'} for up to ${FPS_SECONDS} s
(*fps during layout*, *longest task* on the main thread from the worker's start to its answer, *slowest frame*);
then the worker's positions are applied and the view glides to its fit in ${GLIDE_TO_FIT_MS} ms, drawn without edges until it
stops (\`applyPositions\`), then in full (*longest task applying it*, *final layout on screen*).
The explorer does this from ${OFF_THREAD_LAYOUT_NODES} visible entities; smaller views are laid out on the main thread.
From ${LARGE_RENDERING_NODES} visible entities or ${LARGE_RENDERING_EDGES.toLocaleString('en')} relations the explorer draws the view as a large one while it
moves (\`rendering.ts\`: Cytoscape's \`hideEdgesOnViewport\` and \`textureOnViewport\`: during a drag, wheel or pinch, or a
viewport animation, edges are left out and the nodes moved as one picture; everything is drawn again when the view stops).

${flowTable(flows)}

**Pan/zoom: canvas renderer (as the explorer sets it up, and drawing everything every frame) and WebGL renderer** (a fresh
page each; quick placement, fitted; ${FPS_SECONDS} s of dragging and wheel-zooming, one input event per frame, then ${FPS_SECONDS} s with a new viewport set by
script every frame, which Cytoscape does not treat as a gesture and so always draws in full; 60 is the display's cap):

${fpsTable(fpsRuns)}

${targets(flows, fpsRuns)}

Notes. WebGL here is SwiftShader: software rendering on the same 2 CPU cores, not a GPU. It is far slower than the canvas
renderer on this machine, and its cost is in rasterising, not in Cytoscape's code: in a CPU profile of WebGL panning at
2,000 entities / 5,000 relations, JavaScript took about 3% of the main thread and the rest was waiting on the GL
commands; a quarter of the pixels (640×400) gave about 5× the frame rate, and the same view without its edges about
10× (2026-11-30, scratch runs, load 2–4). The WebGL renderer does not implement \`hideEdgesOnViewport\` or
\`textureOnViewport\`, and finding what is under the pointer redraws the whole view into a picking buffer after every
viewport change. So WebGL stays opt-in (\`?renderer=webgl\`) until it is measured on a machine with a GPU. Cytoscape
3.34 has no \`hideLabelsOnViewport\` option any more; labels are already dropped below readable size by the
stylesheet's zoom tiers and \`min-zoomed-font-size\`. \`motionBlur\` draws more per frame, not less, and
\`pixelRatio\` is 1 in this headless browser anyway (on a high-density screen it would trade sharpness for speed):
neither is used. What stays slow on 2 shared cores is one full redraw of thousands of elements (the first draw,
the frame after the worker's positions are applied, and any frame drawn while the view is moved by script):
there, the 5,000 edges cost most (the same 2,000 nodes without edges redraw in a tenth of the time).
Before the worker design the explorer ran fcose on the main thread before drawing anything (42.7 s for 2,000
entities, page frozen); fcose's \`numIter\` is now a real cap (\`capFcoseIterations\`).
`;
  process.stdout.write(`\n${flowTable(flows)}\n\n${fpsTable(fpsRuns)}\n`);
  if (process.env.BENCH_NO_WRITE !== '1') process.stdout.write(`\nwritten to ${writeSection(body)} (section "Explorer rendering")\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

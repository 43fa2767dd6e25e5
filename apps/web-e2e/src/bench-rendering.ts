/**
 * Explorer rendering benchmark, in headless Chromium, with the explorer's own
 * code (elements, stylesheet, quick placement, layout worker):
 *
 * 1. A large fresh view as the explorer shows it (500, 2,000 and 5,000
 *    entities): time to first draw (quick placement), time until a click is
 *    answered, the longest main-thread task and frame rate while fcose runs in
 *    the layout worker and the view is panned and zoomed, and time until the
 *    final layout is applied.
 * 2. Pan/zoom frames per second for the canvas and the WebGL renderer on the
 *    same page (2,000 and 10,000 entities on the quick placement).
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
 * BENCH_EDGES_PER_NODE=2  BENCH_FPS_SECONDS=4  BENCH_LAYOUT_TIMEOUT_S=600
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
import { LARGE_VIEW_ITERATIONS, LARGE_VIEW_NODES, OFF_THREAD_LAYOUT_NODES } from '../../web/src/graph/layout';
import { buildStylesheet, type LabelTier } from '../../web/src/graph/style';
import { syntheticGraph } from '../../../graph-seed/src/synthetic';
import type { BenchApi } from './bench-page';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';
import { REPO_ROOT } from './paths';

const SIZES = (process.env.BENCH_SIZES ?? '500,2000,5000').split(',').filter(Boolean).map(Number);
const FPS_SIZES = (process.env.BENCH_FPS_SIZES ?? '2000,10000').split(',').filter(Boolean).map(Number);
const EDGES_PER_NODE = Number(process.env.BENCH_EDGES_PER_NODE ?? 2);
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
  /** Longest main-thread task and the slowest frame while the worker laid the view out. */
  longestTaskMs: number;
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
 * The canvas renderer as the explorer creates it, and WebGL. (`textureOnViewport` and `hideEdgesOnViewport`
 * act only while a gesture — wheel, drag, pinch — moves the view, not on the programmatic viewport changes
 * measured here, so they are not compared.)
 */
type Renderer = 'canvas' | 'webgl';
const RENDERERS: Renderer[] = ['canvas', 'webgl'];

interface FpsRun {
  nodes: number;
  edges: number;
  renderer: Renderer;
  firstDrawMs: number;
  fps: number;
  frames: number;
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

/**
 * The explorer's path for a large fresh view, timed from the moment the data
 * is in hand: create the canvas, quick placement, fit, the label tier for the
 * fitted zoom (the explorer switches it in its zoom handler), first draw; then
 * fcose in the worker while the view is panned and zoomed and long tasks and
 * frame gaps are recorded; then the positions applied.
 */
async function explorerFlow(
  page: Page,
  elements: ElementDefinition[],
  styles: Record<string, unknown>,
  fpsSeconds: number,
  timeoutMs: number,
): Promise<Omit<FlowRun, 'nodes' | 'edges'>> {
  return page.evaluate(
    async ({ els, styles, fpsSeconds, timeoutMs }) => {
      const w = window as unknown as PageWindow;
      const B = w.steppeBench;
      w.__cy?.destroy();
      const frame = () => new Promise<number>((r) => requestAnimationFrame((t) => r(t)));
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
      observer.observe({ type: 'longtask' });

      const t0 = performance.now();
      // As the explorer does: the canvas exists, the data arrives and is added (created with elements, Cytoscape
      // would also run its default grid layout and fit, which the explorer never does).
      const cy = B.cytoscape({ container: document.getElementById('cy'), style: styles.near as never, minZoom: 0.1, maxZoom: 3 });
      w.__cy = cy;
      cy.add(els);
      B.applyQuickPlacement(cy, new Set());
      const tier = B.labelTier(cy.zoom());
      if (tier !== 'near') cy.style(styles[tier] as never);
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
      const tasksBefore = longTasks.length;
      const running = layouts.run(job);
      let settled: { type: string; ms?: number; positions?: Record<string, { x: number; y: number }> } | null = null;
      void running.then((o) => (settled = o as typeof settled));

      // Pan and zoom while the worker works (up to fpsSeconds), one new viewport per frame.
      const startZoom = cy.zoom();
      const startPan = { ...cy.pan() };
      let frames = 0;
      let worstFrameMs = 0;
      const f0 = performance.now();
      let last = f0;
      while (!settled && performance.now() - f0 < fpsSeconds * 1000) {
        const now = await frame();
        worstFrameMs = Math.max(worstFrameMs, now - last);
        last = now;
        frames++;
        const t = (now - f0) / 1000;
        cy.viewport({
          zoom: startZoom * (1.6 + Math.sin(t * 2)),
          pan: { x: startPan.x + 200 * Math.cos(t * 1.3), y: startPan.y + 150 * Math.sin(t * 1.7) },
        });
      }
      const fpsDuringLayout = frames / ((performance.now() - f0) / 1000);
      cy.viewport({ zoom: startZoom, pan: startPan });

      const timeout = new Promise<null>((r) => setTimeout(() => r(null), timeoutMs));
      const outcome = (await Promise.race([running, timeout])) as { type: string; ms?: number; positions?: Record<string, { x: number; y: number }> } | null;
      let finalMs: number | null = null;
      let workerMs: number | null = null;
      if (outcome && outcome.type === 'done') {
        await B.applyPositions(cy, outcome.positions!, { keep: new Set(), animate: false, fit: true });
        finalMs = performance.now() - t0;
        workerMs = outcome.ms ?? null;
      }
      layouts.dispose();
      const longestTaskMs = Math.max(0, ...longTasks.slice(tasksBefore));
      observer.disconnect();
      return { firstDrawMs, inputMs, longestTaskMs, worstFrameMs, fpsDuringLayout, finalMs, workerMs, zoom, tier };
    },
    { els: elements, styles, fpsSeconds, timeoutMs },
  );
}

/** Creates the drawn instance on the quick placement with the given renderer and times the first frame on screen. */
async function firstDraw(page: Page, elements: ElementDefinition[], styles: Record<string, unknown>, renderer: Renderer): Promise<{ ms: number; tier: string }> {
  return page.evaluate(
    async ({ els, styles, renderer }) => {
      const w = window as unknown as PageWindow;
      const B = w.steppeBench;
      w.__cy?.destroy();
      const t0 = performance.now();
      const cy = B.cytoscape({
        container: document.getElementById('cy'),
        style: styles.near as never,
        ...(renderer === 'webgl' ? { renderer: { name: 'canvas', webgl: true } } : {}),
      } as never);
      w.__cy = cy;
      cy.add(els);
      B.applyQuickPlacement(cy, new Set());
      const tier = B.labelTier(cy.zoom());
      if (tier !== 'near') cy.style(styles[tier] as never);
      // Cytoscape draws in its own animation-frame loop; the WebGL renderer emits no 'render' event, so for
      // both renderers the first frame is over when the next animation frame starts.
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
      await frame();
      await frame();
      return { ms: performance.now() - t0, tier };
    },
    { els: elements, styles, renderer },
  );
}

/**
 * Pans and zooms for `seconds`, a new viewport every animation frame, and
 * counts the frames the page managed: Cytoscape redraws in the same frames, so
 * a slow draw shows as fewer frames per second (the same measure for both
 * renderers: the WebGL one emits no 'render' event to count).
 */
async function panZoomFps(page: Page, seconds: number): Promise<{ fps: number; frames: number }> {
  return page.evaluate(async (secs) => {
    const cy = (window as unknown as { __cy: Core }).__cy;
    const startZoom = cy.zoom();
    const startPan = cy.pan();
    let frames = 0;
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      const step = (now: number) => {
        const t = (now - t0) / 1000;
        if (t >= secs) return resolve();
        frames++;
        cy.viewport({
          zoom: startZoom * (1.6 + Math.sin(t * 2)),
          pan: { x: startPan.x + 200 * Math.cos(t * 1.3), y: startPan.y + 150 * Math.sin(t * 1.7) },
        });
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    const elapsed = (performance.now() - t0) / 1000;
    return { fps: frames / elapsed, frames };
  }, seconds);
}

const seconds = (ms: number | null) => (ms === null ? `> ${LAYOUT_TIMEOUT_S} s (unfinished)` : `${(ms / 1000).toFixed(2)} s`);

function flowTable(runs: FlowRun[]): string {
  const rows = runs.map(
    (r) =>
      `| ${r.nodes.toLocaleString('en')} | ${r.edges.toLocaleString('en')} | ${r.zoom.toFixed(2)} (${r.tier}) | ${r.firstDrawMs.toFixed(0)} ms | ${r.inputMs.toFixed(0)} ms | ${r.longestTaskMs.toFixed(0)} ms / ${r.worstFrameMs.toFixed(0)} ms | ${r.fpsDuringLayout.toFixed(1)} | ${r.workerMs === null ? '—' : seconds(r.workerMs)} | ${seconds(r.finalMs)} |`,
  );
  return [
    '| entities | relations | fitted zoom (label tier) | first draw | click answered | longest task / slowest frame during layout | fps during layout | fcose in worker | final layout on screen |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

function fpsTable(runs: FpsRun[]): string {
  const rows = runs.map(
    (r) => `| ${r.nodes.toLocaleString('en')} | ${r.edges.toLocaleString('en')} | ${r.renderer} | ${r.tier} | ${r.firstDrawMs.toFixed(0)} ms | ${r.fps.toFixed(1)} |`,
  );
  return ['| entities | relations | renderer | label tier | first draw | pan/zoom fps |', '| ---: | ---: | --- | --- | ---: | ---: |', ...rows].join('\n');
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
    const met = interactive <= 2_000 && two.longestTaskMs < 200;
    lines.push(
      `- *2,000 entities interactive within 2 s*: ${met ? '**met**' : '**not met**'} in this run: drawn in ${(two.firstDrawMs / 1000).toFixed(2)} s, a click answered at ${(two.inputMs / 1000).toFixed(2)} s, ` +
        `longest main-thread task while fcose ran ${two.longestTaskMs.toFixed(0)} ms, ${two.fpsDuringLayout.toFixed(1)} fps panning meanwhile. ` +
        `The final fcose layout arrived after ${seconds(two.finalMs)}: the view is usable before it, not laid out by then. ` +
        `(The graph here has ${two.edges.toLocaleString('en')} relations, ${EDGES_PER_NODE} per entity; the target speaks of 5,000.)`,
    );
  }
  const canvas10k = fpsRuns.find((r) => r.nodes === 10_000 && r.renderer === 'canvas');
  const webgl10k = fpsRuns.find((r) => r.nodes === 10_000 && r.renderer === 'webgl');
  if (webgl10k) {
    lines.push(
      `- *≥ 30 fps at 10,000 entities with WebGL*: ${webgl10k.fps >= 30 ? '**met**' : '**not met**'} here: ${webgl10k.fps.toFixed(1)} fps with WebGL` +
        `${canvas10k ? ` vs ${canvas10k.fps.toFixed(1)} fps with the canvas renderer` : ''}, both on 2 shared CPU cores; ` +
        `the WebGL figure is SwiftShader's software rasteriser, not a GPU, so it says nothing about WebGL on a machine that has one.`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  const started = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const here = path.dirname(__filename);
  const workerCode = bundle(path.join(here, '../../web/src/graph/layout.worker.ts'));
  const pageCode = bundle(path.join(here, 'bench-page.ts'));
  const styles = Object.fromEntries(TIERS.map((t) => [t, buildStylesheet(t)]));
  const args = [...CHROMIUM_ARGS, ...SWIFTSHADER_ARGS];
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
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
      const r = await explorerFlow(page, elements, styles, FPS_SECONDS, LAYOUT_TIMEOUT_S * 1000);
      flows.push({ nodes: n, edges, ...r });
      process.stdout.write(
        `  first draw ${r.firstDrawMs.toFixed(0)} ms, click answered ${r.inputMs.toFixed(0)} ms, longest task ${r.longestTaskMs.toFixed(0)} ms, slowest frame ${r.worstFrameMs.toFixed(0)} ms, ${r.fpsDuringLayout.toFixed(1)} fps during layout, fcose ${seconds(r.workerMs)}, final ${seconds(r.finalMs)}\n`,
      );
    }
    for (const n of FPS_SIZES) {
      const elements = elementsFor(n);
      const edges = elements.filter((e) => e.group === 'edges').length;
      for (const renderer of RENDERERS) {
        if (renderer === 'webgl' && webglInfo === 'no WebGL2 context') continue;
        const first = await firstDraw(page, elements, styles, renderer);
        const { fps, frames } = await panZoomFps(page, FPS_SECONDS);
        fpsRuns.push({ nodes: n, edges, renderer, firstDrawMs: first.ms, fps, frames, tier: first.tier });
        process.stdout.write(`${n} entities, ${renderer}: first draw ${first.ms.toFixed(0)} ms, ${fps.toFixed(1)} fps while panning/zooming\n`);
      }
    }
    await page.evaluate(() => (window as unknown as PageWindow).__cy?.destroy());
  } finally {
    await browser.close();
  }
  const loadAtEnd = os.loadavg().map((l) => l.toFixed(1)).join(' / ');

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

**A large fresh view, as the explorer shows it.** From the data in hand: the canvas is created, the quick placement
(\`placement.ts\`: breadth-first from the hubs on a sunflower spiral) drawn and fitted (*first draw*: to the start of
the second animation frame); a click queued right after is handled (*click answered*); fcose runs in the worker
(explorer options: \`default\` quality, ${LARGE_VIEW_ITERATIONS} iterations above ${LARGE_VIEW_NODES.toLocaleString('en')} entities, now a real cap)
while the view is panned and zoomed every frame for up to ${FPS_SECONDS} s (*fps during layout*, *longest task* on the main thread and
*slowest frame*); *final layout on screen*: until the worker's positions are applied and fitted. The explorer does this from
${OFF_THREAD_LAYOUT_NODES} visible entities; smaller views are laid out on the main thread as before.

${flowTable(flows)}

**Pan/zoom, canvas vs WebGL renderer** (same page, same run; quick placement, fitted; a new viewport every frame for
${FPS_SECONDS} s; 60 is the display's cap):

${fpsTable(fpsRuns)}

${targets(flows, fpsRuns)}

Notes. Before this design the explorer ran fcose on the main thread before drawing anything: 42.7 s for 2,000
entities in the previous run, with the page frozen. Two causes: fcose's \`numIter\` was not a cap (its engine,
cose-base, runs at least 5 iterations per node: 10,000 for 2,000 entities), which the explorer now enforces
(\`capFcoseIterations\`), and the layout ran on the page's thread, which it now does not from
${OFF_THREAD_LAYOUT_NODES} entities. What remains slow on 2 shared cores is Cytoscape's first frame
(styles, bounding boxes and textures for every element; the stylesheet's per-kind icons and label tiers already
keep it lean) and redrawing thousands of elements per frame: while the worker takes one core, panning competes
with it and with whatever else runs. \`textureOnViewport\` / \`hideEdgesOnViewport\` only act during real
gestures and were not measured here. WebGL on SwiftShader (software) is slower than the canvas renderer at
every size, so it stays opt-in (\`?renderer=webgl\`) until it is measured on a machine with a GPU.
`;
  process.stdout.write(`\n${flowTable(flows)}\n\n${fpsTable(fpsRuns)}\n`);
  if (process.env.BENCH_NO_WRITE !== '1') process.stdout.write(`\nwritten to ${writeSection(body)} (section "Explorer rendering")\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

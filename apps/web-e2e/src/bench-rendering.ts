/**
 * Explorer rendering benchmark: how long Cytoscape takes to lay out and first
 * draw 500, 2,000 and 5,000 entities, and how many frames per second it draws
 * while the view is panned and zoomed, in headless Chromium, with the canvas
 * renderer and with Cytoscape's WebGL renderer.
 *
 *   npm run bench:web -w @steppe/web-e2e
 *
 * The graphs come from the seeder's own synthetic generator (graph-seed
 * `syntheticGraph`, seed 42), mapped to elements by the explorer's own
 * `buildElements` and drawn with the explorer's own stylesheet (kind colours,
 * shapes and icons, family line styles, the label tier for the zoom). The
 * elements are generated in Node and handed to the page: no API, no Neo4j.
 * Results are printed and written to the "Explorer rendering" section of
 * BENCHMARKS.md at the repository root (other sections are left alone).
 *
 * Options (environment): BENCH_SIZES=500,2000,5000  BENCH_EDGES_PER_NODE=2
 * BENCH_FPS_SECONDS=4  BENCH_NO_WRITE=1 (print only).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Core, ElementDefinition, LayoutOptions } from 'cytoscape';
import type { Page } from 'playwright-core';
import type { EntitySummary, RelationData } from '../../web/src/api/types';
import { buildElements } from '../../web/src/graph/elements';
import { fcoseOptionsForSize } from '../../web/src/graph/layout';
import { buildStylesheet, labelTier } from '../../web/src/graph/style';
import { syntheticGraph } from '../../../graph-seed/src/synthetic';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from './browser';
import { REPO_ROOT } from './paths';

const SIZES = (process.env.BENCH_SIZES ?? '500,2000,5000').split(',').map(Number);
const EDGES_PER_NODE = Number(process.env.BENCH_EDGES_PER_NODE ?? 2);
const FPS_SECONDS = Number(process.env.BENCH_FPS_SECONDS ?? 4);
const COMMAND = 'npm run bench:web -w @steppe/web-e2e';
const VIEWPORT = { width: 1280, height: 800 };

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

const require_ = createRequire(__filename);
function scriptPaths(): string[] {
  const cytoscapeDir = path.dirname(require_.resolve('cytoscape'));
  const fcose = require_.resolve('cytoscape-fcose');
  const fromFcose = createRequire(fcose);
  const coseBase = fromFcose.resolve('cose-base');
  const layoutBase = createRequire(coseBase).resolve('layout-base');
  return [path.join(cytoscapeDir, 'cytoscape.min.js'), layoutBase, coseBase, fcose];
}

interface Run {
  renderer: 'canvas' | 'webgl';
  quality: string;
  /** The zoom the fitted graph lands at and the label tier the explorer uses there. */
  zoom: number;
  tier: string;
  nodes: number;
  edges: number;
  layoutMs: number;
  firstDrawMs: number;
  fps: number;
  frames: number;
}

async function preparePage(page: Page): Promise<void> {
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="cy" style="position:absolute;inset:0"></div></body></html>');
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in __name(): give the page one.
  await page.addScriptTag({ content: 'window.__name = (fn) => fn;' });
  for (const file of scriptPaths()) await page.addScriptTag({ path: file });
  await page.evaluate(() => {
    const w = window as unknown as { cytoscape: { use: (x: unknown) => void; (a: string, b: string): unknown }; cytoscapeFcose: unknown };
    if (!w.cytoscape('layout', 'fcose')) w.cytoscape.use(w.cytoscapeFcose);
  });
}

/** Lays the graph out with fcose (as the explorer does), headless, in the page; returns the positions. */
async function layOut(
  page: Page,
  elements: unknown[],
  options: object,
): Promise<{ ms: number; positions: Record<string, { x: number; y: number }> }> {
  return page.evaluate(async ({ els, options }) => {
    const w = window as unknown as { cytoscape: (o: object) => Core };
    const cy = w.cytoscape({ headless: true, styleEnabled: true, elements: els });
    const t0 = performance.now();
    const layout = cy.layout(options as LayoutOptions);
    const done = layout.promiseOn('layoutstop');
    layout.run();
    await done;
    const ms = performance.now() - t0;
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((n) => {
      positions[n.id()] = { ...n.position() };
    });
    cy.destroy();
    return { ms, positions };
  }, { els: elements, options });
}

/** Creates the drawn instance with the laid-out positions and times the first frame on screen. */
async function firstDraw(page: Page, elements: ElementDefinition[], style: unknown, webgl: boolean): Promise<number> {
  return page.evaluate(
    async ({ els, style, webgl }) => {
      const w = window as unknown as { cytoscape: (o: object) => Core; __cy?: Core };
      w.__cy?.destroy();
      const t0 = performance.now();
      const cy = w.cytoscape({
        container: document.getElementById('cy'),
        elements: els,
        style,
        layout: { name: 'preset', fit: true, padding: 30 },
        ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
      });
      w.__cy = cy;
      // Cytoscape draws in its own animation-frame loop; the WebGL renderer emits no 'render' event, so for
      // both renderers the first frame is over when the next animation frame starts.
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
      await frame();
      await frame();
      return performance.now() - t0;
    },
    { els: elements, style, webgl },
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

/** The zoom at which `fit` (padding 30) shows every node in the viewport. */
function fittedZoom(positions: Record<string, { x: number; y: number }>): number {
  const xs = Object.values(positions).map((p) => p.x);
  const ys = Object.values(positions).map((p) => p.y);
  const w = Math.max(...xs) - Math.min(...xs) + 40;
  const h = Math.max(...ys) - Math.min(...ys) + 40;
  return Math.min((VIEWPORT.width - 60) / w, (VIEWPORT.height - 60) / h);
}

function table(runs: Run[]): string {
  const rows = runs.map(
    (r) =>
      `| ${r.nodes.toLocaleString('en')} | ${r.edges.toLocaleString('en')} | ${r.renderer} | ${(r.layoutMs / 1000).toFixed(2)} s (${r.quality}) | ${r.zoom.toFixed(2)} (${r.tier}) | ${r.firstDrawMs.toFixed(0)} ms | ${r.fps.toFixed(1)} |`,
  );
  return [
    '| entities | relations | renderer | fcose layout | fitted zoom (label tier) | first draw | pan/zoom fps |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: |',
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

async function main(): Promise<void> {
  const loadAtStart = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  const browser = await launchChromium();
  const runs: Run[] = [];
  let webglInfo = '';
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await preparePage(page);
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
      // fcose as the explorer runs it for a view this size (fewer iterations above 1,000 entities).
      const fcose = fcoseOptionsForSize(n, { randomize: true, animate: false, fit: false, nodeDimensionsIncludeLabels: false });
      process.stdout.write(`${n} entities, ${edges} relations: fcose (${fcose.quality})…`);
      const { ms, positions } = await layOut(page, elements, fcose);
      process.stdout.write(` ${(ms / 1000).toFixed(2)} s\n`);
      const placed = elements.map((e) => (e.group === 'nodes' ? { ...e, position: positions[e.data.id as string] } : e));
      for (const renderer of ['canvas', 'webgl'] as const) {
        if (renderer === 'webgl' && webglInfo === 'no WebGL2 context') continue;
        // The stylesheet for the zoom the fitted graph lands at (the explorer switches tiers the same way).
        const zoom = fittedZoom(positions);
        const firstDrawMs = await firstDraw(page, placed, buildStylesheet(labelTier(zoom)), renderer === 'webgl');
        const { fps, frames } = await panZoomFps(page, FPS_SECONDS);
        runs.push({ renderer, quality: fcose.quality ?? 'default', zoom, tier: labelTier(zoom), nodes: n, edges, layoutMs: ms, firstDrawMs, fps, frames });
        process.stdout.write(`  ${renderer}: first draw ${firstDrawMs.toFixed(0)} ms, ${fps.toFixed(1)} fps while panning/zooming\n`);
      }
    }
    await page.evaluate(() => (window as unknown as { __cy?: { destroy(): void } }).__cy?.destroy());
  } finally {
    await browser.close();
  }

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const body = `Command: \`${COMMAND}\` (script: \`apps/web-e2e/src/bench-rendering.ts\`).

Headless Chromium (\`${CHROMIUM_PATH}\`, flags \`${CHROMIUM_ARGS.join(' ')}\`), viewport ${VIEWPORT.width}×${VIEWPORT.height},
on ${os.cpus().length} × ${cpu} (load average ${loadAtStart} when the run started: the machine is shared), Node ${process.version}.
WebGL in this browser: ${webglInfo} — software WebGL, as headless Chromium has no GPU here.
Graphs: the seeder's synthetic generator (seed 42) with ${EDGES_PER_NODE} relations per entity, mapped by the
explorer's \`buildElements\` and drawn with its stylesheet (icons, shapes, line styles; the label tier for the zoom
the fitted graph lands at, so edge labels are off for the large ones, as in the explorer).

- *fcose layout*: \`fcose\` as the explorer runs it for a view that size (\`fcoseOptionsForSize\`: quality \`default\`, 2,500 iterations, 500 above 1,000 entities; randomize, no animation), on a headless instance in the page. The layout is timed once per size; both renderers draw its positions.
- *first draw*: from creating the drawn instance with those positions (preset layout, fit) to the start of the second animation frame (Cytoscape draws in the first).
- *pan/zoom fps*: animation frames per second while the viewport was panned and zoomed every frame for ${FPS_SECONDS} s (Cytoscape redraws in those frames; 60 is the display's cap).

${table(runs)}

Notes. The explorer's views are bounded by the API (500 entities per neighbourhood or subgraph): at that size
fcose takes a few seconds and the canvas renderer pans and zooms smoothly. Beyond it, fcose's force-directed
refinement is what grows slow (draft quality, the spectral start alone, is fast but piles nodes on top of
each other, so the explorer keeps \`default\` with fewer iterations). Zoomed out, the explorer draws fewer,
cheaper things (label tiers: straight, then haystack edges; only expanded, pinned, selected and path entities
labelled; no labels in the overview), which is what keeps 2,000 entities interactive. WebGL here is
SwiftShader (software): slower than the canvas renderer at every size, so it stays opt-in (\`?renderer=webgl\`)
for machines with a GPU, where it should be measured before becoming the default.
`;
  process.stdout.write(`\n${table(runs)}\n`);
  if (process.env.BENCH_NO_WRITE !== '1') process.stdout.write(`\nwritten to ${writeSection(body)} (section "Explorer rendering")\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

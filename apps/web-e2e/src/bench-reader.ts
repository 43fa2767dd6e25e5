/**
 * Document reader benchmark: opening the longest document of the dataset in the explorer's reader, at the
 * quote that sits furthest into it. Each run clicks the quote's "Read in source" in the details and times,
 * in the page, until the quote's <mark> is the current one, has the keyboard and is scrolled into view (the
 * document fetched over GraphQL, laid out, marked and scrolled); Escape closes the reader between runs.
 *
 *   npm run bench:reader -w @steppe/web-e2e      (or from the root: npm run bench:reader)
 *
 * It starts the stack as the browser tests do (a throw-away Neo4j unless NEO4J_URI is set, the built web app,
 * a graph of its own, removed at the end), or uses a running one given by STEPPE_E2E_WEB_URL,
 * STEPPE_E2E_API_URL and STEPPE_E2E_GRAPH. Options (environment): BENCH_RUNS=30 BENCH_WARMUP=3.
 * Prints p50/p95/max; nothing is written (the figure goes in BENCHMARKS.md's table by hand).
 */
import os from 'node:os';
import type { RunningStack } from '@steppe/stack';
import { launchChromium } from './browser';
import { api } from './explorer-page';
import { startE2eStack, stackFromEnv, STACK_ENV, type StackInfo } from './stack';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const VIEWPORT = { width: 1280, height: 720 };

interface Target {
  sourceId: string;
  title: string;
  length: number;
  relationId: string;
  from: string;
  to: string;
  start: number;
}

/** The longest document, and the anchored quote furthest into it (the longest scroll). */
async function longestDocument(apiUrl: string): Promise<Target> {
  const { sources } = await api<{ sources: { id: string; title: string; text: string }[] }>(apiUrl, '{ sources { id title text } }');
  const longest = [...sources].sort((a, b) => b.text.length - a.text.length)[0];
  if (!longest) throw new Error('The graph holds no documents.');
  const { source } = await api<{
    source: {
      relations: {
        edges: {
          node: {
            id: string;
            from: { id: string };
            to: { id: string };
            evidence: { source: { id: string }; selector: { start: number } }[];
          };
        }[];
      };
    };
  }>(
    apiUrl,
    'query($id: ID!) { source(id: $id) { relations(first: 100) { edges { node { id from { id } to { id } evidence { source { id } selector { start } } } } } } }',
    { id: longest.id },
  );
  let best: Target | null = null;
  for (const { node } of source.relations.edges) {
    for (const e of node.evidence) {
      if (e.source.id !== longest.id || (best && best.start >= e.selector.start)) continue;
      best = {
        sourceId: longest.id,
        title: longest.title,
        length: longest.text.length,
        relationId: node.id,
        from: node.from.id,
        to: node.to.id,
        start: e.selector.start,
      };
    }
  }
  if (!best) throw new Error(`No quote is anchored in ${longest.id}.`);
  return best;
}

/** In the page: click the button, then count until the current mark has the keyboard and is inside the text's scroll box. */
const TIME_OPEN = `(button) => new Promise((resolve, reject) => {
  const t0 = performance.now();
  button.click();
  const check = () => {
    const mark = document.querySelector('mark[aria-current="true"]');
    if (mark && document.activeElement === mark) {
      const r = mark.getBoundingClientRect();
      const box = mark.closest('[role="document"]').getBoundingClientRect();
      if (r.top >= box.top && r.bottom <= box.bottom && r.bottom <= window.innerHeight) return resolve(performance.now() - t0);
    }
    if (performance.now() - t0 > 30000) return reject(new Error('the mark did not come into view within 30 s'));
    requestAnimationFrame(check);
  };
  check();
})`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  let stack: RunningStack | null = null;
  let info: StackInfo;
  if (process.env[STACK_ENV.webUrl]) info = stackFromEnv();
  else {
    stack = await startE2eStack();
    info = { webUrl: stack.webUrl, apiUrl: stack.apiUrl, graph: stack.graph };
  }
  const browser = await launchChromium();
  try {
    const target = await longestDocument(info.apiUrl);
    const page = await browser.newPage({ viewport: VIEWPORT });
    // Both ends of the relation on the canvas from the address bar, then the relation selected from the table view.
    await page.goto(`${info.webUrl}/?e=${encodeURIComponent(`${target.from},${target.to}`)}`);
    await page.getByRole('button', { name: 'Table view' }).click();
    await page.locator(`tr[data-relation-id="${target.relationId}"] button`).first().click();
    const readSelector = `#details [data-read-source="${target.sourceId}"][data-start="${target.start}"]`;
    const read = page.locator(readSelector).first();
    await read.waitFor();
    await page.getByRole('button', { name: 'Table view' }).click();

    const times: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      await read.waitFor();
      // A string, not a function: tsx would wrap a function's inner helpers in a `__name` the page does not have.
      const ms = Number(await page.evaluate(`(${TIME_OPEN})(document.querySelector(${JSON.stringify(readSelector)}))`));
      if (!Number.isFinite(ms)) throw new Error(`run ${i} measured nothing`);
      if (i >= WARMUP) times.push(ms);
      await page.keyboard.press('Escape');
      await page.locator('[data-testid="reader"]').waitFor({ state: 'detached' });
    }
    const sorted = [...times].sort((a, b) => a - b);
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    console.log(
      `Reader: open "${target.title}" (${target.sourceId}, ${target.length.toLocaleString('en')} characters) at the quote at offset ${target.start}`,
    );
    console.log(`${RUNS} runs after ${WARMUP} warm-up, ${VIEWPORT.width}x${VIEWPORT.height}, load average ${load}`);
    console.log(
      `p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${percentile(sorted, 95).toFixed(1)} ms  max ${sorted[sorted.length - 1]!.toFixed(1)} ms`,
    );
  } finally {
    await browser.close();
    await stack?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { NodeSingular } from 'cytoscape';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { launchChromium, screenshot, watchPageErrors } from '../src/browser';
import {
  addFromSearch,
  AID,
  api,
  CSTO,
  nodeOnPage,
  openExplorer,
  readCanvas,
  tabTo,
  TOKAYEV,
  TOKAYEV_NAME,
  waitForCanvas,
} from '../src/explorer-page';
import { keepDownload, pdfText, pngPixels, pngSize, squash } from '../src/files';
import { stackFromEnv } from '../src/stack';

jest.setTimeout(180_000);

/**
 * Exports and import from the explorer, against the real API and the seeded
 * graph, in the system Chromium: the analyst selects Tokayev and the CSTO and
 * takes a PDF report and a GraphML file; pictures (PNG at three scales, on
 * white or transparent; SVG) of the view; a JSON export read back in, from
 * the file picker and by dropping it on the canvas; and the API's errors.
 */
const stack = stackFromEnv();

interface ApiRelation {
  id: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  evidence: { quote: string; source: { title: string } }[];
}

let browser: Browser;
let page: Page;
let errors: string[];
let jsonExport = '';
let truth: { tokayev: string; csto: string; aid: ApiRelation };

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  errors = watchPageErrors(page);
  const data = await api<{ a: { name: string }; b: { name: string }; r: { relations: { edges: { node: ApiRelation }[] } } }>(
    stack.apiUrl,
    `query($a: ID!, $b: ID!) { a: entity(id: $a) { name } b: entity(id: $b) { name }
      r: entity(id: $a) { relations(types: [REQUESTED_AID_FROM], first: 10) { edges { node { id from { id name } to { id name } evidence { quote source { title } } } } } } }`,
    { a: TOKAYEV, b: CSTO },
  );
  truth = { tokayev: data.a.name, csto: data.b.name, aid: data.r.relations.edges.map((e) => e.node).find((r) => r.id === AID)! };
  expect(truth.aid.evidence.length).toBeGreaterThan(0);

  await openExplorer(page, stack.webUrl);
  await addFromSearch(page, {
    text: 'Tokayev',
    option: new RegExp(`^${TOKAYEV_NAME}`),
    id: TOKAYEV,
    how: 'click',
    also: 'cy.nodes().length > 2',
  });
});
afterAll(async () => {
  await browser?.close();
});
// A test that failed with the dialog open must not leave it blocking the next one.
afterEach(async () => {
  if (await dialog().isVisible()) await page.keyboard.press('Escape');
});

const dialog = () => page.getByRole('dialog', { name: 'Export' });

async function openExport(): Promise<Locator> {
  if (await dialog().isVisible()) return dialog();
  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog().waitFor();
  return dialog();
}

async function closeExport(): Promise<void> {
  await dialog().getByRole('button', { name: 'Close' }).click();
  await dialog().waitFor({ state: 'hidden' });
}

/** Clicks a button in the dialog and waits for the file it downloads. */
async function download(name: string): Promise<{ file: string; download: Download }> {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    dialog().getByRole('button', { name, exact: true }).click(),
  ]);
  const file = await keepDownload(d);
  await dialog()
    .getByRole('status')
    .getByText(/^Saved steppe-/)
    .waitFor();
  return { file, download: d };
}

/** Selects entities on the canvas by clicking them (Shift for the second and later). */
async function selectOnCanvas(ids: string[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    const at = await nodeOnPage(page, id);
    if (i > 0) await page.keyboard.down('Shift');
    await page.mouse.click(at.x, at.y);
    if (i > 0) await page.keyboard.up('Shift');
  }
  await page.waitForFunction((want) => {
    const selected = window
      .__steppeCy!.nodes(':selected')
      .map((n) => n.id())
      .sort();
    return JSON.stringify(selected) === JSON.stringify([...want].sort());
  }, ids);
}

describe('exports from the explorer', () => {
  it('the Export dialog is reachable and operable from the keyboard, with named controls', async () => {
    const button = page.getByRole('button', { name: 'Export…' });
    await tabTo(page, button, 300);
    await page.keyboard.press('Enter');
    await dialog().waitFor();
    const d = dialog();
    expect(await d.getByRole('group', { name: 'What to export' }).isVisible()).toBe(true);
    // Tokayev, chosen from the search, is selected: the selection is the scope; the arrow keys choose the view.
    const selection = d.getByRole('radio', { name: /^Selection \(1 entity, 0 relations\)/ });
    expect(await selection.isChecked()).toBe(true);
    expect(await selection.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await d.getByRole('radio', { name: /^Current view \(\d+ entities, \d+ relations\)/ }).isChecked()).toBe(true);
    for (const name of ['PDF report', 'HTML report', 'GraphML', 'JSON (.cyjs)', 'GEXF', 'CSV (zip)', 'Cypher', 'PNG', 'SVG']) {
      expect(await d.getByRole('button', { name, exact: true }).isEnabled()).toBe(true);
    }
    for (const name of ['1×', '2×', '4×', 'White', 'Transparent']) expect(await d.getByRole('radio', { name }).count()).toBe(1);
    // Focus is inside the modal dialog; the keyboard moves a radio choice; Escape closes and gives focus back.
    expect(await d.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    const scale2 = d.getByRole('radio', { name: '2×' });
    expect(await scale2.isChecked()).toBe(true);
    await scale2.focus();
    await page.keyboard.press('ArrowRight');
    expect(await d.getByRole('radio', { name: '4×' }).isChecked()).toBe(true);
    await screenshot(page, 'export-01-dialog');
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'hidden' });
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    // Escape closed the dialog only: the explorer's own Escape (clear the selection) did not fire.
    expect(await page.evaluate(() => window.__steppeCy!.nodes(':selected').map((n) => n.id()))).toEqual([TOKAYEV]);
  });

  it('PNG of the view: a real PNG that grows with the scale, on white or transparent', async () => {
    const canvas = await readCanvas(page);
    const d = await openExport();
    await d.getByRole('radio', { name: /^Current view/ }).check();
    const sizes: Record<string, { width: number; height: number }> = {};
    for (const scale of ['1×', '2×', '4×']) {
      await d.getByRole('radio', { name: scale }).check();
      const { file, download: dl } = await download('PNG');
      sizes[scale] = pngSize(readFileSync(file));
      expect(dl.suggestedFilename()).toMatch(/^steppe-kassym-jomart-tokayev-.+-\d{4}-\d{2}-\d{2}(@[24]x)?\.png$/);
    }
    const one = sizes['1×']!;
    expect(one.width).toBeGreaterThan(200);
    expect(one.height).toBeGreaterThan(100);
    for (const [scale, factor] of [
      ['2×', 2],
      ['4×', 4],
    ] as const) {
      expect(Math.abs(sizes[scale]!.width - one.width * factor)).toBeLessThanOrEqual(factor);
      expect(Math.abs(sizes[scale]!.height - one.height * factor)).toBeLessThanOrEqual(factor);
    }

    await d.getByRole('radio', { name: '1×' }).check();
    await d.getByRole('radio', { name: 'White' }).check();
    const white = await pngPixels(page, readFileSync((await download('PNG')).file));
    await d.getByRole('radio', { name: 'Transparent' }).check();
    const clear = await pngPixels(page, readFileSync((await download('PNG')).file));
    expect(white.corner).toEqual([255, 255, 255, 255]);
    expect(white.minAlpha).toBe(255);
    expect(clear.corner[3]).toBe(0);
    expect(clear.minAlpha).toBe(0);
    // The graph itself is drawn on both (a good share of the pixels), and both are the same size.
    expect(white.drawn).toBeGreaterThan(white.width * white.height * 0.02);
    expect(clear.drawn).toBeGreaterThan(clear.width * clear.height * 0.02);
    expect([clear.width, clear.height]).toEqual([white.width, white.height]);
    expect(canvas.nodes.length).toBeGreaterThan(2);
    await closeExport();
  });

  it('SVG of the view: well-formed, with every entity label and an icon per entity', async () => {
    const canvas = await readCanvas(page);
    const visible = canvas.nodes.filter((n) => n.visible);
    await (await openExport()).getByRole('radio', { name: /^Current view/ }).check();
    const { file, download: dl } = await download('SVG');
    expect(dl.suggestedFilename()).toMatch(/\.svg$/);
    const svg = readFileSync(file, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false }).parse(svg) as unknown[];
    const texts: string[] = [];
    let images = 0;
    const walk = (nodes: unknown[]) => {
      for (const node of nodes as Record<string, unknown>[]) {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'text' && Array.isArray(value))
            texts.push(squash((value as { '#text'?: unknown }[]).map((v) => String(v['#text'] ?? '')).join('')));
          if (key === 'image') images++;
          if (key !== ':@' && Array.isArray(value)) walk(value);
        }
      }
    };
    walk(doc);
    // A wrapped label is drawn line by line, one <text> each, in order.
    const all = squash(texts.join(' '));
    for (const n of visible) expect(all).toContain(squash(n.label));
    expect(images).toBe(visible.length);
    await closeExport();
  });

  it('the analyst selects Tokayev and the CSTO and takes a PDF report with figure, quotes and citations', async () => {
    await selectOnCanvas([TOKAYEV, CSTO]);
    const d = await openExport();
    expect(await d.getByRole('radio', { name: /^Selection \(2 entities, \d+ relations?\)/ }).isChecked()).toBe(true);
    expect(await d.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(`${truth.tokayev} and ${truth.csto}`);
    await screenshot(page, 'export-02-selection');
    const { file, download: dl } = await download('PDF report');
    expect(dl.suggestedFilename()).toMatch(/^steppe-kassym-jomart-tokayev-and-.+\.pdf$/);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The keyboard focus stayed in the dialog through the download (the next file is one key away).
    expect(await dialog().evaluate((el) => el.contains(document.activeElement))).toBe(true);
    const pdf = await pdfText(file);
    const text = squash(pdf.text);
    expect(text).toContain(truth.tokayev);
    expect(text).toContain(truth.csto);
    // Every quote of the relation, and its sources, cited.
    for (const e of truth.aid.evidence) {
      expect(text).toContain(squash(e.quote).slice(0, 60));
      expect(text).toContain(squash(e.source.title));
    }
    expect(text).toMatch(/\[1\]/);
    // The report records the view it came from.
    expect(text.replace(/\s/g, '')).toContain(new URL(stack.webUrl).host);
  });

  it('… and a GraphML file with the selection, every attribute and its sources', async () => {
    const permalink = page.url();
    expect(await (await openExport()).getByRole('radio', { name: /^Selection \(2 entities/ }).isChecked()).toBe(true);
    const { file, download: dl } = await download('GraphML');
    expect(dl.suggestedFilename()).toMatch(/^steppe-kassym-jomart-tokayev-and-.+\.graphml$/);
    const xml = readFileSync(file, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'graph', 'node', 'edge', 'data'].includes(name),
    }).parse(xml) as {
      graphml: {
        key: { id: string; 'attr.name': string }[];
        graph: {
          node: { id: string }[];
          edge: { id: string; data: { key: string; '#text'?: string }[] }[];
          data: { key: string; '#text'?: string }[];
        }[];
      };
    };
    const keyName = new Map(doc.graphml.key.map((k) => [k.id, k['attr.name']]));
    const graph = doc.graphml.graph[0]!;
    expect(graph.node.map((n) => n.id).sort()).toEqual([CSTO, TOKAYEV].sort());
    const edge = graph.edge.find((e) => e.id === AID)!;
    expect(edge).toBeDefined();
    const attrs = Object.fromEntries(edge.data.map((x) => [keyName.get(x.key), x['#text'] ?? '']));
    expect(JSON.parse(attrs.evidenceQuotes!)).toEqual(truth.aid.evidence.map((e) => e.quote));
    expect(JSON.parse(attrs.sourceTitles!)).toEqual(expect.arrayContaining(truth.aid.evidence.map((e) => e.source.title)));
    const graphAttrs = Object.fromEntries(graph.data.map((x) => [keyName.get(x.key), x['#text'] ?? '']));
    expect(graphAttrs.permalink).toBe(permalink);
    expect(new URL(graphAttrs.permalink!).searchParams.get('s')?.split(',').sort()).toEqual([CSTO, TOKAYEV].sort());
    await screenshot(page, 'export-03-saved');
  });

  it('a JSON (.cyjs) export of the selection, kept for the import below', async () => {
    expect(await (await openExport()).getByRole('radio', { name: /^Selection \(2 entities/ }).isChecked()).toBe(true);
    const { file, download: dl } = await download('JSON (.cyjs)');
    expect(dl.suggestedFilename()).toMatch(/\.cyjs$/);
    jsonExport = readFileSync(file, 'utf8');
    const doc = JSON.parse(jsonExport) as { elements: { nodes: { data: { id: string } }[] } };
    expect(doc.elements.nodes.map((n) => n.data.id).sort()).toEqual([CSTO, TOKAYEV].sort());
  });

  it('PNG with a title above the picture and a legend below it, or the bare picture when unticked', async () => {
    const d = await openExport();
    await d.getByRole('radio', { name: /^Current view/ }).check();
    await d.getByRole('radio', { name: '1×' }).check();
    await d.getByRole('radio', { name: 'White' }).check();
    const frame = d.getByRole('checkbox', { name: 'Title and legend on the PNG' });
    expect(await frame.isChecked()).toBe(true);
    await d.getByRole('textbox', { name: 'Title' }).fill('Tokayev and the CSTO, January 2022');
    const framedBytes = readFileSync((await download('PNG')).file);
    await frame.uncheck();
    const bareBytes = readFileSync((await download('PNG')).file);
    await frame.check();
    const framed = pngSize(framedBytes);
    const bare = pngSize(bareBytes);
    // The frame pads the picture and adds a title band above it and legend rows below it.
    expect(framed.width).toBeGreaterThanOrEqual(bare.width + 31);
    expect(framed.height).toBeGreaterThan(bare.height + 60);
    const bands = await page.evaluate(async (b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const px = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const count = (fromRow: number, toRow: number, test: (r: number, g: number, b: number) => boolean) => {
        let n = 0;
        for (let y = fromRow; y < toRow; y++)
          for (let x = 0; x < bitmap.width; x++) {
            const i = (y * bitmap.width + x) * 4;
            if (test(px[i]!, px[i + 1]!, px[i + 2]!)) n++;
          }
        return n;
      };
      const dark = (r: number, g: number, b: number) => r + g + b < 180;
      const saturated = (r: number, g: number, b: number) => Math.max(r, g, b) - Math.min(r, g, b) > 80;
      return {
        // The title band: dark text in the first 44 rows (padding 16, one 26 px line).
        titleInk: count(16, 44, dark),
        // Everything above the title's first line is padding.
        topPadding: count(0, 8, (r, g, b) => r + g + b < 760),
        // The legend's coloured marks in the last rows.
        legendColour: count(bitmap.height - 60, bitmap.height, saturated),
      };
    }, framedBytes.toString('base64'));
    expect(bands.topPadding).toBe(0);
    expect(bands.titleInk).toBeGreaterThan(100);
    expect(bands.legendColour).toBeGreaterThan(40);
    await closeExport();
  });

  it('the HTML report draws the canvas as the analyst arranged it and prints their notes after the summary', async () => {
    const d = await openExport();
    await d.getByRole('radio', { name: /^Current view/ }).check();
    const notes = 'Check the CSTO figures with a second source <b>before</b> publishing.\nSecond line & more.';
    await d.getByRole('textbox', { name: /^Notes/ }).fill(notes);
    const [request, { file }] = await Promise.all([
      page.waitForRequest((r) => new URL(r.url()).pathname === '/export' && r.method() === 'POST'),
      download('HTML report'),
    ]);
    await d.getByRole('textbox', { name: /^Notes/ }).fill('');
    await closeExport();
    // What the dialog sent: the canvas's positions (model coordinates, whole units) of every entity of the view.
    const sent: Record<string, { x: number; y: number }> = {};
    for (const entry of (new URLSearchParams(request.postData() ?? '').get('positions') ?? '').split(',').filter(Boolean)) {
      const [id, x, y] = entry.split(':');
      sent[id!] = { x: Number(x), y: Number(y) };
    }
    const onCanvas = await page.evaluate(() =>
      Object.fromEntries(
        window
          .__steppeCy!.nodes()
          .not('.more')
          .filter((n) => n.visible())
          .map((n) => [n.id(), { ...(n as unknown as NodeSingular).position() }]),
      ),
    );
    expect(Object.keys(sent).sort()).toEqual(Object.keys(onCanvas).sort());
    for (const [id, p] of Object.entries(onCanvas)) {
      expect(Math.abs(sent[id]!.x - p.x)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(sent[id]!.y - p.y)).toBeLessThanOrEqual(0.5);
    }
    const html = readFileSync(file, 'utf8');
    // The notes, escaped, after the summary.
    const summaryAt = html.indexOf('class="summary"');
    const notesAt = html.indexOf('Check the CSTO figures with a second source &lt;b&gt;before&lt;/b&gt; publishing.');
    expect(summaryAt).toBeGreaterThan(-1);
    expect(notesAt).toBeGreaterThan(summaryAt);
    expect(html).toContain('Second line &amp; more.');
    expect(html).not.toContain('<b>before</b>');
    // The figure: each entity's centre, read from its shape.
    const drawn: Record<string, { x: number; y: number }> = {};
    for (const m of html.matchAll(/<g data-entity="([^"]+)">\s*<(circle|rect|polygon) ([^>]*)\/>/g)) {
      // Whole attribute names (stroke-width is not width).
      const attrs = Object.fromEntries([...m[3]!.matchAll(/(?:^|\s)([a-z-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
      if (m[2] === 'polygon') {
        // The kinds' polygons (diamond, hexagon) are symmetric about the entity's centre.
        const points = attrs.points!.split(' ').map((pt) => pt.split(',').map(Number) as [number, number]);
        drawn[m[1]!] = { x: points.reduce((t, p) => t + p[0], 0) / points.length, y: points.reduce((t, p) => t + p[1], 0) / points.length };
      } else if (m[2] === 'circle') drawn[m[1]!] = { x: Number(attrs.cx), y: Number(attrs.cy) };
      else drawn[m[1]!] = { x: Number(attrs.x) + Number(attrs.width) / 2, y: Number(attrs.y) + Number(attrs.height) / 2 };
    }
    const ids = Object.keys(sent).filter((id) => drawn[id]);
    expect(ids.sort()).toEqual(Object.keys(sent).sort());
    expect(ids.length).toBeGreaterThan(3);
    // The same picture, scaled and moved as a whole: one scale and one offset map every sent position to its
    // place in the figure (within the figure's 0.1 px rounding).
    const byX = [...ids].sort((p, q) => sent[p]!.x - sent[q]!.x);
    const [a, b] = [byX[0]!, byX[byX.length - 1]!];
    const scale = (drawn[b]!.x - drawn[a]!.x) / (sent[b]!.x - sent[a]!.x);
    expect(scale).toBeGreaterThan(0);
    for (const id of ids) {
      expect(Math.abs(drawn[id]!.x - drawn[a]!.x - (sent[id]!.x - sent[a]!.x) * scale)).toBeLessThanOrEqual(0.3);
      expect(Math.abs(drawn[id]!.y - drawn[a]!.y - (sent[id]!.y - sent[a]!.y) * scale)).toBeLessThanOrEqual(0.3);
    }
  });

  it('shows the API’s own error: too many ids (LIMIT_EXCEEDED)', async () => {
    // The dialog never sends more than 500 ids, so the request is widened in flight; the answer is the real API's.
    await page.route('**/export', async (route) => {
      const body = new URLSearchParams(route.request().postData() ?? '');
      body.set('ids', Array.from({ length: 501 }, (_, i) => `entity-${i}`).join(','));
      await route.continue({ postData: body.toString() });
    });
    try {
      await openExport();
      await dialog().getByRole('button', { name: 'HTML report', exact: true }).click();
      const alert = dialog().getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toBe('The HTML report could not be made. Limit exceeded: `ids (count)` is 501, the maximum is 500.');
    } finally {
      await page.unroute('**/export');
    }
  });

  it('says so when the API does not answer', async () => {
    await page.route('**/export', (route) => route.abort('connectionrefused'));
    try {
      await openExport();
      await dialog().getByRole('button', { name: 'GraphML', exact: true }).click();
      const alert = dialog().getByRole('alert');
      await alert.getByText(/did not answer/).waitFor();
      expect(await alert.innerText()).toMatch(/^The GraphML could not be made\. The API at http:\/\/127\.0\.0\.1:\d+ did not answer/);
      await screenshot(page, 'export-04-api-down');
    } finally {
      await page.unroute('**/export');
    }
    await closeExport();
  });
});

describe('import into the explorer', () => {
  const parsed = () => JSON.parse(jsonExport) as { elements: { nodes: { data: { id: string } }[]; edges: { data: { id: string } }[] } };
  const ids = () =>
    parsed()
      .elements.nodes.map((n) => n.data.id)
      .sort();
  const summary = (file: string) => {
    const r = parsed().elements.edges.length;
    return `Imported 2 entities and ${r} ${r === 1 ? 'relation' : 'relations'} from “${file}”.`;
  };

  it('a JSON export, picked with Import…, is drawn with its evidence, as one undoable step', async () => {
    expect(jsonExport).not.toBe('');
    await page.getByRole('button', { name: 'Clear canvas' }).click();
    await waitForCanvas(page, 'cy.nodes().length === 0');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import…' }).click()]);
    await chooser.setFiles({ name: 'tokayev-csto.cyjs', mimeType: 'application/json', buffer: Buffer.from(jsonExport) });
    await page.getByRole('status').getByText(summary('tokayev-csto.cyjs')).waitFor();
    await waitForCanvas(page, 'cy.nodes().length === 2');
    const canvas = await readCanvas(page);
    expect(canvas.nodes.map((n) => n.id).sort()).toEqual(ids());
    expect(canvas.edges.map((e) => e.relationId).sort()).toEqual(
      parsed()
        .elements.edges.map((e) => e.data.id)
        .sort(),
    );
    expect(canvas.edges.map((e) => e.relationId)).toContain(AID);

    // The evidence reads in the details panel.
    await page.evaluate((id) => {
      window.__steppeCy!.center(window.__steppeCy!.getElementById(`relation:${id}`));
    }, AID);
    const box = (await page.locator('[data-testid="graph-canvas"]').boundingBox())!;
    const mid = await page.evaluate((id) => window.__steppeCy!.getElementById(`relation:${id}`).renderedMidpoint(), AID);
    await page.mouse.click(box.x + mid.x, box.y + mid.y);
    const panel = page.locator(`section[aria-label="Relation details"][data-relation-id="${AID}"]`);
    await panel.waitFor();
    expect((await panel.locator('blockquote').allInnerTexts()).sort()).toEqual(truth.aid.evidence.map((e) => `“${e.quote}”`).sort());
    await screenshot(page, 'export-05-imported');

    // Known to the API: expandable like any entity.
    expect(await page.getByText('Imported from a file').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await waitForCanvas(page, 'cy.nodes().length === 0');
    await page.getByRole('button', { name: 'Redo' }).click();
    await waitForCanvas(page, 'cy.nodes().length === 2');
    expect((await readCanvas(page)).nodes.map((n) => n.id).sort()).toEqual(ids());
  });

  it('a damaged file is refused with a message naming what is wrong, and the canvas is unchanged', async () => {
    const before = await readCanvas(page);
    const broken = JSON.parse(jsonExport) as { elements: { edges: { data: Record<string, unknown> }[] } };
    const edgeAt = broken.elements.edges.findIndex((e) => e.data.id === AID);
    broken.elements.edges[edgeAt]!.data.target = 'nobody';
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'broken.cyjs', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const alert = page.getByTestId('import-notice').and(page.getByRole('alert'));
    await alert.waitFor();
    expect(await alert.locator('p').innerText()).toBe(
      `“broken.cyjs” could not be imported. Relation "${AID}" ends at "nobody", which is not in the file.`,
    );
    const after = await readCanvas(page);
    expect(after.nodes.map((n) => n.id)).toEqual(before.nodes.map((n) => n.id));
    expect(after.edges.map((e) => e.id)).toEqual(before.edges.map((e) => e.id));
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('a file dropped on the canvas is imported too', async () => {
    await page.getByRole('button', { name: 'Clear canvas' }).click();
    await waitForCanvas(page, 'cy.nodes().length === 0');
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.cyjs', { type: 'application/json' }));
      return dt;
    }, jsonExport);
    // Dropped onto the canvas itself: the events bubble to the frame around it, which takes files.
    await page.dispatchEvent('#graph-canvas', 'dragover', { dataTransfer: transfer });
    await page.getByText('Drop a Steppe JSON (.cyjs) or GraphML export to import it.').waitFor();
    await page.dispatchEvent('#graph-canvas', 'drop', { dataTransfer: transfer });
    await page.getByRole('status').getByText(summary('dropped.cyjs')).waitFor();
    await waitForCanvas(page, 'cy.nodes().length === 2');
    expect((await readCanvas(page)).nodes.map((n) => n.id).sort()).toEqual(ids());
  });

  it('an entity the API’s graph does not hold comes in as the file has it, is marked, and is left out of API exports', async () => {
    const LONER = 'e2e-imported-only';
    const doc = JSON.parse(jsonExport) as {
      elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] };
      steppe?: { sources?: Record<string, unknown>[] };
    };
    doc.elements.nodes.push({
      data: { id: LONER, kind: 'Person', name: 'Imported Only Person', aliases: [], description: 'Known only to this file.', roles: [] },
    });
    doc.elements.edges.push({
      data: {
        id: `${LONER}-supported-${TOKAYEV}`,
        source: LONER,
        target: TOKAYEV,
        relationType: 'SUPPORTED',
        stance: 'CLAIMED',
        confidence: 0.5,
        evidenceSources: ['e2e-note.md'],
        evidenceQuotes: ['A note kept only in this file.'],
        evidenceStances: ['CLAIMED'],
      },
    });
    doc.steppe = {
      ...doc.steppe,
      sources: [...(doc.steppe?.sources ?? []), { id: 'e2e-note.md', title: 'A file-only note', languages: ['en'] }],
    };
    await page.getByRole('button', { name: 'Clear canvas' }).click();
    await waitForCanvas(page, 'cy.nodes().length === 0');
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'extended.cyjs', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    const notice = page.getByTestId('import-notice').and(page.getByRole('status')).locator('p');
    await notice.getByText(/from “extended\.cyjs”/).waitFor();
    expect(await notice.innerText()).toMatch(
      /^Imported 3 entities and \d+ relations from “extended\.cyjs”\. 1 of them is not in the API’s graph: shown as the file has it, not expandable, and left out of reports and data files\.$/,
    );
    await waitForCanvas(page, 'cy.nodes().length === 3');

    const at = await nodeOnPage(page, LONER);
    await page.mouse.click(at.x, at.y);
    await page.getByRole('region', { name: 'Entity details' }).getByRole('heading', { name: 'Imported Only Person' }).waitFor();
    await page.getByText(/^Imported from a file: the API’s graph does not hold this entity/).waitFor();
    await screenshot(page, 'export-06-file-only');

    // Selected alone, it can only be drawn; the view's reports and data files leave it out, and say so.
    const d = await openExport();
    expect(await d.getByRole('radio', { name: /^Selection \(1 entity/ }).isChecked()).toBe(true);
    expect(await d.getByRole('button', { name: 'PDF report', exact: true }).isDisabled()).toBe(true);
    expect(await d.getByRole('button', { name: 'PNG', exact: true }).isEnabled()).toBe(true);
    await d.getByRole('radio', { name: /^Current view/ }).check();
    await d.getByText('1 imported entity is not in the API’s graph and is left out of them.', { exact: false }).waitFor();
    const { file } = await download('GraphML');
    const xml = readFileSync(file, 'utf8');
    const nodeIds = [...xml.matchAll(/<node id="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(nodeIds).toEqual([CSTO, TOKAYEV].sort());
    await closeExport();

    // The entities the API holds still expand, with the imported one on the canvas (it is left out of the API's queries).
    const csto = await nodeOnPage(page, CSTO);
    await page.mouse.dblclick(csto.x, csto.y);
    await waitForCanvas(page, `cy.getElementById(arg).data('expanded') === true && cy.nodes().length > 3`, CSTO);
    expect((await readCanvas(page)).nodes.map((n) => n.id)).toContain(LONER);
    expect(await page.getByTestId('load-failure').count()).toBe(0);
    expect(errors.filter((e) => !/ERR_CONNECTION_REFUSED|status of 400/.test(e))).toEqual([]);
  });
});

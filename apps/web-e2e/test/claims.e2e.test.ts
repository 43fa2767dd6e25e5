import type { Page } from 'playwright-core';
import { screenshot } from '../src/browser';
import { api, openExplorer, readCanvas, tabTo, waitForCanvas } from '../src/explorer-page';
import { stackFromEnv } from '../src/stack';
import { newPagePerTest } from '../src/test-page';

jest.setTimeout(180_000);

/**
 * The question a new analyst is asked to answer: "who asked whom for help,
 * according to which sources, and who disputes the foreign-coordination
 * story?" — from the Claims panel, without knowing a name to search for;
 * once with the mouse and once with the keyboard alone. What the page should
 * show is asked of the API, not written here.
 */
const stack = stackFromEnv();

interface Claim {
  id: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  evidence: { stance: string; quote: string; source: { title: string } }[];
}

async function claims(filter: { types?: string[]; contested?: boolean }): Promise<{ totalCount: number; claims: Claim[] }> {
  const data = await api<{ relations: { totalCount: number; edges: { node: Claim }[] } }>(
    stack.apiUrl,
    `query($types: [RelationType!], $contested: Boolean) { relations(types: $types, contested: $contested, first: 50) {
      totalCount edges { node { id from { id name } to { id name } evidence { stance quote source { title } } } } } }`,
    filter,
  );
  return { totalCount: data.relations.totalCount, claims: data.relations.edges.map((e) => e.node) };
}

let page: Page;
const newPage = newPagePerTest();
beforeEach(async () => {
  ({ page } = await newPage({ width: 1440, height: 900 }));
  await openExplorer(page, stack.webUrl);
});

const relationPanel = () => page.getByRole('region', { name: 'Relation details' });
const claimsPanel = () => page.getByRole('region', { name: 'Claims' });

async function expectOnCanvas(expected: Claim[]) {
  await waitForCanvas(
    page,
    'arg.every((id) => cy.edges().some((e) => e.data("relationId") === id))',
    expected.map((c) => c.id),
  );
  const canvas = await readCanvas(page);
  const nodes = new Set(canvas.nodes.map((n) => n.id));
  for (const c of expected) {
    expect(nodes.has(c.from.id)).toBe(true);
    expect(nodes.has(c.to.id)).toBe(true);
  }
}

describe('starting from the claims', () => {
  it('with the mouse: every request for aid with its sources, then the contested claims side by side', async () => {
    const aid = await claims({ types: ['REQUESTED_AID_FROM'] });
    expect(aid.claims.length).toBeGreaterThan(0);

    // Who asked whom for help: choose the type, show it; the first claim opens with its evidence.
    await claimsPanel().getByLabel('Every claim of a type').selectOption('REQUESTED_AID_FROM');
    await claimsPanel().getByRole('button', { name: 'Show' }).click();
    await expectOnCanvas(aid.claims);
    const first = aid.claims[0]!;
    const panel = relationPanel();
    await panel.and(page.locator(`[data-relation-id="${first.id}"]`)).waitFor();
    await panel.getByText(first.to.name).first().waitFor();
    for (const e of first.evidence) {
      await panel.getByText(e.quote.slice(0, 60), { exact: false }).first().waitFor();
      await panel.getByText(e.source.title, { exact: false }).first().waitFor();
    }
    await screenshot(page, 'claims-01-requests-for-aid');

    // Who disputes the foreign-coordination story: the contested claims, the count as the API has it.
    const contested = await claims({ contested: true });
    expect(contested.totalCount).toBeGreaterThan(0);
    const button = claimsPanel().getByRole('button', { name: `Contested claims (${contested.totalCount})` });
    await button.click();
    await expectOnCanvas(contested.claims);
    const firstContested = contested.claims[0]!;
    await relationPanel()
      .and(page.locator(`[data-relation-id="${firstContested.id}"]`))
      .waitFor();
    const disputing = relationPanel().getByRole('region', { name: 'Sources that dispute the claim' });
    const supporting = relationPanel().getByRole('region', { name: 'Sources that support the claim' });
    for (const e of firstContested.evidence) {
      const side = e.stance === 'DENIED' ? disputing : supporting;
      await side.getByText(e.quote.slice(0, 60), { exact: false }).first().waitFor();
    }
    await screenshot(page, 'claims-02-contested');

    // Both sets stay on the canvas together, and one undo takes the contested claims away again.
    const before = await readCanvas(page);
    await page.getByRole('button', { name: 'Undo' }).click();
    await waitForCanvas(page, 'cy.edges().some((e) => e.data("relationId") === arg)', first.id);
    const after = await readCanvas(page);
    expect(after.nodes.length).toBeLessThan(before.nodes.length);
  });

  it('with the keyboard alone: Tab to the contested claims, Enter, and read the evidence', async () => {
    const contested = await claims({ contested: true });
    const button = claimsPanel().getByRole('button', { name: /^Contested claims/ });
    await page.waitForFunction(() => /Contested claims \(\d+\)/.test(document.body.innerText));
    await tabTo(page, button, 120);
    await page.keyboard.press('Enter');
    await expectOnCanvas(contested.claims);
    await relationPanel()
      .and(page.locator(`[data-relation-id="${contested.claims[0]!.id}"]`))
      .waitFor();

    // And a type from the select, by keys only.
    const select = claimsPanel().getByLabel('Every claim of a type');
    await tabTo(page, select, 120);
    // Typing on a focused select picks the option that starts with the letters typed.
    await page.keyboard.type('accused');
    expect(await select.inputValue()).toBe('ACCUSED');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const accused = await claims({ types: ['ACCUSED'] });
    await expectOnCanvas(accused.claims);
    await screenshot(page, 'claims-03-keyboard');
  });
});

// The documentation site in real Chromium: search, filters, a rule page's Cortex sections, the
// ATT&CK matrix and its click-through, from a local static server and from file://. Any console
// error, uncaught exception or failed request fails the test. Screenshots land in test/.screenshots/.

import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library, Rule } from '../../compiler/ir.ts';
import { hostileDescriptionShown, hostileName, hostileRule, makeLibrary } from '../docs/fixtures.ts';
import { compileFixture } from '../support/compile.ts';
import { buildSite } from './build-site.ts';
import { closeChromium, launchChromium, recordProblems, removeOutput, screenshotDir, serveStatic } from './support.ts';

const cortexOrder = [
  'title',
  'Synopsis',
  'Activation Period',
  'Training Period',
  'Test Period',
  'Deduplication Period',
  'Required Data',
  'Detection Modules',
  'Detector Tags',
  'ATT&CK Tactic',
  'ATT&CK Technique',
  'Severity',
  'Description',
  "Attacker's Goals",
  'Investigative actions',
  'Variations',
];

let library: Library;
let siteDir: string;
let server: { url: string; close: () => Promise<void> };
let browser: BrowserContext;

beforeAll(async () => {
  library = await compileFixture('rules');
  siteDir = await buildSite(library);
  server = await serveStatic(siteDir);
  browser = await launchChromium();
  mkdirSync(screenshotDir, { recursive: true });
});

afterAll(async () => {
  await closeChromium(browser);
  await server?.close();
  removeOutput(siteDir);
});

/** A page that records problems; the test ends by asserting there were none. */
async function open(path: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems = recordProblems(page);
  page.on('dialog', (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(new URL(`docs/site/${path}`, server.url).href);
  return { page, problems };
}

async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: new URL(`${name}.png`, screenshotDir).pathname, fullPage });
}

/**
 * The rule the tests look for: the first base rule (by id) with an ATT&CK mapping whose name no
 * other rule's name or description contains (so that searching its name must find it alone),
 * preferring one with variations.
 */
function chosenRule(): Rule {
  const distinct = (rule: Rule) =>
    !library.rules.some((r) => r !== rule && `${r.name} ${r.description}`.toLowerCase().includes(rule.name.toLowerCase()));
  const bases = library.rules.filter((r) => !r.variationOf && r.attack.length > 0 && distinct(r));
  const rule = bases.find((r) => r.variations.length > 0) ?? bases[0];
  if (!rule) throw new Error('the rule library has no rule with an ATT&CK mapping');
  return rule;
}

describe('the rule index', () => {
  it('finds exactly the rule typed into the search box', async () => {
    const rule = chosenRule();
    const others = library.rules.filter((r) => r !== rule);
    expect(others.filter((r) => `${r.name} ${r.description}`.toLowerCase().includes(rule.name.toLowerCase()))).toEqual([]);

    const { page, problems } = await open('index.html');
    await expect.poll(() => page.locator('#shown-count').textContent()).toBe(String(library.rules.length));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await screenshot(page, 'index-1280');
    await page.fill('#search', rule.name.toLowerCase());
    const visible = page.locator('table.rules tbody tr:not([hidden]) .rule-name');
    await expect.poll(() => visible.allTextContents()).toEqual([rule.name]);
    expect(await page.locator('#shown-count').textContent()).toBe('1');
    expect(await page.locator('#no-results').isHidden()).toBe(true);

    await page.fill('#search', 'no rule has this text zzqx');
    await expect.poll(() => page.locator('#shown-count').textContent()).toBe('0');
    expect(await page.locator('#no-results').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters by tactic and updates the counts', async () => {
    const rule = chosenRule();
    const tactic = rule.attack[0]!.tactic;
    const expected = library.rules.filter((r) => r.attack.some((m) => m.tactic.id === tactic.id));

    const { page, problems } = await open('index.html');
    const option = page.locator(`select[data-filter="tactic"] option[value="${tactic.shortname}"]`);
    expect(await option.textContent()).toBe(`${tactic.name} (${expected.length})`);
    await page.selectOption('select[data-filter="tactic"]', tactic.shortname);
    await expect.poll(() => page.locator('#shown-count').textContent()).toBe(String(expected.length));
    const names = await page.locator('table.rules tbody tr:not([hidden]) .rule-name').allTextContents();
    expect([...names].sort()).toEqual(expected.map((r) => r.name).sort());

    // The other menus now count within the tactic: "All" equals the rules shown.
    expect(await page.locator('select[data-filter="severity"] option[value=""]').textContent()).toBe(`All (${expected.length})`);
    await page.click('button.reset');
    await expect.poll(() => page.locator('#shown-count').textContent()).toBe(String(library.rules.length));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads as a list of cards on a phone', async () => {
    const { page, problems } = await open('index.html', 375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await page.locator('table.rules thead').isHidden()).toBe(true);
    await screenshot(page, 'index-375');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('a rule page', () => {
  it('shows the Cortex sections in order', async () => {
    const rule = chosenRule();
    const { page, problems } = await open('index.html');
    await page.click(`table.rules .rule-name:text-is(${JSON.stringify(rule.name)})`);
    await page.waitForURL(/\/rules\/[a-z0-9-]+\.html$/);
    expect(await page.locator('h1').innerText()).toBe(rule.name);

    const sections = await page
      .locator('article.rule > header [data-section], article.rule > section[data-section], article.rule > section.synopsis tr[data-section]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-section')));
    const cortex = sections.filter((s): s is string => s !== null && cortexOrder.includes(s));
    expect(cortex).toEqual(cortexOrder.filter((s) => cortex.includes(s)));
    expect(cortex).toEqual(expect.arrayContaining(['title', 'Synopsis', 'Test Period', 'ATT&CK Tactic', 'ATT&CK Technique', 'Severity', 'Description']));
    if (rule.variations.length > 0) {
      const headings = await page.locator('section.variation h3').evaluateAll((nodes) => nodes.map((n) => n.firstChild?.textContent?.trim()));
      expect(headings).toEqual(rule.variations.map((v) => v.name));
    }
    // The Cortex part comes before what Cortex does not have.
    const order = await page.locator('[data-section="Variations"], [data-section="Description"], [data-section="Detection"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-section')));
    expect(order.indexOf('Detection')).toBeGreaterThan(order.indexOf('Description'));
    await screenshot(page, 'rule-1280');
    await page.setViewportSize({ width: 375, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'rule-375');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the ATT&CK matrix', () => {
  it('shows a covered technique with its rule count and lists the rules on click', async () => {
    const rule = chosenRule();
    const mapping = rule.attack[0]!;
    const technique = mapping.techniques[0]!;
    const parentId = technique.parent?.id ?? technique.id;
    // Rules covering the parent technique or any of its sub-techniques under this tactic.
    const covering = library.rules.filter((r) =>
      r.attack.some((m) => m.tactic.id === mapping.tactic.id && m.techniques.some((t) => (t.parent?.id ?? t.id) === parentId)),
    );

    const { page, problems } = await open('matrix.html');
    const cell = page.locator(`.tactic-column[data-tactic="${mapping.tactic.shortname}"] li.technique[data-technique="${parentId}"]`);
    expect(await cell.getAttribute('data-count')).toBe(String(covering.length));
    expect(await cell.locator('> a.cell .count').textContent()).toBe(covering.length === 1 ? '1 rule' : `${covering.length} rules`);
    expect(await page.locator('.tactic-column').evaluateAll((n) => n.map((c) => c.getAttribute('data-tactic')))).toEqual(library.attack.tactics.map((t) => t.shortname));

    await cell.locator('> a.cell').click();
    const panel = page.locator('.coverage-panel:target');
    await expect.poll(() => panel.count()).toBe(1);
    expect(await panel.isVisible()).toBe(true);
    const listed = await panel.locator('li a').allTextContents();
    expect([...listed].sort()).toEqual(covering.map((r) => r.name).sort());
    await screenshot(page, 'matrix-1280', false);

    await panel.locator(`li a:text-is(${JSON.stringify(rule.name)})`).click();
    await page.waitForURL(/\/rules\/[a-z0-9-]+\.html/);
    expect(await page.locator('h1').innerText()).toBe(rule.name);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('can show covered techniques only, and stacks the tactics on a phone', async () => {
    const { page, problems } = await open('matrix.html', 375);
    const all = await page.locator('li.technique').count();
    await page.check('#covered-only');
    const visible = await page.locator('li.technique:visible').count();
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(all);
    expect(visible).toBe(await page.locator('li.technique.covered').count());
    const columns = await page.locator('.tactic-column:visible').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-tactic')));
    expect(columns.length).toBeGreaterThan(0);
    expect(columns.length).toBeLessThanOrEqual(14);
    expect(await page.locator('.tactic-column.has-coverage').count()).toBe(columns.length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'matrix-375');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('other pages', () => {
  it('tactic and data source pages load cleanly at both widths', async () => {
    for (const path of ['tactics/index.html', `tactics/${chosenRule().attack[0]!.tactic.shortname}.html`, 'data-sources/index.html', `data-sources/${chosenRule().dataSource.name.replace(/_/g, '-')}.html`]) {
      for (const width of [1280, 375]) {
        const { page, problems } = await open(path, width);
        expect(await page.locator('h1').count(), path).toBe(1);
        const attribution = (await page.locator('footer .attribution').textContent())?.replace(/\s+/g, ' ');
        expect(attribution, path).toContain(library.attack.copyright);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(width);
        await screenshot(page, `${path.replace(/[/.]/g, '-')}-${width}`);
        expect(problems, path).toEqual([]);
        await page.close();
      }
    }
  });

  it('works from file:// with no server', async () => {
    const page = await browser.newPage();
    const problems = recordProblems(page);
    await page.goto(pathToFileURL(`${siteDir}/docs/site/index.html`).href);
    const header = await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(header).toBe('rgb(28, 36, 48)');
    await page.fill('#search', chosenRule().name.toLowerCase());
    await expect.poll(() => page.locator('#shown-count').textContent()).toBe('1');
    await page.click('.site-header a[href="matrix.html"]');
    expect(await page.locator('.tactic-column').count()).toBe(14);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('a rule whose text tries to inject markup', () => {
  it('shows the text and runs no script of its own', async () => {
    const dir = await buildSite(makeLibrary([hostileRule]));
    const hostileServer = await serveStatic(dir);
    try {
      const page = await browser.newPage();
      const problems = recordProblems(page);
      page.on('dialog', (dialog) => {
        problems.push(`dialog opened: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.goto(new URL('docs/site/index.html', hostileServer.url).href);
      await page.click('table.rules .rule-name');
      await page.waitForURL(/\/rules\//);
      expect(await page.locator('h1').innerText()).toBe(hostileName);
      expect(await page.locator('[data-section="Description"] p').first().innerText()).toBe(hostileDescriptionShown);
      expect(await page.locator('[data-section="Description"] p code').first().innerText()).toBe('<script>alert("code")</script>');
      expect(await page.evaluate(() => [...document.scripts].map((s) => s.getAttribute('src')))).toEqual(['../assets/site.js']);
      expect(await page.locator('main img, main iframe, main style, main b').count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await hostileServer.close();
      removeOutput(dir);
    }
  });
});

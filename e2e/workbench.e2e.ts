import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity } from '../test/support/factories.ts';
import {
  browserContextWith,
  browserRunForTests,
  expectNoHorizontalOverflow,
  PHONE,
  signIn,
  signOut,
} from './support.ts';

/** A test that opens every tile's list waits for a page load per tile. */
const EVERY_TILE_MS = 240_000;

const tiles = (page: Page) => page.getByTestId('workbench').locator('[data-testid^="workbench-task-"]');

/** The count a tile shows (a capped count reads "10000+": its number). */
async function countOf(page: Page, key: string): Promise<number> {
  const text = await page.getByTestId(`workbench-task-${key}`).getByTestId('workbench-count').textContent();
  return Number.parseInt(text ?? '', 10);
}

/** The list page's total: its pagination's 共 N 条, or 0 when the table shows it is empty. */
async function shownTotal(page: Page): Promise<number | null> {
  if (await page.locator('.ant-spin-spinning').count()) return null;
  const total = page.locator('.ant-pagination-total-text');
  if (await total.count()) return Number((await total.textContent())?.match(/\d+/)?.[0]);
  return (await page.locator('.ant-table-placeholder').count()) ? 0 : null;
}

/** Signs in as `account` whoever was signed in before (a test that failed half-way leaves its session). */
async function signInAs(page: Page, baseUrl: string, account: string) {
  await page.context().clearCookies();
  await signIn(page, baseUrl, account);
}

/** Opens the home page and waits for the workbench's tiles. */
async function home(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/`);
  await tiles(page).first().waitFor();
}

/**
 * Every tile of the signed-in account, one by one: a click opens its list,
 * already filtered, and the list counts what the tile said.
 */
async function everyTileOpensItsList(page: Page, baseUrl: string) {
  await home(page, baseUrl);
  const keys = await tiles(page).evaluateAll((els) =>
    els.map((el) => el.getAttribute('data-testid')!.replace('workbench-task-', '')),
  );
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) {
    await home(page, baseUrl);
    const count = await countOf(page, key);
    const link = await page.getByTestId(`workbench-task-${key}`).getAttribute('href');
    await page.getByTestId(`workbench-task-${key}`).click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === link);
    await expect.poll(() => shownTotal(page), { message: `${key}: ${link}`, timeout: 15_000 }).toBe(count);
  }
}

describe('the workbench on the home page (browser)', () => {
  const run = browserRunForTests();

  it('the operator sees 待派单 N first; a click opens the orders waiting for dispatch, N rows', async () => {
    const { page, baseUrl } = run;
    await signInAs(page, baseUrl, 'operator');
    await home(page, baseUrl);
    // The tasks come before the functions.
    const workbench = await page.getByTestId('workbench').boundingBox();
    const functions = await page.locator('.ant-card-head-title', { hasText: /^您可以$/ }).boundingBox();
    expect(workbench!.y).toBeLessThan(functions!.y);

    const placed = page.getByTestId('workbench-task-orders.placed');
    expect(await placed.textContent()).toContain('待派单');
    const n = await countOf(page, 'orders.placed');
    // The demo keeps one order waiting for dispatch.
    expect(n).toBeGreaterThan(0);
    await placed.click();
    await page.waitForURL(/\/orders\?status=placed$/);
    await expect.poll(() => shownTotal(page), { timeout: 15_000 }).toBe(n);
    const rows = page.getByTestId('orders-table').locator('tr.ant-table-row');
    expect(await rows.count()).toBe(n);
    for (const status of await page.getByTestId('orders-table').getByTestId('order-status').allTextContents())
      expect(status).toBe('待派单');
    // The filter form shows the filter in force.
    expect(await page.getByTestId('order-filter-status').textContent()).toContain('待派单');
    await signOut(page);
  });

  it(
    "every operator tile opens its list filtered, counting the tile's number",
    async () => {
      const { page, baseUrl, platform } = run;
      // Something this week (the demo's activities are later in the year): Wednesday, China time.
      await activity(await platform.signIn('operator'), {
        kind: 'forum',
        title: '本周技术沙龙',
        startsAt: '2026-03-04T14:00:00+08:00',
        endsAt: '2026-03-04T17:00:00+08:00',
      });
      await signInAs(page, baseUrl, 'operator');
      await home(page, baseUrl);
      expect(await countOf(page, 'activities.week')).toBe(1);
      await everyTileOpensItsList(page, baseUrl);

      // The activities list took this week from the link, and shows it in its filter.
      await home(page, baseUrl);
      await page.getByTestId('workbench-task-activities.week').click();
      await page.waitForURL(/\/activities\?from=2026-03-02&to=2026-03-08$/);
      await expect
        .poll(() => page.getByTestId('activities-table').textContent(), { timeout: 15_000 })
        .toContain('本周技术沙龙');
      const dates = page.getByTestId('activity-filters').locator('.ant-picker-range input');
      expect([await dates.nth(0).inputValue(), await dates.nth(1).inputValue()]).toEqual([
        '2026年3月2日',
        '2026年3月8日',
      ]);
      await signOut(page);
    },
    EVERY_TILE_MS,
  );

  it(
    'the expert sees 待我接单 and opens the offers waiting for an answer',
    async () => {
      const { page, baseUrl } = run;
      await signInAs(page, baseUrl, 'expert');
      await home(page, baseUrl);
      const n = await countOf(page, 'orders.answer');
      expect(n).toBeGreaterThan(0);
      await page.getByTestId('workbench-task-orders.answer').click();
      await page.waitForURL(/\/orders\?todo=answer$/);
      await expect.poll(() => shownTotal(page), { timeout: 15_000 }).toBe(n);
      expect(await page.getByTestId('order-filter-todo').textContent()).toContain('待我接单');
      // Each row is an offer awaiting this expert.
      expect(await page.getByTestId('orders-table').getByTestId('order-awaiting-me').count()).toBe(n);
      await everyTileOpensItsList(page, baseUrl);
      await signOut(page);
    },
    EVERY_TILE_MS,
  );

  it(
    'the enterprise and the institution: every tile opens its list filtered',
    async () => {
      const { page, baseUrl } = run;
      for (const account of ['enterprise', 'institution']) {
        await signInAs(page, baseUrl, account);
        await everyTileOpensItsList(page, baseUrl);
        await signOut(page);
      }
    },
    EVERY_TILE_MS,
  );

  describe('on a phone, 390×844', () => {
    let phone: Awaited<ReturnType<typeof browserContextWith>>;
    beforeAll(async () => {
      phone = await browserContextWith(PHONE);
    });
    afterAll(() => phone?.close());

    it('the tiles stack one per row, each a comfortable touch target', async () => {
      const { page } = phone;
      const { baseUrl } = run;
      await signInAs(page, baseUrl, 'operator');
      await home(page, baseUrl);
      const boxes = await Promise.all((await tiles(page).all()).map((tile) => tile.boundingBox()));
      expect(boxes.length).toBeGreaterThan(1);
      for (const [i, box] of boxes.entries()) {
        expect(box!.height).toBeGreaterThanOrEqual(44);
        expect(box!.x).toBeCloseTo(boxes[0]!.x, 0);
        expect(box!.width).toBeCloseTo(boxes[0]!.width, 0);
        if (i > 0) expect(box!.y).toBeGreaterThanOrEqual(boxes[i - 1]!.y + boxes[i - 1]!.height);
      }
      await expectNoHorizontalOverflow(page);
      await page.getByTestId('workbench-task-orders.placed').tap();
      await page.waitForURL(/\/orders\?status=placed$/);
      await signOut(page);
    });
  });
});

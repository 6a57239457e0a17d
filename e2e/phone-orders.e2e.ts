import type { Locator, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserContextWith,
  browserRunForTests,
  expectNoHorizontalOverflow,
  expectTouchTarget,
  modalOf,
  PHONE,
  signIn,
} from './support.ts';

/** The demo's order dispatched to the demo expert (ZJ-0001) and waiting for his answer. */
const OFFERED = '竹材防霉防蛀与连续化加工工艺';

/** Waits for the page's content and for its requests to finish, so that what it lays out is all there. */
async function settled(page: Page, content: Locator) {
  await content.waitFor();
  await page.waitForLoadState('networkidle');
}

/** Fails unless the element lies wholly on the phone's screen as it is now (no scrolling to reach it). */
async function expectOnScreen(page: Page, target: Locator) {
  const box = await target.boundingBox();
  const screen = page.viewportSize()!;
  expect(box, 'the element is on the page').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(screen.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(screen.height);
}

/** A day in China counted from today (0) or tomorrow (1), YYYY-MM-DD (the date picker's cells are titled so). */
function chinaDay(fromToday: number): string {
  return new Date(Date.now() + 8 * 3600_000 + fromToday * 24 * 3600_000).toISOString().slice(0, 10);
}

describe("the expert's orders on a phone, 390×844 (browser)", () => {
  const run = browserRunForTests();
  let phone: Awaited<ReturnType<typeof browserContextWith>>;
  beforeAll(async () => {
    phone = await browserContextWith(PHONE);
  });
  afterAll(() => phone?.close());

  it('the expert finds the offer among cards, accepts it with a thumb and logs a visit with a photo', async () => {
    const { page } = phone;
    const { baseUrl } = run;
    await signIn(page, baseUrl, 'expert');
    await settled(page, page.getByTestId('workbench'));
    await expectNoHorizontalOverflow(page);

    // 我的接单: one card per order, no table; the offer waiting for him stands out.
    await page.goto(`${baseUrl}/orders`);
    const list = page.getByTestId('orders-table');
    await settled(page, list.getByTestId('list-card').first());
    expect(await list.getAttribute('data-layout')).toBe('cards');
    expect(await page.locator('.ant-table').count()).toBe(0);
    await expectNoHorizontalOverflow(page);
    await expectTouchTarget(page.getByTestId('order-search'));
    const card = list.getByTestId('list-card').filter({ hasText: OFFERED });
    expect(await card.count()).toBe(1);
    const text = await card.textContent();
    // The columns' titles label the values; the title is the card's own.
    expect(await card.locator('.ant-card-head-title').textContent()).toBe(OFFERED);
    expect(text).toMatch(/订单号\s*GD-\d{8}-/);
    expect(text).toContain('待我接单');
    expect(text).toContain('已派单');
    // Paging stays.
    expect(await page.locator('.ant-pagination').textContent()).toMatch(/共 \d+ 条/);
    const view = card.getByRole('button', { name: '查看' });
    await expectTouchTarget(view);
    await view.tap();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);

    // The order: its facts in one column, the enterprise and its contact, the answer within reach.
    await settled(page, page.getByTestId('order-descriptions'));
    await expect.poll(() => page.getByTestId('order-title').textContent()).toBe(OFFERED);
    await expectNoHorizontalOverflow(page);
    const labels = page.getByTestId('order-descriptions').locator('.ant-descriptions-item-label');
    const lefts = new Set(
      (
        await labels.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().left)))
      ).values(),
    );
    expect(lefts.size).toBe(1);
    expect(await page.getByTestId('order-enterprise').textContent()).not.toBe('—');
    // Offered, not yet accepted: the contact is masked.
    expect(await page.getByTestId('order-contact-name').textContent()).toMatch(/\*/);
    const bar = page.getByTestId('order-action-bar');
    const accept = bar.getByTestId('order-action-accept');
    const decline = bar.getByTestId('order-action-decline');
    for (const button of [accept, decline]) {
      await expectTouchTarget(button);
      await expectOnScreen(page, button);
    }
    // Full width between them: two buttons fill the bar's row.
    const [a, d, b] = await Promise.all([accept.boundingBox(), decline.boundingBox(), bar.boundingBox()]);
    expect(a!.width + d!.width).toBeGreaterThan(b!.width - 40);
    // Down at the history, the bar is still on the screen.
    await page.getByTestId('order-history').scrollIntoViewIfNeeded();
    await expectOnScreen(page, accept);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectOnScreen(page, accept);
    await accept.tap();
    await expect.poll(() => page.getByTestId('order-status').first().textContent()).toBe('已接单');
    await expectNoHorizontalOverflow(page);

    // 登记服务记录 from the bar: one column of full-width fields, the camera beside the files.
    const add = bar.getByTestId('visit-add');
    await expectTouchTarget(add);
    await expectTouchTarget(bar.getByTestId('order-action-start'));
    await add.tap();
    const modal = modalOf(page, '登记服务记录');
    await modal.getByTestId('visit-summary').waitFor();
    // Measured once the dialog has zoomed in.
    await expect.poll(() => modal.evaluate((el) => el.closest('.ant-modal')?.getAnimations().length)).toBe(0);
    await expectNoHorizontalOverflow(page);
    const body = await modal.locator('.ant-modal-body').boundingBox();
    for (const id of ['visit-date', 'visit-place', 'visit-summary']) {
      const field = await modal
        .locator(`.ant-form-item:has([data-testid=${id}]) .ant-form-item-control`)
        .boundingBox();
      expect(field!.width, id).toBeGreaterThan(body!.width - 60);
    }
    for (const id of ['visit-form-camera', 'visit-form-files', 'visit-save']) {
      await expectTouchTarget(modal.getByTestId(id));
    }
    // Days after today are not offered.
    await modal.getByTestId('visit-date').tap();
    const tomorrow = page.locator(`.ant-picker-dropdown td[title="${chinaDay(1)}"]`);
    await tomorrow.waitFor();
    expect(await tomorrow.getAttribute('class')).toContain('ant-picker-cell-disabled');
    // Today in China (the picker's own "today" cell follows the browser's zone, a day behind China's
    // between 16:00 and 24:00 UTC), which the form leaves for the platform's clock to date.
    await page.locator(`.ant-picker-dropdown td[title="${chinaDay(0)}"]`).tap();
    await page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden' });

    await modal.getByTestId('visit-summary').fill('现场查看竹条防霉处理工段，拍下霉变样件。');
    const camera = modal.locator('input[type=file][capture=environment]');
    expect(await camera.getAttribute('accept')).toBe('image/*');
    const photo = await QRCode.toBuffer('竹条霉变样件', { type: 'png', width: 120 });
    await camera.setInputFiles({ name: '霉变样件.png', mimeType: 'image/png', buffer: photo });
    await expect.poll(() => modal.getByTestId('visit-form-file').locator('img').count()).toBe(1);
    await modal.getByTestId('visit-save').tap();
    await modal.waitFor({ state: 'detached' });

    // The visit, with the photo's thumbnail (loaded from the server) and the file to download.
    const visit = page.getByTestId('visit').first();
    await expect.poll(() => visit.textContent()).toContain('拍下霉变样件');
    const thumb = visit.getByTestId('visit-photos').locator('img');
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
    expect(await visit.getByTestId('visit-attachment').textContent()).toContain('霉变样件.png');
    await expectTouchTarget(visit.getByTestId('visit-camera'));
    await page.waitForLoadState('networkidle');
    await expectNoHorizontalOverflow(page);

    // The inbox on the phone: nothing sticks out, each message a thumb's width and height.
    await page.goto(`${baseUrl}/notifications`);
    await settled(page, page.getByTestId('inbox-item').first());
    await expectNoHorizontalOverflow(page);
    await expectTouchTarget(page.getByTestId('inbox-item').first());
    await expectTouchTarget(page.getByTestId('inbox-read-all'));
  });

  it("every module's list is cards on the phone, none scrolling sideways", async () => {
    const { page } = phone;
    const { baseUrl } = run;
    await phone.context.clearCookies();
    await signIn(page, baseUrl, 'operator');
    const titles: Record<string, string> = {
      '/lists/demands': '技术需求',
      '/registry/talents': '人才库',
      '/teams': '服务团队',
      '/activities': '活动',
      '/orders': '订单',
    };
    for (const [path, title] of Object.entries(titles)) {
      await page.goto(`${baseUrl}${path}`);
      await settled(page, page.locator('[data-layout=cards]').getByTestId('list-card').first());
      expect(await page.locator('.ant-table').count(), path).toBe(0);
      // The page's title is not squeezed out by its tools (新建, 导入, 导出), which sit under it.
      const head = page.locator('.ant-layout-content .ant-card-head-title').first();
      expect(await head.textContent(), path).toContain(title);
      expect((await head.boundingBox())?.width ?? 0, path).toBeGreaterThan(80);
      await expectNoHorizontalOverflow(page);
      await expectTouchTarget(page.getByTestId('list-card').first().getByRole('button', { name: '查看' }));
    }
  });

  it('the same list on a desk is still a table', async () => {
    const { page, baseUrl } = run;
    await signIn(page, baseUrl, 'expert');
    await page.goto(`${baseUrl}/orders`);
    const list = page.getByTestId('orders-table');
    await list.locator('tr.ant-table-row').first().waitFor();
    expect(await list.getByTestId('list-card').count()).toBe(0);
    expect(await list.locator('tr.ant-table-row', { hasText: OFFERED }).count()).toBe(1);
    expect(await list.locator('thead').textContent()).toContain('订单号');
  });
});

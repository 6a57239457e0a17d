import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserRunForTests, openMenu, signIn, signOut } from './support.ts';

const DEMAND = '汽车轻量化碳纤维复合材料构件连接技术';

/** The text of the order's status tag in the page header. */
const statusOf = (page: Page) => page.getByTestId('order-status').first().textContent();
/** The text of a list item's status tag in the page header. */
const statusOfDemand = (page: Page) => page.getByTestId('list-status').first().textContent();

describe('a service order from placing to closing (browser)', () => {
  const run = browserRunForTests();

  it('the enterprise orders, the operator dispatches, the expert serves, the enterprise confirms', async () => {
    const { page, baseUrl } = run;

    // 企业点单: from its own published demand.
    await signIn(page, baseUrl, 'enterprise');
    await page.goto(`${baseUrl}/lists/demands?q=XQ-2026-001`);
    await page.getByRole('link', { name: DEMAND }).click();
    await page.getByTestId('record-title').waitFor();
    await page.getByTestId('order-place').click();
    await page.getByTestId('order-place-description').fill('希望专家年内到厂指导胶接—铆接混合连接工艺。');
    await page.getByTestId('order-place-submit').click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const orderUrl = page.url();
    await expect.poll(() => page.getByTestId('order-title').textContent()).toBe(DEMAND);
    await expect.poll(() => statusOf(page)).toBe('待派单');
    expect(await page.getByTestId('order-descriptions').textContent()).toContain('希望专家年内到厂指导');
    // The enterprise may cancel, not dispatch.
    expect(await page.getByTestId('order-action-cancel').count()).toBe(1);
    expect(await page.getByTestId('order-action-dispatch').count()).toBe(0);
    await signOut(page);

    // 派单: the operator finds it in the board's queue and offers it to the demo expert.
    await signIn(page, baseUrl, 'operator');
    await openMenu(page, '服务订单', '派单看板');
    await page.waitForURL(/\/orders\/board$/);
    // The demo has an order of its own at every stage: one waiting, one dispatched.
    await expect.poll(() => page.getByTestId('board-status-placed').textContent()).toMatch(/待派单\s*2/);
    expect(await page.getByTestId('board-steps').textContent()).toContain('各环节用时');
    const queued = page.getByTestId('board-queue').locator('tr', { hasText: DEMAND });
    await queued.getByTestId('board-dispatch').click();
    const dialog = page.locator('.ant-modal-content', { hasText: `派单：${DEMAND}` });
    // Suggested experts come with the reasons they fit.
    const suggested = dialog.getByTestId('dispatch-suggested-experts');
    await suggested.getByTestId('match-result').first().waitFor();
    expect(await suggested.getByTestId('match-reason').count()).toBeGreaterThan(0);
    // Submitting with nobody chosen says what is missing. (The demo has three experts named 陈志远;
    // the expert account is ZJ-0001's.)
    await dialog.getByTestId('dispatch-submit').click();
    await expect.poll(() => dialog.textContent()).toContain('请选择派单的专家、机构或服务团队');
    await dialog.getByRole('tab', { name: '按姓名查找' }).click();
    await dialog.getByTestId('dispatch-expert-search').fill('陈志远');
    const expert = dialog.getByTestId('dispatch-expert').filter({ hasText: 'ZJ-0001' });
    await expert.getByTestId('dispatch-expert-select').click();
    await expect.poll(() => dialog.getByTestId('dispatch-selection').textContent()).toContain('陈志远');
    await dialog.getByTestId('dispatch-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('board-status-dispatched').textContent()).toMatch(/已派单\s*2/);
    await page.goto(orderUrl);
    await expect.poll(() => statusOf(page)).toBe('已派单');
    expect(await page.getByTestId('order-offers').textContent()).toMatch(/陈志远.*待答复/);
    await signOut(page);

    // 专家接单: the offer is in the expert's list and inbox.
    await signIn(page, baseUrl, 'expert');
    await expect.poll(() => page.getByTestId('inbox-count').textContent()).toMatch(/[1-9]/);
    // 适合我的需求 on the home page marks the demand as his order now, linked to it.
    await page.goto(`${baseUrl}/`);
    const fits = page.getByTestId('home-my-matches').getByTestId('match-result').filter({ hasText: DEMAND });
    await expect.poll(() => fits.getByTestId('match-my-order').textContent()).toBe('我的订单 · 已派单');
    expect(await fits.getByTestId('match-my-order').getAttribute('href')).toBe(new URL(orderUrl).pathname);
    await openMenu(page, '服务订单', '订单列表');
    await page.waitForURL(/\/orders$/);
    await expect.poll(() => page.locator('.ant-card-head-title').first().textContent()).toBe('我的接单');
    const mine = page.getByTestId('orders-table').locator('tr', { hasText: DEMAND });
    await expect.poll(() => mine.textContent()).toContain('待我接单');
    expect(await mine.textContent()).toContain('已派单');
    await page.getByTestId('inbox-bell').click();
    await page.waitForURL(/\/notifications$/);
    const message = page.getByTestId('inbox-item').filter({ hasText: `新的服务订单：${DEMAND}` });
    expect(await message.getAttribute('data-read')).toBe('false');
    await message.click();
    await page.waitForURL(orderUrl);
    await expect.poll(() => page.getByTestId('order-notice').textContent()).toContain('此订单派给了您');

    // Meanwhile the operator re-targets the order (the same expert, a new round): the expert's page is
    // stale, the server refuses the old version, and the page says so and shows the order as it is now.
    const operator = await run.platform.signIn('operator');
    const id = orderUrl.split('/').pop()!;
    const current = (await operator.get(`/api/orders/${id}`)).body;
    // (The demo's enterprises have no contact mobile: 德清绿源 is given one, to be seen masked, then whole.)
    const record = (await operator.get(`/api/registry/enterprises/${current.enterprise.id}`)).body;
    const contact = await operator.patch(`/api/registry/enterprises/${record.id}`, {
      contactMobile: '13905721234',
      version: record.version,
    });
    expect(contact.status).toBe(200);
    const redispatched = await operator.post(`/api/orders/${id}/transition`, {
      action: 'redispatch',
      version: current.version,
      experts: [current.offers[0].talentId],
      reason: '补充派单说明',
    });
    expect(redispatched.status).toBe(200);
    await page.getByTestId('order-action-accept').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('记录已被他人修改');
    await expect.poll(() => page.getByTestId('order-offers').textContent()).toContain('第 2 轮');
    // Offered, the expert sees whom the order is for, but not yet how to reach them.
    expect(await page.getByTestId('order-enterprise').textContent()).toBe('德清绿源新材料有限公司');
    expect(await page.getByTestId('order-contact-mobile').textContent()).toBe('139****1234');
    expect(await page.getByTestId('order-contact-name').textContent()).toMatch(/^.\*+$/);
    await page.getByTestId('order-action-accept').click();
    await expect.poll(() => statusOf(page)).toBe('已接单');
    // Accepted: the enterprise's contact, whole.
    await expect.poll(() => page.getByTestId('order-contact-mobile').textContent()).toBe('13905721234');
    expect(await page.getByTestId('order-contact-name').textContent()).toBe(record.contactName);
    await page.getByTestId('order-action-start').click();
    await expect.poll(() => statusOf(page)).toBe('服务中');

    // 服务记录, with a file.
    await page.getByTestId('visit-add').click();
    await page.getByTestId('visit-save').click();
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').first().textContent())
      .toBe('请填写服务内容');
    await page.getByTestId('visit-place').fill('德清绿源新材料有限公司三号车间');
    await page.getByTestId('visit-people').fill('企业技术部周工、陈志远');
    await page.getByTestId('visit-summary').fill('现场查看分层开裂试件，确定胶层厚度与铆钉间距的试验方案。');
    await page.getByTestId('visit-save').click();
    const visit = page.getByTestId('visit').first();
    await expect.poll(() => visit.textContent()).toContain('确定胶层厚度与铆钉间距的试验方案');
    expect(await visit.textContent()).toContain('登记人：陈志远');
    await visit.locator('input[type=file]').setInputFiles({
      name: '现场纪要.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('胶层厚度 0.2 mm；铆钉间距 25 mm。\n'),
    });
    await expect
      .poll(() => visit.getByTestId('visit-attachment').first().textContent())
      .toContain('现场纪要.txt');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      visit.getByTestId('visit-attachment').first().click(),
    ]);
    expect(download.suggestedFilename()).toBe('现场纪要.txt');

    // 服务完成 with an outcome: an agreement and its amount.
    await page.getByTestId('order-action-finish').click();
    const finish = page.locator('.ant-modal-content', { hasText: '服务完成' });
    await finish.getByTestId('outcome-kind').click();
    await page.locator('.ant-select-item-option', { hasText: '签订合作协议' }).click();
    expect(await finish.textContent()).toContain('金额（元）');
    await finish.getByTestId('outcome-amount').fill('500000');
    await finish.getByTestId('outcome-note').fill('联合开发混合连接工艺');
    // 日期: today in China (the browser's) unless it happened earlier; no later day can be picked.
    const chinaDay = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86400_000);
    const today = chinaDay(0).toISOString().slice(0, 10);
    const [y, m, d] = today.split('-').map(Number);
    expect(await finish.getByTestId('outcome-date').inputValue()).toBe(`${y}年${m}月${d}日`);
    await finish.getByTestId('outcome-date').click();
    const cell = (day: string) => page.locator(`.ant-picker-dropdown .ant-picker-cell[title="${day}"]`);
    await expect
      .poll(() => cell(chinaDay(1).toISOString().slice(0, 10)).getAttribute('class'))
      .toContain('ant-picker-cell-disabled');
    expect(await cell(today).getAttribute('class')).not.toContain('ant-picker-cell-disabled');
    // Picking today closes the calendar (Escape would close the dialog too).
    await cell(today).click();
    await finish.getByTestId('order-action-submit').click();
    await expect.poll(() => statusOf(page)).toBe('待确认');
    const outcomes = page.getByTestId('order-outcomes');
    await expect.poll(() => outcomes.textContent()).toContain('签订合作协议');
    // Outcomes are in 元, as the form took them.
    expect(await outcomes.textContent()).toContain('500,000元');
    // Left at today, the date is the server's today (its clock here is not the browser's).
    const happened = (await outcomes.getByTestId('order-outcome-date').textContent()) ?? '';
    expect(happened).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await signOut(page);

    // 确认办结: the enterprise is told, rates the service and closes the order.
    await signIn(page, baseUrl, 'enterprise');
    await expect.poll(() => page.getByTestId('inbox-count').textContent()).toMatch(/[1-9]/);
    await page.goto(orderUrl);
    await expect.poll(() => page.getByTestId('order-notice').textContent()).toContain('请核对服务记录和成效');
    await page.getByTestId('order-action-confirm').click();
    const confirm = page.locator('.ant-modal-content', { hasText: '确认办结' });
    await confirm.getByTestId('order-action-submit').click();
    await expect
      .poll(() => confirm.locator('.ant-form-item-explain-error').textContent())
      .toBe('请为本次服务评分');
    await confirm.locator('.ant-rate-star').nth(4).click();
    await confirm.getByTestId('confirm-comment').fill('专家响应及时，方案可落地。');
    await confirm.getByTestId('order-action-submit').click();
    await expect.poll(() => statusOf(page)).toBe('已办结');
    const rating = page.getByTestId('order-rating');
    await expect.poll(() => rating.textContent()).toContain('5 分');
    expect(await rating.textContent()).toContain('专家响应及时，方案可落地。');
    expect(await page.locator('[data-testid^=order-action-]').count()).toBe(0);

    // The history lists every step, who took it, and the details.
    const steps = await page.getByTestId('order-event').allTextContents();
    expect(steps.map((s) => s.match(/^(企业点单|派单|改派|接单|开始服务|服务完成|确认办结)/)?.[1])).toEqual([
      '企业点单',
      '派单',
      '改派',
      '接单',
      '开始服务',
      '服务完成',
      '确认办结',
    ]);
    expect(steps[0]).toContain('周建华');
    expect(steps[1]).toContain('王敏');
    expect(steps[1]).toContain('派给：陈志远');
    expect(steps[2]).toContain('原因：补充派单说明');
    expect(steps[3]).toContain('已派单 → 已接单');
    expect(steps[3]).toContain('陈志远');
    expect(steps[5]).toContain(`签订合作协议 500,000元（${happened}）`);
    expect(steps[6]).toContain('待确认 → 已办结');
    expect(steps[6]).toContain('5 分');

    // The enterprise's 台账: its orders as Excel, this one closed with its rating.
    await page.goto(`${baseUrl}/orders`);
    const [sheet] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('orders-export-xlsx').click(),
    ]);
    expect(sheet.suggestedFilename()).toMatch(/^服务订单台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await sheet.path())!);
    const rows = book.worksheets[0]!.getSheetValues().slice(2) as unknown[][];
    const ours = rows.find((r) => r?.includes(DEMAND))!;
    expect(ours).toContain('已办结');
    expect(ours).toContain(5);
    // 成效日期: the day the agreement was signed.
    expect(ours).toContain(happened);

    // Closed with an agreement: the enterprise is asked whether its demand is solved, in its inbox and
    // on the demand's page; 已解决 closes the demand.
    await page.getByTestId('inbox-bell').click();
    await page.waitForURL(/\/notifications$/);
    await page
      .getByTestId('inbox-item')
      .filter({ hasText: `请确认需求是否已解决：${DEMAND}` })
      .click();
    await page.waitForURL(/\/lists\/demands\/[0-9a-f-]{36}$/);
    const question = page.getByTestId('list-solved-question');
    await expect.poll(() => question.textContent()).toContain('该需求是否已解决？');
    expect(await statusOfDemand(page)).toBe('对接中');
    expect(await page.getByTestId('list-action-close').count()).toBe(1);
    await question.getByTestId('list-solved-solve').click();
    await expect.poll(() => statusOfDemand(page)).toBe('已关闭');
    expect(await page.getByTestId('list-solved-question').count()).toBe(0);
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserRunForTests, drawerOf, signIn, signOut } from './support.ts';

const JOB_FAIR = '2026 湖州秋季高层次人才招聘会';

/**
 * Clicks the first slice of the activity kinds' donut: slices run clockwise from
 * twelve o'clock, so the point at three o'clock is in the first when it holds a quarter or more. The chart
 * draws on a canvas, so the click goes to a point of it.
 */
async function clickFirstKindSlice(page: Page) {
  const chart = page.getByTestId('insights-kind-canvas');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('the activity kinds chart is not shown');
  // The ring lies between 30% and 55% of half the shorter side, around (50%, 48%).
  const radius = Math.min(box.width, box.height) / 2;
  await page.mouse.click(box.x + box.width / 2 + 0.42 * radius, box.y + box.height * 0.48);
}

describe('the statistics dashboard (browser)', () => {
  const run = browserRunForTests();

  it('the operator traces figures to their records and downloads the work report; the expert has no dashboard', async () => {
    const { page, baseUrl, platform } = run;
    // The demo lists were published when the demo was seeded (the test clock's 2 March); its training
    // class (5 September) and job fair (18 October) have been held by late November, so 1 January to
    // today (the default period) holds them all.
    platform.clock.set(new Date('2026-11-20T10:00:00+08:00'));

    await signIn(page, baseUrl, 'operator');
    await page.locator('.ant-menu').first().getByText('数据看板', { exact: true }).click();
    await page.waitForURL(/\/insights$/);
    await expect
      .poll(() => page.getByTestId('insights-intro').textContent())
      .toContain('浙江省湖州市，2026年1月1日至2026年11月20日');
    expect(await page.getByTestId('insights-period').first().inputValue()).toBe('2026年1月1日');

    // 发布技术需求: a number on the card, and exactly that many records behind it.
    const demands = page.getByTestId('insights-card-demands_posted');
    expect(await demands.getByTestId('insights-card-name').textContent()).toContain('发布技术需求');
    const shown = Number(await demands.getByTestId('insights-card-value').textContent());
    expect(shown).toBeGreaterThan(0);
    await demands.click();
    await page.waitForURL(/metric=demands_posted/);
    const records = drawerOf(page, '发布技术需求');
    await expect.poll(() => records.getByTestId('insights-records-total').textContent()).toBe(String(shown));
    expect(await records.getByTestId('insights-records-value').textContent()).toBe(`${shown}项`);
    const refs = await records.getByTestId('insights-record-ref').allTextContents();
    expect(refs).toHaveLength(shown);
    expect(refs).toContain('XQ-2026-001');
    expect(refs.every((ref) => /^XQ-2026-\d{3}$/.test(ref))).toBe(true);

    // A record opens its own page; Back returns to the figures with the records open again.
    await records.locator('tr', { hasText: 'XQ-2026-001' }).getByTestId('insights-record-link').click();
    await page.waitForURL(/\/lists\/demands\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('record-title').textContent()).toContain('汽车轻量化');
    await page.goBack();
    await page.waitForURL(/\/insights\?metric=demands_posted/);
    await expect.poll(() => records.getByTestId('insights-records-total').textContent()).toBe(String(shown));
    await records.locator('.ant-drawer-close').click();
    await records.waitFor({ state: 'detached' });

    // 举办活动: the job fair, the training class and the four micro-salons the demo's 帮扶团 held as
    // activities (its plan's sessions, seeded on 2 March); the salons' slice opens the salons alone.
    expect(
      await page
        .getByTestId('insights-card-activities_held')
        .getByTestId('insights-card-value')
        .textContent(),
    ).toBe('6');
    // The donut grows in when drawn: click until the slice takes the click.
    await expect
      .poll(
        async () => {
          if (!page.url().includes('metric=')) await clickFirstKindSlice(page);
          return page.url();
        },
        { timeout: 15_000, interval: 700 },
      )
      .toMatch(/metric=activities_held&dimension=kind&value=forum/);
    const salons = drawerOf(page, '举办活动 · 论坛沙龙');
    await expect
      .poll(() => salons.getByTestId('insights-records-table').textContent())
      .toContain('新能源电池微沙龙');
    expect(await salons.getByTestId('insights-records-total').textContent()).toBe('4');
    expect(await salons.getByTestId('insights-records-table').textContent()).not.toContain(JOB_FAIR);
    expect(await salons.getByTestId('insights-records-table').textContent()).not.toContain('培训班');
    await salons.locator('.ant-drawer-close').click();
    await salons.waitFor({ state: 'detached' });

    // 订单漏斗: the demo's cancelled order behind 已取消, opening its own page.
    const cancelled = page.getByTestId('insights-funnel-cancelled');
    await cancelled.scrollIntoViewIfNeeded();
    expect(await cancelled.textContent()).toContain('1');
    await cancelled.click();
    await page.waitForURL(/funnel=cancelled/);
    const dropped = drawerOf(page, '订单漏斗 · 已取消');
    await expect.poll(() => dropped.getByTestId('insights-records-total').textContent()).toBe('1');
    expect(await dropped.getByTestId('insights-records-table').textContent()).toContain('已取消');
    await dropped.getByTestId('insights-record-link').click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('order-status').first().textContent()).toBe('已取消');
    await page.goBack();
    await page.waitForURL(/funnel=cancelled/);
    await dropped.locator('.ant-drawer-close').click();
    await dropped.waitFor({ state: 'detached' });

    // 下载工作简报 (Word) and 导出Excel (every table).
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('insights-report').click(),
    ]);
    expect(report.suggestedFilename()).toMatch(/工作简报.*\.docx$/);
    const [workbook] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('insights-export').click(),
    ]);
    expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/);

    // Each card says what it counts; 活动参与 counts the training class's 56 trainees too, so it is never
    // below 培训人才.
    const attendance = page.getByTestId('insights-card-activity_attendance');
    expect(await attendance.getByTestId('insights-card-basis').textContent()).toBe(
      '期内签到的活动人次（含培训班学员）',
    );
    const cardValue = async (key: string) =>
      Number(await page.getByTestId(`insights-card-${key}`).getByTestId('insights-card-value').textContent());
    expect(await cardValue('people_trained')).toBe(56);
    expect(await cardValue('activity_attendance')).toBeGreaterThanOrEqual(56);
    // 同比 and 环比 on every card: "—" when the earlier period has nothing to compare with …
    expect(await demands.getByTestId('insights-yoy').textContent()).toBe('同比 —');
    // … and a signed percentage when it has: from 3 March the demo's demands (published 2 March) are
    // behind, in the period before.
    await page.goto(`${baseUrl}/insights?from=2026-03-03&to=2026-11-20`);
    await expect.poll(() => demands.getByTestId('insights-card-value').textContent()).toBe('0');
    expect(await demands.getByTestId('insights-mom').textContent()).toBe('环比 −100%');
    expect(await demands.getByTestId('insights-yoy').textContent()).toBe('同比 —');

    // Another city is outside the operator's scope: the server's reason is shown.
    await page.goto(`${baseUrl}/insights?regionCode=330100`);
    await expect
      .poll(() => page.locator('.ant-result').textContent())
      .toContain('只能查看本人管辖地区的统计');
    await signOut(page);

    // The expert has no dashboard.
    await signIn(page, baseUrl, 'expert');
    const menu = page.locator('.ant-menu').first();
    await expect.poll(() => menu.textContent()).toContain('首页');
    expect(await menu.textContent()).not.toContain('数据看板');
    await page.goto(`${baseUrl}/insights`);
    await expect.poll(() => page.locator('.ant-result-title').textContent()).toBe('无权访问');
  });
});

import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity } from '../test/support/factories.ts';
import {
  browserContextWith,
  browserRunForTests,
  expectNoHorizontalOverflow,
  expectTouchTarget,
  PHONE,
  signIn,
} from './support.ts';

/** The demo's 组合式人才帮扶团, paired with 长兴县; the demo expert (ZJ-0001) serves in it. */
const TEAM = '长兴新能源组合式人才帮扶团';
/** This week's salon, held this morning in 长兴县 (the test clock is Monday 2 March 2026, 09:00). */
const SALON = '新能源电池微沙龙（三月第一期）';

/** The month's "已完成 done/planned" on the plan's calendar. */
async function monthTally(page: Page, month: number): Promise<{ done: number; planned: number }> {
  const text =
    (await page.getByTestId(`plan-month-${month}`).getByTestId('plan-month-tally').textContent()) ?? '';
  const [, done, planned] = /(\d+)\/(\d+)/.exec(text) ?? [];
  return { done: Number(done), planned: Number(planned) };
}

/** The dialog open on top (the record form or a session's record). */
const dialog = (page: Page): Locator => page.locator('.ant-modal-content').last();

async function photo(text: string) {
  return {
    name: `${text}.png`,
    mimeType: 'image/png',
    buffer: await QRCode.toBuffer(text, { type: 'png', width: 120 }),
  };
}

describe("a combined team's month: plan, record a salon and a visit, see the plan move (browser)", () => {
  const run = browserRunForTests();

  it('the operator opens the team, sees the plan calendar, records the salon by its activity and the visit with a photo', async () => {
    const { page, baseUrl, platform } = run;
    const operator = await platform.signIn('operator');
    await activity(operator, {
      kind: 'forum',
      title: SALON,
      startsAt: '2026-03-02T08:00:00+08:00',
      endsAt: '2026-03-02T08:50:00+08:00',
      regionCode: '330522',
      place: '长兴新能源人才工作站',
    });

    await signIn(page, baseUrl, 'operator');
    await page.goto(`${baseUrl}/teams`);
    await page
      .getByTestId('teams-table')
      .locator('tr', { hasText: TEAM })
      .getByRole('button', { name: '查看' })
      .click();
    await page.waitForURL(/\/teams\/[0-9a-f-]{36}$/);
    // The pairing: county, industry, station with its liaison; members with their roles.
    await expect.poll(() => page.getByTestId('team-county').textContent()).toContain('长兴县');
    expect(await page.getByTestId('team-industry').textContent()).toContain('新能源电池');
    expect(await page.getByTestId('team-station').textContent()).not.toBe('—');
    const roles = await page
      .getByTestId('team-members-table')
      .getByTestId('team-member-role')
      .allTextContents();
    expect(roles).toContain('首席专家');
    expect(roles).toContain('技术经理人');
    expect(roles.filter((r) => r === '专家')).toHaveLength(3);

    // ?tab=plan opens the plan (reminders link there).
    await page.goto(`${page.url()}?tab=plan`);
    await page.getByTestId('plan-panel').waitFor();
    if (await page.getByTestId('plan-create').isVisible()) {
      await page.getByTestId('plan-create').click();
      await page.getByTestId('plan-save').click();
    }
    await page.getByTestId('plan-calendar').waitFor();
    expect(await page.getByTestId('plan-year').textContent()).toBe('2026年');
    const march = page.getByTestId('plan-month-3');
    await expect.poll(() => march.getByTestId('plan-session').count()).toBeGreaterThan(4);
    const before = await monthTally(page, 3);

    // This week's salon (due Friday): recorded by the activity held this morning.
    const salon = march.locator('[data-testid=plan-session][data-kind=salon][data-state=due]');
    expect(await salon.count()).toBe(1);
    await salon.click();
    const form = dialog(page);
    await form.getByTestId('record-activity').click();
    await form.getByTestId('record-activity').locator('input').fill('三月第一期');
    const option = page
      .getByTestId('record-activity-option')
      .filter({ visible: true })
      .filter({ hasText: SALON });
    await expect.poll(() => option.count()).toBe(1);
    await option.click();
    await form.getByTestId('record-save').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => monthTally(page, 3)).toEqual({ done: before.done + 1, planned: before.planned });
    const held = march.locator('[data-testid=plan-session][data-kind=salon][data-state=done]');
    await expect.poll(() => held.count()).toBe(1);

    // The month's team visit: a visit log with a photo, sent once the log is saved.
    await march.locator('[data-testid=plan-session][data-kind=visit]').click();
    const visit = dialog(page);
    await visit.getByTestId('visit-summary').fill('走访长兴两家电池企业，查看极片涂布产线。');
    await visit.getByTestId('visit-findings').fill('涂布厚度一致性仍不稳定，企业希望对接在线检测技术。');
    await visit
      .locator('input[type=file]')
      .first()
      .setInputFiles(await photo('涂布产线'));
    await expect.poll(() => visit.getByTestId('visit-form-file').locator('img').count()).toBe(1);
    await visit.getByTestId('record-save').click();
    await visit.waitFor({ state: 'detached' });
    await expect.poll(() => monthTally(page, 3)).toEqual({ done: before.done + 2, planned: before.planned });

    // The visit's record, with its photo from the server.
    await march.locator('[data-testid=plan-session][data-kind=visit][data-state=done]').click();
    const record = dialog(page);
    await expect.poll(() => record.getByTestId('occurrence-visit').textContent()).toContain('极片涂布产线');
    const thumb = record.getByTestId('visit-photos').locator('img');
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
    await record
      .getByRole('button', { name: /关\s*闭/ })
      .last()
      .click();

    // 常态化服务: the team's March cell counts both; the demo's missed salon is listed overdue.
    await page.locator('.ant-menu').first().getByText('常态化服务', { exact: true }).click();
    await page.waitForURL(/\/standing$/);
    const row = page.getByTestId('standing-overview').locator('tr', { hasText: TEAM });
    await expect.poll(() => row.textContent()).toContain(`${before.done + 2}/${before.planned}`);
    const overdue = page.getByTestId('standing-sessions').locator('tr', { hasText: TEAM });
    await expect.poll(() => overdue.count()).toBeGreaterThan(0);
    expect(await overdue.first().textContent()).toContain('已逾期');

    // The salon was linked to the wrong activity: the operator takes the record back, saying why.
    await page.goBack();
    const salonDone = page
      .getByTestId('plan-month-3')
      .locator('[data-testid=plan-session][data-kind=salon][data-state=done]');
    await expect.poll(() => salonDone.count()).toBeGreaterThan(0);
    const doneBefore = (await monthTally(page, 3)).done;
    await salonDone.last().click();
    const wrong = dialog(page);
    await wrong.getByTestId('occurrence-unrecord').click();
    const confirm = wrong.getByTestId('occurrence-unrecord-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await wrong.getByTestId('occurrence-unrecord-reason').fill('关联错了活动，应为第二期沙龙');
    await confirm.click();
    await wrong.waitFor({ state: 'detached' });
    await expect.poll(async () => (await monthTally(page, 3)).done).toBe(doneBefore - 1);
  });

  describe('the demo expert on a phone, 390×844', () => {
    let phone: Awaited<ReturnType<typeof browserContextWith>>;
    beforeAll(async () => {
      phone = await browserContextWith(PHONE);
    });
    afterAll(() => phone?.close());

    it("sees the quarter's consultation due on the home page and records it as a visit with a photo", async () => {
      const { baseUrl, platform } = run;
      const { page } = phone;
      // Late March: the first quarter's in-depth consultation (due on its last working day) is due.
      platform.clock.set(new Date('2026-03-25T09:00:00+08:00'));
      await signIn(page, baseUrl, 'expert');
      const card = page.getByTestId('my-sessions');
      const consultation = card.getByTestId('my-session').filter({ hasText: '深度会诊' });
      await expect.poll(() => consultation.count()).toBe(1);
      expect(await consultation.textContent()).toContain(TEAM);
      expect(await consultation.textContent()).toContain('即将到期');
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalOverflow(page);
      const record = consultation.getByTestId('my-session-record');
      await expectTouchTarget(record);
      await record.tap();

      const form = dialog(page);
      await form.getByTestId('record-kind').waitFor();
      await expect
        .poll(() => form.evaluate((el) => el.closest('.ant-modal')?.getAnimations().length))
        .toBe(0);
      await form.getByTestId('record-kind').getByText('走访记录').tap();
      await form.getByTestId('visit-summary').fill('与企业技术负责人会诊电池回收拆解工艺。');
      const camera = form.locator('input[type=file][capture=environment]');
      expect(await camera.getAttribute('accept')).toBe('image/*');
      await camera.setInputFiles(await photo('拆解工段'));
      await expect.poll(() => form.getByTestId('visit-form-file').locator('img').count()).toBe(1);
      await expectNoHorizontalOverflow(page);
      for (const id of ['visit-form-camera', 'record-save']) await expectTouchTarget(form.getByTestId(id));
      await form.getByTestId('record-save').tap();
      await form.waitFor({ state: 'detached' });
      // Done: it leaves the list of what is due.
      await expect.poll(() => consultation.count()).toBe(0);
      await expectNoHorizontalOverflow(page);

      // A reminder's link opens the team's plan: the year fits the phone and each session is a thumb's target.
      const [team] = await platform.database.rows<{ id: string }>(
        sql`select id from teams where name = ${TEAM}`,
      );
      await page.goto(`${baseUrl}/teams/${team!.id}?tab=plan`);
      const held = page
        .getByTestId('plan-month-3')
        .locator('[data-testid=plan-session][data-kind=consultation][data-state=done]');
      await expect.poll(() => held.count()).toBe(1);
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalOverflow(page);
      await expectTouchTarget(held);
    });
  });
});

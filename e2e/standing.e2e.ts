import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity, expectStatus } from '../test/support/factories.ts';
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
/** The demo's other team (led by the demo expert): its order is still being served, so nothing came of it yet. */
const OTHER_TEAM = '湖州新材料助企服务团';
/** The demo team's first salon, held at the workstation and recorded as the session's activity. */
const FIRST_SALON = '新能源电池微沙龙（第1期）';

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

  it("团队成效: nothing yet for a team with no outcome; a held salon's outcomes listed with the activity and the session they came through", async () => {
    const { page, baseUrl, platform } = run;
    const operator = await platform.signIn('operator');
    const teams = new Map(
      (
        await platform.database.rows<{ id: string; name: string }>(
          sql`select id, name from teams where name in (${TEAM}, ${OTHER_TEAM})`,
        )
      ).map((t) => [t.name, t.id]),
    );
    await run.context.clearCookies();
    await signIn(page, baseUrl, 'operator');
    await page.goto(`${baseUrl}/teams/${teams.get(OTHER_TEAM)}`);
    await page.getByTestId('team-tabs').getByRole('tab', { name: '团队成效' }).click();
    await expect
      .poll(() => page.getByTestId('team-outcomes-empty').textContent())
      .toContain('暂无成效：订单经企业确认办结、或团队服务活动登记成效后显示在此');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('outcomes');
    expect(await page.getByTestId('team-outcomes-by-kind').count()).toBe(0);

    // The organiser records what came of the demo team's first salon: an agreement and contacts.
    const [held] = await platform.database.rows<{ id: string; code: string; due_on: string }>(
      sql`select a.id, a.code, s.due_on::text as due_on from activities a
        join service_occurrences s on s.activity_id = a.id where a.title = ${FIRST_SALON}`,
    );
    for (const body of [
      { kind: 'agreement', amountYuan: 150_000, note: '签订电池回收拆解技术合作协议' },
      { kind: 'contact', count: 12 },
    ]) {
      expectStatus(await operator.post(`/api/activities/${held!.id}/outcomes`, body), 201);
    }

    await page.goto(`${baseUrl}/teams/${teams.get(TEAM)}?tab=outcomes`);
    const totals = page.getByTestId('team-outcomes-by-kind');
    const agreement = totals.locator('[data-testid=team-outcome-total][data-kind=agreement]');
    await expect.poll(() => agreement.textContent()).toContain('签订合作协议');
    expect(await agreement.getByTestId('team-outcome-total-count').textContent()).toBe('1');
    expect(await agreement.getByTestId('team-outcome-total-amount').textContent()).toBe('150,000元');
    const contacts = totals.locator('[data-testid=team-outcome-total][data-kind=contact]');
    expect(await contacts.getByTestId('team-outcome-total-count').textContent()).toBe('12');
    expect(await contacts.getByTestId('team-outcome-total-amount').count()).toBe(0);

    const rows = page.getByTestId('team-outcomes-table').locator('tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    // The row names the activity's kind; the total above is the agreement however it came.
    const signed = rows.filter({ hasText: '签约合作' });
    expect(await signed.textContent()).toContain('150,000元');
    expect(await signed.textContent()).toContain('签订电池回收拆解技术合作协议');
    const contact = rows.filter({ hasText: '对接洽谈' });
    expect(await contact.getByTestId('team-outcome-count').textContent()).toBe('12');
    // Held on the session's day, through the session it was the record of.
    expect(await contact.getByTestId('team-outcome-date').textContent()).toBe(held!.due_on);
    expect(await contact.getByTestId('team-outcome-session').textContent()).toBe(
      `微沙龙（计划 ${held!.due_on}）`,
    );
    const from = contact.getByTestId('team-outcome-from');
    expect(await from.textContent()).toBe(`${held!.code} ${FIRST_SALON}`);
    await from.click();
    await page.waitForURL(new RegExp(`/activities/${held!.id}$`));
    await expect.poll(() => page.getByTestId('activity-title').textContent()).toContain(FIRST_SALON);
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

    it("opens the team's outcomes as cards that fit the phone, each source a thumb's target", async () => {
      const { baseUrl, platform } = run;
      const { page } = phone;
      const [team] = await platform.database.rows<{ id: string }>(
        sql`select id from teams where name = ${TEAM}`,
      );
      // The salon's two outcomes recorded above, seen by a member of the team.
      await phone.context.clearCookies();
      await signIn(page, baseUrl, 'expert');
      await page.goto(`${baseUrl}/teams/${team!.id}?tab=outcomes`);
      const table = page.getByTestId('team-outcomes-table');
      await expect.poll(() => table.getAttribute('data-layout')).toBe('cards');
      await expect.poll(() => table.getByTestId('list-card').count()).toBe(2);
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalOverflow(page);
      await expectTouchTarget(table.getByTestId('team-outcome-from').first());
    });
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  browserFilmingQr,
  browserRunForTests,
  drawerOf,
  inputOf,
  modalOf,
  signIn,
  signOut,
} from './support.ts';

const TITLE = '南太湖新材料企业专家一对一对接会';
const ENTERPRISE = '德清绿源新材料有限公司';
/** A 1×1 white PNG: a picture with no code in it. */
const BLANK_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=';

/** Types a value into a date (or time) picker as a person would, and confirms it with Enter. */
async function typeInPicker(picker: Locator, text: string) {
  const input = inputOf(picker);
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

/** Picks the option of an open select list that contains `text`. */
async function chooseOption(page: Page, select: Locator, text: string) {
  await select.click();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text });
  await option.first().click();
  // Chosen only once the select shows it (a click while another dropdown was still closing got lost).
  await expect.poll(() => select.textContent()).toContain(text);
}

const statusOf = (page: Page) => page.getByTestId('activity-status').first().textContent();

describe('a matchmaking meeting from setting up to the door (browser)', () => {
  const run = browserRunForTests();

  it('the operator sets it up, the enterprise registers, both sides meet at table 1, the enterprise checks in once', async () => {
    const { page, baseUrl } = run;

    // 新建活动: a matchmaking meeting with its 1:1 grid; the form says what is missing, in Chinese.
    await signIn(page, baseUrl, 'operator');
    await page.locator('.ant-menu').first().getByText('活动', { exact: true }).click();
    await page.waitForURL(/\/activities$/);
    await expect
      .poll(() => page.getByTestId('activities-table').textContent())
      .toContain('南太湖新材料产学研对接会');
    // 活动台账: what the list shows, as Excel.
    const [ledger] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('activities-export-xlsx').click(),
    ]);
    expect(ledger.suggestedFilename()).toMatch(/^活动台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await page.getByTestId('activity-create').click();
    const form = drawerOf(page, '新建活动');
    await form.getByTestId('activity-save').click();
    await expect
      .poll(() => form.locator('.ant-form-item-explain-error').allTextContents())
      .toEqual(['请输入活动名称', '请选择开始时间', '请选择结束时间']);
    await form.getByTestId('activity-title-input').fill(TITLE);
    await typeInPicker(form.getByTestId('activity-starts'), '2026-04-16 09:00');
    await typeInPicker(form.getByTestId('activity-ends'), '2026-04-16 08:00');
    await form.getByTestId('activity-save').click();
    await expect
      .poll(() => form.locator('.ant-form-item-explain-error').allTextContents())
      .toEqual(['结束时间须晚于开始时间']);
    await typeInPicker(form.getByTestId('activity-ends'), '2026-04-16 12:00');
    await form.getByTestId('activity-place').fill('湖州市南太湖科技创新中心 2 号洽谈厅');
    await inputOf(form.getByTestId('activity-capacity')).fill('50');
    await typeInPicker(form.getByTestId('grid-first-slot'), '09:30');
    await inputOf(form.getByTestId('grid-slot-minutes')).fill('30');
    await inputOf(form.getByTestId('grid-slots')).fill('4');
    await inputOf(form.getByTestId('grid-tables')).fill('3');
    await expect
      .poll(() => form.getByTestId('grid-summary').textContent())
      .toBe('09:30–11:30，共 4 个时段，每场 30 分钟，3 张洽谈桌，最多可安排 12 场洽谈');
    await form.getByTestId('activity-save').click();
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    const activityUrl = page.url();
    await expect.poll(() => page.getByTestId('activity-title').textContent()).toBe(TITLE);
    expect(await statusOf(page)).toBe('筹备中');
    const about = page.getByTestId('activity-descriptions');
    expect(await about.textContent()).toContain('2026-04-16 09:00–12:00');
    expect(await about.textContent()).toContain('09:30 起，4 个时段 × 30 分钟，3 张洽谈桌');

    // Someone else changes it while the form is open: the stale version is refused and the page reloads it.
    await page.getByTestId('activity-edit').click();
    const edit = drawerOf(page, `编辑活动：${TITLE}`);
    await edit.getByTestId('activity-place').waitFor();
    const other = await run.platform.signIn('operator');
    const id = activityUrl.split('/').pop()!;
    const current = (await other.get(`/api/activities/${id}`)).body;
    const changed = await other.put(`/api/activities/${id}`, {
      title: current.title,
      startsAt: current.startsAt,
      endsAt: current.endsAt,
      place: current.place,
      regionCode: current.regionCode,
      organisers: [...current.organisers, '湖州市科技局'],
      capacity: current.capacity,
      needsApproval: current.needsApproval,
      details: current.details,
      featured: [],
      version: current.version,
    });
    expect(changed.status).toBe(200);
    await edit.getByTestId('activity-place').fill('湖州市南太湖科技创新中心 3 号洽谈厅');
    await edit.getByTestId('activity-save').click();
    await expect
      .poll(() => edit.getByTestId('activity-form-error').textContent())
      .toContain('记录已被他人修改');
    await edit.getByRole('button', { name: '重新加载' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => about.textContent()).toContain('湖州市科技局');
    expect(await about.textContent()).toContain('2 号洽谈厅');

    // 发布报名.
    await page.getByTestId('activity-action-publish').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect.poll(() => statusOf(page)).toBe('报名中');
    await signOut(page);

    // 报名: the enterprise account registers its enterprise and gets its check-in QR code.
    await signIn(page, baseUrl, 'enterprise');
    await page.locator('.ant-menu').first().getByText('活动', { exact: true }).click();
    await page.getByTestId('activities-table').getByRole('link', { name: TITLE }).click();
    await page.waitForURL(activityUrl);
    const card = page.getByTestId('registration-card');
    await expect.poll(() => card.getByTestId('register-role').textContent()).toContain(ENTERPRISE);
    await card.getByTestId('register-submit').click();
    const mine = card.getByTestId('my-registration');
    await expect.poll(() => mine.getByTestId('registration-status').textContent()).toBe('报名成功');
    expect(await mine.textContent()).toContain(ENTERPRISE);
    const code = (await mine.getByTestId('checkin-code').textContent()) ?? '';
    expect(code).toMatch(/^HD1\./);
    // The QR image loads (the enterprise's own registration).
    await expect
      .poll(() =>
        mine.locator('[data-testid=checkin-qr] img').evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBeGreaterThan(0);
    expect(await page.getByTestId('my-meetings').textContent()).toContain('暂无洽谈安排');
    // The same QR as a picture file, as a desk would get a photo of the attendee's phone.
    const qrSrc = (await mine.locator('[data-testid=checkin-qr] img').getAttribute('src')) ?? '';
    const qrImage = await page.context().request.get(new URL(qrSrc, baseUrl).toString());
    expect(qrImage.headers()['content-type']).toBe('image/png');
    const qrFile = join(mkdtempSync(join(tmpdir(), 'caiqiao-qr-')), '签到码.png');
    writeFileSync(qrFile, await qrImage.body());
    await signOut(page);

    // The operator registers the expert 陈志远 (ZJ-0001: the demo has namesakes) through the expert search,
    // and arranges a meeting between them.
    await signIn(page, baseUrl, 'operator');
    await page.goto(activityUrl);
    await page.getByTestId('registration-add').click();
    const add = modalOf(page, '添加报名');
    const expertSelect = add.getByTestId('registration-expert');
    await expertSelect.click();
    await expertSelect.locator('input').fill('陈志远');
    const option = page.getByTestId('expert-option').filter({ visible: true }).filter({ hasText: 'ZJ-0001' });
    await expect.poll(() => option.count()).toBe(1);
    await option.click();
    await add.getByTestId('registration-invited').check();
    await add.getByTestId('registration-add-submit').click();
    await add.waitFor({ state: 'detached' });
    const registrations = page.getByTestId('registrations-table');
    const expertRow = registrations.locator('tr', { hasText: '陈志远' });
    await expect.poll(() => expertRow.textContent()).toContain('报名成功');
    expect(await expertRow.textContent()).toContain('邀请');
    expect(await registrations.locator('tr', { hasText: ENTERPRISE }).textContent()).toContain('本人报名');

    await page.getByRole('tab', { name: '一对一洽谈' }).click();
    await page.getByTestId('meeting-new').click();
    const arrange = modalOf(page, '安排洽谈');
    await chooseOption(page, arrange.getByTestId('meeting-new-enterprise'), ENTERPRISE);
    await chooseOption(page, arrange.getByTestId('meeting-new-expert'), '陈志远');
    await arrange.getByTestId('meeting-new-submit').click();
    await arrange.waitFor({ state: 'detached' });
    const meeting = page.getByTestId('meetings-table').locator('tr', { hasText: ENTERPRISE });
    await expect.poll(() => meeting.textContent()).toContain('待确认');
    expect(await meeting.textContent()).toContain('组织方安排');
    expect(await meeting.textContent()).toContain('企业待确认');
    await signOut(page);

    // The enterprise accepts on its side.
    await signIn(page, baseUrl, 'enterprise');
    await page.goto(activityUrl);
    const mineMeeting = page.getByTestId('my-meeting');
    await expect.poll(() => mineMeeting.textContent()).toContain('与 陈志远 洽谈');
    await mineMeeting.getByTestId('meeting-accept').click();
    await expect.poll(() => mineMeeting.textContent()).toContain('您已确认，等待对方确认');
    await signOut(page);

    // The operator accepts for the expert and lays the timetable out: table 1, the first slot.
    await signIn(page, baseUrl, 'operator');
    await page.goto(`${activityUrl}?tab=meetings`);
    await expect.poll(() => meeting.textContent()).toContain('企业已确认');
    await meeting.getByTestId('meeting-accept').click();
    await expect.poll(() => meeting.getByTestId('meeting-status').textContent()).toBe('已确认');
    await page.getByTestId('meeting-arrange').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    const first = page.getByTestId('grid-1-1');
    await expect.poll(() => first.textContent()).toContain(ENTERPRISE);
    expect(await first.textContent()).toContain('陈志远');
    expect(await meeting.textContent()).toContain('09:30–10:00 · 1 号桌');

    // 签到: the enterprise's code (as a scanner types it, then Enter): 签到成功, then 已签到, counted once.
    await page.getByRole('tab', { name: '签到' }).click();
    const input = inputOf(page.getByTestId('checkin-input'));
    await input.fill(code);
    await input.press('Enter');
    const result = page.getByTestId('checkin-result');
    await expect.poll(() => result.getByTestId('checkin-result-title').textContent()).toBe('签到成功');
    expect(await result.getAttribute('data-kind')).toBe('success');
    expect(await result.getByTestId('checkin-result-name').textContent()).toBe(ENTERPRISE);
    await expect
      .poll(() => page.getByTestId('checkin-count').textContent())
      .toMatch(/已签到 \/ 报名成功1\s*\/ 2/);
    expect(await input.inputValue()).toBe('');
    await input.fill(code);
    await input.press('Enter');
    await expect.poll(() => result.getByTestId('checkin-result-title').textContent()).toBe('已签到');
    expect(await result.getAttribute('data-kind')).toBe('again');
    expect(await result.textContent()).toContain('本次不重复计数');
    // A code that is not the platform's: red, with the reason.
    await input.fill('HD1.not-a-real-code-0000');
    await input.press('Enter');
    await expect.poll(() => result.getAttribute('data-kind')).toBe('error');
    expect(await result.textContent()).toContain('签到码无效');
    expect(await page.getByTestId('checkin-count').textContent()).toMatch(/1\s*\/ 2/);
    // Without a scanner: a photo of the code is read in the browser (已签到: the same enterprise);
    // a picture without a code says so.
    await page.getByTestId('checkin-image').locator('input[type=file]').setInputFiles(qrFile);
    await expect.poll(() => result.getAttribute('data-kind')).toBe('again');
    expect(await result.getByTestId('checkin-result-name').textContent()).toBe(ENTERPRISE);
    await page
      .getByTestId('checkin-image')
      .locator('input[type=file]')
      .setInputFiles({ name: 'blank.png', mimeType: 'image/png', buffer: Buffer.from(BLANK_PNG, 'base64') });
    await expect.poll(() => result.getAttribute('data-kind')).toBe('error');
    expect(await result.textContent()).toContain('图片中没有找到二维码');
    expect(await page.getByTestId('checkin-count').textContent()).toMatch(/1\s*\/ 2/);
    await expect.poll(() => page.getByTestId('activity-counts').textContent()).toMatch(/已签到1/);
    await signOut(page);

    // The enterprise sees its time and table, and that it has checked in.
    await signIn(page, baseUrl, 'enterprise');
    await page.goto(activityUrl);
    await expect.poll(() => page.getByTestId('my-meeting-place').textContent()).toBe('09:30–10:00 · 1 号桌');
    expect(await page.getByTestId('my-checked-in').textContent()).toContain('已于 2026-03-02 09:00 签到');
    await signOut(page);

    // A desk without a scanner: the operator's camera films 陈志远's phone, and he is checked in.
    const activityId = new URL(activityUrl).pathname.split('/').pop()!;
    const his = (await (await run.platform.signIn('expert')).get(`/api/activities/${activityId}`)).body;
    const camera = await browserFilmingQr(his.mine[0].checkInCode);
    try {
      const desk = camera.page;
      await signIn(desk, baseUrl, 'operator');
      await desk.goto(activityUrl);
      await desk.getByRole('tab', { name: '签到' }).click();
      await desk.getByTestId('checkin-camera').click();
      const seen = desk.getByTestId('checkin-result');
      await expect.poll(() => seen.getAttribute('data-kind'), { timeout: 15_000 }).toBe('success');
      expect(await seen.getByTestId('checkin-result-name').textContent()).toBe('陈志远');
      await expect.poll(() => desk.getByTestId('checkin-count').textContent()).toMatch(/2\s*\/ 2/);
    } finally {
      await camera.close();
    }
  });
});

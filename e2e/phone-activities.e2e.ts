import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activity } from '../test/support/factories.ts';
import {
  browserContextWith,
  browserRunForTests,
  expectNoHorizontalOverflow,
  expectTouchTarget,
  inputOf,
  PHONE,
  signIn,
  signOut,
} from './support.ts';

const TITLE = '南太湖人才政策宣讲会';
/** A description long enough that the activity's details fill more than a phone's screen. */
const DESCRIPTION = Array.from(
  { length: 12 },
  (_, i) => `第${i + 1}部分：人才新政解读、项目申报要点与现场答疑，请携带单位介绍材料提前十分钟入场。`,
).join('\n');

/** Where an element is on the screen (CSS pixels, from the top of the viewport). */
async function boxOf(page: Page, testId: string) {
  const box = await page.getByTestId(testId).first().boundingBox();
  expect(box, `${testId} is on the page`).not.toBeNull();
  return box!;
}

describe('checking in with a phone, 390×844 (browser)', () => {
  const run = browserRunForTests();
  let phone: Awaited<ReturnType<typeof browserContextWith>>;
  beforeAll(async () => {
    phone = await browserContextWith(PHONE);
  });
  afterAll(() => phone?.close());

  it('an expert registers and finds the QR code and 签到码 on the first screen; the desk types the code in on a phone', async () => {
    const { page } = phone;
    const { baseUrl } = run;
    const operator = await run.platform.signIn('operator');
    const forum = await activity(operator, {
      kind: 'forum',
      title: TITLE,
      startsAt: '2026-03-20T09:00:00+08:00',
      endsAt: '2026-03-20T17:00:00+08:00',
      description: DESCRIPTION,
      organisers: ['湖州市人才办', '南太湖新区人才服务中心'],
    });
    const url = `${baseUrl}/activities/${forum.id}`;

    // The expert registers on the phone: below the activity's details before, the QR code first after.
    await signIn(page, baseUrl, 'expert');
    await page.goto(url);
    const card = page.getByTestId('registration-card');
    await card.getByTestId('register-submit').waitFor();
    expect((await boxOf(page, 'registration-card')).y).toBeGreaterThan(
      (await boxOf(page, 'activity-title')).y,
    );
    await expectNoHorizontalOverflow(page);
    await card.getByTestId('register-submit').tap();
    const mine = card.getByTestId('my-registration');
    await expect.poll(() => mine.getByTestId('registration-status').textContent()).toBe('报名成功');

    /** The registration card as the phone shows it on opening the page: first, whole, the QR large. */
    const expectPassOnFirstScreen = async () => {
      const qr = page.getByTestId('checkin-qr').locator('img');
      await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const image = (await qr.boundingBox())!;
      expect(image.width).toBeGreaterThanOrEqual(240);
      expect(image.y).toBeGreaterThanOrEqual(0);
      const whole = await boxOf(page, 'registration-card');
      expect(whole.y + whole.height, 'the registration card ends on the first screen').toBeLessThanOrEqual(
        844,
      );
      expect(whole.y).toBeLessThan((await boxOf(page, 'activity-title')).y);
      await expectNoHorizontalOverflow(page);
    };
    await expectPassOnFirstScreen();
    const shown = (await mine.getByTestId('checkin-short-code').textContent()) ?? '';
    expect(shown).toMatch(/^[2-9A-Z]{3,4}-[2-9A-Z]{3,4}$/);
    const code = shown.replace('-', '');
    expect(code.length).toBeGreaterThanOrEqual(6);
    expect(code.length).toBeLessThanOrEqual(8);
    expect(await mine.getByTestId('checkin-short-code-hint').textContent()).toBe(
      '无法扫码时，向签到人员出示此签到码',
    );
    await expectTouchTarget(mine.getByTestId('my-registration-cancel'));
    // Opened again at the door: the same.
    await page.reload();
    await mine.getByTestId('checkin-short-code').waitFor();
    await expectPassOnFirstScreen();
    expect(await mine.getByTestId('checkin-short-code').textContent()).toBe(shown);
    await signOut(page);

    // The organiser's desk on a phone: one column, nothing sideways, the code typed in lower case.
    await signIn(page, baseUrl, 'operator');
    await page.goto(`${url}?tab=checkin`);
    const input = inputOf(page.getByTestId('checkin-short-code-input'));
    await input.waitFor();
    await page.waitForLoadState('networkidle');
    await expectNoHorizontalOverflow(page);
    // Arriving at the desk, the desk is on the screen (below the sticky header), not the details above it.
    const desk = (await page.getByTestId('checkin-short').boundingBox())!;
    expect(desk.y).toBeGreaterThanOrEqual(56);
    expect(desk.y + desk.height).toBeLessThanOrEqual(844);
    // The box around the input (its icon and padding) is what a thumb taps.
    await expectTouchTarget(page.getByTestId('checkin-short').locator('.ant-input-affix-wrapper'));
    await expectTouchTarget(page.getByTestId('checkin-short-code-submit'));
    await expectTouchTarget(page.getByTestId('checkin-camera'));
    const count = page.getByTestId('checkin-count');
    // A code nobody has: said so, in Chinese, nobody counted.
    await input.tap();
    await input.pressSequentially('zzz zzz');
    await input.press('Enter');
    const result = page.getByTestId('checkin-result');
    await expect.poll(() => result.getAttribute('data-kind')).toBe('error');
    expect(await result.textContent()).toContain('签到码不存在，请核对后重试或按姓名查找');
    expect(await input.inputValue()).toBe('ZZZ ZZZ');
    await input.fill('');

    const typed = `${code.slice(0, 3)} ${code.slice(3)}`.toLowerCase();
    await input.pressSequentially(typed);
    expect(await input.inputValue()).toBe(typed.toUpperCase());
    await input.press('Enter');
    await expect.poll(() => result.getAttribute('data-kind')).toBe('success');
    expect(await result.getByTestId('checkin-result-title').textContent()).toBe('签到成功');
    expect(await result.getByTestId('checkin-result-name').textContent()).toBe('陈志远');
    expect(await input.inputValue()).toBe('');
    await expect.poll(() => count.textContent()).toMatch(/1\s*\/ 1/);
    await expectNoHorizontalOverflow(page);
    // Typed again: already in, not counted twice.
    await input.pressSequentially(typed);
    await page.getByTestId('checkin-short-code-submit').tap();
    await expect.poll(() => result.getAttribute('data-kind')).toBe('again');
    expect(await result.textContent()).toContain('本次不重复计数');
    expect(await count.textContent()).toMatch(/1\s*\/ 1/);

    // The registration list says how: checked in by 签到码, the code beside the name.
    await page.getByRole('tab', { name: '报名名单' }).click();
    const row = page.getByTestId('registrations-table').locator('tr', { hasText: '陈志远' });
    await expect.poll(() => row.textContent()).toContain('签到码');
    expect(await row.getByTestId('registration-short-code').textContent()).toBe(shown);
    expect(await row.textContent()).toContain('2026-03-02');
    await signOut(page);

    // And the expert's phone says so.
    await signIn(page, baseUrl, 'expert');
    await page.goto(url);
    await expect.poll(() => page.getByTestId('my-checked-in').textContent()).toContain('签到');
    await expectNoHorizontalOverflow(page);
  });
});

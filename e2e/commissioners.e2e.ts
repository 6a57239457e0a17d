import type { Locator, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, talentIds } from '../test/support/factories.ts';
import type { Client } from '../test/support/platform.ts';
import {
  browserContextWith,
  browserRunForTests,
  drawerOf,
  expectNoHorizontalOverflow,
  expectTouchTarget,
  inputOf,
  openMenu,
  PHONE,
  signIn,
} from './support.ts';

/** The demo enterprise's company (QY-001); the demo expert is 陈志远 (ZJ-0001). */
const ENTERPRISE = '德清绿源新材料有限公司';
const ROUND = '2026年度南太湖科技特派员选派';
const DEMAND = '陶瓷膜烧结温度均匀性控制';

/** Types a date into a picker as a person would, and confirms it with Enter. */
async function typeInPicker(picker: Locator, text: string) {
  const input = inputOf(picker);
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

/** Searches a registry picker by a record's code and picks the one option that shows it. */
async function pick(page: Page, select: Locator, optionTestId: string, code: string) {
  await select.click();
  await select.locator('input').fill(code);
  const option = page.getByTestId(optionTestId).filter({ visible: true }).filter({ hasText: code });
  await expect.poll(() => option.count()).toBe(1);
  await option.click();
}

/** The side menu's entries as the signed-in account sees them, the 科技特派员 group opened when it is there. */
async function menuEntries(page: Page): Promise<string[]> {
  const menu = page.locator('.ant-menu').first();
  await menu.locator('.ant-menu-item').first().waitFor();
  const group = menu.locator('.ant-menu-submenu', { hasText: '科技特派员' });
  if ((await group.count()) > 0) {
    const open = await group.evaluate((el) => el.classList.contains('ant-menu-submenu-open'));
    if (!open) await group.locator('.ant-menu-submenu-title').click();
    await group.locator('.ant-menu-item').first().waitFor();
  }
  return (await menu.locator('.ant-menu-item').allTextContents()).map((text) => text.trim());
}

/** The dialog open on top (the record form or a visit's record). */
const dialog = (page: Page): Locator => page.locator('.ant-modal-content').last();

/**
 * The demo expert serves the demo enterprise as its commissioner: the demo data's round when it
 * has one, else a round opened and confirmed here through the API.
 */
async function ensureDemoTerm(operator: Client, expert: Client) {
  const own = expectStatus(await expert.get('/api/standing/portfolio'), 200).body as {
    terms: { enterpriseName: string; status: string }[];
  };
  if (own.terms.some((t) => t.enterpriseName === ENTERPRISE && t.status === 'confirmed')) return;
  const talents = await talentIds(operator);
  const companies = expectStatus(await operator.get('/api/registry/enterprises?pageSize=50&q=QY-001'), 200)
    .body.items as { id: string; code: string }[];
  const enterpriseId = companies.find((c) => c.code === 'QY-001')?.id;
  const round = expectStatus(
    await operator.post('/api/standing/rounds', {
      name: '德清县科技特派员选派',
      termStart: '2026-03-02',
      termEnd: '2028-03-01',
      portfolioLimit: 5,
    }),
    201,
  ).body as { id: string };
  expectStatus(
    await operator.post(`/api/standing/rounds/${round.id}/entries`, {
      enterprises: [{ id: enterpriseId }],
      experts: [{ id: talents['ZJ-0001'] }],
    }),
    200,
  );
  const paired = expectStatus(
    await operator.put(`/api/standing/rounds/${round.id}/pairs`, {
      enterpriseId,
      talentId: talents['ZJ-0001'],
    }),
    200,
  ).body as { version: number };
  expectStatus(
    await operator.post(`/api/standing/rounds/${round.id}/confirm`, { version: paired.version }),
    200,
  );
}

describe('tech commissioners: a round from participants to terms, and a visit refined into a demand (browser)', () => {
  const run = browserRunForTests();

  it('the operator opens a round, adds enterprises and experts, proposes, confirms and sees the pairs', async () => {
    const { page, baseUrl } = run;
    await signIn(page, baseUrl, 'operator');
    await openMenu(page, '科技特派员', '选派轮次');
    await page.waitForURL(/\/standing\/rounds$/);

    await page.getByTestId('round-create').click();
    const drawer = drawerOf(page, '开启选派轮次');
    await drawer.getByTestId('round-name').fill(ROUND);
    await typeInPicker(drawer.getByTestId('round-term-start'), '2026-04-01');
    await typeInPicker(drawer.getByTestId('round-term-end'), '2028-03-31');
    await inputOf(drawer.getByTestId('round-limit')).fill('2');
    await drawer.getByTestId('round-form-save').click();
    await page.waitForURL(/\/standing\/rounds\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('round-title').textContent()).toBe(ROUND);
    expect(await page.getByTestId('round-status').first().textContent()).toBe('征集意向');
    // Nothing to propose from yet.
    expect(await page.getByTestId('round-propose').isDisabled()).toBe(true);

    // Enterprises and experts from the registry, by code; experts show their room beside the name.
    const add = page.getByTestId('round-add');
    for (const code of ['QY-002', 'QY-005', 'QY-006']) {
      await pick(page, add.getByTestId('round-add-enterprises'), 'round-add-enterprises-option', code);
    }
    for (const code of ['ZJ-0002', 'ZJ-0004']) {
      await pick(page, add.getByTestId('round-add-experts'), 'expert-option', code);
    }
    await page.keyboard.press('Escape');
    await add.getByTestId('round-add-save').click();
    const enterprises = page.getByTestId('round-enterprises').getByTestId('round-entry');
    const experts = page.getByTestId('round-experts').getByTestId('round-entry');
    await expect.poll(() => enterprises.count()).toBe(3);
    await expect.poll(() => experts.count()).toBe(2);
    expect(await experts.first().getByTestId('round-entry-room').textContent()).toContain('尚可服务 2 家');

    // The operator enters an enterprise's preference for one of the experts.
    await enterprises
      .filter({ hasText: '长兴锂能电池科技有限公司' })
      .getByTestId('round-entry-preferences')
      .click();
    const prefs = page.getByTestId('round-preferences-modal');
    await prefs.getByTestId('round-preferences').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    // Away from the list (Escape would close the dialog too).
    await prefs.locator('.ant-modal-title').click();
    await prefs.getByTestId('round-preferences-save').click();
    await prefs.waitFor({ state: 'detached' });
    await expect
      .poll(() => enterprises.filter({ hasText: '长兴锂能' }).getByTestId('round-entry-prefs').textContent())
      .toContain('1. ');

    await page.getByTestId('round-propose').click();
    await expect.poll(() => page.getByTestId('round-status').first().textContent()).toBe('已生成建议');
    const pairs = page.getByTestId('round-pairs');
    // Every enterprise is paired or listed as left over with why.
    const paired = () => pairs.getByTestId('round-pair').count();
    const left = () => pairs.getByTestId('round-left').count();
    await expect.poll(async () => (await paired()) + (await left())).toBe(3);
    if ((await paired()) > 0) {
      expect(await pairs.getByTestId('round-pair-score').first().textContent()).toMatch(/^匹配度 \d+/);
    }
    // A left-over enterprise is paired by hand with an expert who has room. The server may
    // still refuse one (it already serves the enterprise, another round holds its term): then,
    // as an operator would on reading why, the next expert with room is tried.
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    /** Opens the row's list and picks its n-th expert with room: the server's answer, or null if there is none. */
    const pickRoomy = async (row: Locator, n: number) => {
      // The last pick's list may still be closing: its options would take this click.
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      await row.getByTestId('round-pair-select').click();
      await expect.poll(() => options.count()).toBeGreaterThan(0);
      const roomy = (await options.allTextContents()).filter((text) => !text.includes('尚可 0'));
      if (n >= roomy.length) {
        await page.keyboard.press('Escape');
        return null;
      }
      const answered = page.waitForResponse(
        (r) => r.url().endsWith('/pairs') && r.request().method() !== 'GET',
      );
      await options.filter({ hasText: roomy[n] }).click();
      return answered;
    };
    while ((await left()) > 0) {
      const row = pairs.getByTestId('round-left').first();
      expect(await row.getByTestId('round-left-reason').textContent()).toMatch(
        /名额已满|没有合适的专家|未配对/,
      );
      const before = await paired();
      const refusals: string[] = [];
      let answer = await pickRoomy(row, 0);
      while (answer && !answer.ok()) {
        refusals.push(await answer.text());
        answer = await pickRoomy(row, refusals.length);
      }
      if (!answer) {
        // No expert has room: the enterprise rightly stays left over (unless some had room and refused).
        expect(refusals, 'no expert with room took the pair').toEqual([]);
        break;
      }
      await expect.poll(paired).toBe(before + 1);
    }
    expect(await paired()).toBeGreaterThan(0);

    // Confirm: the pairs become terms with their visits planned.
    await page.getByTestId('round-confirm').click();
    const confirm = page.locator('.ant-modal-confirm');
    expect(await confirm.textContent()).toContain('走访计划');
    await confirm.getByRole('button', { name: /确认选派/ }).click();
    await expect.poll(() => page.getByTestId('round-status').first().textContent()).toBe('已确认');
    expect(await page.getByTestId('round-confirmed').textContent()).toContain('走访已排入计划');
    const confirmed = await pairs.getByTestId('round-pair').allTextContents();
    expect(confirmed.length).toBeGreaterThan(0);
    for (const text of confirmed) expect(text).toContain('服务中');
    // No more changes to a confirmed round.
    expect(await page.getByTestId('round-add').count()).toBe(0);
    expect(await pairs.getByTestId('round-pair-select').count()).toBe(0);

    // The rounds list shows it confirmed.
    await page.goto(`${baseUrl}/standing/rounds`);
    const row = page.getByTestId('rounds-table').locator('tr', { hasText: ROUND });
    await expect.poll(() => row.textContent()).toContain('已确认');
  });

  it('the operator assigns a contact duty, sees its plan with the care visits and its assignee on the office view, changes and ends it', async () => {
    const { page, baseUrl } = run;
    const PARTY = '德清地理信息科技有限公司';
    await run.context.clearCookies();
    await signIn(page, baseUrl, 'operator');
    await page.goto(`${baseUrl}/standing/duties`);
    await page.getByTestId('duty-create').click();
    const drawer = drawerOf(page, '安排联系服务');
    const assignee = drawer.getByTestId('duty-assignee');
    await assignee.click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '王敏' })
      .first()
      .click();
    await expect.poll(() => assignee.textContent()).toContain('王敏');
    await drawer.getByTestId('duty-subject').getByText('企业', { exact: true }).click();
    await pick(page, drawer.getByTestId('duty-party-pick'), 'duty-party-pick-option', 'QY-006');
    expect(await drawer.getByTestId('duty-care').getAttribute('aria-checked')).toBe('true');
    await drawer.getByTestId('duty-form-save').click();
    await drawer.waitFor({ state: 'detached' });

    const row = page.getByTestId('duties-table').locator('tr', { hasText: PARTY });
    await expect.poll(() => row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('王敏');
    expect(text).toContain('每季度 1 次');
    expect(text).toContain('节日关怀');
    expect(await row.getByTestId('duty-tally').textContent()).toMatch(/^已完成 0\/\d+/);

    // Its plan: the quarter's contacts and the care visits of 5·30 and Mid-Autumn.
    await row.getByTestId('duty-plan').click();
    const plan = page.getByTestId('duty-plan-drawer');
    const occurrences = plan.getByTestId('duty-occurrence');
    await expect.poll(() => occurrences.count()).toBeGreaterThan(2);
    expect(await occurrences.filter({ hasText: '关怀走访' }).first().textContent()).toContain(
      '5·30科技工作者日',
    );
    await page.locator('.ant-drawer-close').last().click();
    await plan.waitFor({ state: 'detached' });

    // A change re-plans only what lies ahead, and says so.
    await row.getByTestId('duty-change').click();
    const change = drawerOf(page, '调整联系服务');
    expect(await change.textContent()).toContain('只重排今后未登记');
    await inputOf(change.getByTestId('duty-change-cadence-count')).fill('2');
    await change.getByTestId('duty-change-form-save').click();
    await change.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain('每季度 2 次');

    // The office view lists the duty's assignee with the month's tallies.
    await page.goto(`${baseUrl}/standing?view=assignees`);
    await expect.poll(() => page.getByTestId('standing-overview-assignees').textContent()).toContain('王敏');

    // Ended with a reason, it leaves the active list.
    await page.goto(`${baseUrl}/standing/duties`);
    await row.getByTestId('duty-end').click();
    await page.getByTestId('duty-end-reason').fill('企业已迁出本市');
    await page.getByTestId('duty-end-confirm').click();
    await expect.poll(() => row.count()).toBe(0);
  });

  describe('the demo expert on a phone, 390×844', () => {
    let phone: Awaited<ReturnType<typeof browserContextWith>>;
    beforeAll(async () => {
      phone = await browserContextWith(PHONE);
    });
    afterAll(() => phone?.close());

    it('records a visit from the portfolio with a camera photo and refines a demand the enterprise then sees as its draft', async () => {
      const { baseUrl, platform } = run;
      const { page } = phone;
      await ensureDemoTerm(await platform.signIn('operator'), await platform.signIn('expert'));

      await signIn(page, baseUrl, 'expert');
      await page.goto(`${baseUrl}/standing/portfolio`);
      const term = page.locator(`[data-testid=portfolio-term][data-enterprise="${ENTERPRISE}"]`);
      await term.waitFor();
      const count = async (id: string) =>
        (await term.getByTestId(id).count()) === 0
          ? 0
          : Number(/\d+/.exec((await term.getByTestId(id).textContent()) ?? '')?.[0] ?? 0);
      const refinedBefore = await count('portfolio-refined-count');
      const draftsBefore = await count('portfolio-refined-drafts');
      const open = term.locator(
        '[data-testid=portfolio-visit]:not([data-state=done]) [data-testid=portfolio-visit-open]',
      );
      await expect.poll(() => open.count()).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalOverflow(page);
      await expectTouchTarget(open.first());
      await open.first().tap();

      const form = dialog(page);
      await form.getByTestId('visit-summary').waitFor();
      await expect
        .poll(() => form.evaluate((el) => el.closest('.ant-modal')?.getAnimations().length))
        .toBe(0);
      // Whose visit it is, and how contact was made; the enterprise is the term's, not asked for.
      expect(await form.getByTestId('occurrence-subject').textContent()).toContain(ENTERPRISE);
      expect(await form.getByTestId('visit-enterprise').count()).toBe(0);
      expect(await form.getByTestId('visit-mode').textContent()).toContain('上门走访');
      await form.getByTestId('visit-summary').fill('走访企业陶瓷膜车间，了解烧结产线运行情况。');
      await form.getByTestId('visit-findings').fill('烧结窑温差大，膜管批次一致性差，企业希望优化温控。');
      const camera = form.locator('input[type=file][capture=environment]');
      expect(await camera.getAttribute('accept')).toBe('image/*');
      await camera.setInputFiles({
        name: '烧结窑.png',
        mimeType: 'image/png',
        buffer: await QRCode.toBuffer('烧结窑', { type: 'png', width: 120 }),
      });
      await expect.poll(() => form.getByTestId('visit-form-file').locator('img').count()).toBe(1);
      await expectNoHorizontalOverflow(page);
      for (const id of ['visit-form-camera', 'record-save']) await expectTouchTarget(form.getByTestId(id));
      await form.getByTestId('record-save').tap();

      // Saved, the dialog shows the visit with its photo, and the form that refines a demand from it.
      const record = dialog(page);
      await expect.poll(() => record.getByTestId('occurrence-visit').count()).toBe(1);
      expect(await record.getByTestId('occurrence-visit').textContent()).toContain('上门走访');
      const thumb = record.getByTestId('visit-photos').locator('img');
      await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
      await record.getByTestId('refine-title').fill(DEMAND);
      await record
        .getByTestId('refine-description')
        .fill('企业陶瓷膜烧结窑温差较大，导致膜管批次一致性差，需要窑炉温控与烧结工艺参数优化方案。');
      const keywords = record.getByTestId('refine-keywords').locator('input');
      await keywords.fill('烧结');
      await keywords.press('Enter');
      await expectNoHorizontalOverflow(page);
      await expectTouchTarget(record.getByTestId('refine-save'));
      await record.getByTestId('refine-save').tap();
      const refined = record.getByTestId('refined-demand').filter({ hasText: DEMAND });
      await expect.poll(() => refined.count()).toBe(1);
      expect(await refined.getByTestId('refined-status').textContent()).toBe('草稿 · 待企业确认');
      await record
        .getByRole('button', { name: /关\s*闭/ })
        .last()
        .tap();

      // The portfolio counts it, one more awaiting the enterprise.
      await expect.poll(() => count('portfolio-refined-count')).toBe(refinedBefore + 1);
      expect(await count('portfolio-refined-drafts')).toBe(draftsBefore + 1);
      expect(await term.getByTestId('portfolio-last-visit').textContent()).toContain('2026-03-02');

      // The enterprise finds it among its drafts.
      await page.context().clearCookies();
      await signIn(page, baseUrl, 'enterprise');
      await page.goto(`${baseUrl}/lists/demands?status=draft`);
      const draft = page.getByTestId('list-table').getByText(DEMAND);
      await expect.poll(() => draft.count()).toBeGreaterThan(0);
    });

    it('fits the portfolio on the phone: no sideways scrolling, 44 px targets', async () => {
      const { baseUrl } = run;
      const { page } = phone;
      await page.context().clearCookies();
      await signIn(page, baseUrl, 'expert');
      await page.goto(`${baseUrl}/standing/portfolio`);
      const term = page.getByTestId('portfolio-term').first();
      await term.waitFor();
      await term.getByTestId('portfolio-visit').first().waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalOverflow(page);
      await expectTouchTarget(term.getByTestId('portfolio-visits-toggle'));
      for (const button of await page.getByTestId('portfolio-visit-open').all()) {
        await expectTouchTarget(button);
      }
      // The enterprise's name opens its record for those who may read the registry; the expert reads it as text.
      expect(await term.locator('a').count()).toBe(0);
    });

    it("a commissioner's visit due on the home page names whose it is and opens the commissioner's portfolio", async () => {
      const { baseUrl } = run;
      const { page } = phone;
      await page.context().clearCookies();
      await signIn(page, baseUrl, 'expert');
      // The demo's overdue visit to the demo expert's third enterprise.
      const visit = page.getByTestId('my-session').filter({ hasText: '陈志远 →' });
      await expect.poll(() => visit.count()).toBeGreaterThan(0);
      const link = visit.first().getByTestId('occurrence-subject-link');
      expect(await link.getAttribute('href')).toMatch(/^\/standing\/portfolio\?talentId=[0-9a-f-]{36}$/);
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalOverflow(page);
      await expectTouchTarget(link);
      await link.tap();
      await page.waitForURL(/\/standing\/portfolio\?talentId=/);
      await expect.poll(() => page.getByTestId('portfolio-title').textContent()).toContain('陈志远');
      await expect.poll(() => page.getByTestId('portfolio-term').count()).toBeGreaterThan(0);
    });

    it("the enterprise states its preferences in a round on the phone: the page fits, the controls are a thumb's size", async () => {
      const { baseUrl, platform } = run;
      const { page } = phone;
      const operator = await platform.signIn('operator');
      const talents = await talentIds(operator);
      const companies = expectStatus(await operator.get('/api/registry/enterprises?pageSize=50'), 200).body
        .items as { id: string; code: string }[];
      const company = (code: string) => companies.find((c) => c.code === code)?.id;
      const round = expectStatus(
        await operator.post('/api/standing/rounds', {
          name: '2026年度德清县科技特派员意向征集',
          termStart: '2026-05-01',
          termEnd: '2028-04-30',
        }),
        201,
      ).body as { id: string };
      expectStatus(
        await operator.post(`/api/standing/rounds/${round.id}/entries`, {
          enterprises: [{ id: company('QY-001') }, { id: company('QY-004') }],
          experts: [{ id: talents['ZJ-0002'] }, { id: talents['ZJ-0004'] }],
        }),
        200,
      );

      await page.context().clearCookies();
      await signIn(page, baseUrl, 'enterprise');
      await page.goto(`${baseUrl}/standing/rounds/${round.id}`);
      const mine = page.getByTestId('round-my-preferences');
      await mine.waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalOverflow(page);
      const pickExperts = mine.getByTestId('round-preferences');
      await expectTouchTarget(pickExperts);
      await pickExperts.tap();
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
      await expectTouchTarget(option);
      const expert = ((await option.textContent()) ?? '').replace(/（.*$/, '');
      await option.tap();
      await mine.locator('.ant-card-head').tap();
      await mine.getByTestId('round-need').fill('陶瓷膜烧结窑温控优化，希望专家每月上门一次。');
      await expectNoHorizontalOverflow(page);
      const save = mine.getByTestId('round-preferences-save');
      await expectTouchTarget(save);
      await save.tap();
      // Saved: the office sees the enterprise's first choice and its need.
      await expect
        .poll(async () => {
          const view = expectStatus(await operator.get(`/api/standing/rounds/${round.id}`), 200).body as {
            enterprises: { partyId: string; need: string | null; preferences: { name: string }[] }[];
          };
          const own = view.enterprises.find((e) => e.partyId === company('QY-001'));
          return [own?.preferences[0]?.name, own?.need];
        })
        .toEqual([expert, '陶瓷膜烧结窑温控优化，希望专家每月上门一次。']);
      await expectNoHorizontalOverflow(page);
    });

    it('the operator assigns and changes a contact duty on the phone: the drawers fit, their controls are 44 px', async () => {
      const { baseUrl } = run;
      const { page } = phone;
      await page.context().clearCookies();
      await signIn(page, baseUrl, 'operator');
      await page.goto(`${baseUrl}/standing/duties`);
      const create = page.getByTestId('duty-create');
      await create.waitFor();
      await page.waitForLoadState('networkidle');
      await expectNoHorizontalOverflow(page);
      await expectTouchTarget(create);
      await create.tap();
      const drawer = drawerOf(page, '安排联系服务');
      await drawer.getByTestId('duty-form-save').waitFor();
      await expectNoHorizontalOverflow(page);
      for (const id of ['duty-assignee', 'duty-party-pick', 'duty-form-save']) {
        await expectTouchTarget(drawer.getByTestId(id));
      }
      for (const choice of await drawer.getByTestId('duty-subject').locator('label').all()) {
        await expectTouchTarget(choice);
      }
      await page.locator('.ant-drawer-close').last().tap();
      await drawer.waitFor({ state: 'detached' });

      // A duty of the demo's, its change drawer and its plan.
      const card = page.getByTestId('duties-table').getByTestId('list-card').first();
      const change = card.getByTestId('duty-change');
      await expectTouchTarget(change);
      await change.tap();
      const changing = drawerOf(page, '调整联系服务');
      await changing.getByTestId('duty-change-form-save').waitFor();
      await expectNoHorizontalOverflow(page);
      // The fields as a thumb meets them: the cadence's row, the date picker's box (its test id is on the input inside).
      for (const field of [
        changing.getByTestId('duty-change-cadence'),
        changing.locator('.ant-picker', { has: page.getByTestId('duty-change-end-on') }),
        changing.getByTestId('duty-change-form-save'),
      ]) {
        await expectTouchTarget(field);
      }
      await page.locator('.ant-drawer-close').last().tap();
      await changing.waitFor({ state: 'detached' });
      await card.getByTestId('duty-plan').tap();
      const plan = page.getByTestId('duty-plan-drawer');
      const open = plan.getByTestId('duty-occurrence-open');
      await expect.poll(() => open.count()).toBeGreaterThan(0);
      await expectNoHorizontalOverflow(page);
      await expectTouchTarget(open.first());
    });
  });

  it('the menu shows the standing pages only to the accounts that have something there; a direct link still answers', async () => {
    const { page, baseUrl } = run;
    const STANDING = ['常态化服务', '选派轮次', '特派员服务台账', '联系服务'];
    const expected: Record<string, string[]> = {
      operator: STANDING,
      expert: ['选派轮次', '特派员服务台账'],
      enterprise: ['选派轮次'],
      institution: [],
      auditor: [],
    };
    for (const [account, shown] of Object.entries(expected)) {
      await run.context.clearCookies();
      await signIn(page, baseUrl, account);
      const entries = await menuEntries(page);
      expect(entries, account).toContain('首页');
      expect(
        STANDING.filter((name) => entries.includes(name)),
        account,
      ).toEqual(shown);
      expect(await page.locator('.ant-menu-submenu', { hasText: '科技特派员' }).count(), account).toBe(
        shown.some((name) => name === '选派轮次' || name === '特派员服务台账') ? 1 : 0,
      );
    }
    // The route keeps its permission: the auditor's direct link opens the duties, with none of theirs.
    await page.goto(`${baseUrl}/standing/duties`);
    await expect
      .poll(() => page.getByTestId('duties-table').textContent())
      .toContain('您目前没有联系服务任务');
  });

  it('the office view pages the commissioners furthest behind first, finds one by name, and opens their portfolio', async () => {
    const { page, baseUrl } = run;
    await run.context.clearCookies();
    await signIn(page, baseUrl, 'operator');
    await page.goto(`${baseUrl}/standing`);
    // The tab tells how many commissioners the year has (the demo's two and the round this file confirmed).
    const api = await run.platform.signIn('operator');
    const summary = (await api.get('/api/standing/overview')).body.subjects.commission;
    expect(summary.owners).toBeGreaterThanOrEqual(2);
    const tab = page.getByTestId('standing-overview-tab-commissioners');
    await expect.poll(() => tab.textContent()).toBe(`科技特派员${summary.owners} · ${summary.fulfilment}%`);
    await tab.click();
    await page.waitForURL(/view=commissioners/);
    const table = page.getByTestId('standing-overview-commissioners');
    const names = () => table.getByTestId('standing-commissioner-link').allTextContents();
    // In the server's order (furthest behind first), each with its refined demands and those confirmed.
    const rows = (await api.get('/api/standing/overview/rows?subject=commission')).body.items as {
      name: string;
      fulfilment: number | null;
      refined: { total: number; confirmed: number };
    }[];
    await expect.poll(names).toEqual(rows.map((r) => r.name));
    expect(rows.map((r) => r.fulfilment ?? 101)).toEqual(
      rows.map((r) => r.fulfilment ?? 101).sort((a, b) => a - b),
    );
    const chen = rows.find((r) => r.name === '陈志远')!;
    expect(chen.refined.total).toBeGreaterThan(0);
    expect(await table.locator('tr', { hasText: '陈志远' }).textContent()).toContain(
      `${chen.refined.total}（${chen.refined.confirmed}）`,
    );
    // Found by name, the search kept in the URL.
    // (antd's search box puts the test id on the input itself.)
    const search = page.locator('input[data-testid=standing-overview-search]');
    await search.fill('李立');
    await search.press('Enter');
    await page.waitForURL(/oq=/);
    await expect.poll(names).toEqual(['李立新']);
    await page.goto(`${baseUrl}/standing?view=commissioners`);
    const link = table.getByTestId('standing-commissioner-link').filter({ hasText: '陈志远' });
    await expect.poll(() => link.count()).toBe(1);
    await link.click();
    await page.waitForURL(/\/standing\/portfolio\?talentId=/);
    const term = page.locator(`[data-testid=portfolio-term][data-enterprise="${ENTERPRISE}"]`);
    await term.waitFor();
    expect(await term.getByTestId('portfolio-end').count()).toBe(1);
    // The sessions below can be narrowed to the commissioners' visits, each linking to its commissioner.
    await page.goto(`${baseUrl}/standing?subject=commission&state=planned`);
    const sessions = page.getByTestId('standing-sessions').locator('tbody tr.ant-table-row');
    await expect.poll(() => sessions.count()).toBeGreaterThan(0);
    for (const text of await sessions.allTextContents()) expect(text).toContain('走访企业');
    await sessions.first().getByRole('link').first().click();
    await page.waitForURL(/\/standing\/portfolio\?talentId=/);
  });
});

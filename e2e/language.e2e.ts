import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES } from '../src/platform/access/permissions.ts';
import { AUDIT_ACTION_NAMES, AUDIT_ENTITY_NAMES } from '../src/platform/audit/names.ts';
import { chinaDateTime } from '../src/reference/china-time.ts';
import { DICTIONARY_KINDS } from '../src/reference/dictionaries/kinds.ts';
import { browserContextWith, browserRunForTests, drawerOf, signIn, signOut } from './support.ts';

/** A key as the server stores it: order.cancel, auth.login, personal.reveal, import_job. */
const KEY = /\b[a-z]+(?:[._][a-z]+)+\b/g;
/** Keys without a dot that must not show either: the code lists' and the audit log's object types. */
const BARE_KEYS = new Set<string>([...DICTIONARY_KINDS, ...Object.keys(AUDIT_ENTITY_NAMES)]);
const HAN = /\p{Script=Han}/u;
const HAS_KEY = new RegExp(KEY.source);

/** Waits until the page has its data: no request in flight and no spinner turning. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect
    .poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count(), { timeout: 15_000 })
    .toBe(0);
}

/**
 * The page's visible text and its fields' hints, less what is data rather than words of the UI: table
 * cells holding just a username (the demo's usernames are the role codes, and
 * that is what they are called), e-mail addresses and file names.
 */
async function visibleWords(page: Page): Promise<string> {
  const text = await page.evaluate(
    (usernames) => {
      const hidden: HTMLElement[] = [];
      for (const cell of document.querySelectorAll<HTMLElement>('td')) {
        if (usernames.includes(cell.textContent?.trim() ?? '')) {
          cell.style.visibility = 'hidden';
          hidden.push(cell);
        }
      }
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered, as a person sees it (hidden parts left out)
      const shown = document.body.innerText;
      // Hints in empty fields are words of the page too.
      const hints = [...document.querySelectorAll('[placeholder]')].map((el) =>
        el.getAttribute('placeholder'),
      );
      const words = [shown, ...hints].join('\n');
      for (const cell of hidden) cell.style.visibility = '';
      return words;
    },
    ROLES as readonly string[],
  );
  return text
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ')
    .replace(/\S+\.(?:xlsx|csv|docx|pdf|png|jpe?g)\b/g, ' ');
}

/** The keys a page shows where people should read names. */
function rawKeysIn(text: string): string[] {
  const dotted = text.match(KEY) ?? [];
  const bare = (text.match(/\b[a-zA-Z_]+\b/g) ?? []).filter((word) => BARE_KEYS.has(word));
  return [...new Set([...dotted, ...bare])];
}

/** The raw keys on a page once its data is in. */
async function rawKeysOn(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  await settled(page);
  return rawKeysIn(await visibleWords(page));
}

describe('one clock and one language (browser)', () => {
  const run = browserRunForTests();

  it('shows an order’s times in China time when the browser is in Los Angeles, on its page and in the drill-down', async () => {
    const { platform, baseUrl } = run;
    const operator = await platform.signIn('operator');
    const cancelled = await operator.get('/api/orders?status=cancelled&page=1&pageSize=5');
    expect(cancelled.status).toBe(200);
    const id = cancelled.body.items[0].id as string;
    const order = (await operator.get(`/api/orders/${id}`)).body;
    const createdAt = new Date(order.createdAt);
    // The demo's order was placed at 09:00 on 2 March in China: 17:00 on 1 March in Los Angeles.
    const china = chinaDateTime(createdAt);
    const losAngeles = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'America/Los_Angeles',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(createdAt);
    expect(china).not.toBe(losAngeles);

    // Later in the year, as the dashboard's drill-down test reads the demo's orders.
    platform.clock.set(new Date('2026-11-20T10:00:00+08:00'));
    const abroad = await browserContextWith({ timezoneId: 'America/Los_Angeles' });
    try {
      const { page } = abroad;
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
        'America/Los_Angeles',
      );
      await signIn(page, baseUrl, 'operator');

      await page.goto(`${baseUrl}/orders/${id}`);
      await expect
        .poll(() => page.getByTestId('order-status').first().textContent(), { timeout: 15_000 })
        .toBe('已取消');
      const detail = await page.locator('main').textContent();
      expect(detail).toContain(china);
      expect(detail).toContain(chinaDateTime(new Date(order.statusChangedAt)));
      expect(detail).not.toContain(losAngeles);

      // The dashboard's drill-down shows the same clock for the same order (this year to today).
      await page.goto(`${baseUrl}/insights?funnel=cancelled`);
      const dropped = drawerOf(page, '订单漏斗 · 已取消');
      await expect
        .poll(() => dropped.getByTestId('insights-records-total').textContent(), { timeout: 15_000 })
        .toBe('1');
      const drill = await dropped.getByTestId('insights-records-table').textContent();
      expect(drill).toContain(chinaDateTime(new Date(order.statusChangedAt)));
      expect(drill).not.toContain(losAngeles);

      // The list of orders, too.
      await page.goto(`${baseUrl}/orders`);
      await settled(page);
      expect(await page.locator('.ant-table').first().textContent()).toContain(china);
    } finally {
      await abroad.close();
    }
  });

  it('shows no raw key on the Chinese pages of the administrator, the operator and the auditor', async () => {
    const { page, baseUrl, platform } = run;
    // A record of each kind, to read its own page too.
    const operator = await platform.signIn('operator');
    const first = async (url: string) => {
      const reply = await operator.get(url);
      expect(reply.status, url).toBe(200);
      return reply.body.items[0].id as string;
    };
    const records = [
      `/orders/${await first('/api/orders?page=1&pageSize=1')}`,
      `/activities/${await first('/api/activities?page=1&pageSize=1')}`,
      `/teams/${await first('/api/teams?page=1&pageSize=1')}`,
      `/lists/demands/${await first('/api/lists/demands?page=1&pageSize=1')}`,
      `/registry/talents/${await first('/api/registry/talents?page=1&pageSize=1')}`,
      `/registry/enterprises/${await first('/api/registry/enterprises?page=1&pageSize=1')}`,
    ];
    const pages: Record<string, string[]> = {
      admin: [
        '/',
        '/users',
        '/roles',
        '/dictionaries',
        '/dictionaries?kind=industry',
        '/dictionaries?kind=title',
        '/registry/talents',
        '/orders',
        '/lists/demands',
        '/activities',
      ],
      operator: [
        '/',
        '/users',
        '/roles',
        '/orders',
        '/orders/board',
        '/lists/demands',
        '/lists/talent-demands',
        '/lists/achievements',
        '/activities',
        '/teams',
        '/notifications',
        ...records,
      ],
      auditor: ['/', '/audit', '/roles', '/users', '/orders', '/activities'],
    };
    // Every page is read before judging, so that a failure lists all the keys shown and where.
    const found: Record<string, string[]> = {};
    for (const [username, paths] of Object.entries(pages)) {
      await signIn(page, baseUrl, username);
      for (const path of paths) {
        const keys = await rawKeysOn(page, `${baseUrl}${path}`);
        if (keys.length > 0) found[`${username} ${path}`] = keys;
      }
      await signOut(page);
    }
    expect(found).toEqual({});
  });

  it('names the audit log’s actions and object types, filters by name, and has no Chinese in them in English', async () => {
    const { page, baseUrl, context, platform } = run;
    // The administrator gives the reviewer one more permission: a row kept under the role's code.
    const admin = await platform.signIn('admin');
    const granted = await admin.put('/api/roles/reviewer/permissions', {
      permissions: ['lists.read', 'activities.read', 'activities.join', 'teams.read'],
    });
    expect(granted.status).toBe(200);

    await signIn(page, baseUrl, 'auditor');
    await page.goto(`${baseUrl}/audit`);
    await settled(page);
    const roleRow = page.locator('tr.ant-table-row', {
      hasText: AUDIT_ACTION_NAMES['role.permissions.set']!.zh,
    });
    expect(await roleRow.first().textContent()).toContain('评审专家');
    await roleRow.first().locator('.ant-table-row-expand-icon').click();
    const grants = page.locator('tr.ant-table-expanded-row').first();
    await expect
      .poll(() => grants.textContent(), { timeout: 15_000 })
      .toContain(PERMISSIONS['teams.read'].name.zh);
    expect(rawKeysIn((await grants.textContent()) ?? '')).toEqual([]);
    expect(rawKeysIn(await visibleWords(page))).toEqual([]);
    await roleRow.first().locator('.ant-table-row-expand-icon').click();

    // The demo's orders were placed, dispatched and cancelled: filter by the object type's name.
    // The options scroll (only those in view are drawn): type to find it, as a person would.
    await page.getByTestId('audit-filter-entity').click();
    await page.keyboard.type('服务订单');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '服务订单' })
      .first()
      .click();
    await page.getByTestId('audit-search').click();
    await settled(page);
    const actions = await page.getByTestId('audit-action').allInnerTexts();
    expect(actions).toContain(AUDIT_ACTION_NAMES['order.cancel']!.zh);
    expect(actions).toContain(AUDIT_ACTION_NAMES['order.dispatch']!.zh);
    expect(new Set(await page.getByTestId('audit-entity').allInnerTexts())).toEqual(new Set(['服务订单']));
    expect(rawKeysIn(await visibleWords(page))).toEqual([]);
    // A change reads in names too: the cancelled order's status went from 待派单 to 已取消.
    await page
      .locator('tr.ant-table-row', { hasText: AUDIT_ACTION_NAMES['order.cancel']!.zh })
      .first()
      .locator('.ant-table-row-expand-icon')
      .click();
    const change = page.locator('tr.ant-table-expanded-row').first();
    await expect.poll(() => change.textContent(), { timeout: 15_000 }).toContain('已取消');
    const changed = (await change.textContent()) ?? '';
    expect(changed).toContain('状态');
    expect(changed).toContain('待派单');
    expect(changed).not.toMatch(/cancelled|placed|status/);

    // The same page in English: names in English, no Chinese in the action and object type columns.
    await context.addCookies([{ name: 'caiqiao_lang', value: 'en-US', url: baseUrl }]);
    try {
      await page.goto(`${baseUrl}/audit`);
      await settled(page);
      const english = [
        ...(await page.getByTestId('audit-action').allInnerTexts()),
        ...(await page.getByTestId('audit-entity').allInnerTexts()),
      ];
      expect(english.length).toBeGreaterThan(0);
      expect(english.filter((text) => HAN.test(text) || HAS_KEY.test(text))).toEqual([]);
      expect(english).toContain(AUDIT_ACTION_NAMES['auth.login']!.en);

      await page.goto(`${baseUrl}/roles`);
      await settled(page);
      const permissions = await page.getByTestId('role-permission').allInnerTexts();
      expect(permissions).toHaveLength(Object.keys(PERMISSIONS).length);
      expect(permissions.filter((text) => HAN.test(text))).toEqual([]);
      expect(permissions).toContain(PERMISSIONS['personal.reveal'].name.en);
    } finally {
      await context.clearCookies({ name: 'caiqiao_lang' });
    }
    await signOut(page);
  });
});

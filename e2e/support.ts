import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_PASSWORD, type TestPlatform, testPlatform } from '../test/support/platform.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserRun {
  platform: TestPlatform;
  baseUrl: string;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A platform listening on a free loopback port with the built web app, and a headless Chromium. */
export async function startBrowserRun(): Promise<BrowserRun> {
  // E2E_WEB_DIR lets a run use its own build (vite build --outDir …) while another rebuilds web/dist.
  const platform = await testPlatform({ config: { webDir: resolve(process.env.E2E_WEB_DIR ?? 'web/dist') } });
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const address = platform.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const profile = mkdtempSync(join(tmpdir(), 'caiqiao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 820 },
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    platform,
    baseUrl: `http://127.0.0.1:${port}`,
    context,
    page,
    async close() {
      await context.close();
      await platform.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The browser run of a test file (or describe block): started before its
 * tests, closed after them. Read its parts inside a test (`const { page,
 * baseUrl } = run`); before the start they do not exist yet.
 */
export function browserRunForTests(): BrowserRun {
  let run: BrowserRun | undefined;
  beforeAll(async () => {
    run = await startBrowserRun();
  });
  afterAll(() => run?.close());
  return new Proxy({} as BrowserRun, {
    get(_target, key) {
      if (!run) throw new Error('the browser run starts before the first test');
      return run[key as keyof BrowserRun];
    },
  });
}

/**
 * A Chromium whose camera films `text` as a QR code: Chromium's fake capture
 * device plays a Y4M file, written here as still frames (the code black on
 * white in the Y plane, neutral U and V), and the camera is granted without
 * asking.
 */
export async function browserFilmingQr(
  text: string,
): Promise<{ browser: Browser; page: Page; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'caiqiao-camera-'));
  const video = join(dir, 'qr.y4m');
  const [width, height, frames] = [640, 480, 10];
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const scale = Math.floor((Math.min(width, height) * 0.8) / (modules.size + 8));
  const side = (modules.size + 8) * scale;
  const [left, top] = [(width - side) / 2, (height - side) / 2].map(Math.floor) as [number, number];
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < modules.size * scale; y++) {
    for (let x = 0; x < modules.size * scale; x++) {
      if (modules.get(Math.floor(y / scale), Math.floor(x / scale))) {
        luma[(top + 4 * scale + y) * width + left + 4 * scale + x] = 16;
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(
    video,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`),
      ...Array.from({ length: frames }, () => frame),
    ]),
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 820 } });
  await context.grantPermissions(['camera']);
  const page = await context.newPage();
  return {
    browser,
    page,
    async close() {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login page as a person would (the demo password unless given) and waits to leave it. */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Signs out with the header's button and waits for the login page. */
export async function signOut(page: Page) {
  await page.getByTestId('logout').click();
  await page.waitForURL(/\/login/);
}

/** Opens a menu entry of a folding group (opening the group first when it is closed). */
export async function openMenu(page: Page, group: string, entry: string) {
  const submenu = page.locator('.ant-menu-submenu', { hasText: group });
  await submenu.waitFor();
  const open = await submenu.evaluate((el) => el.classList.contains('ant-menu-submenu-open'));
  if (!open) await submenu.locator('.ant-menu-submenu-title').click();
  await submenu.getByText(entry, { exact: true }).click();
}

/** The open drawer whose title contains `title`. */
export const drawerOf = (page: Page, title: string) =>
  page.locator('.ant-drawer-content', { hasText: title });

/** The open modal whose title contains `title`. */
export const modalOf = (page: Page, title: string) => page.locator('.ant-modal-content', { hasText: title });

/** The input of a field: the element itself (antd puts the test id on the input of pickers and numbers) or the one inside. */
export const inputOf = (field: Locator) => field.locator('xpath=self::input | .//input').first();

/**
 * A second browser on a run's platform, in a context of its own: another time
 * zone (`timezoneId`), language or viewport than the run's. Its own Chromium,
 * since the run's context is persistent and cannot open another.
 */
export async function browserContextWith(
  options: NonNullable<Parameters<Browser['newContext']>[0]>,
): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1366, height: 820 },
    ...options,
  });
  const page = await context.newPage();
  return { context, page, close: () => browser.close() };
}

/**
 * A phone's screen: 390×844 CSS pixels (an iPhone 12 to 15), touch, and a mobile viewport (the
 * page's meta viewport honoured). `browserContextWith(PHONE)` opens one beside a run.
 */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 3,
} as const;

/**
 * Fails when the page is wider than the screen (it would scroll sideways), naming the elements
 * that stick out. A mobile browser zooms out to fit a page that is too wide, so the screen's width
 * is the context's viewport, not window.innerWidth.
 */
export async function expectNoHorizontalOverflow(page: Page) {
  const screen = page.viewportSize()?.width ?? 0;
  const { scrollWidth, wide } = await page.evaluate((width) => {
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}` +
      `${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}`;
    const wide = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el) => `${describe(el)} (right edge at ${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scrollWidth: document.documentElement.scrollWidth, wide };
  }, screen);
  expect(
    scrollWidth,
    `${page.url()} is ${scrollWidth} px wide on a ${screen} px screen: ${wide.join('; ')}`,
  ).toBeLessThanOrEqual(screen);
}

/** Fails unless the element is at least 44×44 CSS pixels, the smallest comfortable touch target. */
export async function expectTouchTarget(target: Locator) {
  // Polled: inside a dialog or drawer still zooming in (an animation that may not have started when
  // the caller looked) a target measures smaller than it will be.
  const size = async () => {
    const box = await target.boundingBox();
    return box ? { width: Math.round(box.width), height: Math.round(box.height) } : null;
  };
  await expect.poll(size, { message: 'the touch target is on the page' }).not.toBeNull();
  await expect.poll(async () => (await size())?.width ?? 0).toBeGreaterThanOrEqual(44);
  await expect.poll(async () => (await size())?.height ?? 0).toBeGreaterThanOrEqual(44);
}

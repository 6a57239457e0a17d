
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { plainXlsx } from '../test/support/sheets.ts';
import { BENCH_PASSWORD, demoPlatform, percentile } from './support.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const HEADERS = ['编号', '姓名', '所在地区', '职称', '学科领域', '手机'];
const REGIONS = ['德清县', '长兴县', '安吉县', '浙江省湖州市吴兴区', '南浔区'];
const TITLES = ['教授', '副教授', '研究员', '高级工程师'];

function rows(n: number, prefix: string): string[][] {
  return Array.from({ length: n }, (_, i) => [
    `${prefix}-${i}`,
    `专家${i}`,
    REGIONS[i % REGIONS.length]!,
    TITLES[i % TITLES.length]!,
    '复合材料；机械工程',
    `139${String(i).padStart(8, '0')}`,
  ]);
}

function csv(data: string[][]): Buffer {
  return Buffer.from(`\uFEFF${[HEADERS, ...data].map((r) => r.join(',')).join('\r\n')}\r\n`);
}

/** A multipart/form-data body with one file, as a browser sends it. */
function multipart(fileName: string, data: Buffer) {
  const boundary = `----bench${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

const { platform, close } = await demoPlatform();
try {
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'operator', password: BENCH_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };

  const files: [string, Buffer][] = [
    [`${ROWS.toLocaleString('en')} rows, csv`, csv(rows(ROWS, 'C'))],
    [`${ROWS.toLocaleString('en')} rows, xlsx`, plainXlsx(HEADERS, rows(ROWS, 'X'))],
  ];
  for (const [label, data] of files) {
    const fileName = label.endsWith('csv') ? 'bench.csv' : 'bench.xlsx';
    globalThis.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 25);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const upload = multipart(fileName, data);
    const started = performance.now();
    let finished = 0;
    const preview = fetch(`${base}/api/imports/talents`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': upload.type },
      body: upload.body,
    }).then(async (res) => {
      finished = performance.now();
      return { status: res.status, body: (await res.json()) as { total?: number; error?: unknown } };
    });
    const health: number[] = [];
    while (!finished) {
      const t = performance.now();
      await (await fetch(`${base}/healthz`)).text();
      if (!finished) health.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    const res = await preview;
    loop.disable();
    clearInterval(sampler);
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 200));
    health.sort((a, b) => a - b);
    console.log(
      `preview ${label} (${mb(data.length)}): ${((finished - started) / 1000).toFixed(1)} s, ${res.status} total ${res.body.total}; ` +
        `/healthz meanwhile ${health.length}×, p50 ${percentile(health, 50).toFixed(0)} ms, p99 ${percentile(health, 99).toFixed(0)} ms, max ${health.at(-1)?.toFixed(0)} ms; ` +
        `event loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms; ` +
        `RSS ${mb(rssBefore)} → peak ${mb(peak)} → after ${mb(process.memoryUsage().rss)}`,
    );
  }

  const millionRows = Array.from({ length: 1_000_000 }, (_, i) => [`M${i}`, `人${i % 10}`]);
  for (const [fileName, data] of [
    ['million.csv', csv(millionRows)],
    ['million.xlsx', plainXlsx(['编号', '姓名'], millionRows)],
  ] as const) {
    const body = multipart(fileName, data);
    globalThis.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 25);
    const started = performance.now();
    const refused = await fetch(`${base}/api/imports/talents`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': body.type },
      body: body.body,
    });
    const answer = (await refused.json()) as { error?: { code: string } };
    clearInterval(sampler);
    console.log(
      `1,000,000 rows, ${fileName.split('.')[1]} (${mb(data.length)}): ${refused.status} ${answer.error?.code} after ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s; RSS ${mb(rssBefore)} → peak ${mb(peak)}`,
    );
  }
} finally {
  await close();
}

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestPlatform, testPlatform, upload } from '../../../test/support/platform.ts';
import { xlsx } from '../../../test/support/sheets.ts';
import { tokenize } from '../../platform/text/analyzer.ts';
import { LEVEL_FLOORS } from './constants.ts';

interface Result {
  id: string;
  code: string;
  name: string;
  score: number;
  level: 'high' | 'medium' | 'low';
  summary: { subtitle: string | null; tags: string[] };
  reasons: { factor: string; label: string; value: number; terms?: string[] }[];
}

describe('matching over the demo city', () => {
  let p: TestPlatform;
  let operator: Client;
  let expert: Client;
  let demandId: string;
  beforeAll(async () => {
    p = await testPlatform({ demo: true });
    operator = await p.signIn('operator');
    expert = await p.signIn('expert');
    const demands = await operator.get('/api/lists/demands?q=XQ-2026-001');
    demandId = demands.body.items[0].id;
  });
  afterAll(() => p.close());

  it('suggests experts for a demand, best first, with reasons that name real shared terms', async () => {
    const res = await operator.get(
      `/api/matching/suggestions?from=demands&id=${demandId}&against=experts&top=5`,
    );
    expect(res.status).toBe(200);
    const items: Result[] = res.body.items;
    expect(items.length).toBe(5);
    for (let i = 1; i < items.length; i++)
      expect(items[i - 1]!.score).toBeGreaterThanOrEqual(items[i]!.score);
    // The composites experts (研究方向 高性能复合材料 …) come first.
    const top = await operator.get(`/api/registry/talents/${items[0]!.id}`);
    expect(top.body.researchInterests).toContain('复合材料');
    const demand = await operator.get(`/api/lists/demands/${demandId}`);
    const demandTokens = new Set(
      tokenize(
        [
          demand.body.title,
          demand.body.description,
          ...demand.body.keywords,
          ...[...demand.body.disciplines, ...demand.body.industries].map((d: { name: string }) => d.name),
        ].join(' '),
      ),
    );
    const expertTokens = new Set(
      tokenize(
        [
          top.body.researchInterests,
          top.body.representativeWork,
          ...[...top.body.disciplines, ...top.body.industries].map((d: { name: string }) => d.name),
        ].join(' '),
      ),
    );
    const text = items[0]!.reasons.find((r) => r.factor === 'text')!;
    expect(text.terms!.length).toBeGreaterThan(0);
    // Each term is a word both share, or one of the demand's keywords as written, every word of which both share.
    for (const term of text.terms!) {
      const words = demand.body.keywords.includes(term) ? tokenize(term) : [term];
      for (const word of words) {
        expect(demandTokens.has(word), `${term}: ${word}`).toBe(true);
        expect(expertTokens.has(word), `${term}: ${word}`).toBe(true);
      }
    }
    // The demand's own keywords come first.
    expect(demand.body.keywords).toContain(text.terms![0]);
    expect(text.label).toMatch(/^共同关键词：/);
    expect(items[0]!.level).toBe('high');
    expect(items[0]!.score).toBeLessThanOrEqual(100);
    expect(items[0]!.reasons.map((r) => r.factor)).toContain('region');
  });

  it('suggests achievements and institutions for a demand, and demands for an achievement', async () => {
    const achievements = await operator.get(
      `/api/matching/suggestions?from=demands&id=${demandId}&against=achievements&top=3`,
    );
    expect(achievements.body.items[0].code).toBe('CG-2026-001');
    const institutions = await operator.get(
      `/api/matching/suggestions?from=demands&id=${demandId}&against=institutions&top=3`,
    );
    const first: Result = institutions.body.items[0];
    expect(first.reasons.find((r) => r.factor === 'members')?.label).toMatch(/^本单位相关专家：/);
    const back = await operator.get(
      `/api/matching/suggestions?from=achievements&id=${achievements.body.items[0].id}&against=demands&top=3`,
    );
    expect(back.body.items[0].id).toBe(demandId);
  });

  it('leaves out suggestions below the lowest level, and says how many and what would find better ones', async () => {
    // The demo expert works on composites: one open demand fits; the others share little with the profile.
    const mine = await expert.get('/api/matching/mine?against=demands&top=5');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((r: Result) => r.code)).toEqual(['XQ-2026-001']);
    expect(mine.body.items[0].level).toBe('high');
    expect(mine.body.hidden).toBeGreaterThan(0);
    expect(mine.body.items.length + mine.body.hidden).toBeLessThanOrEqual(5);
    expect(mine.body.advice).toMatch(/完善您的研究方向/);
    const english = await expert.request('GET', '/api/matching/mine?against=demands&top=5', undefined, {
      'accept-language': 'en-US',
    });
    expect(english.body.advice).toMatch(/research interests/);
    // A demand's own suggestions: what is shown has a level and at least the lowest floor; the advice is
    // about the demand's keywords and description.
    const achievements = await operator.get(
      `/api/matching/suggestions?from=demands&id=${demandId}&against=achievements&top=5`,
    );
    expect(achievements.body.hidden).toBeGreaterThan(0);
    expect(achievements.body.advice).toMatch(/补充关键词/);
    for (const r of achievements.body.items as Result[]) {
      expect(['high', 'medium', 'low']).toContain(r.level);
      expect(r.score).toBeGreaterThanOrEqual(LEVEL_FLOORS.low);
      expect(r.score).toBeLessThan(100);
      expect(r.reasons.map((x) => x.label)).not.toContain('文本相关');
    }
  });

  it('follows changes at once: an edited expert moves, a closed demand leaves the suggestions', async () => {
    const battery = await operator.get(
      `/api/matching/suggestions?from=demands&id=${demandId}&against=experts&top=36`,
    );
    const last: Result = battery.body.items.at(-1);
    const before = await operator.get(`/api/registry/talents/${last.id}`);
    await operator.patch(`/api/registry/talents/${last.id}`, {
      researchInterests: '碳纤维复合材料胶接；复合材料与铝合金混合连接；轻量化失效分析',
      version: before.body.version,
    });
    const after = await operator.get(
      `/api/matching/suggestions?from=demands&id=${demandId}&against=experts&top=3`,
    );
    expect(after.body.items.map((r: Result) => r.id)).toContain(last.id);

    const mine = await expert.get('/api/matching/mine?against=demands&top=5');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((r: Result) => r.id)).toContain(demandId);
    const demand = await operator.get(`/api/lists/demands/${demandId}`);
    await operator.post(`/api/lists/demands/${demandId}/transition`, {
      action: 'close',
      version: demand.body.version,
    });
    const later = await expert.get('/api/matching/mine?against=demands&top=5');
    expect(later.body.items.map((r: Result) => r.id)).not.toContain(demandId);
  });

  it('answers free text of any shape, and folds traditional characters', async () => {
    const simplified = await operator.post('/api/matching/search', {
      text: '碳纤维复合材料',
      against: 'experts',
      top: 5,
    });
    const traditional = await operator.post('/api/matching/search', {
      text: '碳纖維複合材料',
      against: 'experts',
      top: 5,
    });
    expect(simplified.body.items.length).toBeGreaterThan(0);
    expect(traditional.body.items.map((r: Result) => r.id)).toEqual(
      simplified.body.items.map((r: Result) => r.id),
    );
    for (const text of [
      '',
      '，。！？……',
      '🚀🚀🔥',
      'AI+5G 工业互联网 PLC控制 2026年',
      '竹'.repeat(1_000_000),
    ]) {
      const res = await operator.post('/api/matching/search', { text, against: 'demands', top: 5 });
      expect(res.status, text.slice(0, 20)).toBe(200);
      expect(Array.isArray(res.body.items)).toBe(true);
    }
  });

  it('turns the demand sheet of a matchmaking meeting into an Excel of pairs with reasons', async () => {
    const sheet = await xlsx(
      ['编号', '需求名称', '需求描述'],
      [
        ['M-1', '竹家具防霉处理', '梅雨季竹制品霉变，需要绿色防霉工艺'],
        ['M-2', '伺服电机无传感器控制', '低速稳定运行的永磁同步电机控制算法'],
      ],
    );
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/matching/batch?against=achievements&top=2',
      headers: {
        cookie: operator.cookie!,
        'x-csrf-token': operator.csrfToken!,
        'content-type': 'multipart/form-data; boundary=----b',
      },
      payload: Buffer.concat([
        Buffer.from(
          '------b\r\nContent-Disposition: form-data; name="file"; filename="对接会需求.xlsx"\r\n\r\n',
        ),
        sheet,
        Buffer.from('\r\n------b--\r\n'),
      ]),
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().slice(2) as unknown[][];
    // At most two per demand, ranked from 1; each demand has its best pair.
    expect(rows.length).toBeLessThanOrEqual(4);
    expect(rows.filter((r) => r[3] === 1).map((r) => r[1])).toEqual(['M-1', 'M-2']);
    const first = rows.find((r) => r[1] === 'M-1' && r[3] === 1)!;
    expect(first[4]).toBe('CG-2026-003'); // 竹材绿色防霉改性处理工艺
    expect(String(first[10])).toContain('共同关键词');
    const bad = await upload(operator, '/api/matching/batch', '表.xlsx', await xlsx(['编号'], [['1']]));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('MATCH_BATCH_INVALID');
    expect(bad.body.error.message).toContain('需求名称');
  });

  it('applies region scope: an operator of another city is shown none of these records', async () => {
    const admin = await p.signIn('admin');
    const created = await admin.post('/api/users', {
      username: 'hz-operator',
      displayName: '杭州运营',
      role: 'operator',
      regionCode: '330100',
      password: 'Hangzhou-Op-2026',
    });
    expect(created.status).toBe(201);
    const other = await p.signIn('hz-operator', 'Hangzhou-Op-2026');
    const res = await other.post('/api/matching/search', {
      text: '碳纤维复合材料',
      against: 'experts',
      top: 5,
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    // And the demand itself is out of their reach.
    const suggestions = await other.get(
      `/api/matching/suggestions?from=demands&id=${demandId}&against=experts`,
    );
    expect(suggestions.status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestPlatform, testPlatform } from './support/platform.ts';

/**
 * The working-day calendar over HTTP (#16): China's official schedule from the
 * package with the deployment's HOLIDAYS on top, the same calendar the order
 * deadlines count by.
 */
describe('GET /api/calendar', () => {
  let p: TestPlatform;
  let enterprise: Client;
  beforeAll(async () => {
    // Tuesday 2026-03-03 is a local day off (the test clock starts on Monday 03-02, 09:00).
    p = await testPlatform({ config: { holidays: ['2026-03-03'] } });
    enterprise = await p.signIn('enterprise');
  });
  afterAll(() => p.close());

  it('answers a year with its holidays, make-up working days and local days off', async () => {
    const res = await enterprise.get('/api/calendar?year=2026');
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(2026);
    expect(res.body.known).toBe(true);
    expect(res.body.daysOff).toContainEqual({
      date: '2026-10-01',
      kind: 'holiday',
      name: { zh: '国庆节', en: 'National Day' },
    });
    expect(res.body.daysOff).toContainEqual({ date: '2026-03-03', kind: 'local' });
    expect(res.body.daysOff.map((d: { date: string }) => d.date)).not.toContain('2026-10-08');
    expect(res.body.makeUpWorkdays).toContainEqual({
      date: '2026-02-14',
      name: { zh: '春节', en: 'Spring Festival' },
    });
  });

  it('says when a year is not known yet, listing only the local days off', async () => {
    const res = await enterprise.get('/api/calendar?year=2027');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ year: 2027, known: false, daysOff: [], makeUpWorkdays: [] });
  });

  it('refuses a missing or impossible year', async () => {
    for (const query of [
      '',
      '?year=',
      '?year=1999',
      '?year=2101',
      '?year=abc',
      '?year=2026.5',
      '?year=2026&year=2027',
    ]) {
      const res = await enterprise.get(`/api/calendar${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe('VALIDATION_FAILED');
      expect(res.body.error.fields[0].path, query).toBe('query.year');
    }
  });

  it('is for signed-in callers only', async () => {
    const res = await p.anonymous().get('/api/calendar?year=2026');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('is the calendar order deadlines are counted by', async () => {
    const operator = await p.signIn('operator');
    const demandId = (await operator.get('/api/lists/demands?q=XQ-2026-001')).body.items[0].id;
    const placed = await enterprise.post('/api/orders', { demandId });
    expect(placed.status).toBe(201);
    // Monday 09:00 + 2 working days past the local day off: Wednesday and Thursday, due at 24:00 Thursday.
    expect(placed.body.stepDueAt).toBe(new Date('2026-03-06T00:00:00+08:00').toISOString());
  });
});

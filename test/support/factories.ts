/**
 * Records in a given state, made through the real HTTP routes as a person
 * would (so every rule, scope and audit row applies): "a published demand",
 * "an order already dispatched", "a published activity".
 * Each step checks its answer, so a factory that fails says which step and
 * why. Tests ask for the state they start from instead of repeating the
 * create / publish / place calls that lead there.
 */
import { expect } from 'vitest';
import type { Client, InjectResult } from './platform.ts';

/** A record as the API answers it: enough to move it on. */
export interface Versioned {
  id: string;
  version: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the API answered
  [field: string]: any;
}

/** Expects a status, showing the answer's body when it is another. */
export function expectStatus(res: InjectResult, status: number): InjectResult {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res;
}

/** The registry's talents the client sees, by code → id (`ZJ-0001` → uuid). */
export async function talentIds(client: Client): Promise<Record<string, string>> {
  const talents = expectStatus(await client.get('/api/registry/talents?pageSize=50&sort=code'), 200).body
    .items;
  return Object.fromEntries(talents.map((t: { code: string; id: string }) => [t.code, t.id]));
}

/** The id of the one record a search by code finds on a list route (`/api/lists/demands`, `XQ-2026-001`). */
export async function idOf(client: Client, listUrl: string, code: string): Promise<string> {
  const items = expectStatus(await client.get(`${listUrl}?q=${encodeURIComponent(code)}`), 200).body.items;
  const found = items.find((x: { code: string }) => x.code === code);
  expect(found, `${code} on ${listUrl}`).toBeTruthy();
  return found.id;
}

/** Applies a workflow action to a record (`/api/orders/:id/transition` and the like) and expects it to pass. */
export async function transition(
  client: Client,
  base: string,
  record: Pick<Versioned, 'id' | 'version'>,
  body: Record<string, unknown>,
): Promise<Versioned> {
  return expectStatus(
    await client.post(`${base}/${record.id}/transition`, { version: record.version, ...body }),
    200,
  ).body;
}

// ---------- lists ----------

/** A demand created by the client (an operator names the enterprise) and published by `publisher`. */
export async function publishedDemand(
  client: Client,
  publisher: Client,
  body: Record<string, unknown>,
): Promise<Versioned> {
  const created = expectStatus(await client.post('/api/lists/demands', body), 201).body;
  return transition(publisher, '/api/lists/demands', created, { action: 'publish' });
}

// ---------- orders ----------

export type OrderState = 'placed' | 'dispatched' | 'accepted';

export interface OrderParties {
  /** Places the order. */
  enterprise: Client;
  /** Dispatches it (needed from 'dispatched' on). */
  operator?: Client;
  /** Accepts it (needed for 'accepted'; must be the account of the first expert). */
  expert?: Client;
}

/**
 * A service order on a demand, brought to `state`: placed by the enterprise,
 * dispatched by the operator to `experts`, accepted by the expert.
 */
export async function order(
  parties: OrderParties,
  demandId: string,
  state: OrderState = 'placed',
  options: { experts?: string[]; idempotencyKey?: string } = {},
): Promise<Versioned> {
  const headers: Record<string, string> = options.idempotencyKey
    ? { 'idempotency-key': options.idempotencyKey }
    : {};
  let current: Versioned = expectStatus(
    await parties.enterprise.request('POST', '/api/orders', { demandId }, headers),
    201,
  ).body;
  if (state === 'placed') return current;
  if (!parties.operator || !options.experts?.length)
    throw new Error('an order is dispatched by an operator to experts');
  current = await transition(parties.operator, '/api/orders', current, {
    action: 'dispatch',
    experts: options.experts,
  });
  if (state === 'dispatched') return current;
  if (!parties.expert) throw new Error('an order is accepted by the expert it was offered to');
  return transition(parties.expert, '/api/orders', current, { action: 'accept' });
}

// ---------- activities ----------

/** What an activity is when a test does not say: in 吴兴区, at the convention centre (times are the test's). */
const ACTIVITY_DEFAULTS = {
  title: '测试活动',
  regionCode: '330502',
  place: '湖州市会展中心',
};

/** An activity made by the organiser with `body` over the defaults, published unless `draft`. */
export async function activity(
  organiser: Client,
  body: Record<string, unknown>,
  state: 'draft' | 'published' = 'published',
): Promise<Versioned> {
  const created = expectStatus(
    await organiser.post('/api/activities', { ...ACTIVITY_DEFAULTS, ...body }),
    201,
  ).body;
  if (state === 'draft') return created;
  return transition(organiser, '/api/activities', created, { action: 'publish' });
}

// ---------- teams ----------

/**
 * A 组合式人才帮扶团 of 德清县 as its composition rules want it: ZJ-0002 its chief expert, the demo expert
 * (ZJ-0001) and ZJ-0004 its experts, ZJ-0006 its technology manager; `over` changes any field.
 */
export async function combinedTeam(
  operator: Client,
  over: Record<string, unknown> = {},
): Promise<{ id: string; name: string }> {
  const experts = await talentIds(operator);
  const team = await operator.post('/api/teams', {
    name: '德清地理信息组合式人才帮扶团',
    kind: 'combined',
    regionCode: '330500',
    leaderTalentId: experts['ZJ-0002'],
    leaderRole: 'chief',
    countyCode: '330521',
    industryCode: '65',
    industryName: '地理信息',
    members: [
      { talentId: experts['ZJ-0001'], role: 'expert' },
      { talentId: experts['ZJ-0004'], role: 'expert' },
      { talentId: experts['ZJ-0006'], role: 'manager' },
    ],
    ...over,
  });
  return expectStatus(team, 201).body;
}

// ---------- imports ----------

/** Commits an import job's valid rows and waits until it has finished; answers the job. */
export async function commitImport(client: Client, jobId: string) {
  expect((await client.post(`/api/import-jobs/${jobId}/commit`)).status).toBe(202);
  for (let i = 0; i < 200; i++) {
    const job = await client.get(`/api/import-jobs/${jobId}`);
    if (job.body.status === 'committed' || job.body.status === 'failed') return job.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

import { describe, expect, it } from 'vitest';
import { translate } from './i18n/locale.ts';
import { actionsFor, decide, statusRefusalParams, type Workflow } from './workflow.ts';

type S = 'open' | 'done';
type A = 'finish' | 'reopen';
type P = 'owner' | 'operator' | 'system';

const flow: Workflow<S, A, P> = {
  transitions: {
    finish: { from: ['open'], to: 'done', by: ['owner', 'operator'] },
    reopen: { from: ['done'], to: 'open', by: ['operator'], reason: true },
  },
  statusNames: { open: { zh: '进行中', en: 'Open' }, done: { zh: '已办结', en: 'Done' } },
  actionNames: { finish: { zh: '办结', en: 'finish' }, reopen: { zh: '重开', en: 'reopen' } },
};

describe('workflow.decide', () => {
  const cases: [S, A, P[], string | undefined, ReturnType<typeof decide<S, A, P>>][] = [
    ['open', 'finish', ['owner'], undefined, { ok: true, to: 'done' }],
    ['open', 'finish', ['system'], undefined, { ok: false, refusal: 'party' }],
    ['done', 'finish', ['owner'], undefined, { ok: false, refusal: 'status' }],
    ['done', 'reopen', ['owner'], 'why', { ok: false, refusal: 'party' }],
    ['done', 'reopen', ['operator'], undefined, { ok: false, refusal: 'reason' }],
    ['done', 'reopen', ['operator'], '', { ok: false, refusal: 'reason' }],
    ['done', 'reopen', ['operator'], '   ', { ok: false, refusal: 'reason' }],
    ['done', 'reopen', ['operator'], ' why ', { ok: true, to: 'open' }],
    ['open', 'reopen', ['operator'], 'why', { ok: false, refusal: 'status' }],
  ];
  it.each(cases)('%s + %s by %j (reason %j)', (status, action, parties, reason, verdict) => {
    expect(decide(flow, status, action, parties, reason)).toEqual(verdict);
  });

  it('lists the actions the parties may take, leaving out excepted parties', () => {
    expect(actionsFor(flow, 'done', ['operator'])).toEqual(['reopen']);
    expect(actionsFor(flow, 'open', ['owner', 'system'], ['owner'])).toEqual([]);
  });

  it('renders a status refusal in the caller language', () => {
    const message = { zh: '{status}的事项不能{action}', en: 'An item that is {status} cannot {action}' };
    const params = statusRefusalParams(flow, 'done', 'finish');
    expect(translate(message, 'en-US', params)).toBe('An item that is Done cannot finish');
    expect(translate(message, 'zh-CN', params)).toBe('已办结的事项不能办结');
  });
});

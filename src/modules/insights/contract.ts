import { z } from 'zod';
import { calendarDate, pageQuery } from '../../platform/auth/contract.ts';
import { OCCURRENCE_STATES, SESSION_KINDS, SUBJECTS } from '../standing/constants.ts';
import { DIMENSIONS, FUNNEL_RECORD_STAGES, METRIC_KEYS } from './constants.ts';

const date = calendarDate;

export const periodQuery = {
  /** A province, city or county code within the caller's scope; their own region by default. */
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  /** China dates, both included; this year to today by default. */
  from: date.optional(),
  to: date.optional(),
};

export const dashboardQuery = z.strictObject(periodQuery);

export const metricParams = z.strictObject({ metric: z.enum(METRIC_KEYS) });

export const recordsQuery = z.strictObject({
  ...periodQuery,
  ...pageQuery,
  /** One bar of a breakdown: its dimension and key (a month 2026-03, a county code, an industry letter, a kind). */
  dimension: z.enum(DIMENSIONS).optional(),
  value: z.string().max(32).optional(),
});

export const funnelParams = z.strictObject({ stage: z.enum(FUNNEL_RECORD_STAGES) });
export const funnelRecordsQuery = z.strictObject({ ...periodQuery, ...pageQuery });

export const breakdownQuery = z.strictObject({ ...periodQuery, dimension: z.enum(DIMENSIONS) });

export const reportQuery = z.strictObject({
  ...periodQuery,
  format: z.enum(['docx', 'json']).default('docx'),
});

const figure = z.object({ key: z.enum(METRIC_KEYS), value: z.number(), amountYuan: z.number().nullable() });

export const metricInfo = z.object({
  key: z.enum(METRIC_KEYS),
  name: z.string(),
  unit: z.string(),
  description: z.string(),
  money: z.boolean(),
  dimensions: z.array(z.enum(DIMENSIONS)),
});

const breakdown = z.object({
  key: z.enum(METRIC_KEYS),
  dimension: z.enum(DIMENSIONS),
  items: z.array(
    z.object({ key: z.string(), label: z.string(), value: z.number(), amountYuan: z.number().nullable() }),
  ),
});

const standingCounts = {
  planned: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  /** Done of those whose day has come, in whole percent; null when none has come. */
  fulfilment: z.number().nullable(),
};

/** One kind of occurrence's counts (its key as the occurrence metrics' kind bars: session.salon …). */
const kindCounts = z.object({
  key: z.string(),
  kind: z.enum(SESSION_KINDS),
  label: z.string(),
  ...standingCounts,
});

export const dashboardView = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  trendYear: z.number().int(),
  metrics: z.array(metricInfo),
  headline: z.array(figure.extend({ lastYear: figure, previous: figure })),
  trends: z.array(breakdown),
  breakdowns: z.array(breakdown),
  funnel: z.object({
    placed: z.number().int(),
    dispatched: z.number().int(),
    accepted: z.number().int(),
    closed: z.number().int(),
    /** Closed with an outcome other than "none". */
    effective: z.number().int(),
    cancelled: z.number().int(),
    overdueNow: z.number().int(),
    steps: z.array(
      z.object({
        status: z.string(),
        transitions: z.number().int(),
        medianHours: z.number(),
        meanHours: z.number(),
      }),
    ),
  }),
  /**
   * 常态化服务: the teams' sessions due in the period by kind (keys as the sessions metrics' kind bars),
   * fulfilment 同比/环比; the commissioners' visits, the contact duties' contacts and care visits (by kind),
   * and the demands refined at visits with those confirmed.
   */
  standing: z.object({
    ...standingCounts,
    lastYear: z.number().nullable(),
    previous: z.number().nullable(),
    byKind: z.array(kindCounts),
    commissions: z.object({
      ...standingCounts,
      commissioners: z.number().int(),
      enterprises: z.number().int(),
    }),
    duties: z.object({ ...standingCounts, byKind: z.array(kindCounts) }),
    refined: z.object({ total: z.number().int(), confirmed: z.number().int() }),
  }),
});

export const breakdownView = breakdown;

const recordsPage = z.object({
  total: z.number().int(),
  value: z.number(),
  amountYuan: z.number().nullable(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      ref: z.string(),
      title: z.string(),
      at: z.string(),
      region: z.string(),
      regionName: z.string(),
      kind: z.string(),
      kindName: z.string(),
      weight: z.number(),
      amountYuan: z.number().nullable(),
      source: z.string(),
      /** The page of the record in the web, when it has one. */
      link: z.string().nullable(),
      /**
       * A planned occurrence's owner, due day, state and record (the occurrence metrics only): a team's
       * session (teamId), a commissioner's visit or a contact duty's contact (teamName then says whose:
       * 张三 → 某公司, 王敏 联系 李四).
       */
      session: z
        .object({
          subject: z.enum(SUBJECTS),
          teamId: z.string().nullable(),
          teamName: z.string(),
          kind: z.enum(SESSION_KINDS),
          periodLabel: z.string(),
          dueOn: z.string(),
          state: z.enum(OCCURRENCE_STATES),
          stateName: z.string(),
          record: z
            .object({ kind: z.string(), title: z.string(), doneOn: z.string(), link: z.string().nullable() })
            .nullable(),
        })
        .optional(),
    }),
  ),
});

export const recordsView = recordsPage.extend({ metric: z.enum(METRIC_KEYS) });
export const funnelRecordsView = recordsPage.extend({ stage: z.enum(FUNNEL_RECORD_STAGES) });

import type { App } from '../../platform/http/types.ts';
import { attachment, XLSX_TYPE } from '../../platform/io/routes.ts';
import {
  breakdownQuery,
  breakdownView,
  dashboardQuery,
  dashboardView,
  funnelParams,
  funnelRecordsQuery,
  funnelRecordsView,
  metricParams,
  recordsQuery,
  recordsView,
  reportQuery,
} from './contract.ts';
import { insightsError } from './errors.ts';
import { metric } from './metrics.ts';
import type { ReportService } from './report.ts';
import type { InsightsService } from './service.ts';

export function registerInsightsRoutes(app: App, insights: InsightsService, reports: ReportService): void {
  const tags = ['insights'];
  app.get(
    '/api/insights/dashboard',
    {
      config: { access: 'insights.read' },
      schema: {
        tags,
        summary: '数据看板：各项指标、同比环比、趋势、分布、订单漏斗 Dashboard',
        querystring: dashboardQuery,
        response: { 200: dashboardView },
      },
    },
    async (request) => insights.dashboard(request.actor!, request.query),
  );
  app.get(
    '/api/insights/metrics/:metric/breakdown',
    {
      config: { access: 'insights.read' },
      schema: {
        tags,
        summary: '按月份、地区、行业或类型分组 One metric broken down',
        params: metricParams,
        querystring: breakdownQuery,
        response: { 200: breakdownView },
      },
    },
    async (request) => {
      const { dimension, ...period } = request.query;
      const def = metric(request.params.metric);
      if (dimension !== 'month' && dimension !== 'region' && !def.dimensions.includes(dimension)) {
        throw insightsError('INSIGHTS_DIMENSION_INVALID', { params: { dimension } });
      }
      return insights.breakdown(request.params.metric, insights.resolve(request.actor!, period), dimension);
    },
  );
  app.get(
    '/api/insights/metrics/:metric/records',
    {
      config: { access: 'insights.read' },
      schema: {
        tags,
        summary: '指标明细：计入该数字的每条记录 The records behind a figure',
        params: metricParams,
        querystring: recordsQuery,
        response: { 200: recordsView },
      },
    },
    async (request) => {
      const { dimension, value, page, pageSize, ...period } = request.query;
      return insights.records(request.params.metric, insights.resolve(request.actor!, period), {
        dimension,
        value,
        page,
        pageSize,
      });
    },
  );
  app.get(
    '/api/insights/metrics/:metric/records.xlsx',
    {
      config: { access: 'insights.read' },
      schema: {
        tags,
        summary: '导出指标明细 The records behind a figure (Excel)',
        params: metricParams,
        querystring: recordsQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const { dimension, value, ...period } = request.query;
      const file = await reports.recordsWorkbook(
        request.actor!,
        request.params.metric,
        period,
        dimension,
        value,
      );
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(file.fileName)).send(file.data);
    },
  );
  app.get(
    '/api/insights/funnel/:stage/records',
    {
      config: { access: 'insights.read' },
      schema: {
        tags,
        summary: '订单漏斗明细：某一环节（或当前超时）的订单 The orders behind a funnel step',
        params: funnelParams,
        querystring: funnelRecordsQuery,
        response: { 200: funnelRecordsView },
      },
    },
    async (request) => {
      const { page, pageSize, ...period } = request.query;
      return insights.funnelRecords(insights.resolve(request.actor!, period), request.params.stage, {
        page,
        pageSize,
      });
    },
  );
  app.get(
    '/api/insights/funnel/:stage/records.xlsx',
    {
      config: { access: 'insights.read' },
      schema: {
        tags,
        summary: '导出订单漏斗明细 The orders behind a funnel step (Excel)',
        params: funnelParams,
        querystring: funnelRecordsQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const file = await reports.funnelWorkbook(request.actor!, request.params.stage, request.query);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(file.fileName)).send(file.data);
    },
  );
  app.get(
    '/api/insights/dashboard.xlsx',
    {
      config: { access: 'insights.read' },
      schema: { tags, summary: '导出看板各表 Every dashboard table (Excel)', querystring: dashboardQuery },
    },
    async (request, reply) => {
      const file = await reports.dashboardWorkbook(request.actor!, request.query);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(file.fileName)).send(file.data);
    },
  );
  app.get(
    '/api/insights/report',
    {
      config: { access: 'insights.read' },
      schema: {
        tags,
        summary: '工作简报（Word，或 format=json 的同一组数字）Work report',
        querystring: reportQuery,
      },
    },
    async (request, reply) => {
      const { format, ...period } = request.query;
      const report = await reports.build(request.actor!, period);
      if (format === 'json') return reply.send(report.figures);
      const file = await reports.docx(report);
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', attachment(file.fileName))
        .send(file.data);
    },
  );
}

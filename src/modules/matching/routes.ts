import { z } from 'zod';
import type { App } from '../../platform/http/types.ts';
import { attachment, readUpload, XLSX_TYPE } from '../../platform/io/routes.ts';
import { BatchInputError, pairsWorkbook, readBatchQueries } from './batch.ts';
import { matchResponse, mineQuery, searchRequest, suggestionsQuery } from './contract.ts';
import { TARGETS } from './engine.ts';
import { matchingError } from './errors.ts';
import type { MatchingService } from './service.ts';

/** Demands one batch may hold (a matchmaking meeting has a few hundred). */
const BATCH_LIMIT = 2000;

const TARGET_NAMES = {
  experts: '专家',
  achievements: '成果',
  institutions: '机构',
  demands: '需求',
  'talent-demands': '人才需求',
} as const;

export function registerMatchingRoutes(app: App, matching: MatchingService, maxFileBytes: number): void {
  const tags = ['matching'];
  app.get(
    '/api/matching/suggestions',
    {
      config: { access: 'matching.use' },
      schema: {
        tags,
        summary: '匹配推荐（需求→专家/成果/机构，专家→需求，成果→需求）Suggestions for a record',
        querystring: suggestionsQuery,
        response: { 200: matchResponse },
      },
    },
    async (request) => matching.suggestions(request.actor!, request.query, request.locale),
  );
  app.post(
    '/api/matching/search',
    {
      config: { access: 'matching.use' },
      // A pasted document of up to a million characters (3 MB in UTF-8) is answered, not refused.
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags,
        summary: '智能检索：粘贴一段描述，找专家、成果、机构或需求 Free-text matching',
        body: searchRequest,
        response: { 200: matchResponse },
      },
    },
    async (request) => matching.search(request.actor!, request.body, request.locale),
  );
  app.get(
    '/api/matching/mine',
    {
      config: { access: 'profile.own' },
      schema: {
        tags,
        summary: '适合我的需求（专家本人）Demands that fit my profile',
        querystring: mineQuery,
        response: { 200: matchResponse },
      },
    },
    async (request) => matching.mine(request.actor!, request.query, request.locale),
  );
  app.post(
    '/api/matching/batch',
    {
      config: { access: 'matching.use' },
      schema: {
        tags,
        summary:
          '批量匹配：上传需求表（编号、需求名称、需求描述…），下载对接建议表 Batch matching to an Excel of pairs',
        consumes: ['multipart/form-data'],
        querystring: z.strictObject({
          against: z.enum(TARGETS).default('achievements'),
          top: z.coerce.number().int().min(1).max(20).default(5),
        }),
      },
    },
    async (request, reply) => {
      const file = await readUpload(request, maxFileBytes);
      let queries: Awaited<ReturnType<typeof readBatchQueries>>;
      try {
        queries = await readBatchQueries(
          file.fileName.endsWith('.csv') ? file.fileName : 'upload.xlsx',
          file.data,
        );
      } catch (err) {
        if (err instanceof BatchInputError)
          throw matchingError('MATCH_BATCH_INVALID', { params: { reason: err.message } });
        throw err;
      }
      if (queries.length > BATCH_LIMIT)
        throw matchingError('MATCH_BATCH_TOO_MANY', { params: { limit: BATCH_LIMIT } });
      const { against, top } = request.query;
      const answers = await matching.batchFor(request.actor!, queries, against, top, request.locale);
      const data = await pairsWorkbook(queries, answers, TARGET_NAMES[against]);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`对接建议-${TARGET_NAMES[against]}.xlsx`))
        .header('x-row-count', String(answers.reduce((n, a) => n + a.results.length, 0)))
        .send(data);
    },
  );
}

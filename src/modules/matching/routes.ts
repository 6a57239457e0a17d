import type { App } from '../../platform/http/types.ts';
import { matchResponse, mineQuery, searchRequest, suggestionsQuery } from './contract.ts';
import type { MatchingService } from './service.ts';

export function registerMatchingRoutes(app: App, matching: MatchingService): void {
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
}

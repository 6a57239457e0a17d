import { regionTree } from '../../reference/regions.ts';
import type { WorkCalendar } from '../../reference/workdays.ts';
import { calendarQuery, calendarYear } from './reference-contract.ts';
import type { App } from './types.ts';

export function registerReferenceRoutes(app: App, calendar: WorkCalendar): void {
  app.get(
    '/api/reference/regions',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['reference'], summary: '行政区划（GB/T 2260）Administrative divisions' },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'private, max-age=86400');
      return regionTree();
    },
  );

  app.get(
    '/api/calendar',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['reference'],
        summary: '工作日历：法定节假日、调休上班日与本地休息日 Working-day calendar of a year',
        querystring: calendarQuery,
        response: { 200: calendarYear },
      },
    },
    // Not cached by the browser: a year the data does not know yet becomes known with an upgrade.
    async (request) => calendar.yearDays(request.query.year),
  );
}

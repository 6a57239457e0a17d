import { regionTree } from '../../reference/regions.ts';
import type { App } from './types.ts';

export function registerReferenceRoutes(app: App): void {
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
}

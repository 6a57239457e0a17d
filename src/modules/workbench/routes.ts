import type { App } from '../../platform/http/types.ts';
import { workbenchView } from './contract.ts';
import type { WorkbenchService } from './service.ts';

export function registerWorkbenchRoutes(app: App, workbench: WorkbenchService): void {
  app.get(
    '/api/workbench',
    {
      // Every signed-in account has a home; its tasks follow its role and permissions.
      config: { access: 'authenticated' },
      schema: {
        tags: ['workbench'],
        summary: '工作台：待办事项及其数量 What waits for the caller',
        response: { 200: workbenchView },
      },
    },
    async (request) => workbench.tasks(request.actor!),
  );
}

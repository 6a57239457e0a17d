/**
 * The workbench API as the home page sees it (工作台): its route typed by the
 * server's contract (src/modules/workbench/contract.ts) and its task keys
 * (constants.ts).
 */
import type { workbenchView } from '@server/modules/workbench/contract.ts';

export type WorkbenchRoutes = {
  'GET /api/workbench': { reply: typeof workbenchView };
};

export type { WorkbenchTaskView } from '@server/modules/workbench/contract.ts';
export { WORKBENCH_TASKS, type WorkbenchTask } from '@server/modules/workbench/constants.ts';

import { z } from 'zod';
import { WORKBENCH_TASKS } from './constants.ts';

export const workbenchTask = z.object({
  key: z.enum(WORKBENCH_TASKS),
  /** How many records wait: the total of the list the link opens. */
  count: z.number().int(),
  /** The count stopped at the list's cap (lists and registries count up to 10,000). */
  capped: z.boolean(),
  /** The web page of the list with its filter (`/orders?status=placed`); its API is `/api` + this. */
  link: z.string(),
});
export type WorkbenchTaskView = z.infer<typeof workbenchTask>;

/** 工作台: the caller's tasks, in the order the home page shows them; a task with nothing waiting counts 0. */
export const workbenchView = z.object({ tasks: z.array(workbenchTask) });
export type WorkbenchView = z.infer<typeof workbenchView>;

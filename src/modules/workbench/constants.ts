/**
 * The workbench's tasks (工作台: what waits for the caller), each a count and
 * a link to its list already filtered. Pure data: the web bundles this file
 * and names every task (web/src/modules/home/messages.ts).
 */
export const WORKBENCH_TASKS = [
  // An enterprise: its technical demands by state, and orders to confirm.
  'demands.draft',
  'demands.submitted',
  'demands.published',
  'orders.confirm',
  // An expert: offers to answer, orders to serve (and log visits on).
  'orders.answer',
  'orders.serve',
  // An institution: orders sent to it to dispatch to its experts, and its experts' open offers.
  'orders.institutionDispatch',
  'orders.institutionOffered',
  // An operator: the dispatch queue, overdue steps, submissions to review, this week's activities.
  'orders.placed',
  'orders.overdue',
  'review.demands',
  'review.talent-demands',
  'review.achievements',
  'activities.week',
  // Anyone who takes part in activities: the ones they registered for this week.
  'activities.myWeek',
  // Values an import kept as text because no code list knew them (flags), per list and registry.
  'flagged.demands',
  'flagged.talent-demands',
  'flagged.achievements',
  'flagged.talents',
  'flagged.enterprises',
  'flagged.institutions',
  'flagged.stations',
] as const;
export type WorkbenchTask = (typeof WORKBENCH_TASKS)[number];

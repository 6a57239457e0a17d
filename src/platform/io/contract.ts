import { z } from 'zod';

const issue = z.object({ column: z.string(), value: z.string().optional(), message: z.string() });
/** An import job as the API answers it: counts, progress and the rows with issues. */
export const importJobView = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  fileName: z.string(),
  status: z.string(),
  total: z.number().int(),
  valid: z.number().int(),
  flagged: z.number().int(),
  rejected: z.number().int(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  ignoredHeaders: z.array(z.string()),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  report: z.array(
    z.object({
      rowNumber: z.number().int(),
      code: z.string().nullable(),
      status: z.enum(['rejected', 'flagged']),
      errors: z.array(issue),
      flags: z.array(issue),
    }),
  ),
  reportTotal: z.number().int(),
});
export type ImportJobView = z.infer<typeof importJobView>;

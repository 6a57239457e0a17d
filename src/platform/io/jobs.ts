import { defineJob, noPayload } from '../jobs/define.ts';
import type { ImportService } from './service.ts';

/** Uploaded spreadsheets hold personal data: drops those of previews never committed, hourly. */
export const sweepImports = defineJob({
  name: 'imports.sweep',
  payload: noPayload,
  schedule: { cron: '5 * * * *' },
  handler: async (_payload, { imports }: { imports: ImportService }) => ({ dropped: await imports.sweep() }),
});

export const importJobs = [sweepImports] as const;

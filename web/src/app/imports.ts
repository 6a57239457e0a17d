/**
 * Spreadsheet imports (platform/io) as the web sees them, for every kind that
 * registers one (registries, lists, code lists): the routes typed by
 * src/platform/io/contract.ts, the job's types, and the upload → preview →
 * commit calls the import wizard makes.
 */

import type { importJobView } from '@server/platform/io/contract.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type ReplyOf, routes } from './api.ts';

/** A job's parameters, sent as the upload's query string, for a kind that takes them (ImportKind.options). */
type ImportOptions = z.ZodRecord<z.ZodString, z.ZodString>;

export type ImportRoutes = {
  'POST /api/imports/:kind': { form: true; query: ImportOptions; reply: typeof importJobView };
  'GET /api/import-jobs/:id': { reply: typeof importJobView };
  'POST /api/import-jobs/:id/commit': { reply: typeof importJobView };
  'POST /api/import-jobs/:id/abandon': { reply: typeof importJobView };
};

export type ImportJob = ReplyOf<ImportRoutes['GET /api/import-jobs/:id']>;
export type ImportReportRow = ImportJob['report'][number];
export type ImportIssue = ImportReportRow['errors'][number];

const imports = routes<ImportRoutes>();

export const importKeys = {
  job: (id: string) => ['imports', 'job', id] as const,
};

/**
 * Uploads a spreadsheet for preview: nothing is written until the job is committed. `options` are
 * the job's parameters, for a kind that takes them (the activity registrations go into).
 */
export function useUploadImport(kind: string, options: Readonly<Record<string, string>> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return imports('POST /api/imports/:kind', { params: { kind }, query: options, form });
    },
    onSuccess: (job) => queryClient.setQueryData(importKeys.job(job.id), job),
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => imports('POST /api/import-jobs/:id/commit', { params: { id } }),
    onSuccess: (job) => queryClient.setQueryData(importKeys.job(job.id), job),
  });
}

/** Gives up a previewed job: the server drops the uploaded file (it holds personal data) at once. */
export function useAbandonImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => imports('POST /api/import-jobs/:id/abandon', { params: { id } }),
    onSuccess: (job) => queryClient.setQueryData(importKeys.job(job.id), job),
  });
}

export const IMPORT_POLL_MS = 700;

/**
 * The job, polled while it is committing — and, once a commit was asked for,
 * while it still reads as previewed (the commit may not have claimed it yet).
 */
export function useImportJob(id: string | null, awaitingCommit = false) {
  return useQuery({
    queryKey: importKeys.job(id ?? ''),
    queryFn: ({ signal }) => imports('GET /api/import-jobs/:id', { params: { id: id ?? '' }, signal }),
    enabled: id !== null,
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'committing' || (awaitingCommit && status === 'previewed') ? IMPORT_POLL_MS : false;
    },
  });
}

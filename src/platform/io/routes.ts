import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../http/app-error.ts';
import type { App } from '../http/types.ts';
import { withoutControlCharacters } from '../http/validation.ts';
import { importJobView } from './contract.ts';
import { ioError } from './errors.ts';
import type { ImportService } from './service.ts';
import { type ExportFile, templateXlsx } from './workbook.ts';

/** `attachment; filename*=UTF-8''…` so that Chinese file names survive. */
export function attachment(name: string): string {
  const fileName = name.replace(/[\\/:*?"<>|]/g, '、');
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends a stored file (a visit's photo or minutes) as a download that is never sniffed or cached. */
export function sendStoredFile(
  reply: FastifyReply,
  file: { name: string; contentType: string; data: Buffer },
) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachment(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.data);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends an exported list as a download, with its row count in X-Row-Count. */
export function sendExport(reply: FastifyReply, file: ExportFile) {
  return reply
    .type(file.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
    .header('content-disposition', attachment(file.fileName))
    .header('x-row-count', String(file.count))
    .send(file.data);
}

/** The one uploaded file of a multipart request (field `file`), with clear errors for none or too large. */
export async function readUpload(
  request: FastifyRequest,
  maxFileBytes: number,
  errors: UploadErrors = IMPORT_UPLOAD_ERRORS,
): Promise<{ fileName: string; data: Buffer }> {
  if (!request.isMultipart()) throw errors.empty();
  const tooLarge = (err: unknown) => errors.tooLarge(Math.round(maxFileBytes / 1024 / 1024), err);
  let file: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    file = await request.file({ limits: { fileSize: maxFileBytes } });
  } catch (err) {
    throw uploadError(err, tooLarge);
  }
  if (!file) throw errors.empty();
  try {
    return { fileName: uploadedFileName(file.filename), data: await file.toBuffer() };
  } catch (err) {
    throw uploadError(err, tooLarge);
  }
}

/** The longest file name kept with an upload, in UTF-16 units (JavaScript's length). */
export const FILE_NAME_MAX = 200;

/**
 * A file name is text we store, show and read the file's type from: no control characters
 * (PostgreSQL refuses NUL), and a long one is shortened before its extension, never after,
 * and never inside a character (half an emoji is no text at all).
 */
export function uploadedFileName(name: string): string {
  const clean = withoutControlCharacters(name).trim();
  if (clean.length <= FILE_NAME_MAX) return clean;
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(clean)?.[0] ?? '';
  let kept = '';
  for (const ch of clean) {
    if (kept.length + ch.length > FILE_NAME_MAX - ext.length) break;
    kept += ch;
  }
  return kept + ext;
}

/**
 * What the multipart reader throws, as our errors: a file over the limit, or
 * anything else about the request (no boundary, a truncated or malformed body,
 * too many parts) as one code.
 */
function uploadError(err: unknown, tooLarge: (cause: unknown) => Error): Error {
  if (err instanceof AppError) return err;
  if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(err);
  return ioError('UPLOAD_MALFORMED', { cause: err });
}

/** What readUpload answers for no file and for a file over the limit. */
export interface UploadErrors {
  empty: () => Error;
  tooLarge: (limitMb: number, cause: unknown) => Error;
}

const IMPORT_UPLOAD_ERRORS: UploadErrors = {
  empty: () => ioError('IMPORT_FILE_EMPTY'),
  tooLarge: (limitMb, cause) => ioError('IMPORT_FILE_TOO_LARGE', { params: { limitMb }, cause }),
};

/**
 * Upload (preview), template, job status and commit for every registered
 * import kind. Each kind's routes carry that kind's permission.
 */
export async function registerImportRoutes(
  app: App,
  imports: ImportService,
  kinds: string[],
  maxFileBytes: number,
) {
  await app.register(fastifyMultipart, { limits: { fileSize: maxFileBytes, files: 1, fields: 5 } });
  const tags = ['imports'];
  for (const name of kinds) {
    const kind = imports.kind(name);
    app.post(
      `/api/imports/${name}`,
      {
        config: { access: kind.permission },
        schema: {
          tags,
          summary: `导入预览：${kind.label.zh} Upload and preview (${kind.label.en})`,
          consumes: ['multipart/form-data'],
          // The job's parameters, for a kind that takes them (the activity registrations go into).
          ...(kind.options ? { querystring: kind.options } : {}),
          response: { 200: importJobView },
        },
      },
      async (request) => {
        const file = await readUpload(request, maxFileBytes);
        return imports.preview(request.actor!, name, file.fileName, file.data, request.query ?? {});
      },
    );
    app.get(
      `/api/imports/${name}/template`,
      {
        config: { access: kind.permission },
        schema: { tags, summary: `导入模板：${kind.label.zh} Template (${kind.label.en})` },
      },
      async (_request, reply) => {
        const data = await templateXlsx(kind.label.zh, kind.columns);
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', attachment(`${kind.label.zh}导入模板.xlsx`))
          .send(data);
      },
    );
  }
  const jobParams = z.strictObject({ id: z.string().uuid() });
  app.get(
    '/api/import-jobs/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '导入任务进度 Import job',
        params: jobParams,
        response: { 200: importJobView },
      },
    },
    async (request) => imports.get(request.actor!, request.params.id),
  );
  app.post(
    '/api/import-jobs/:id/commit',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '确认导入 Commit the valid rows',
        params: jobParams,
        response: { 202: importJobView },
      },
    },
    async (request, reply) => {
      // Only what failed is logged (an error code, a constraint's name): never a query, its values or the rows.
      const job = await imports.commitInBackground(request.actor!, request.params.id, (failure) =>
        request.log.error({ importJob: request.params.id, failure }, 'import commit failed'),
      );
      return reply.code(202).send(job);
    },
  );
  app.post(
    '/api/import-jobs/:id/abandon',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: '放弃导入（删除上传的文件）Abandon a previewed import and drop its file',
        params: jobParams,
        response: { 200: importJobView },
      },
    },
    async (request) => imports.abandon(request.actor!, request.params.id),
  );
}

import { createHash } from 'node:crypto';

/**
 * What may be attached to a service visit: a closed list of document and
 * image types. The type is decided here from the file's extension and its
 * first bytes (never from what the browser claims), so a renamed program is
 * refused.
 */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_VISIT = 10;

const starts = (prefix: number[]) => (b: Buffer) => prefix.every((x, i) => b[i] === x);
const ZIP = starts([0x50, 0x4b, 0x03, 0x04]); // docx, xlsx, pptx
const OLE = starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]); // doc, xls, ppt
const text = (b: Buffer) => !b.subarray(0, 8192).includes(0);

const TYPES: Record<string, { type: string; check: (b: Buffer) => boolean }> = {
  pdf: { type: 'application/pdf', check: starts([0x25, 0x50, 0x44, 0x46]) },
  png: { type: 'image/png', check: starts([0x89, 0x50, 0x4e, 0x47]) },
  jpg: { type: 'image/jpeg', check: starts([0xff, 0xd8, 0xff]) },
  jpeg: { type: 'image/jpeg', check: starts([0xff, 0xd8, 0xff]) },
  gif: { type: 'image/gif', check: starts([0x47, 0x49, 0x46, 0x38]) },
  webp: {
    type: 'image/webp',
    check: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', check: ZIP },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', check: ZIP },
  pptx: { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', check: ZIP },
  doc: { type: 'application/msword', check: OLE },
  xls: { type: 'application/vnd.ms-excel', check: OLE },
  ppt: { type: 'application/vnd.ms-powerpoint', check: OLE },
  txt: { type: 'text/plain; charset=utf-8', check: text },
  csv: { type: 'text/csv; charset=utf-8', check: text },
};

/** The content type to store and serve, or undefined when the file is not accepted. */
export function attachmentType(fileName: string, data: Buffer): string | undefined {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const spec = ext ? TYPES[ext] : undefined;
  return spec && data.length > 0 && spec.check(data) ? spec.type : undefined;
}

/** A file name safe to keep and show: no path, no control characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || '附件').slice(-120);
}

/** A file to keep with a visit: its clean name, decided type, size and SHA-256, with the bytes. */
export interface StoredFile {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer;
}

/**
 * What a visit's upload becomes before it is stored (orders' visits and the
 * standing service's alike): refused, with the module's own errors, when it
 * is empty or not a type we keep.
 */
export function intake(
  file: { fileName: string; data: Buffer },
  refuse: { empty: () => Error; type: () => Error },
): StoredFile {
  const name = cleanFileName(file.fileName);
  if (file.data.length === 0) throw refuse.empty();
  const contentType = attachmentType(name, file.data);
  if (!contentType) throw refuse.type();
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  return { name, contentType, size: file.data.length, sha256, data: file.data };
}

import { createInflateRaw, inflateRawSync } from 'node:zlib';

/**
 * The zip archive under an .xlsx: entries found by the central directory
 * (the file is in memory anyway), small parts inflated whole, large ones a
 * piece at a time.
 */

/** A file that is not a readable workbook; the message is safe to show (it holds no cell content). */
export class XlsxError extends Error {}

/** Largest inflated size of one part; more is a zip bomb rather than a spreadsheet. */
const MAX_PART_BYTES = 1024 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** The entries of a zip archive, by name, from its central directory. */
export function zipEntries(zip: Buffer): Map<string, ZipEntry> {
  // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KiB.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxError('不是有效的 xlsx 文件 (not a valid xlsx)');
  let count = zip.readUInt16LE(eocd + 10);
  let cd = zip.readUInt32LE(eocd + 16);
  // Zip64: the record before the EOCD locates the zip64 end record.
  if ((cd === 0xffffffff || count === 0xffff) && eocd >= 20 && zip.readUInt32LE(eocd - 20) === 0x07064b50) {
    const end64 = Number(zip.readBigUInt64LE(eocd - 12));
    if (end64 + 56 > zip.length || zip.readUInt32LE(end64) !== 0x06064b50) {
      throw new XlsxError('压缩包已损坏 (corrupted zip)');
    }
    count = Number(zip.readBigUInt64LE(end64 + 32));
    cd = Number(zip.readBigUInt64LE(end64 + 48));
  }
  const entries = new Map<string, ZipEntry>();
  let p = cd;
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) {
      throw new XlsxError('压缩包已损坏 (corrupted zip)');
    }
    const method = zip.readUInt16LE(p + 10);
    let compressedSize = zip.readUInt32LE(p + 20);
    let size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    let offset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    // Zip64 extra field: the 64-bit values, in this order, of those whose 32-bit field is saturated.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = zip.readUInt16LE(e);
      const length = zip.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = Number(zip.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(zip.readBigUInt64LE(q));
          q += 8;
        }
        if (offset === 0xffffffff) offset = Number(zip.readBigUInt64LE(q));
      }
      e += 4 + length;
    }
    entries.set(name.replace(/^\/+/, ''), { name, method, compressedSize, size, offset });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** The stored (compressed) bytes of an entry. */
function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const p = entry.offset;
  if (p + 30 > zip.length || zip.readUInt32LE(p) !== 0x04034b50) {
    throw new XlsxError('压缩包已损坏 (corrupted zip)');
  }
  const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new XlsxError('压缩包已损坏 (corrupted zip)');
  if (entry.method !== 0 && entry.method !== 8) {
    throw new XlsxError('不支持的压缩方式 (unsupported compression)');
  }
  return zip.subarray(start, end);
}

/** A small part, inflated whole. */
export function partText(zip: Buffer, entry: ZipEntry): string {
  const stored = entryData(zip, entry);
  let bytes: Buffer;
  try {
    bytes = entry.method === 0 ? stored : inflateRawSync(stored, { maxOutputLength: MAX_PART_BYTES });
  } catch {
    throw new XlsxError('压缩包已损坏 (corrupted zip)');
  }
  return decodeXmlBytes(bytes, false);
}

/** A large part, inflated a piece at a time. */
export async function* partBytes(zip: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const stored = entryData(zip, entry);
  if (entry.method === 0) {
    yield stored;
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
  inflater.end(stored);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > MAX_PART_BYTES) throw new XlsxError('表格内容过大 (sheet too large)');
      yield chunk;
    }
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw new XlsxError('压缩包已损坏 (corrupted zip)');
  } finally {
    inflater.destroy();
  }
}

/** A large part, inflated and decoded (UTF-8) a piece at a time. */
export async function* partChunks(zip: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of partBytes(zip, entry)) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

function decodeXmlBytes(bytes: Buffer, stream: boolean): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes, { stream });
}

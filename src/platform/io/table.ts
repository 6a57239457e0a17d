import { Worker } from 'node:worker_threads';
import { ioError } from './errors.ts';
import { DEFAULT_LIMITS, fileKind, type ReadLimits, type ReadOptions, type SheetRow } from './sheet.ts';
import type { SheetJob, SheetMessage } from './sheet-worker.ts';

export {
  DEFAULT_LIMITS,
  decodeText,
  normaliseHeader,
  parseCsv,
  type ReadLimits,
  type SheetRow,
} from './sheet.ts';

export interface ParsedTable {
  headers: string[];
  rows: SheetRow[];
}

/** An uploaded sheet being read in a worker thread: its headers, then its rows in chunks. */
export interface TableReader {
  headers: string[];
  /** The data rows, a chunk at a time; the worker reads ahead a few chunks and waits. */
  chunks(): AsyncGenerator<SheetRow[]>;
  /** Stops the worker (reading ends early, or has ended). */
  close(): Promise<void>;
}

/** Rows per message from the worker, and how many messages it may send before the importer takes them. */
const CHUNK_ROWS = 250;
const WINDOW = 8;
/** A worker's heap: a sheet that needs more is refused rather than taking the server's memory. */
const WORKER_HEAP_MB = 1024;

let running = 0;

/** How many spreadsheets are being read right now (each in its own worker thread). */
export function sheetsBeingRead(): number {
  return running;
}

/**
 * Reads a spreadsheet off the thread that answers requests: a worker thread
 * parses it as a stream and hands the rows over in chunks, so a large file
 * holds up no other request, a file with too many rows is refused as soon as
 * the count passes the limit, and the memory of parsing ends with the worker.
 * Type, size and emptiness are checked here first, before a worker starts.
 */
export async function openTable(data: Buffer, fileName: string, options: ReadOptions): Promise<TableReader> {
  fileKind(data, fileName, options.limits);
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  const worker = startWorker({ data: copy, fileName, options, chunkRows: CHUNK_ROWS, window: WINDOW });
  running++;
  let exited = false;
  const queue: (SheetMessage | { crashed: true })[] = [];
  let waiting: ((message: SheetMessage | { crashed: true }) => void) | null = null;
  let ended = false;
  const deliver = (message: SheetMessage | { crashed: true }) => {
    // The worker's exit after its last word (the end, or a refusal) says nothing more: a refusal
    // still waiting in the queue must not be replaced by "could not be read".
    if ('crashed' in message && ended) return;
    if ('end' in message || 'error' in message) ended = true;
    // A refusal overtakes the rows still queued: checking them would be wasted work.
    if ('error' in message || 'crashed' in message) queue.length = 0;
    if (waiting) {
      const w = waiting;
      waiting = null;
      w(message);
    } else queue.push(message);
  };
  worker.on('message', deliver);
  // A worker that dies (out of its heap) or stops without a word: the file could not be read.
  worker.on('error', () => deliver({ crashed: true }));
  worker.on('exit', () => {
    exited = true;
    running--;
    deliver({ crashed: true });
  });
  const next = () =>
    queue.length > 0
      ? Promise.resolve(queue.shift()!)
      : new Promise<SheetMessage | { crashed: true }>((resolve) => (waiting = resolve));
  const close = async () => {
    if (!exited) await worker.terminate();
  };
  const fail = (message: SheetMessage | { crashed: true }): Error => {
    if ('error' in message) {
      return ioError(message.error.code as Parameters<typeof ioError>[0], {
        ...(message.error.params ? { params: message.error.params } : {}),
      });
    }
    return ioError('IMPORT_FILE_UNREADABLE', {
      params: { reason: '文件过大或过于复杂，无法读取 (too large or complex to read)' },
    });
  };

  const first = await next();
  if (!('headers' in first)) {
    await close();
    throw fail(first);
  }
  let done = false;
  return {
    headers: first.headers,
    async *chunks() {
      if (done) return;
      try {
        for (;;) {
          const message = await next();
          if ('rows' in message) {
            yield message.rows;
            if (!exited) worker.postMessage({ ack: 1 });
          } else if ('end' in message) return;
          else throw fail(message);
        }
      } finally {
        done = true;
        await close();
      }
    },
    close,
  };
}

/** The whole sheet at once, for small files (a registration sheet, a batch of queries). */
export async function readTable(
  data: Buffer,
  fileName: string,
  limits: ReadLimits = DEFAULT_LIMITS,
  identifierHeaders: readonly string[] = [],
): Promise<ParsedTable> {
  const reader = await openTable(data, fileName, { limits, identifierHeaders });
  const rows: SheetRow[] = [];
  for await (const chunk of reader.chunks()) for (const row of chunk) rows.push(row);
  return { headers: reader.headers, rows };
}

/**
 * From the sources (tsx, vitest) a worker needs tsx's loader, which Node 20
 * does not pass to worker threads: ts-worker.mjs registers it, then loads the
 * worker. Compiled, the worker is the .js beside this file.
 */
function startWorker(job: SheetJob): Worker {
  const here = import.meta.url;
  const options = {
    transferList: [job.data.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  };
  if (here.endsWith('.ts')) {
    return new Worker(new URL('./ts-worker.mjs', here), {
      ...options,
      workerData: { ...job, entry: new URL('./sheet-worker.ts', here).href },
    });
  }
  return new Worker(new URL('./sheet-worker.js', here), { ...options, workerData: job });
}

import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../http/app-error.ts';
import { type ReadOptions, readSheet, type SheetRow } from './sheet.ts';

/**
 * A worker thread that reads one uploaded spreadsheet (see table.ts). It
 * parses at full speed — so that a file with too many rows is refused as
 * soon as the count passes the limit — and posts the header row, then the
 * rows in chunks, at most `window` chunks ahead of what the importer has
 * taken; rows parsed further ahead wait here. Then it ends, and its memory
 * goes with it.
 */
export interface SheetJob {
  data: Uint8Array;
  fileName: string;
  options: ReadOptions;
  chunkRows: number;
  window: number;
}

export type SheetMessage =
  | { headers: string[] }
  | { rows: SheetRow[] }
  | { end: true }
  | { error: { code: string; params?: Record<string, unknown> } };

const job = workerData as SheetJob;
const port = parentPort!;
const send = (message: SheetMessage) => port.postMessage(message);

let credits = job.window;
/** Chunks parsed and not yet posted, and the chunk being filled. */
const ready: SheetRow[][] = [];
let filling: SheetRow[] = [];
let parsed = false;
let over = false;

/** Posts what the importer has room for; after the last chunk, the end. */
function pump() {
  if (over) return;
  while (credits > 0 && ready.length > 0) {
    credits--;
    send({ rows: ready.shift()! });
  }
  if (parsed && ready.length === 0) finish({ end: true });
}

function finish(message: SheetMessage) {
  over = true;
  send(message);
  port.off('message', onAck);
}

function onAck(message: { ack?: number }) {
  credits += message.ack ?? 0;
  pump();
}
port.on('message', onAck);

async function run() {
  const data = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
  for await (const items of readSheet(data, job.fileName, job.options)) {
    for (const item of items) {
      if ('headers' in item) send({ headers: item.headers });
      else {
        filling.push(item.row);
        if (filling.length >= job.chunkRows) {
          ready.push(filling);
          filling = [];
        }
      }
    }
    pump();
  }
  if (filling.length > 0) ready.push(filling);
  filling = [];
  parsed = true;
  pump();
}

run().catch((err: unknown) => {
  // Only the code and its parameters cross, ahead of any rows still waiting: never a message that could quote the file.
  ready.length = 0;
  if (err instanceof AppError) {
    finish({ error: { code: err.code, ...(err.params ? { params: err.params } : {}) } });
  } else
    finish({
      error: { code: 'IMPORT_FILE_UNREADABLE', params: { reason: '文件内容无法解析 (cannot be parsed)' } },
    });
});

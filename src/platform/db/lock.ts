import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dbError } from './errors.ts';

/**
 * What a lock file holds: who holds it. `started` is the holder's start time
 * as the kernel counts it (Linux), so a pid reused by another process after a
 * crash is not mistaken for the holder.
 */
interface Holder {
  pid: number;
  host: string;
  started: string | null;
  nonce: string;
  at: string;
  command: string;
}

/** The holder touches its lock this often … */
const HEARTBEAT_MS = 15_000;
/** … and a lock untouched for this long is stale whoever holds it (another host, a container gone). */
export const STALE_AFTER_MS = 10 * 60_000;

/** Locks this process holds (file → nonce), released at exit whatever happens. */
const held = new Map<string, string>();
let exitHook = false;

export interface DirectoryLock {
  readonly file: string;
  release(): void;
}

/**
 * Takes the lock file `file` for this process, or throws DATA_DIR_LOCKED when
 * a live process holds it. A lock is stale, and taken over, when its holder is
 * on this host and no longer runs (a crash, a kill -9), or when it has not been
 * touched for STALE_AFTER_MS (the holder refreshes it while it lives).
 */
export function lockFile(file: string, dir: string): DirectoryLock {
  const nonce = randomBytes(8).toString('hex');
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    started: startTime(process.pid),
    nonce,
    at: new Date().toISOString(),
    command: process.argv.slice(1).join(' ').slice(0, 300),
  };
  for (let attempt = 0; ; attempt++) {
    if (create(file, `${JSON.stringify(me)}\n`)) break;
    const holder = readHolder(file);
    if (attempt < 3) {
      if (holder === 'gone') continue;
      if (isStale(file, holder)) {
        try {
          unlinkSync(file);
        } catch {}
        continue;
      }
    }
    const h = typeof holder === 'object' ? holder : undefined;
    throw dbError('DATA_DIR_LOCKED', {
      params: { dir, pid: h?.pid ?? '?', host: h?.host ?? '?', lock: file },
    });
  }
  held.set(file, nonce);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const [f, n] of held) releaseIfOurs(f, n);
    });
  }
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {}
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      held.delete(file);
      releaseIfOurs(file, nonce);
    },
  };
}

/** Creates `file` with `text` unless it exists (false then). */
function create(file: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, text);
  } catch (err) {
    closeSync(fd);
    unlinkSync(file);
    throw err;
  }
  closeSync(fd);
  return true;
}

function releaseIfOurs(file: string, nonce: string): void {
  const holder = readHolder(file);
  if (typeof holder === 'object' && holder.nonce === nonce) {
    try {
      unlinkSync(file);
    } catch {}
  }
}

function readHolder(file: string): Holder | 'unreadable' | 'gone' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'unreadable';
  }
  try {
    const holder = JSON.parse(text) as Holder;
    return typeof holder.pid === 'number' ? holder : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function isStale(file: string, holder: Holder | 'unreadable'): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(file).mtimeMs;
  } catch {
    return true;
  }
  if (age > STALE_AFTER_MS) return true;
  // Being written this very moment, or written by something else: leave it to age.
  if (holder === 'unreadable') return false;
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) {
    // Our own pid: a lock of ours is held (opened twice in one process); otherwise a previous
    // process that had our pid (a container's first process, restarted).
    return !held.has(file);
  }
  if (!alive(holder.pid)) return true;
  // Alive, but another process than the holder if the kernel says it started at another time.
  const started = startTime(holder.pid);
  return holder.started !== null && started !== null && started !== holder.started;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process's start time in clock ticks since boot (Linux /proc), or null where that cannot be read. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

// Runs a TypeScript worker when the platform runs from its sources (tsx, vitest):
// on Node 20 a worker thread does not inherit tsx's loader, so it registers it
// here and then loads the worker module named in workerData.entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);

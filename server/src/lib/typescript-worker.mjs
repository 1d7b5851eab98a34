// A worker thread's entry when the code runs from its TypeScript sources (tests, `npm run jc`):
// tsx compiles the module named in workerData, and what it imports. Bundles start their worker's
// own JavaScript file instead. Plain JavaScript, because it runs before anything is compiled.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.typescriptModule);

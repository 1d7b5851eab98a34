/**
 * A pool of worker threads (`node:worker_threads`) that run one kind of task, so that long CPU work
 * leaves the event loop free. Workers start when a task needs one, up to `size` at once; more tasks
 * wait in turn. An idle worker does not keep the process alive and stops after `idleMs`.
 *
 * The worker's side is `serveWorkerTasks`: while it works on a task it may send events (progress),
 * then it sends the task's value. A worker that dies (an uncaught error, out of memory) fails its
 * task and is replaced by the next task that needs one.
 */
import { isMainThread, parentPort, Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';

export interface WorkerPoolOptions {
  /** The worker's module; it calls serveWorkerTasks. */
  url: URL;
  /** Given to each worker as it starts (e.g. which TypeScript module typescript-worker.mjs runs). */
  workerData?: unknown;
  /** Workers at most, at least 1. */
  size: number;
  /** How long a worker waits for another task before it stops. */
  idleMs: number;
  /** Each worker's heap limits (node's defaults when absent). */
  resourceLimits?: ResourceLimits;
}

/** What a worker sends: events while it works, then the task's value (and whether it should stop). */
type Reply<Event, Value> = { event: Event } | { value: Value; retire?: boolean };

interface Task<Input, Event, Value> {
  input: Input;
  transfer: readonly TransferListItem[];
  onEvent: (event: Event) => void;
  resolve: (value: Value) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  idleTimer?: NodeJS.Timeout;
}

export class WorkerPool<Input, Event, Value> {
  private readonly idle: Slot[] = [];
  private readonly queue: Task<Input, Event, Value>[] = [];
  private started = 0;

  constructor(private readonly options: WorkerPoolOptions) {}

  /** Runs the task on a free worker; `transfer` lists buffers of `input` to move rather than copy. */
  run(input: Input, onEvent: (event: Event) => void, transfer: readonly TransferListItem[] = []): Promise<Value> {
    return new Promise<Value>((resolve, reject) => {
      this.queue.push({ input, transfer, onEvent, resolve, reject });
      this.next();
    });
  }

  /** Stops every idle worker (busy ones stop when their task ends, if no task waits). */
  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((slot) => this.stop(slot)));
  }

  private next(): void {
    if (this.queue.length === 0) return;
    const slot = this.idle.pop() ?? (this.started < Math.max(1, this.options.size) ? this.spawn() : undefined);
    if (!slot) return;
    clearTimeout(slot.idleTimer);
    this.work(slot, this.queue.shift()!);
  }

  private spawn(): Slot {
    const { url, workerData, resourceLimits } = this.options;
    this.started += 1;
    return { worker: new Worker(url, { workerData, resourceLimits }) };
  }

  private async stop(slot: Slot): Promise<void> {
    clearTimeout(slot.idleTimer);
    this.started -= 1;
    await slot.worker.terminate();
  }

  private work(slot: Slot, task: Task<Input, Event, Value>): void {
    const { worker } = slot;
    const onMessage = (reply: Reply<Event, Value>) => {
      if ('event' in reply) return task.onEvent(reply.event);
      stopListening();
      if (reply.retire) void this.stop(slot).then(() => this.next());
      else this.rest(slot);
      task.resolve(reply.value);
    };
    const onError = (error: unknown) => {
      stopListening();
      this.started -= 1;
      void worker.terminate();
      task.reject(error);
      this.next();
    };
    const onExit = (code: number) =>
      onError(new Error(`worker stopped (exit code ${code}) before it finished its task`));
    const stopListening = () => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.ref();
    worker.postMessage(task.input, [...task.transfer]);
  }

  /** Puts a worker that finished its task back to wait for the next, which it takes at once if one waits. */
  private rest(slot: Slot): void {
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => {
      const index = this.idle.indexOf(slot);
      if (index >= 0) void this.stop(this.idle.splice(index, 1)[0]!);
    }, this.options.idleMs).unref();
    this.idle.push(slot);
    this.next();
  }
}

/** What a task handler returns: the value, and which of its buffers to move rather than copy. */
export interface WorkerAnswer<Value> {
  value: Value;
  transfer?: readonly TransferListItem[];
  /** Stop this worker once the value is sent (e.g. after a task that made its memory grow); the next task starts another. */
  retire?: boolean;
}

/**
 * In a worker: handles the pool's tasks one at a time. `emit` sends an event to the task's caller.
 * An error the handler throws is uncaught, so it fails the task and ends the worker.
 */
export function serveWorkerTasks<Input, Event, Value>(
  handle: (input: Input, emit: (event: Event) => void) => Promise<WorkerAnswer<Value>>,
): void {
  if (isMainThread || !parentPort) throw new Error('serveWorkerTasks runs only inside a worker thread');
  const port = parentPort;
  const emit = (event: Event) => port.postMessage({ event } satisfies Reply<Event, Value>);
  port.on('message', (input: Input) => {
    void handle(input, emit).then(({ value, transfer = [], retire }) => {
      port.postMessage({ value, retire } satisfies Reply<Event, Value>, [...transfer]);
    });
  });
}

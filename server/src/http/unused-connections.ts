/**
 * A connection that never carried a request (a client's spare, opened ahead of need, or a load
 * balancer's TCP probe) is not "idle" to Node, so closing the server would wait for it until the
 * headers timeout, a minute later, and a SIGTERM would end in the forced exit instead of a clean
 * stop. While the app closes, such connections are dropped; nothing was sent on them, so nothing is
 * lost. Connections with a request in flight still finish it.
 */
import type { Socket } from 'node:net';
import type { App } from './app-types.ts';

/** How often, while closing, connections that opened since are checked again. */
const SWEEP_EVERY_MS = 200;

export function dropUnusedConnectionsOnClose(app: App): void {
  const open = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  const dropUnused = () => {
    for (const socket of open) if (socket.bytesRead === 0) socket.destroy();
  };
  let sweep: NodeJS.Timeout | undefined;
  app.addHook('preClose', (done) => {
    dropUnused();
    // The listener closes after this hook: a connection accepted in between is caught by the sweep.
    sweep = setInterval(dropUnused, SWEEP_EVERY_MS).unref();
    done();
  });
  app.addHook('onClose', (_instance, done) => {
    clearInterval(sweep);
    done();
  });
}

/**
 * Maintenance mode (MAINTENANCE_MESSAGE): every API route answers 503 with the operator's message
 * and Retry-After, while the web app's files are still served so each page can show the message.
 * /health keeps answering, so a load balancer keeps the instance while it is being worked on.
 */
import { DomainError } from '../../domain/errors.ts';
import type { Config } from '../../config.ts';
import type { App } from '../app-types.ts';
import { ruleFor } from '../route-rules.ts';

/** How long a client should wait before asking again: a maintenance window is minutes, not seconds. */
export const MAINTENANCE_RETRY_SECONDS = 300;

export function registerMaintenance(app: App, config: Pick<Config, 'maintenanceMessage'>): void {
  app.addHook('onRequest', async (request, reply) => {
    const message = config.maintenanceMessage;
    const url = request.routeOptions.url;
    if (!message || !url || url === '/health' || !ruleFor(request.method, url)) return;
    reply.header('retry-after', String(MAINTENANCE_RETRY_SECONDS));
    throw new DomainError('maintenance', message);
  });
}

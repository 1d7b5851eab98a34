import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, AppDeps } from './app-types.ts';

const healthResponse = z.object({ status: z.literal('ok'), database: z.enum(['postgres', 'embedded']) });

export function healthRoutes(app: App, { database }: AppDeps): void {
  app.get('/health', { config: { public: true }, schema: { response: { 200: healthResponse } } }, async () => {
    await database.db.execute(sql`select 1`);
    return { status: 'ok' as const, database: database.engine };
  });
}

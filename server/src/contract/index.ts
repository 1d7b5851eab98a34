/** The wire contract shared by server and web: zod schemas, their types, and limits. */
export * from './common.ts';
export * from './session.ts';

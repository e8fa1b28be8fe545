/** The typed API client of the web app: the only door to the server. */
export * from './errors.ts';
export * from './http.ts';
export * from './endpoints.ts';
export * from './keys.ts';
export * from './queries.ts';
export * from './mutations.ts';
export * from './client.ts';
export * from './auth.ts';
export * from './account.ts';
export * from './admin.ts';
export * from './audit.ts';
export type * from './types.ts';
export * from './partners.ts';

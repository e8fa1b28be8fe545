/** Public surface of the Strata domain: vocabulary and pure rules. */
export * from './types.ts';
export * from './dates.ts';
export * from './period.ts';
export * from './trajectory.ts';
export * from './status.ts';
export * from './aggregate.ts';
export * from './rollup.ts';
export * from './forecast.ts';
export * from './action-status.ts';
export * from './risk.ts';

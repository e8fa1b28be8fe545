/** The HTTP API's contracts: TypeBox schemas and the types inferred from them. */
export * from './common.ts';
export * from './workspace.ts';
export * from './indicators.ts';
export * from './actions.ts';
export * from './elements.ts';
export * from './dashboard.ts';
export * from './auth.ts';
export * from './risks.ts';
export * from './consultations.ts';
export * from './partners.ts';
export * from './cycles.ts';
export * from './data-io.ts';
export * from './revisions.ts';

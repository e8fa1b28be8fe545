/** Evaluation of a workspace snapshot: statuses, series, roll-ups. */
export * from './model.ts';
export * from './group-series.ts';
export * from './group-trajectory.ts';
export * from './evaluator.ts';
export * from './carry.ts';

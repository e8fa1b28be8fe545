/** The writer of each import kind. A new kind adds its writer here and its columns in src/domain/tabular/kinds.ts. */
import type { ImportKind } from '../../../domain/tabular/kinds.ts';
import { actionsWriter, indicatorsWriter } from './entities.ts';
import { measurementsWriter } from './measurements.ts';
import { agreementsWriter, partnersWriter } from './partners.ts';
import { targetsWriter } from './targets.ts';
import type { KindWriter } from './types.ts';

export const WRITERS: Record<ImportKind, KindWriter> = {
  measurements: measurementsWriter,
  targets: targetsWriter,
  indicators: indicatorsWriter,
  actions: actionsWriter,
  partners: partnersWriter,
  agreements: agreementsWriter,
};

/** Data in and out: spreadsheet imports, exports and templates, open data. */
import type { ServiceDeps } from '../context.ts';
import type { SnapshotLoader } from '../snapshot.ts';
import { actionsService } from '../actions.service.ts';
import { dashboardService } from '../dashboard.service.ts';
import { indicatorsService } from '../indicators.service.ts';
import { measurementsService } from '../measurements.service.ts';
import { exportService } from './export.service.ts';
import { importService } from './import.service.ts';
import { openDataService } from './open-data.service.ts';

/** Builds the data services over the same database, clock and snapshots as the others. */
export function dataIoServices(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const indicators = indicatorsService(deps, snapshots);
  const actions = actionsService(deps, snapshots);
  const dashboard = dashboardService(deps, snapshots);
  const measurements = measurementsService(deps, snapshots);
  return {
    imports: importService(deps, snapshots),
    exports: exportService(deps, snapshots, {
      indicators: (scope, q) => indicators.list(scope, q),
      actions: (scope, q) => actions.list(scope, q),
      dashboard: (scope, q) => dashboard.dashboard(scope, q),
      measurements: (scope, id, q) => measurements.list(scope, id, q),
    }),
    openData: openDataService(deps, snapshots),
  };
}

export type { ImportReport } from './import.service.ts';
export { LICENCE, OPEN_DATASETS, type OpenDataset } from './open-data.service.ts';
export { EXPORT_DATASETS, type ExportDataset } from './export.service.ts';
export { EXPORT_FORMATS, type ExportFormat, type RenderedFile } from './table.ts';
export { XLSX_TYPE } from './read-file.ts';

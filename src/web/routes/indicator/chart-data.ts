/** The chart model lives in the domain, shared with the server-rendered reports. */
export { buildChartModel, defaultChartView, periodAxis } from '../../../domain/chart-model.ts';
export type {
  ChartModel,
  ChartSeries,
  ChartView,
  SeriesKind,
} from '../../../domain/chart-model.ts';

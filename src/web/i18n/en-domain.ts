/** English names of the domain's vocabulary, the same shape as `fr-domain.ts`. */
import type { DomainMessages } from './fr-domain.ts';

export const enDomain: DomainMessages = {
  status: {
    on_track: 'On track',
    at_risk: 'At risk',
    off_track: 'Off track',
    no_data: 'No data',
    stale: 'Stale',
    staleSince: (date: string) => `Stale since ${date}`,
  },
  provenance: {
    official: 'Official',
    estimated: 'Estimated',
    illustrative: 'Illustrative (demo)',
    illustrativeHelp: 'Demonstration data, not to be quoted',
    banner:
      'Some figures shown are illustrative: demonstration data, flagged as such, that must not be quoted.',
  },
  origin: {
    reported: 'reported for the group',
    aggregated: 'aggregated from the schools',
  },
  direction: {
    increase: 'Increase',
    decrease: 'Decrease',
    range: 'Keep within a range',
    rangeBounds: (min: string, max: string) => `Keep between ${min} and ${max}`,
  },
  frequency: {
    year: 'Yearly (calendar year)',
    academic_year: 'Yearly (academic year)',
    semester: 'Every semester',
    quarter: 'Quarterly',
    month: 'Monthly',
  },
  perPeriod: {
    year: 'yr',
    academic_year: 'academic year',
    semester: 'semester',
    quarter: 'quarter',
    month: 'month',
  },
  periodHint: {
    year: 'Format YYYY, for example 2025',
    academic_year: 'Format YYYY-YY (academic year), for example 2025-26',
    semester: 'Format YYYY-S1 or YYYY-S2, for example 2025-S1',
    quarter: 'Format YYYY-Q1 to YYYY-Q4, for example 2025-Q3',
    month: 'Format YYYY-MM, for example 2025-07',
  },
  aggregation: {
    sum: 'Sum: the group value is the sum of the schools’ values.',
    mean: 'Plain mean of the schools’ values.',
    weighted_mean: (weight: string) =>
      `Mean weighted by ${weight}: each school counts by its size, never a plain mean of rates.`,
    ratio_of_sums: (numerator: string, denominator: string) =>
      `Ratio of sums: total “${numerator}” / total “${denominator}” across schools, never a mean of rates.`,
    min: 'Minimum of the schools’ values.',
    max: 'Maximum of the schools’ values.',
    none: 'No aggregation: the group value is reported directly.',
    otherIndicator: 'another indicator',
  },
  unitKind: {
    group: 'Group',
    school: 'School',
    subsidiary: 'Subsidiary',
    department: 'Department',
    campus: 'Campus',
    partner_school: 'Partner school',
  },
  actionState: {
    planned: 'Planned',
    in_progress: 'In progress',
    done: 'Done',
    cancelled: 'Cancelled',
  },
  attention: {
    off_track: 'Off track',
    at_risk: 'At risk',
    stale: 'Stale figure',
    overdue: 'Overdue',
    indicator: 'Indicator',
    action: 'Action',
    element: 'Plan element',
  },
  planStatus: { draft: 'Draft', adopted: 'Adopted', archived: 'Archived' },
};

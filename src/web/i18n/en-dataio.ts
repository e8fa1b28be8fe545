/** English strings of the data area: import wizard, exports, open data. */
import type { frDataio } from './fr-dataio.ts';

export const enDataio: typeof frDataio = {
  dataio: {
    publishLabel: 'Published as open data',
    publishHelp:
      'Readable without signing in under /public and in the open datasets (Licence Ouverte 2.0).',
    publishConfidential: 'Confidential indicator: it cannot be published as open data.',
    nav: 'Import data',
    navPublic: 'Open data',
    importTitle: 'Import data',
    importIntro:
      'Import figures, targets, indicators or actions from a CSV or XLSX file. The file is first checked without writing anything; the import then records all of it or nothing. Importing the same file again changes nothing.',
    stepTemplate: '1. Download a template',
    templateHelp:
      'The figures template is pre-filled with the indicators and units whose figures you may record.',
    kinds: {
      measurements: 'Figures',
      targets: 'Targets and milestones',
      indicators: 'Indicators',
      actions: 'Actions',
      partners: 'Partners',
      agreements: 'Partnership agreements',
    },
    stepFile: '2. Choose the file',
    fileLabel: 'CSV or XLSX file',
    fileHelp:
      'CSV: UTF-8 (with or without BOM), ";" or "," separated; decimal commas and dd/mm/yyyy dates are accepted. 10 MB at most.',
    clearFile: 'Remove the file',
    kindLabel: 'Kind of data',
    kindAuto: 'Told from the headers',
    check: 'Check the file',
    stepPreview: '3. Check and import',
    summary: (rows: number, created: number, updated: number, skipped: number) =>
      `${rows} rows: ${created} new, ${updated} changed, ${skipped} unchanged.`,
    noProblem: 'No problem: the file can be imported.',
    problemsTitle: (n: number) => `${n} problem(s): fix the file, then check it again.`,
    row: 'Row',
    column: 'Column',
    field: 'Field',
    message: 'Problem',
    confirm: 'Import',
    done: (created: number, updated: number, skipped: number) =>
      `Import done: ${created} new, ${updated} changed, ${skipped} unchanged.`,
    signIn: 'Sign in to import data.',
    export: 'Export:',
    exportAs: (format: string) => `Export as ${format}`,
    exportCsvComma: 'CSV (comma separated)',
    publicTitle: 'Open data',
    publicIntro:
      'What the strategy office publishes: plan elements, indicators and their figures, free to reuse under the Licence Ouverte 2.0 (Etalab).',
    licence: 'Licence Ouverte / Open Licence 2.0 (Etalab)',
    catalog: 'DCAT-AP catalogue (JSON-LD)',
    downloads: 'Downloads',
    datasets: {
      elements: 'Published elements',
      indicators: 'Published indicators',
      figures: 'Figures',
    },
    shownOf: (n: number, total: number) =>
      `The ${n} latest figures of ${total}; all of them are in the downloads.`,
    nothingPublished: 'Nothing is published yet.',
    code: 'Code',
    title: 'Title',
    unit: 'Unit',
    period: 'Period',
    value: 'Value',
    provenance: 'Provenance',
  },
};

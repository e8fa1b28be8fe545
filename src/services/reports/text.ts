/** The reports' words in French and English, and the few formats they need. */
import type { ReportLang } from './model.ts';

const fr = {
  annualTitle: 'Rapport annuel d’avancement',
  boardTitle: 'Dossier de synthèse pour le conseil',
  group: 'Groupe',
  colon: '\u00a0: ',
  period: 'Période',
  asOf: 'Données au',
  generated: 'Données telles qu’enregistrées à la fin du',
  contents: 'Sommaire',
  summary: 'Synthèse',
  overall: 'Statut d’ensemble du plan',
  headlines: 'Chiffres clés',
  matrix: 'Statut par priorité',
  matrixCaption: (columns: string) => `Statut de chaque priorité ${columns}`,
  byUnitColumns: 'par établissement',
  unitAndGroupColumns: 'pour l’établissement et pour le groupe',
  priority: 'Priorité',
  priorities: 'Priorités',
  indicators: 'Indicateurs',
  indicator: 'Indicateur',
  actions: 'Actions',
  action: 'Action',
  lead: 'Pilote',
  due: 'Échéance',
  progress: 'Avancement',
  state: 'État',
  status: 'Statut',
  value: 'Valeur',
  expected: 'Trajectoire',
  target: 'Cible',
  latest: 'Dernière valeur',
  provenance: 'Provenance',
  source: 'Source',
  coverage: 'Couverture',
  noIndicator: 'Aucun indicateur visible pour cette priorité.',
  noAction: 'Aucune action visible pour cette priorité.',
  noFigure: 'Aucune valeur enregistrée.',
  attention: 'Points d’attention',
  noAttention: 'Aucun point d’attention.',
  reason: 'Motif',
  detail: 'Détail',
  unit: 'Établissement',
  changes: 'Ce qui a changé depuis la période précédente',
  changesIntro: (date: string) => `Statuts comparés à ceux du ${date}.`,
  noChanges: 'Aucun changement de statut.',
  from: 'Avant',
  to: 'Maintenant',
  decisions: 'Décisions attendues',
  decisionsIntro:
    'Éléments hors trajectoire ou en retard sur lesquels le conseil est invité à se prononcer.',
  noDecisions: 'Aucun élément hors trajectoire ni en retard.',
  methodology: 'Méthode et sources',
  methodText: [
    'Le statut d’un indicateur compare la dernière valeur à la valeur attendue sur sa trajectoire (interpolation linéaire entre la référence, les jalons et la cible) : en bonne voie à partir de 95 % du progrès attendu, à surveiller à partir de 80 %, hors trajectoire en dessous (seuils propres à chaque indicateur).',
    'La valeur du groupe est celle déclarée pour le groupe, sinon l’agrégation des établissements selon la règle de l’indicateur (somme, moyenne pondérée, ratio des sommes…) ; la couverture indique combien d’établissements ont déclaré.',
    'Le statut d’une priorité est la moyenne pondérée des scores de ses indicateurs, actions et objectifs (en bonne voie 1, à surveiller 0,5, hors trajectoire 0) ; les éléments sans donnée sont exclus et comptés.',
    'Provenance : « officielle » pour un chiffre publié, « estimée » pour une estimation, « illustrative » pour une valeur de démonstration.',
  ],
  sources: 'Sources des indicateurs',
  chartTitle: (name: string) => `Évolution de « ${name} » et sa trajectoire`,
  chartDesc:
    'Valeurs enregistrées (ligne pleine), trajectoire attendue (pointillés), cible (losange) et projection (tirets). Les mêmes données figurent dans le tableau qui suit.',
  tableCaption: (name: string) => `Valeurs de « ${name} » avec leur provenance et leur source`,
  seriesGroup: 'Valeur',
  seriesExpected: 'Trajectoire',
  seriesTarget: 'Cible',
  seriesForecast: 'Projection',
  page: (n: number, total: number) => `Page ${n} / ${total}`,
  statuses: {
    on_track: 'En bonne voie',
    at_risk: 'À surveiller',
    off_track: 'Hors trajectoire',
    no_data: 'Sans donnée',
  } as Record<string, string>,
  reasons: {
    off_track: 'Hors trajectoire',
    at_risk: 'À surveiller',
    stale: 'Donnée ancienne',
    overdue: 'En retard',
  } as Record<string, string>,
  states: {
    planned: 'Prévue',
    in_progress: 'En cours',
    done: 'Terminée',
    cancelled: 'Annulée',
  } as Record<string, string>,
  provenances: {
    official: 'Officielle',
    estimated: 'Estimée',
    illustrative: 'Illustrative',
  } as Record<string, string>,
  counts: (n: number, what: string) => `${String(n)} ${what}`,
};

const en: typeof fr = {
  annualTitle: 'Annual progress report',
  boardTitle: 'Board briefing pack',
  group: 'Group',
  colon: ': ',
  period: 'Period',
  asOf: 'Data as of',
  generated: 'Data as recorded at the end of',
  contents: 'Contents',
  summary: 'Summary',
  overall: 'Overall status of the plan',
  headlines: 'Headline figures',
  matrix: 'Status by priority',
  matrixCaption: (columns: string) => `Status of each priority ${columns}`,
  byUnitColumns: 'by school',
  unitAndGroupColumns: 'for the school and for the group',
  priority: 'Priority',
  priorities: 'Priorities',
  indicators: 'Indicators',
  indicator: 'Indicator',
  actions: 'Actions',
  action: 'Action',
  lead: 'Lead',
  due: 'Due',
  progress: 'Progress',
  state: 'State',
  status: 'Status',
  value: 'Value',
  expected: 'Trajectory',
  target: 'Target',
  latest: 'Latest value',
  provenance: 'Provenance',
  source: 'Source',
  coverage: 'Coverage',
  noIndicator: 'No visible indicator for this priority.',
  noAction: 'No visible action for this priority.',
  noFigure: 'No figure recorded.',
  attention: 'Attention list',
  noAttention: 'Nothing needs attention.',
  reason: 'Reason',
  detail: 'Detail',
  unit: 'School',
  changes: 'What changed since the previous period',
  changesIntro: (date: string) => `Statuses compared with those of ${date}.`,
  noChanges: 'No status changed.',
  from: 'Before',
  to: 'Now',
  decisions: 'Decisions needed',
  decisionsIntro: 'Items off track or overdue on which the board is invited to decide.',
  noDecisions: 'No item is off track or overdue.',
  methodology: 'Methodology and sources',
  methodText: [
    'An indicator’s status compares its latest value with the value expected on its trajectory (linear interpolation between baseline, milestones and target): on track from 95% of the expected progress, at risk from 80%, off track below (thresholds set per indicator).',
    'The group value is the one reported for the group, else the schools’ figures aggregated by the indicator’s rule (sum, weighted mean, ratio of sums…); coverage says how many schools reported.',
    'A priority’s status is the weighted mean of the scores of its indicators, actions and objectives (on track 1, at risk 0.5, off track 0); items without data are left out and counted.',
    'Provenance: “official” for a published figure, “estimated” for an estimate, “illustrative” for a demonstration value.',
  ],
  sources: 'Indicator sources',
  chartTitle: (name: string) => `“${name}” over time against its trajectory`,
  chartDesc:
    'Recorded values (solid line), expected trajectory (dotted), target (diamond) and projection (dashed). The same data is in the table that follows.',
  tableCaption: (name: string) => `Values of “${name}” with their provenance and source`,
  seriesGroup: 'Value',
  seriesExpected: 'Trajectory',
  seriesTarget: 'Target',
  seriesForecast: 'Projection',
  page: (n: number, total: number) => `Page ${String(n)} of ${String(total)}`,
  statuses: {
    on_track: 'On track',
    at_risk: 'At risk',
    off_track: 'Off track',
    no_data: 'No data',
  },
  reasons: {
    off_track: 'Off track',
    at_risk: 'At risk',
    stale: 'Stale figure',
    overdue: 'Overdue',
  },
  states: { planned: 'Planned', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
  provenances: { official: 'Official', estimated: 'Estimated', illustrative: 'Illustrative' },
  counts: (n: number, what: string) => `${String(n)} ${what}`,
};

export type ReportText = typeof fr;

/** The words of a report's language. */
export function reportText(lang: ReportLang): ReportText {
  return lang === 'fr' ? fr : en;
}

const LOCALES: Record<ReportLang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** A number with the indicator's decimals, in the report's language. */
export function formatNumber(value: number, decimals: number, lang: ReportLang): string {
  const digits = Math.max(0, Math.min(6, Math.trunc(decimals)));
  return new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A value with its unit label (no label for plain counts). */
export function formatValue(
  value: number,
  unitLabel: string,
  decimals: number,
  lang: ReportLang,
): string {
  const number = formatNumber(value, decimals, lang);
  if (unitLabel === 'count' || unitLabel === 'ratio' || unitLabel === '') return number;
  if (unitLabel === '%') return lang === 'fr' ? `${number}\u00a0%` : `${number}%`;
  return `${number}\u00a0${unitLabel}`;
}

/** A date written out, e.g. 31 décembre 2025 / 31 December 2025. */
export function formatDate(iso: string, lang: ReportLang): string {
  const date = new Date(`${iso}T12:00:00Z`);
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** The status colours (text on white passes AA contrast). */
export const STATUS_COLORS: Record<string, { fg: string; bg: string }> = {
  on_track: { fg: '#1b5e20', bg: '#e3f4e4' },
  at_risk: { fg: '#7a4a00', bg: '#fff1d6' },
  off_track: { fg: '#a51d1d', bg: '#fde5e5' },
  no_data: { fg: '#495057', bg: '#eef0f2' },
};

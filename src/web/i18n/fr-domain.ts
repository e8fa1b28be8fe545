/**
 * French names of the domain's vocabulary: statuses, provenances, directions, frequencies,
 * aggregation rules, unit kinds… The reference shape for `en-domain.ts`.
 */
export const frDomain = {
  status: {
    on_track: 'En bonne voie',
    at_risk: 'À risque',
    off_track: 'En retard',
    no_data: 'Sans donnée',
    stale: 'Donnée périmée',
    staleSince: (date: string) => `Donnée périmée depuis le ${date}`,
  },
  provenance: {
    official: 'Officielle',
    estimated: 'Estimée',
    illustrative: 'Illustrative (démo)',
    illustrativeHelp: 'Donnée de démonstration, à ne pas citer',
    banner:
      'Certaines valeurs affichées sont illustratives : ce sont des données de démonstration, signalées comme telles, qui ne doivent pas être citées.',
  },
  origin: {
    reported: 'déclarée pour le groupe',
    aggregated: 'agrégée à partir des écoles',
  },
  direction: {
    increase: 'À augmenter',
    decrease: 'À réduire',
    range: 'À maintenir dans une fourchette',
    rangeBounds: (min: string, max: string) => `À maintenir entre ${min} et ${max}`,
  },
  frequency: {
    year: 'Annuelle (année civile)',
    academic_year: 'Annuelle (année universitaire)',
    semester: 'Semestrielle',
    quarter: 'Trimestrielle',
    month: 'Mensuelle',
  },
  perPeriod: {
    year: 'an',
    academic_year: 'année universitaire',
    semester: 'semestre',
    quarter: 'trimestre',
    month: 'mois',
  },
  periodHint: {
    year: 'Format AAAA, par exemple 2025',
    academic_year: 'Format AAAA-AA (année universitaire), par exemple 2025-26',
    semester: 'Format AAAA-S1 ou AAAA-S2, par exemple 2025-S1',
    quarter: 'Format AAAA-Q1 à AAAA-Q4, par exemple 2025-Q3',
    month: 'Format AAAA-MM, par exemple 2025-07',
  },
  aggregation: {
    sum: 'Somme : la valeur du groupe est la somme des valeurs des écoles.',
    mean: 'Moyenne simple des valeurs des écoles.',
    weighted_mean: (weight: string) =>
      `Moyenne pondérée par ${weight} : chaque école compte selon son effectif, jamais une moyenne simple de taux.`,
    ratio_of_sums: (numerator: string, denominator: string) =>
      `Rapport des sommes : total « ${numerator} » / total « ${denominator} » sur les écoles, jamais une moyenne de taux.`,
    min: 'Minimum des valeurs des écoles.',
    max: 'Maximum des valeurs des écoles.',
    none: 'Pas d’agrégation : la valeur du groupe est déclarée directement.',
    otherIndicator: 'un autre indicateur',
  },
  unitKind: {
    group: 'Groupe',
    school: 'École',
    subsidiary: 'Filiale',
    department: 'Département',
    campus: 'Campus',
    partner_school: 'École partenaire',
  },
  actionState: {
    planned: 'Prévue',
    in_progress: 'En cours',
    done: 'Terminée',
    cancelled: 'Annulée',
  },
  attention: {
    off_track: 'En retard',
    at_risk: 'À risque',
    stale: 'Donnée périmée',
    overdue: 'Échéance dépassée',
    indicator: 'Indicateur',
    action: 'Action',
    element: 'Élément du plan',
  },
  planStatus: { draft: 'Brouillon', adopted: 'Adopté', archived: 'Archivé' },
};

/** Shape of the domain vocabulary in every language. */
export type DomainMessages = typeof frDomain;

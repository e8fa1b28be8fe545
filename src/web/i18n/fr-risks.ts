/**
 * French strings of the risk register: the register, a risk's page with its reviews, the
 * likelihood × impact matrix, and the risks shown on element and action pages. The reference
 * shape for `en-risks.ts`.
 */
export const frRisks = {
  risks: {
    nav: 'Risques',
    registerTitle: 'Registre des risques',
    registerIntro:
      'Les risques du groupe et des écoles : probabilité, impact, responsable, mesures d’atténuation et prochaine revue.',
    registerCaption: 'Risques avec leur évaluation, leur niveau et leur prochaine revue',
    matrixTitle: 'Matrice des risques',
    matrixIntro:
      'Nombre de risques ouverts ou atténués par probabilité et impact. Choisissez une case pour voir ses risques.',
    matrixCaption: 'Risques par probabilité (lignes) et impact (colonnes)',
    matrixCell: (count: number, likelihood: number, impact: number) =>
      `${count} risque${count > 1 ? 's' : ''}, probabilité ${likelihood}, impact ${impact}`,
    matrixTotal: (n: number) =>
      n <= 1 ? `${n} risque ouvert ou atténué` : `${n} risques ouverts ou atténués`,
    seeMatrix: 'Voir la matrice',
    seeRegister: 'Voir le registre',
    empty: 'Aucun risque ne correspond.',
    noRisks: 'Aucun risque lié.',
    sectionTitle: 'Risques',
    filters: 'Filtres',
    allUnits: 'Toutes les unités',
    allPriorities: 'Toutes les priorités',
    allStatuses: 'Tous les statuts',
    allLevels: 'Tous les niveaux',
    priority: 'Priorité',
    clearCell: (likelihood: number, impact: number) =>
      `Case probabilité ${likelihood} × impact ${impact} — tout afficher`,
    likelihood: 'Probabilité',
    impact: 'Impact',
    score: 'Score',
    level: 'Niveau',
    category: 'Catégorie',
    owner: 'Responsable',
    mitigation: 'Atténuation',
    description: 'Description',
    reviewOn: 'Prochaine revue',
    reviewOverdue: 'Revue en retard',
    lastReviewed: 'Dernière revue',
    links: 'Éléments et actions liés',
    linkedElements: 'Éléments du plan',
    linkedActions: 'Actions',
    history: 'Historique des revues',
    historyCaption: 'Revues du risque, la plus récente d’abord',
    reviewedOn: 'Date de revue',
    note: 'Commentaire',
    reviewer: 'Par',
    noReviews: 'Aucune revue.',
    reviewForm: 'Nouvelle revue',
    reviewHelp:
      'Une revue s’ajoute à l’historique sans rien effacer. Elle peut changer le statut et la date de la prochaine revue.',
    submitReview: 'Enregistrer la revue',
    reviewSaved: 'Revue enregistrée.',
    keep: 'Inchangé',
    asOfNote: (date: string) =>
      `Évaluation telle qu’enregistrée au ${date} ; statut et responsable sont les actuels.`,
    status: { open: 'Ouvert', mitigated: 'Atténué', closed: 'Clos' },
    levels: { low: 'Faible', medium: 'Modéré', high: 'Élevé', critical: 'Critique' },
    categories: {
      strategic: 'Stratégique',
      operational: 'Opérationnel',
      financial: 'Financier',
      compliance: 'Conformité',
      reputation: 'Réputation',
      people: 'Ressources humaines',
      technology: 'Numérique',
      other: 'Autre',
    },
    attentionKind: 'Risque',
    legend: 'Niveaux et scores (probabilité × impact)',
    otherUnit: 'Ce risque relève d’une autre unité : votre compte ne peut pas le revoir.',
  },
};

export type RiskMessages = typeof frRisks;

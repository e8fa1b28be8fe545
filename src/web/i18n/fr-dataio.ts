/** French strings of the data area: import wizard, exports, open data. Reference shape for en-dataio.ts. */
export const frDataio = {
  dataio: {
    publishLabel: 'Publié en données ouvertes',
    publishHelp:
      'Lisible sans connexion sous /public et dans les jeux de données ouverts (Licence Ouverte 2.0).',
    publishConfidential:
      'Indicateur confidentiel : il ne peut pas être publié en données ouvertes.',
    nav: 'Importer des données',
    navPublic: 'Données ouvertes',
    importTitle: 'Importer des données',
    importIntro:
      'Importez des valeurs, des cibles, des indicateurs ou des actions depuis un fichier CSV ou XLSX. Le fichier est d’abord vérifié sans rien écrire ; l’import enregistre ensuite tout ou rien. Réimporter le même fichier ne change rien.',
    stepTemplate: '1. Télécharger un modèle',
    templateHelp:
      'Le modèle des valeurs est prérempli avec les indicateurs et les unités dont vous pouvez saisir les valeurs.',
    kinds: {
      measurements: 'Valeurs',
      targets: 'Cibles et jalons',
      indicators: 'Indicateurs',
      actions: 'Actions',
      partners: 'Partenaires',
      agreements: 'Accords de partenariat',
    },
    stepFile: '2. Choisir le fichier',
    fileLabel: 'Fichier CSV ou XLSX',
    fileHelp:
      'CSV : UTF-8 (avec ou sans BOM), séparateur « ; » ou « , », virgule décimale et dates jj/mm/aaaa acceptées. 10 Mo au plus.',
    clearFile: 'Retirer le fichier',
    kindLabel: 'Type de données',
    kindAuto: 'Reconnu d’après les en-têtes',
    check: 'Vérifier le fichier',
    stepPreview: '3. Vérifier et importer',
    summary: (rows: number, created: number, updated: number, skipped: number) =>
      `${rows} lignes : ${created} nouvelles, ${updated} modifiées, ${skipped} inchangées.`,
    noProblem: 'Aucun problème : le fichier peut être importé.',
    problemsTitle: (n: number) =>
      `${n} problème(s) : corrigez le fichier puis vérifiez-le à nouveau.`,
    row: 'Ligne',
    column: 'Colonne',
    field: 'Champ',
    message: 'Problème',
    confirm: 'Importer',
    done: (created: number, updated: number, skipped: number) =>
      `Import terminé : ${created} nouvelles, ${updated} modifiées, ${skipped} inchangées.`,
    signIn: 'Connectez-vous pour importer des données.',
    export: 'Exporter :',
    exportAs: (format: string) => `Exporter en ${format}`,
    exportCsvComma: 'CSV (séparateur virgule)',
    publicTitle: 'Données ouvertes',
    publicIntro:
      'Ce que la direction de la stratégie publie : éléments du plan, indicateurs et leurs valeurs, librement réutilisables sous la Licence Ouverte 2.0 (Etalab).',
    licence: 'Licence Ouverte / Open Licence 2.0 (Etalab)',
    catalog: 'Catalogue DCAT-AP (JSON-LD)',
    downloads: 'Téléchargements',
    datasets: {
      elements: 'Éléments publiés',
      indicators: 'Indicateurs publiés',
      figures: 'Valeurs',
    },
    shownOf: (n: number, total: number) =>
      `Les ${n} valeurs les plus récentes sur ${total} ; toutes sont dans les téléchargements.`,
    nothingPublished: 'Rien n’est encore publié.',
    code: 'Code',
    title: 'Intitulé',
    unit: 'Unité',
    period: 'Période',
    value: 'Valeur',
    provenance: 'Provenance',
  },
};

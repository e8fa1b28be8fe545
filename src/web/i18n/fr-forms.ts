/**
 * French strings of the creation and editing forms: risks (create, edit), partners (create,
 * edit) and agreements (create from a partner's page). The reference shape for `en-forms.ts`.
 */
export const frForms = {
  forms: {
    cancel: 'Annuler',
    saveChanges: 'Enregistrer les modifications',
    saved: 'Modifications enregistrées.',
    required: 'Champ obligatoire.',
    checkFields: (n: number) =>
      n <= 1
        ? 'Le serveur a refusé la saisie : corrigez le champ signalé.'
        : `Le serveur a refusé la saisie : corrigez les ${n} champs signalés.`,
    refused: (message: string) => `Valeur refusée : ${message}`,
    atMost: (n: string) => `La valeur doit être au plus ${n}.`,
    atLeast: (n: string) => `La valeur doit être au moins ${n}.`,
    badFormat: 'Format invalide.',
    titleFr: 'Titre (français)',
    titleEn: 'Titre (anglais)',
    descriptionFr: 'Description (français)',
    descriptionEn: 'Description (anglais)',
    code: 'Code',
    codeHint: 'Lettres, chiffres, points, tirets (ex. RSK-FIN).',
    unit: 'Unité',
    provenance: 'Provenance',
    elements: 'Éléments du plan liés',
    actions: 'Actions liées',
    indicators: 'Indicateurs suivis',
    // Risks
    newRisk: 'Nouveau risque',
    newRiskIntro:
      'La probabilité et l’impact saisis ici forment la première revue du risque ; ils changent ensuite par une revue.',
    createRisk: 'Créer le risque',
    editRisk: 'Modifier le risque',
    editRiskIntro:
      'La probabilité et l’impact ne se modifient pas ici : enregistrez une revue plus bas.',
    mitigationFr: 'Atténuation (français)',
    mitigationEn: 'Atténuation (anglais)',
    // Partners
    newPartner: 'Nouveau partenaire',
    createPartner: 'Enregistrer le partenaire',
    editPartner: 'Modifier le partenaire',
    partnerName: 'Nom',
    countryHint: 'Code ISO à deux lettres (FR, DE…).',
    sirenHint: 'Neuf chiffres, pour un partenaire français.',
    sirenLuhn: 'Ce SIREN n’est pas valide : sa clé de contrôle (Luhn) ne correspond pas.',
    sirenFormat: 'Un SIREN compte exactement neuf chiffres.',
    sirenNotFrench: 'Seul un partenaire français (pays FR) a un SIREN.',
    sirenTaken: 'Ce SIREN est déjà enregistré pour un autre partenaire.',
    websiteHint: 'Adresse commençant par https:// ou http://',
    websiteInvalid: 'Adresse web invalide : elle doit commencer par https:// ou http://.',
    countryInvalid: 'Code pays invalide : deux lettres majuscules (ex. FR).',
    // Agreements
    newAgreement: 'Nouvel accord',
    newAgreementIntro: (partner: string) => `Un accord avec ${partner}.`,
    createAgreement: 'Enregistrer l’accord',
    startDate: 'Début',
    endDate: 'Fin',
    amountEuros: 'Montant (euros)',
    amountHint: 'Ex. 150000 ou 12 500,50',
    amountInvalid: 'Montant invalide : un nombre positif d’euros, au centime près.',
    schools: 'Écoles concernées',
    schoolsHint: 'Un éditeur d’école ne peut nommer que ses propres écoles.',
    priorities: 'Priorités et éléments servis',
    endBeforeStart: 'La fin doit suivre le début.',
    // Contacts
    newContact: 'Nouveau contact',
    editContact: 'Modifier un contact',
    createContact: 'Enregistrer le contact',
    chooseContact: 'Contact à modifier',
    contactSaved: 'Contact enregistré.',
    phone: 'Téléphone',
    note: 'Note',
    purposeHint:
      'Pourquoi cette personne est enregistrée (RGPD) : par exemple le suivi d’une convention.',
    // Funding lines
    newFundingLine: 'Nouvelle ligne de financement',
    createFundingLine: 'Enregistrer la ligne',
    fundingSaved: 'Ligne de financement enregistrée.',
    funderPartner: 'Partenaire financeur (annuaire)',
    noPartner: 'Aucun',
    cofinancingRate: 'Taux de cofinancement (%)',
    amountRow: (n: number) => `Montants — ligne ${n}`,
    euros: (what: string) => `${what} (euros)`,
    addYear: 'Ajouter une ligne de montants',
    removeYear: (n: number) => `Retirer la ligne ${n}`,
    yearInvalid: 'Année invalide : quatre chiffres (ex. 2026).',
    agreementCreated: 'Accord enregistré.',
  },
};

export type FormMessages = typeof frForms;

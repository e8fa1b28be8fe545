/**
 * The accessibility statement (RGAA 4.1), in French and English: the same shape in both
 * languages, written for Strata and any group that deploys it.
 */
export interface StatementItem {
  text: string;
  href?: string;
}

export interface StatementBlock {
  heading: string;
  paragraphs: readonly string[];
  items?: readonly StatementItem[];
}

export interface Statement {
  title: string;
  intro: readonly string[];
  blocks: readonly StatementBlock[];
  updated: string;
}

const FORM = 'https://formulaire.defenseurdesdroits.fr/';
const DELEGATES = 'https://www.defenseurdesdroits.fr/saisir/delegues';

export const statementFr: Statement = {
  title: 'Déclaration d’accessibilité',
  intro: [
    'L’établissement qui exploite cette instance de Strata s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n°\u00a02005-102 du 11 février 2005.',
    'Cette déclaration d’accessibilité s’applique à l’application web Strata : tableau de bord, plan stratégique, pages des éléments, indicateurs, actions et écoles, alignement, recherche.',
  ],
  blocks: [
    {
      heading: 'État de conformité',
      paragraphs: [
        'Strata est non conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1 : aucun audit de conformité n’a encore été réalisé. Chaque page est toutefois vérifiée automatiquement avec axe-core (WCAG 2.1 A et AA) à chaque modification du code.',
      ],
    },
    {
      heading: 'Résultats des tests',
      paragraphs: [
        'Aucun audit RGAA n’a encore été réalisé ; le taux de conformité n’est donc pas encore mesuré.',
        'Chaque version est vérifiée automatiquement : les tests de bout en bout ouvrent chaque page dans un navigateur Chromium sans interface, en français et en anglais, à la largeur d’un ordinateur et d’un téléphone, et les analysent avec axe-core (règles WCAG 2.0 et 2.1, niveaux A et AA). Une version qui présente une violation n’est pas publiée.',
        'Les outils automatiques ne détectent qu’une partie des défauts d’accessibilité : ils ne remplacent ni un audit, ni des tests avec des lecteurs d’écran et au clavier.',
      ],
    },
    {
      heading: 'Ce qui est fait pour l’accessibilité',
      paragraphs: [],
      items: [
        {
          text: 'Lien d’évitement vers le contenu, régions (en-tête, navigation, contenu principal, pied de page) et titres hiérarchisés sur chaque page.',
        },
        {
          text: 'Statuts toujours donnés par un texte et une icône, jamais par la couleur seule ; contrastes d’au moins 4,5:1.',
        },
        {
          text: 'Chaque graphique est accompagné d’un tableau de données équivalent, avec en-têtes et légende.',
        },
        {
          text: 'Champs de formulaire étiquetés, erreurs annoncées et affichées à côté du champ concerné.',
        },
        { text: 'Interface en français et en anglais ; la langue de la page est déclarée.' },
        {
          text: 'Utilisable au clavier et sur un écran de téléphone (375 pixels) sans défilement horizontal de la page.',
        },
      ],
    },
    {
      heading: 'Contenus non accessibles et limites connues',
      paragraphs: [
        'Les graphiques des indicateurs sont des images : leur contenu est restitué par le tableau de données qui les suit.',
        'Certains contenus saisis par les utilisateurs (intitulés, descriptions) peuvent n’exister que dans une langue ; ils sont alors affichés dans l’autre langue.',
      ],
    },
    {
      heading: 'Établissement de cette déclaration',
      paragraphs: [
        'Cette déclaration a été établie le 26 novembre 2026.',
        'Technologies utilisées : HTML5, CSS, JavaScript (React), WAI-ARIA, SVG.',
        'Environnement de test : Chromium sans interface piloté par playwright-core, analyse axe-core.',
      ],
    },
    {
      heading: 'Retour d’information et contact',
      paragraphs: [
        'Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez l’équipe qui administre cette instance de Strata (pour l’Institut Mines-Télécom, sa direction de la stratégie) : elle vous orientera vers une alternative accessible ou vous fournira le contenu sous une autre forme.',
        'Vous pouvez aussi signaler le défaut aux développeurs du logiciel libre Strata, dans le gestionnaire de tickets du projet.',
      ],
    },
    {
      heading: 'Voies de recours',
      paragraphs: [
        'Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du site un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service, et vous n’avez pas obtenu de réponse satisfaisante. Vous pouvez :',
      ],
      items: [
        { text: 'écrire un message au Défenseur des droits (formulaire en ligne)', href: FORM },
        { text: 'contacter le délégué du Défenseur des droits dans votre région', href: DELEGATES },
        {
          text: 'envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07',
        },
      ],
    },
  ],
  updated: 'Dernière mise à jour : 26 novembre 2026',
};

export const statementEn: Statement = {
  title: 'Accessibility statement',
  intro: [
    'The institution that runs this instance of Strata is committed to making its digital services accessible, in accordance with article 47 of French law no.\u00a02005-102 of 11 February 2005.',
    'This accessibility statement applies to the Strata web application: dashboard, strategic plan, element, indicator, action and school pages, alignment, search.',
  ],
  blocks: [
    {
      heading: 'Compliance status',
      paragraphs: [
        'Strata is not compliant with the French accessibility framework RGAA (référentiel général d’amélioration de l’accessibilité), version 4.1: no compliance audit has been carried out yet, and without one the rules require this statement. Every page is nevertheless checked automatically with axe-core (WCAG 2.1 A and AA) at every change of the code.',
      ],
    },
    {
      heading: 'Test results',
      paragraphs: [
        'No RGAA audit has been carried out yet, so the compliance rate has not been measured.',
        'Every release is checked automatically: the end-to-end tests open every page in headless Chromium, in French and English, at desktop and phone widths, and analyse it with axe-core (WCAG 2.0 and 2.1 rules, levels A and AA). A release with a violation is not published.',
        'Automated tools find only part of the accessibility defects: they replace neither an audit nor testing with screen readers and the keyboard.',
      ],
    },
    {
      heading: 'What is done for accessibility',
      paragraphs: [],
      items: [
        {
          text: 'A skip link to the content, landmarks (header, navigation, main content, footer) and ordered headings on every page.',
        },
        {
          text: 'Statuses always given by text and an icon, never by colour alone; contrast of at least 4.5:1.',
        },
        { text: 'Every chart comes with an equivalent data table, with headers and a caption.' },
        { text: 'Labelled form fields; errors announced and shown next to the field concerned.' },
        { text: 'Interface in French and English; the page language is declared.' },
        {
          text: 'Usable with the keyboard and on a phone screen (375 pixels) without horizontal page scrolling.',
        },
      ],
    },
    {
      heading: 'Non-accessible content and known limits',
      paragraphs: [
        'Indicator charts are images: their content is given by the data table that follows them.',
        'Some content entered by users (titles, descriptions) may exist in one language only; it is then shown in the other language.',
      ],
    },
    {
      heading: 'Preparation of this statement',
      paragraphs: [
        'This statement was prepared on 26 November 2026.',
        'Technologies used: HTML5, CSS, JavaScript (React), WAI-ARIA, SVG.',
        'Test environment: headless Chromium driven by playwright-core, axe-core analysis.',
      ],
    },
    {
      heading: 'Feedback and contact',
      paragraphs: [
        'If you cannot access some content or a service, contact the team that runs this instance of Strata (for Institut Mines-Télécom, its strategy office): they will direct you to an accessible alternative or provide the content in another form.',
        'You can also report the defect to the developers of the Strata free software, in the project’s issue tracker.',
      ],
    },
    {
      heading: 'Enforcement procedure',
      paragraphs: [
        'Use this procedure if you reported an accessibility defect that prevents you from accessing some content or a service to the site’s manager, and did not get a satisfactory answer. You can:',
      ],
      items: [
        {
          text: 'write to the Défenseur des droits (French rights ombudsman, online form)',
          href: FORM,
        },
        { text: 'contact the Défenseur des droits delegate in your region', href: DELEGATES },
        {
          text: 'send a letter by post (free of charge, no stamp needed): Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France',
        },
      ],
    },
  ],
  updated: 'Last updated: 26 November 2026',
};

/** French names of the main navigation's groups. Reference shape for en-nav.ts. */
export const frNav = {
  navGroups: {
    steering: 'Pilotage',
    partnerships: 'Partenariats',
    data: 'Données et rapports',
  },
};

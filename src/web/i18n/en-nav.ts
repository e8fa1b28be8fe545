/** English names of the main navigation's groups. */
import type { frNav } from './fr-nav.ts';

export const enNav: typeof frNav = {
  navGroups: {
    steering: 'Steering',
    partnerships: 'Partnerships',
    data: 'Data and reports',
  },
};

/** French strings of the check-in assignee editor on a cycle page. Reference shape for en-assignees.ts. */
export const frAssignees = {
  assigneeEditor: {
    edit: 'Modifier',
    editOf: (code: string, unit: string) => `Modifier les personnes assignées à ${code} (${unit})`,
    title: (code: string, unit: string) => `Personnes assignées à ${code} (${unit})`,
    label: 'Personnes assignées',
    hint: 'Les personnes ayant des droits sur les unités, éléments ou actions du cycle. Tapez pour chercher.',
    nothingFound: 'Personne ne correspond',
    cancel: 'Annuler',
    save: 'Enregistrer',
    saved: (code: string, unit: string) => `Personnes assignées à ${code} (${unit}) enregistrées.`,
  },
};

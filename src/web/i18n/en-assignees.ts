/** English strings of the check-in assignee editor on a cycle page. */
import type { frAssignees } from './fr-assignees.ts';

export const enAssignees: typeof frAssignees = {
  assigneeEditor: {
    edit: 'Edit',
    editOf: (code, unit) => `Edit who ${code} (${unit}) is assigned to`,
    title: (code, unit) => `Assignees of ${code} (${unit})`,
    label: 'Assignees',
    hint: 'People holding rights on the cycle’s units, elements or actions. Type to search.',
    nothingFound: 'Nobody matches',
    cancel: 'Cancel',
    save: 'Save',
    saved: (code, unit) => `Assignees of ${code} (${unit}) saved.`,
  },
};

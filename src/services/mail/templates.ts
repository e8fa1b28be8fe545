/** The texts of reminder, escalation and digest mails, in the recipient's language. */

/** One item a mail lists. */
export interface MailItem {
  code: string;
  title: string;
  unit: string;
  cycle: string;
  dueOn: string;
  state: string;
  link: string;
}

type Lang = 'fr' | 'en';

const STATE: Record<Lang, Record<string, string>> = {
  fr: { not_started: 'à faire', draft: 'brouillon', returned: 'renvoyé', submitted: 'soumis' },
  en: { not_started: 'to do', draft: 'draft', returned: 'returned', submitted: 'submitted' },
};

function lines(lang: Lang, items: readonly MailItem[]): string {
  return items
    .map(
      (i) =>
        `- ${i.code} ${i.title} (${i.unit}) — ${i.cycle}, ${lang === 'fr' ? 'échéance' : 'due'} ${i.dueOn}, ${STATE[lang][i.state] ?? i.state}\n  ${i.link}`,
    )
    .join('\n');
}

/** A reminder sent `offset` days from the due date. */
export function reminderMail(lang: Lang, offset: number, items: readonly MailItem[]) {
  const late = offset > 0;
  if (lang === 'fr') {
    return {
      subject: late
        ? `Strata : ${items.length} point(s) d'avancement en retard`
        : `Strata : ${items.length} point(s) d'avancement à rendre`,
      body: `Bonjour,\n\n${late ? 'Ces points d’avancement sont en retard' : 'Ces points d’avancement sont attendus'} :\n\n${lines(lang, items)}\n\nOuvrez « Mon travail » pour les compléter.\n`,
    };
  }
  return {
    subject: late
      ? `Strata: ${items.length} check-in(s) overdue`
      : `Strata: ${items.length} check-in(s) due`,
    body: `Hello,\n\n${late ? 'These check-ins are overdue' : 'These check-ins are due'}:\n\n${lines(lang, items)}\n\nOpen "My work" to complete them.\n`,
  };
}

/** An escalation to a unit's lead about overdue items. */
export function escalationMail(lang: Lang, items: readonly MailItem[]) {
  if (lang === 'fr') {
    return {
      subject: `Strata : ${items.length} point(s) d'avancement en retard dans votre unité`,
      body: `Bonjour,\n\nCes points d’avancement de votre unité sont en retard :\n\n${lines(lang, items)}\n`,
    };
  }
  return {
    subject: `Strata: ${items.length} overdue check-in(s) in your unit`,
    body: `Hello,\n\nThese check-ins of your unit are overdue:\n\n${lines(lang, items)}\n`,
  };
}

/** The weekly digest of what is still open. */
export function digestMail(
  lang: Lang,
  week: string,
  items: readonly MailItem[],
  optOutLink: string,
) {
  if (lang === 'fr') {
    return {
      subject: `Strata : votre semaine ${week} — ${items.length} point(s) ouvert(s)`,
      body: `Bonjour,\n\nVos points d’avancement ouverts :\n\n${lines(lang, items)}\n\nNe plus recevoir ce récapitulatif : ${optOutLink}\n`,
    };
  }
  return {
    subject: `Strata: your week ${week} — ${items.length} open check-in(s)`,
    body: `Hello,\n\nYour open check-ins:\n\n${lines(lang, items)}\n\nStop this weekly digest: ${optOutLink}\n`,
  };
}

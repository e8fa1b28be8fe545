/** What the HTML and PDF renderers share: titles, the decisions list, the sources annex. */
import type { AttentionItem, Bilingual } from '../../contracts/index.ts';
import type { ReportModel } from './model.ts';
import { reportText } from './text.ts';

/** The report's title lines. */
export function reportTitle(model: ReportModel): { main: string; subtitle: string; full: string } {
  const t = reportText(model.lang);
  const tx = (b: Bilingual) => b[model.lang] || b.fr || b.en;
  const main = model.kind === 'annual' ? t.annualTitle : t.boardTitle;
  const who = model.unit ? tx(model.unit.name) : t.group;
  const subtitle = `${tx(model.plan.title)} — ${who}`;
  return { main, subtitle, full: `${main} ${model.period} — ${who}` };
}

/** Items the board is asked to decide on: off track or overdue. */
export function decisionsOf(model: ReportModel): AttentionItem[] {
  return model.attention.filter((a) => a.reason === 'off_track' || a.reason === 'overdue');
}

/** Every indicator of the report once, with its source. */
export function sourcesOf(model: ReportModel): { code: string; name: Bilingual; source: string }[] {
  const seen = new Map<string, { code: string; name: Bilingual; source: string }>();
  for (const p of model.priorities) {
    for (const i of p.indicators) {
      if (!seen.has(i.card.id))
        seen.set(i.card.id, { code: i.card.code, name: i.card.name, source: i.source });
    }
  }
  return [...seen.values()].sort((a, b) => a.code.localeCompare(b.code));
}

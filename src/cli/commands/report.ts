/** `strata report`: the annual progress report or the board briefing pack, to a file. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../../services/index.ts';
import { commandScope, withStrata } from '../context.ts';

const KINDS = ['annual', 'board'] as const;
const LANGS = ['fr', 'en'] as const;
const FORMATS = ['pdf', 'html'] as const;

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new AppError('invalid_input', `${option} must be one of ${allowed.join(', ')}`);
}

/** Registers the report command. */
export function reportCommand(cli: Command): void {
  cli
    .command('report')
    .description(
      'Write the annual progress report or the board briefing pack (group or one school) as PDF or HTML.',
    )
    .option('--kind <kind>', KINDS.join(' or '), 'annual')
    .option('--unit <code>', 'a school (default: the group)')
    .option('--as-of <date>', 'the data as recorded at the end of this day (yyyy-mm-dd)')
    .option('--period <period>', 'the period reported on (default: the year of --as-of)')
    .option('--lang <lang>', LANGS.join(' or '), 'fr')
    .option('--format <format>', FORMATS.join(' or '), 'pdf')
    .requiredOption('--out <file>', 'the file to write')
    .option('--as <email>', 'act as this account (its permissions apply)')
    .action(
      async (o: {
        kind: string;
        unit?: string;
        asOf?: string;
        period?: string;
        lang: string;
        format: string;
        out: string;
        as?: string;
      }) => {
        const kind = oneOf('--kind', o.kind, KINDS);
        const lang = oneOf('--lang', o.lang, LANGS);
        const format = oneOf('--format', o.format, FORMATS);
        await withStrata(async (strata, config) => {
          const scope = await commandScope(strata, config.workspace, o.as);
          let unitId: string | undefined;
          if (o.unit) {
            const overview = await strata.services.workspace.overview(scope);
            unitId = overview.units.find((u) => u.code === o.unit)?.id;
            if (!unitId) throw new AppError('not_found', `No unit with code ${o.unit}`);
          }
          const report = await strata.services.reports.render(scope, {
            kind,
            lang,
            format,
            unitId,
            asOf: o.asOf,
            period: o.period,
          });
          writeFileSync(o.out, report.body);
          console.log(`Wrote ${report.title} to ${o.out}.`);
        });
      },
    );
}

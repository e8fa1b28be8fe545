/** `strata figure record`: one figure, through the same rules as the API (use --as). */
import type { Command } from 'commander';
import { PROVENANCES, type Provenance } from '../../domain/types.ts';
import { AppError } from '../../services/index.ts';
import { commandScope, withStrata } from '../context.ts';

/** Registers the figure command. */
export function figureCommands(cli: Command): void {
  const figure = cli.command('figure').description('Figures of indicators.');
  figure
    .command('record')
    .description('Record a figure; correcting an existing one needs --correct and --note.')
    .requiredOption('--indicator <code>', 'indicator code')
    .requiredOption('--unit <code>', 'unit code')
    .requiredOption('--period <period>', 'e.g. 2025, 2025-26, 2025-S1, 2025-Q3, 2025-07')
    .requiredOption('--value <number>', 'the value')
    .option('--provenance <kind>', PROVENANCES.join(', '), 'official')
    .option('--source <text>', 'where the figure comes from')
    .option('--note <text>', 'a note (required for a correction)')
    .option('--correct', 'supersede the current figure of this period')
    .option('--as <email>', 'act as this account (its permissions apply)')
    .action(
      async (o: {
        indicator: string;
        unit: string;
        period: string;
        value: string;
        provenance: string;
        source?: string;
        note?: string;
        correct?: boolean;
        as?: string;
      }) => {
        const value = Number(o.value.replace(',', '.'));
        if (!Number.isFinite(value))
          throw new AppError('invalid_input', `--value must be a number, not "${o.value}"`);
        if (!(PROVENANCES as readonly string[]).includes(o.provenance)) {
          throw new AppError(
            'invalid_input',
            `--provenance must be one of ${PROVENANCES.join(', ')}`,
          );
        }
        await withStrata(async (strata, config) => {
          const scope = await commandScope(strata, config.workspace, o.as);
          const indicators = await strata.services.indicators.list(scope, { limit: 500 });
          const indicator = indicators.items.find((i) => i.card.code === o.indicator);
          if (!indicator) throw new AppError('not_found', `No indicator with code ${o.indicator}`);
          const overview = await strata.services.workspace.overview(scope);
          const unit = overview.units.find((u) => u.code === o.unit);
          if (!unit) throw new AppError('not_found', `No unit with code ${o.unit}`);
          let ifMatch: string | undefined;
          if (o.correct) {
            const current = await strata.services.measurements.list(scope, indicator.card.id, {
              unitId: unit.id,
            });
            ifMatch = current.items.find((m) => m.period === o.period)?.etag;
          }
          const saved = await strata.services.measurements.record(
            scope,
            indicator.card.id,
            {
              unitId: unit.id,
              period: o.period,
              value,
              provenance: o.provenance as Provenance,
              ...(o.source !== undefined && { source: o.source }),
              ...(o.note !== undefined && { note: o.note }),
            },
            ifMatch,
          );
          console.log(
            `Recorded ${o.indicator} ${o.unit} ${saved.period} = ${saved.value ?? 'withdrawn'} (${saved.provenance}).`,
          );
        });
      },
    );
}

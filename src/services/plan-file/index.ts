/** Plan as code: import a bundle (all or nothing) and export a workspace. */
import {
  parsePlanFiles,
  serializePlanFile,
  type PlanFile,
  type PlanFileInput,
} from '../../domain/plan-file/index.ts';
import type { ServiceDeps } from '../context.ts';
import { isStrategyOffice, type Principal } from '../../domain/access.ts';
import { AppError } from '../errors.ts';
import { exportPlanFile } from './export.ts';
import { importPlanFile, type ImportReport } from './import.ts';
import { readPlanBundle } from './files.ts';

export type { ImportReport };

/** Creates the plan-file service. */
export function planFileService(deps: ServiceDeps) {
  return {
    /** Parses files and imports them in one transaction; a bad bundle is refused whole. */
    async importFiles(
      files: readonly PlanFileInput[],
      principal: Principal,
    ): Promise<ImportReport> {
      const parsed = parsePlanFiles(files);
      if (!parsed.ok) {
        throw new AppError(
          'invalid_input',
          `The plan file has ${parsed.errors.length} error(s); nothing was imported`,
          parsed.errors.map((e) => ({
            field: `${e.file}:${e.line}:${e.column} ${e.path}`,
            message: e.message,
          })),
        );
      }
      return this.importPlan(parsed.plan, principal);
    },

    /** Imports an already parsed bundle in one transaction. */
    async importPlan(plan: PlanFile, principal: Principal): Promise<ImportReport> {
      if (!isStrategyOffice(principal)) {
        throw new AppError(
          principal.userId ? 'forbidden' : 'unauthenticated',
          'Only the strategy office imports whole plans',
        );
      }
      return deps.db
        .transaction()
        .execute((trx) => importPlanFile(trx, plan, principal, deps.now()));
    },

    /** Reads a file or folder and imports it. */
    async importPath(path: string, principal: Principal): Promise<ImportReport> {
      return this.importFiles(readPlanBundle(path), principal);
    },

    async exportPlan(slug: string): Promise<PlanFile> {
      return exportPlanFile(deps.db, slug);
    },

    async exportYaml(slug: string): Promise<string> {
      return serializePlanFile(await exportPlanFile(deps.db, slug));
    },
  };
}

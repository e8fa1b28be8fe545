/** Search: elements, indicators, actions and units by words in French or English. */
import type { SearchResult } from '../contracts/index.ts';
import { searchRepository } from '../db/repositories/search.repository.ts';
import { today, type ServiceDeps, type WorkspaceScope } from './context.ts';
import type { SnapshotLoader } from './snapshot.ts';
import { visibility } from './visibility.ts';

/** Creates the search service. */
export function searchService(deps: ServiceDeps, snapshots: SnapshotLoader) {
  const repo = searchRepository(deps.db);
  return {
    /** Hits the principal may see, best first. */
    async search(scope: WorkspaceScope, q: string, limit = 20): Promise<SearchResult> {
      const vis = visibility(await snapshots.load(scope.id, today(deps)), scope.principal);
      const visible = {
        element: vis.element,
        indicator: vis.indicator,
        action: vis.action,
        unit: vis.unit,
      };
      const rows = (await repo.search(scope.id, q.trim(), limit * 3)).filter((r) =>
        visible[r.kind](r.id),
      );
      return {
        query: q,
        hits: rows.slice(0, limit).map((r) => ({
          kind: r.kind,
          id: r.id,
          code: r.code,
          title: { fr: r.title_fr, en: r.title_en },
          rank: r.rank,
        })),
      };
    },
  };
}

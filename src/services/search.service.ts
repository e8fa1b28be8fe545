/** Search: elements, indicators, actions and units by words in French or English. */
import type { SearchResult } from '../contracts/index.ts';
import { searchRepository } from '../db/repositories/search.repository.ts';
import type { ServiceDeps, WorkspaceScope } from './context.ts';

/** Creates the search service. */
export function searchService(deps: ServiceDeps) {
  const repo = searchRepository(deps.db);
  return {
    async search(scope: WorkspaceScope, q: string, limit = 20): Promise<SearchResult> {
      const rows = await repo.search(scope.id, q.trim(), limit);
      return {
        query: q,
        hits: rows.map((r) => ({
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

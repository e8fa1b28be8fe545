/**
 * Full-text search over elements, indicators, actions and units, in French and English, with
 * accents folded (see migration 0001: strata_fold, strata_search_vector). Prefix matching on
 * the last word lets "energ" find "énergie".
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

export interface SearchRow {
  kind: 'element' | 'indicator' | 'action' | 'unit';
  id: string;
  code: string;
  title_fr: string;
  title_en: string;
  rank: number;
}

/** Turns words into a tsquery text: each word folded, ANDed, the last one as a prefix. */
export function toPrefixQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}

/** Creates the search repository. */
export function searchRepository(db: Kysely<DB>) {
  return {
    async search(workspaceId: string, text: string, limit: number): Promise<SearchRow[]> {
      const prefix = toPrefixQuery(text);
      if (!prefix) return [];
      const query = sql`(
        to_tsquery('simple', strata_fold(${prefix}))
        || websearch_to_tsquery('french', strata_fold(${text}))
        || websearch_to_tsquery('english', strata_fold(${text})))`;
      const rows = await sql<SearchRow>`
        WITH q AS (SELECT ${query} AS query)
        SELECT * FROM (
          SELECT 'element' AS kind, e.id, e.code, e.title_fr, e.title_en, ts_rank(e.search, q.query) AS rank
            FROM element e, q WHERE e.workspace_id = ${workspaceId} AND e.search @@ q.query
          UNION ALL
          SELECT 'indicator', i.id, i.code, i.name_fr, i.name_en, ts_rank(i.search, q.query)
            FROM indicator i, q WHERE i.workspace_id = ${workspaceId} AND i.search @@ q.query
          UNION ALL
          SELECT 'action', a.id, a.code, a.title_fr, a.title_en, ts_rank(a.search, q.query)
            FROM action a, q WHERE a.workspace_id = ${workspaceId} AND a.search @@ q.query
          UNION ALL
          SELECT 'unit', u.id, u.code, u.name_fr, u.name_en, ts_rank(u.search, q.query)
            FROM unit u, q WHERE u.workspace_id = ${workspaceId} AND u.search @@ q.query
        ) hits
        ORDER BY rank DESC, code
        LIMIT ${limit}
      `.execute(db);
      return rows.rows;
    },
  };
}

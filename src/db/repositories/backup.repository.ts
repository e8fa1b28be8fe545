/** Fingerprints of the data: row count and checksum of every table, to prove a backup round trip. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** Creates the backup repository. */
export function backupRepository(db: Kysely<DB>) {
  return {
    /** Row count and md5 of the rows (in a stable order) of every table of the public schema. */
    async fingerprints(): Promise<Record<string, { rows: number; checksum: string }>> {
      const tables = await sql<{ name: string }>`
        SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        ORDER BY table_name
      `.execute(db);
      const out: Record<string, { rows: number; checksum: string }> = {};
      for (const { name } of tables.rows) {
        const r = await sql<{ rows: number; checksum: string | null }>`
          SELECT count(*)::int AS rows,
                 md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) AS checksum
          FROM ${sql.table(name)} AS t
        `.execute(db);
        out[name] = { rows: r.rows[0]?.rows ?? 0, checksum: r.rows[0]?.checksum ?? '' };
      }
      return out;
    },
  };
}

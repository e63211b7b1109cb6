import type { PGlite } from '@electric-sql/pglite';
import type { SinkDatabase } from './database.ts';

/** A SinkDatabase over embedded PGlite (the default database of `npm start`). */
export function pgliteDatabase(db: PGlite): SinkDatabase {
  return {
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          async query(text, params = []) {
            const result = await tx.query(text, params as unknown[]);
            return { rowCount: result.affectedRows ?? null, rows: result.rows };
          },
        }),
      ),
  };
}

/** Bulk insert through DuckDB's appender: rows of plain values, one declared type per column. */
import type {DuckDBConnection} from "@duckdb/node-api";

export type AppendType = "varchar" | "integer" | "double";

/** Append `rows` to `table` (columns in table order, typed by `types`). */
export async function appendRows(conn: DuckDBConnection, table: string, types: readonly AppendType[], rows: readonly (readonly (string | number)[])[]): Promise<void> {
  const app = await conn.createAppender(table);
  for (const r of rows) {
    if (r.length !== types.length) throw new Error(`appendRows ${table}: row of ${r.length} values for ${types.length} columns`);
    r.forEach((v, i) => {
      const t = types[i]!;
      if (t === "varchar") app.appendVarchar(String(v));
      else if (t === "integer") app.appendInteger(Number(v));
      else app.appendDouble(Number(v));
    });
    app.endRow();
  }
  app.closeSync();
}

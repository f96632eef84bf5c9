// The availability roll-ups in SQL (migration 7, docs/storage.md): day rows written per chunk of
// probes, month and year rows summed from day rows, per-probe sums for a report's whole spans.
import type { RollupRow, RollupStore, RollupSums } from '../ports.ts';
import type { SqlClient, SqlQueryable } from './sql-client.ts';

const GRAIN = { day: 1, month: 2, year: 3 } as const;
const ROWS_PER_STATEMENT = 5_000;
const GROUPING_WORK_MEM = '32MB';

/**
 * One row per probe of `from`, as a single JSON array (`fields` of each row, flattened): a report of
 * the whole estate reads ~48,000 probes, and PGlite's cost is per row returned (1.1 s as rows,
 * 0.15 s as one text value on the Moselle bench, docs/benchmarks.md). Ids go through to_json, so any
 * character in them survives; sums of bigint are integers far below 2^53.
 */
async function packed(db: SqlQueryable, fields: string, from: string, params: unknown[]): Promise<(string | number)[]> {
  const [row] = await db.query<{ flat: string | null }>(`SELECT '[' || string_agg(${fields}, ',') || ']' AS flat FROM ${from}`, params);
  return row?.flat ? (JSON.parse(row.flat) as (string | number)[]) : [];
}

export function createSqlRollupStore(db: SqlClient, allProbesSql: string): RollupStore {
  return {
    async loadState() {
      const [row] = await db.query<{ through: string | number; marks_below: string | number; fingerprint: string }>(
        'SELECT through, marks_below, fingerprint FROM availability_rollup_state WHERE id = 1',
      );
      return row && { through: Number(row.through), marksBelow: Number(row.marks_below), fingerprint: row.fingerprint };
    },
    async saveState(state) {
      await db.query(
        `INSERT INTO availability_rollup_state (id, through, marks_below, fingerprint) VALUES (1, $1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET through = excluded.through, marks_below = excluded.marks_below, fingerprint = excluded.fingerprint`,
        [state.through, state.marksBelow, state.fingerprint],
      );
    },
    async reset() {
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM availability_rollup');
        await tx.query('DELETE FROM availability_rollup_dirty');
        await tx.query('DELETE FROM availability_rollup_probe');
        await tx.query('DELETE FROM availability_rollup_state');
      });
    },
    async replaceDays(probeIds, from, to, rows, firstDays) {
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM availability_rollup WHERE grain = 1 AND start >= $1 AND start < $2 AND probe_id = ANY($3::text[])', [from, to, probeIds]);
        for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
          const part: readonly RollupRow[] = rows.slice(i, i + ROWS_PER_STATEMENT);
          await tx.query(
            `INSERT INTO availability_rollup (grain, start, probe_id, up_ms, down_ms, maintenance_ms, covered_ms)
             SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[])
             ON CONFLICT (grain, start, probe_id) DO UPDATE SET up_ms = excluded.up_ms, down_ms = excluded.down_ms,
               maintenance_ms = excluded.maintenance_ms, covered_ms = excluded.covered_ms`,
            [part.map((r) => GRAIN[r.grain]), part.map((r) => r.start), part.map((r) => r.probeId), part.map((r) => r.upMs), part.map((r) => r.downMs), part.map((r) => r.maintenanceMs), part.map((r) => r.coveredMs)],
          );
        }
        if (firstDays.size > 0)
          await tx.query(
            `INSERT INTO availability_rollup_probe (probe_id, first_day) SELECT * FROM unnest($1::text[], $2::bigint[])
             ON CONFLICT (probe_id) DO UPDATE SET first_day = least(availability_rollup_probe.first_day, excluded.first_day)`,
            [[...firstDays.keys()], [...firstDays.values()]],
          );
      });
    },
    async rollSpan(grain, start, end, probeIds) {
      const only = probeIds ? 'AND probe_id = ANY($4::text[])' : '';
      const params: unknown[] = probeIds ? [GRAIN[grain], start, end, probeIds] : [GRAIN[grain], start, end];
      await db.transaction(async (tx) => {
        await tx.query(`DELETE FROM availability_rollup WHERE grain = $1 AND start = $2 AND $3::bigint > 0 ${only}`, params);
        await tx.query(
          `INSERT INTO availability_rollup (grain, start, probe_id, up_ms, down_ms, maintenance_ms, covered_ms)
           SELECT $1, $2, probe_id, sum(up_ms), sum(down_ms), sum(maintenance_ms), sum(covered_ms) FROM availability_rollup
           WHERE grain = 1 AND start >= $2 AND start < $3 ${only} GROUP BY probe_id`,
          params,
        );
      });
    },
    async sum(spans, probeIds) {
      const params: unknown[] = [];
      const p = (v: unknown) => `$${params.push(v)}`;
      const ors = spans.filter((s) => s.to > s.from).map((s) => `(grain = ${p(GRAIN[s.grain])} AND start >= ${p(s.from)} AND start < ${p(s.to)})`);
      const out: RollupSums = new Map();
      if (ors.length === 0) return out;
      const only = probeIds ? `AND probe_id = ANY(${p(probeIds)}::text[])` : '';
      const fields = `to_json(probe_id)::text || ',' || up || ',' || down || ',' || maintenance || ',' || covered`;
      const sums = `(SELECT probe_id, sum(up_ms) AS up, sum(down_ms) AS down, sum(maintenance_ms) AS maintenance, sum(covered_ms) AS covered
          FROM availability_rollup WHERE (${ors.join(' OR ')}) ${only} GROUP BY probe_id) AS sums`;
      // Grouping ~48,000 probes sorts ~4 MB: in memory for this query rather than spilled to disk.
      const flat = await db.transaction(async (tx) => {
        await tx.query(`SET LOCAL work_mem = '${GROUPING_WORK_MEM}'`);
        return packed(tx, fields, sums, params);
      });
      for (let i = 0; i < flat.length; i += 5) out.set(flat[i] as string, { upMs: flat[i + 1] as number, downMs: flat[i + 2] as number, maintenanceMs: flat[i + 3] as number, coveredMs: flat[i + 4] as number });
      return out;
    },
    async firstDays(probeIds) {
      const flat = await packed(db, `to_json(probe_id)::text || ',' || first_day`, `availability_rollup_probe ${probeIds ? 'WHERE probe_id = ANY($1::text[])' : ''}`, probeIds ? [probeIds] : []);
      const out = new Map<string, number>();
      for (let i = 0; i < flat.length; i += 2) out.set(flat[i] as string, flat[i + 1] as number);
      return out;
    },
    async dirty() {
      const rows = await db.query<{ probe_id: string; from_at: string | number; marks: number }>('SELECT probe_id, from_at, marks FROM availability_rollup_dirty ORDER BY probe_id');
      return rows.map((r) => ({ probeId: r.probe_id, from: Number(r.from_at), marks: Number(r.marks) }));
    },
    async clearDirty(marks) {
      if (marks.length === 0) return;
      await db.query(
        `DELETE FROM availability_rollup_dirty d USING unnest($1::text[], $2::integer[]) AS m(probe_id, marks)
         WHERE d.probe_id = m.probe_id AND d.marks = m.marks`,
        [marks.map((m) => m.probeId), marks.map((m) => m.marks)],
      );
    },
    async probesWithHistory() {
      const rows = await db.query<{ probe_id: string }>(allProbesSql);
      return rows.map((r) => r.probe_id);
    },
    async firstChangeAt() {
      const [row] = await db.query<{ at: string | number | null }>('SELECT min(at) AS at FROM state_change');
      return row?.at === null || row?.at === undefined ? undefined : Number(row.at);
    },
  };
}

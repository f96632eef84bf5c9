// One table of the report: a heading, its CSV download, the rows (or the sentence saying there are
// none). Cells are text: nothing from the engine is rendered as markup.
import type { ReactNode } from 'react';

export interface Column<R> {
  header: string;
  cell: (row: R) => ReactNode;
  numeric?: boolean;
}

export function ReportTable<R>({ id, title, columns, rows, rowKey, empty, actions, note }: { id: string; title: string; columns: Column<R>[]; rows: readonly R[]; rowKey: (row: R) => string; empty: string; actions?: ReactNode; note?: string }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded border border-slate-800 bg-slate-900 p-3">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h3>
        {actions}
      </div>
      {note && <p className="mb-2 text-sm text-amber-200">{note}</p>}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-300">{empty}</p>
      ) : (
        // Scrolls by keyboard too: focusable, named by the table's heading.
        <div className="max-h-[28rem] overflow-auto focus-visible:outline-2 focus-visible:outline-sky-400" tabIndex={0} role="region" aria-labelledby={`${id}-title`}>
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-slate-900 text-slate-300">
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col" className={`px-2 py-1 font-medium ${c.numeric ? 'text-right' : ''}`}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={rowKey(row)} className="border-t border-slate-800">
                  {columns.map((c) => (
                    <td key={c.header} className={`px-2 py-1 ${c.numeric ? 'text-right tabular-nums' : ''}`}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

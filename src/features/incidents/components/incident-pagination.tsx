import { useMessages } from '../../../i18n/locale-context.ts';
import { incidentMessages } from '../messages.ts';

interface IncidentPaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

const BUTTON =
  'rounded border border-slate-600 px-3 py-1.5 text-slate-100 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400 disabled:cursor-not-allowed disabled:opacity-50';

export function IncidentPagination({ page, pageSize, total, onPage }: IncidentPaginationProps) {
  const m = useMessages(incidentMessages);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={m.pagination} className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <button type="button" className={BUTTON} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <span aria-hidden="true">← </span>
        {m.previous}
      </button>
      <span aria-live="polite" className="text-slate-300">
        {m.pageOf(page, pages, total)}
      </span>
      <button type="button" className={BUTTON} disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {m.next}
        <span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}

import type { GtiState } from '../../../domain/gti.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { gtiMessages } from '../messages.ts';
import { GTI_BADGE_CLASS, GTI_SYMBOL } from '../gti-tone.ts';

export function GtiStatusBadge({ status }: { status: GtiState }) {
  const m = useMessages(gtiMessages);
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-sm font-semibold ring-1 ${GTI_BADGE_CLASS[status]}`}
      data-gti-status={status}
    >
      <span aria-hidden="true">{GTI_SYMBOL[status]}</span>
      {m.status(status)}
    </span>
  );
}

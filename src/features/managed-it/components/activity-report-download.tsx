// The semester activity report (art. 7) as a PDF: this semester or the previous one, for the
// référent's collectivité or, for support, the one chosen. "Téléchargé" only once the file came.
import { useState } from 'react';
import { useDownload } from '../../../api/use-download.ts';
import { periodContaining, shiftPeriod } from '../../../domain/report-period.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { useServerNow } from '../../../live/use-live.ts';
import { managedItMessages } from '../messages.ts';
import { buttonClass, ChoiceField, CollectiviteField } from './form-fields.tsx';

const SEMESTERS = ['current', 'previous'] as const;

export function ActivityReportDownload({ collectiviteId }: { collectiviteId?: string }) {
  const m = useMessages(managedItMessages);
  const { timeZone } = useTimeDisplay();
  const now = useServerNow(60_000);
  const { state, download } = useDownload();
  const [chosen, setChosen] = useState(collectiviteId ?? '');
  const [semester, setSemester] = useState<(typeof SEMESTERS)[number]>('current');
  const owner = collectiviteId ?? chosen;
  const from = semester === 'current' ? periodContaining('semester', now, timeZone).from : shiftPeriod('semester', now, -1, timeZone).from;
  return (
    <form
      aria-label={m.reportTitle}
      className="flex flex-col gap-2 rounded border border-slate-700 p-2 text-sm"
      onSubmit={(e) => (e.preventDefault(), void download('/managed-it/report.pdf', { ...(collectiviteId === undefined && { collectiviteId: owner }), from }))}
    >
      <h3 className="font-semibold text-slate-100">{m.reportTitle}</h3>
      {collectiviteId === undefined && <CollectiviteField value={chosen} onChange={setChosen} />}
      <ChoiceField label={m.semester} values={SEMESTERS} words={m.semesters} value={semester} onChange={setSemester} />
      <button type="submit" className={`${buttonClass} min-h-11 self-start`} disabled={state.phase === 'busy' || !owner}>
        {state.phase === 'busy' ? m.preparing : m.downloadPdf}
      </button>
      <p role="status" className="text-sky-200">
        {state.phase === 'done' ? m.downloaded(state.filename) : ''}
      </p>
      {state.phase === 'failed' && (
        <p role="alert" className="text-red-300">
          {m.downloadFailed}
        </p>
      )}
    </form>
  );
}

// The desk's action bar for the selected rows: one comment, one request for all their incidents
// (POST /incidents/actions). It says what happened only once the gateway answered, per incident.
import { forwardRef, useId, useState } from 'react';
import { refusalFor } from '../../../domain/incident-rules.ts';
import type { Incident } from '../../../domain/model.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import type { BulkActionResult } from '../../../protocol/rest.ts';
import { useBulkAction } from '../../../api/use-bulk-action.ts';
import { deskMessages } from '../messages.ts';

type BulkVerb = 'acknowledge' | 'start-intervention';

export interface BulkOutcome {
  action: BulkVerb;
  done: number;
  refused: Array<{ incidentId: string; message: string }>;
}

interface BulkBarProps {
  rows: number;
  incidents: readonly Incident[];
  onDone(outcome: BulkOutcome): void;
  onClear(): void;
}

const BUTTON =
  'rounded px-3 py-1.5 font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400 disabled:opacity-50';

export const BulkBar = forwardRef<HTMLTextAreaElement, BulkBarProps>(function BulkBar({ rows, incidents, onDone, onClear }, textarea) {
  const m = useMessages(deskMessages);
  const id = useId();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const mutation = useBulkAction();

  function run(action: BulkVerb) {
    const text = comment.trim();
    if (action === 'acknowledge' && text === '') {
      setProblem(m.commentRequired);
      if (textarea && typeof textarea !== 'function') textarea.current?.focus();
      return;
    }
    const targets = incidents.filter((i) => refusalFor(i, action) === undefined).map((i) => i.id);
    if (targets.length === 0) {
      setProblem(m.noIncident);
      return;
    }
    setProblem(undefined);
    const body = action === 'acknowledge' ? { action, comment: text } : { action, ...(text ? { comment: text } : {}) };
    mutation.mutate(
      { incidentIds: targets, action: body },
      {
        onSuccess: ({ results }: BulkActionResult) => {
          setComment('');
          onDone({
            action,
            done: results.filter((r) => r.ok).length,
            refused: results.flatMap((r) => (r.ok ? [] : [{ incidentId: r.incidentId, message: r.message }])),
          });
        },
        onError: (error) => setProblem(m.failed(error instanceof Error ? error.message : String(error))),
      },
    );
  }

  return (
    <form
      aria-label={m.selected(rows, incidents.length)}
      className="sticky bottom-0 z-10 flex flex-col gap-2 border-t border-slate-700 bg-slate-900 p-2"
      onSubmit={(e) => {
        e.preventDefault();
        run('acknowledge');
      }}
    >
      <p className="text-sm font-semibold">{m.selected(rows, incidents.length)}</p>
      <label htmlFor={`${id}-comment`} className="text-xs text-slate-300">
        {m.comment}
      </label>
      <textarea
        id={`${id}-comment`}
        ref={textarea}
        rows={2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            run('acknowledge');
          }
        }}
        className="rounded border border-slate-600 bg-slate-950 p-2 text-sm text-slate-100"
      />
      {problem && (
        <p role="alert" className="text-sm text-amber-300">
          {problem}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={mutation.isPending} className={`${BUTTON} bg-blue-700 text-white hover:bg-blue-800`}>
          {mutation.isPending ? m.sending : m.acknowledge}
        </button>
        <button type="button" data-bulk="start-intervention" disabled={mutation.isPending} onClick={() => run('start-intervention')} className={`${BUTTON} border border-slate-500 bg-slate-800 text-slate-100 hover:bg-slate-700`}>
          {m.intervention}
        </button>
        <button type="button" onClick={onClear} className={`${BUTTON} text-slate-300 hover:bg-slate-800`}>
          {m.clear}
        </button>
      </div>
    </form>
  );
});

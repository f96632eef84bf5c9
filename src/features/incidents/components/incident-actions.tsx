import { useId, useRef, useState } from 'react';
import type { Incident } from '../../../domain/model.ts';
import { refusalFor, type OperatorActionType } from '../../../domain/incident-rules.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import type { Role } from '../../../protocol/rest.ts';
import { useIncidentAction } from '../api/use-incident-action.ts';
import { incidentMessages } from '../messages.ts';

/** Who may do what: the support cell acts on incidents; a référent may only comment; the wall nothing. */
const ACTIONS_BY_ROLE: Record<Role, readonly OperatorActionType[]> = {
  // Closing files a resolved incident away (the only action a resolved one offers besides comments).
  support: ['acknowledge', 'start-intervention', 'close', 'comment'],
  referent: ['comment'],
  kiosk: [],
};

const COMMENT_REQUIRED: ReadonlySet<OperatorActionType> = new Set(['acknowledge', 'comment']);

const PRIMARY =
  'rounded bg-blue-700 px-3 py-1.5 font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400 disabled:opacity-50';
const SECONDARY =
  'rounded border border-slate-500 bg-slate-800 px-3 py-1.5 text-slate-100 hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400 disabled:opacity-50';

export function IncidentActions({ incident, role, onActed }: { incident: Incident; role: Role | undefined; onActed?: (updated: Incident) => void }) {
  const m = useMessages(incidentMessages);
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [comment, setComment] = useState('');
  const [missingComment, setMissingComment] = useState(false);
  const [done, setDone] = useState<OperatorActionType | undefined>();
  const mutation = useIncidentAction();
  const actions = (role ? ACTIONS_BY_ROLE[role] : []).filter((a) => refusalFor(incident, a) === undefined);
  if (actions.length === 0) return null;

  function run(action: OperatorActionType) {
    const text = comment.trim();
    if (COMMENT_REQUIRED.has(action) && text === '') {
      setMissingComment(true);
      textarea.current?.focus();
      return;
    }
    setMissingComment(false);
    setDone(undefined);
    const body =
      action === 'acknowledge' || action === 'comment'
        ? { action, comment: text }
        : { action, ...(text ? { comment: text } : {}) };
    mutation.mutate(
      { incidentId: incident.id, action: body },
      {
        onSuccess: (updated) => {
          setComment('');
          setDone(action);
          onActed?.(updated);
        },
      },
    );
  }

  return (
    <form
      aria-label={m.actions}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        run(actions[0] ?? 'comment');
      }}
    >
      <label htmlFor={`${id}-comment`} className="text-sm font-semibold text-slate-200">
        {m.comment}
      </label>
      <textarea
        id={`${id}-comment`}
        ref={textarea}
        value={comment}
        maxLength={2000}
        rows={3}
        aria-invalid={missingComment}
        aria-describedby={`${id}-hint${missingComment ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          setComment(e.target.value);
          if (e.target.value.trim()) setMissingComment(false);
        }}
        className="rounded border border-slate-600 bg-slate-800 px-2 py-1 text-slate-100 focus-visible:outline-2 focus-visible:outline-sky-400 aria-[invalid=true]:border-red-400"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-300">
        {m.commentHint}
      </p>
      {missingComment && (
        <p id={`${id}-error`} role="alert" className="text-sm font-semibold text-red-300">
          {m.commentRequired}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {actions.map((action, i) => (
          <button
            key={action}
            type={i === 0 ? 'submit' : 'button'}
            className={i === 0 ? PRIMARY : SECONDARY}
            disabled={mutation.isPending}
            onClick={i === 0 ? undefined : () => run(action)}
          >
            {m.action(action)}
          </button>
        ))}
      </div>
      <p aria-live="polite" className="text-sm">
        {mutation.isPending && <span className="text-slate-300">{m.sending}</span>}
        {!mutation.isPending && done && <span className="text-emerald-300">{m.actionDone(done)}</span>}
      </p>
      {mutation.isError && (
        <p role="alert" className="text-sm font-semibold text-red-300">
          {m.actionFailed(mutation.error.message)}
        </p>
      )}
    </form>
  );
}

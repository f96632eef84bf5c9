import { useId, useRef, useState } from 'react';
import type { Incident } from '../../../domain/model.ts';
import { refusalFor, type OperatorActionType } from '../../../domain/incident-rules.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import type { Role } from '../../../protocol/rest.ts';
import { useIncidentAction } from '../api/use-incident-action.ts';
import { incidentMessages } from '../messages.ts';
import { causeMessages } from '../cause-messages.ts';
import { useBulkAction } from '../../../api/use-bulk-action.ts';
import { useAttachedIncidents } from '../api/use-attached-incidents.ts';
import { DEFAULT_INCIDENT_FILTERS, type IncidentFilters } from '../api/incidents-query-options.ts';

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

/** A cause row's attached incidents, under the list's filters (actions may apply to them too). */
export interface AttachedScope {
  count: number;
  filters: IncidentFilters;
}

interface IncidentActionsProps {
  incident: Incident;
  role: Role | undefined;
  onActed?: (updated: Incident) => void;
  attached?: AttachedScope | undefined;
}

export function IncidentActions({ incident, role, onActed, attached }: IncidentActionsProps) {
  const m = useMessages(incidentMessages);
  const cm = useMessages(causeMessages);
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [comment, setComment] = useState('');
  const [missingComment, setMissingComment] = useState(false);
  const [done, setDone] = useState<OperatorActionType | undefined>();
  const [bulkDone, setBulkDone] = useState<{ action: OperatorActionType; done: number; refused: number } | undefined>();
  const offerAttached = role === 'support' && (attached?.count ?? 0) > 0;
  const [withAttached, setWithAttached] = useState(true);
  const applyToAttached = offerAttached && withAttached;
  const attachedQuery = useAttachedIncidents(incident.id, attached?.filters ?? DEFAULT_INCIDENT_FILTERS, applyToAttached);
  const mutation = useIncidentAction();
  const bulk = useBulkAction();
  const pending = mutation.isPending || bulk.isPending;
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
    setBulkDone(undefined);
    const body =
      action === 'acknowledge' || action === 'comment'
        ? { action, comment: text }
        : { action, ...(text ? { comment: text } : {}) };
    if (applyToAttached) {
      // One request for the cause and its attached incidents, each recorded (or refused) on its own.
      const others = (attachedQuery.data?.items ?? []).filter((i) => refusalFor(i, action) === undefined).map((i) => i.id);
      bulk.mutate(
        { incidentIds: [incident.id, ...others], action: body },
        {
          onSuccess: ({ results }) => {
            setComment('');
            setBulkDone({ action, done: results.filter((r) => r.ok).length, refused: results.filter((r) => !r.ok).length });
            const own = results.find((r) => r.incidentId === incident.id);
            if (own?.ok && own.incident) onActed?.(own.incident);
          },
        },
      );
      return;
    }
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
      {offerAttached && (
        <label className="flex items-center gap-2 text-sm text-slate-200">
          <input type="checkbox" checked={withAttached} onChange={(e) => setWithAttached(e.target.checked)} className="h-4 w-4 accent-sky-500" />
          {cm.applyToAttached(attachedQuery.data?.items.length ?? attached!.count)}
        </label>
      )}
      <div className="flex flex-wrap gap-2">
        {actions.map((action, i) => (
          <button
            key={action}
            type={i === 0 ? 'submit' : 'button'}
            className={i === 0 ? PRIMARY : SECONDARY}
            disabled={pending || (applyToAttached && attachedQuery.isPending)}
            onClick={i === 0 ? undefined : () => run(action)}
          >
            {m.action(action)}
          </button>
        ))}
      </div>
      <p aria-live="polite" className="text-sm">
        {pending && <span className="text-slate-300">{m.sending}</span>}
        {!pending && done && <span className="text-emerald-300">{m.actionDone(done)}</span>}
        {!pending && bulkDone && <span className="text-emerald-300">{cm.bulkDone(bulkDone.action, bulkDone.done, bulkDone.refused)}</span>}
      </p>
      {(mutation.isError || bulk.isError) && (
        <p role="alert" className="text-sm font-semibold text-red-300">
          {m.actionFailed((mutation.error ?? bulk.error)?.message ?? '')}
        </p>
      )}
    </form>
  );
}

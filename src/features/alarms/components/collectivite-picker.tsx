// Choosing one collectivité among ~500 by typing: a search field and the best matches as buttons
// (at most 8, with how many matched), plus support's own every-collectivité scope. No 500-entry list.
import { useId, useMemo, useState } from 'react';
import { useMessages } from '../../../i18n/locale-context.ts';
import { alarmMessages } from '../messages.ts';
import { ALL_COLLECTIVITES, matchCollectivites, type Named } from '../recipient-scope.ts';

const SHOWN = 8;

interface CollectivitePickerProps {
  collectivites: readonly Named[];
  /** The chosen scope: a collectivité id, ALL_COLLECTIVITES, or undefined before any choice. */
  value: string | undefined;
  onChange(scope: string): void;
}

const choice = 'rounded border px-2 py-1 text-left focus-visible:outline-2 focus-visible:outline-sky-400';

export function CollectivitePicker({ collectivites, value, onChange }: CollectivitePickerProps) {
  const m = useMessages(alarmMessages);
  const id = useId();
  const [query, setQuery] = useState('');
  const { matches, total } = useMemo(() => matchCollectivites(collectivites, query, SHOWN), [collectivites, query]);
  const pressed = (scope: string) => (scope === value ? 'border-sky-400 bg-sky-900 text-white' : 'border-slate-600 bg-slate-800 text-slate-100 hover:bg-slate-700');

  return (
    <div role="group" aria-labelledby={`${id}-legend`} className="flex flex-col gap-1 text-sm">
      <span id={`${id}-legend`} className="font-semibold">
        {m.collectivitePicker}
      </span>
      <label htmlFor={`${id}-search`} className="sr-only">
        {m.searchCollectivite}
      </label>
      <input
        id={`${id}-search`}
        type="search"
        placeholder={m.searchCollectivite}
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter picks the best match, as a search box would.
          if (e.key === 'Enter' && matches[0]) {
            e.preventDefault();
            onChange(matches[0].id);
          }
        }}
        aria-describedby={`${id}-hint`}
        className="rounded border border-slate-600 bg-slate-800 px-2 py-1 text-slate-100 focus-visible:outline-2 focus-visible:outline-sky-400"
      />
      <p id={`${id}-hint`} aria-live="polite" className="text-slate-300">
        {m.searchHint(matches.length, total)}
      </p>
      <ul className="flex flex-wrap gap-1" aria-label={m.collectivitePicker}>
        <li>
          <button type="button" aria-pressed={value === ALL_COLLECTIVITES} onClick={() => onChange(ALL_COLLECTIVITES)} className={`${choice} ${pressed(ALL_COLLECTIVITES)}`}>
            {m.allCollectivites}
          </button>
        </li>
        {matches.map((c) => (
          <li key={c.id}>
            <button type="button" aria-pressed={value === c.id} onClick={() => onChange(c.id)} className={`${choice} ${pressed(c.id)}`}>
              {c.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

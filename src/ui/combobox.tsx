// A searchable choice among hundreds (the 500-odd collectivités): a text box with a list that
// narrows as you type, accents and case aside. The WAI-ARIA combobox pattern (APG "select-only"
// variant with list autocomplete): the input is the combobox, the list a listbox, the active option
// is announced through aria-activedescendant while focus stays in the input.
// Keys: ↓/↑ open and move, Enter picks, Esc closes (then restores the chosen label), Tab leaves.
// `required`: inside a form, no choice blocks the submission as a required <select> would (the
// input's custom validity), and the reason is shown under the field once the form was refused.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useMessages } from '../i18n/locale-context.ts';
import { filterOptions, type ComboboxOption } from './combobox-filter.ts';
import { uiMessages } from './messages.ts';

export type { ComboboxOption };

export interface ComboboxProps {
  /** The visible label. */
  label: string;
  options: readonly ComboboxOption[];
  /** The chosen option's id; undefined: none (the `emptyLabel` entry, when there is one). */
  value: string | undefined;
  onChange(id: string | undefined): void;
  /** An entry meaning "no choice" ("Toutes"), listed first; omitted: a choice cannot be undone. */
  emptyLabel?: string;
  /** Options listed at most; typing narrows the rest. */
  maxShown?: number;
  /** Inside a form: no choice refuses the submission, saying `requiredMessage`. */
  required?: boolean;
  requiredMessage?: string;
  className?: string;
  inputClassName?: string;
  /** 'beside': the label left of the field, on one line (a header); default: above it. */
  labelPlacement?: 'above' | 'beside';
  /** Extra classes of the label ('sr-only sm:not-sr-only': named for screen readers only on phones). */
  labelClassName?: string;
}

const EMPTY = '';

export function Combobox({ label, options, value, onChange, emptyLabel, maxShown = 50, required = false, requiredMessage, className = '', inputClassName = '', labelPlacement = 'above', labelClassName = '' }: ComboboxProps) {
  const m = useMessages(uiMessages);
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const input = useRef<HTMLInputElement>(null);
  const missing = required && value === undefined;
  const missingText = requiredMessage ?? m.chooseFromList;
  const [refused, setRefused] = useState(false); // the form was refused for want of a choice
  useEffect(() => input.current?.setCustomValidity(missing ? missingText : ''), [missing, missingText]);
  const showError = refused && missing;
  // After a pick or Esc the chosen label is selected, so typing again starts a new search (not "Éplychat").
  const reselect = useRef(false);
  useEffect(() => {
    if (reselect.current && document.activeElement === input.current) input.current?.select();
    reselect.current = false;
  });
  // A choice not among the options (not loaded yet): an empty box, not the "no choice" entry's words.
  const chosenLabel = value === undefined ? (emptyLabel ?? '') : (options.find((o) => o.id === value)?.label ?? '');
  const [open, setOpen] = useState(false);
  const [text, setText] = useState<string | undefined>(undefined); // undefined: showing the choice
  const [active, setActive] = useState(0);

  const query = text ?? '';
  const { shown, matched } = useMemo(() => filterOptions(options, query, maxShown), [options, query, maxShown]);
  // Nothing typed: "no choice" first, and the current choice listed even beyond the first ones shown.
  // Typed: "no choice" after the matches when its words were typed ("toutes").
  const entries = useMemo(() => {
    const noChoice = emptyLabel !== undefined ? [{ id: EMPTY, label: emptyLabel }] : [];
    if (query.trim() !== '') return [...shown, ...filterOptions(noChoice, query, 1).shown];
    const chosen = options.find((o) => o.id === value);
    return [...noChoice, ...(chosen && !shown.includes(chosen) ? [chosen] : []), ...shown];
  }, [emptyLabel, query, shown, options, value]);
  const activeIndex = Math.min(active, entries.length - 1);
  const optionId = (i: number) => `${id}-o${i}`;

  const close = () => {
    setOpen(false);
    setText(undefined);
  };
  const pick = (entry: ComboboxOption | undefined) => {
    if (!entry) return;
    onChange(entry.id === EMPTY ? undefined : entry.id);
    reselect.current = true;
    close();
  };
  const openAt = (index: number) => {
    setOpen(true);
    setActive(Math.max(0, index));
  };
  const move = (delta: number) => {
    if (!open) return openAt(Math.max(0, entries.findIndex((e) => (e.id === EMPTY ? value === undefined : e.id === value))));
    if (entries.length > 0) setActive((activeIndex + delta + entries.length) % entries.length);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      pick(entries[activeIndex]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation(); // the page's own Escape (the desk's shortcuts) is not for this
      reselect.current = true;
      close();
    }
  };

  return (
    <div className={`flex text-sm text-slate-300 ${labelPlacement === 'beside' ? 'items-center gap-2' : 'flex-col'} ${className}`}>
      <label htmlFor={`${id}-input`} className={`${labelPlacement === 'beside' ? 'whitespace-nowrap' : ''} ${labelClassName}`}>
        {label}
      </label>
      {/* The list hangs under the input itself, whatever the label's place or the error line. */}
      <div className="relative flex min-w-0 flex-1 flex-col">
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-required={required || undefined}
          aria-invalid={showError || undefined}
          aria-describedby={showError ? errorId : undefined}
          onInvalid={(e) => {
            // Our own line says why (the browser's bubble would cover the list); focus comes here
            // when this is the form's first refused field, as the browser would have done.
            e.preventDefault();
            setRefused(true);
            const first = [...(e.currentTarget.form?.elements ?? [])].find((el) => 'validity' in el && !(el as HTMLInputElement).validity.valid);
            if (first === e.currentTarget) e.currentTarget.focus();
          }}
          aria-activedescendant={open && entries.length > 0 ? optionId(activeIndex) : undefined}
          value={text ?? chosenLabel}
          placeholder={m.typeToSearch}
          onChange={(e) => {
            setText(e.target.value);
            openAt(0);
          }}
          // Showing the choice: the whole label is selected, so typing replaces it.
          onFocus={(e) => text === undefined && e.currentTarget.select()}
          onClick={(e) => {
            if (text === undefined) e.currentTarget.select();
            if (!open) openAt(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
          // 16 px on phones: a smaller text makes mobile browsers zoom the page when the field takes focus.
          className={`rounded border border-slate-600 bg-slate-800 px-2 py-1.5 text-base text-slate-100 placeholder:text-slate-400 sm:text-sm focus-visible:outline-2 focus-visible:outline-sky-400 ${inputClassName}`}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          hidden={!open}
          // Beside its label the field sits in a bar, on a phone right of the screen's middle: the list
          // then opens leftward from the field's right edge, so it stays on the screen.
          className={`absolute top-full ${labelPlacement === 'beside' ? 'right-0' : ''} z-[1000] mt-1 max-h-72 w-max min-w-full max-w-[22rem] overflow-y-auto rounded border border-slate-600 bg-slate-900 py-1 text-slate-100 shadow-lg`}
        >
          {entries.map((entry, i) => {
            const selected = entry.id === EMPTY ? value === undefined : entry.id === value;
            return (
              <li
                key={entry.id}
                id={optionId(i)}
                role="option"
                aria-selected={selected}
                // Keep the focus in the input (blur would close the list before the click lands).
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(entry)}
                onMouseMove={() => i !== activeIndex && setActive(i)}
                className={`cursor-pointer truncate px-2 py-2 sm:py-1 ${i === activeIndex ? 'bg-sky-800 text-white' : ''} ${selected ? 'font-semibold' : ''}`}
              >
                {selected && <span aria-hidden="true">✓ </span>}
                {entry.label}
              </li>
            );
          })}
          {open && entries.length === 0 && <li className="px-2 py-1 text-slate-300">{m.noMatch(query)}</li>}
          {open && matched > shown.length && <li className="px-2 py-1 text-xs text-slate-300">{m.moreOptions(matched - shown.length)}</li>}
        </ul>
      </div>
      {showError && (
        <span id={errorId} className="mt-1 text-red-300">
          {missingText}
        </span>
      )}
      <span aria-live="polite" className="sr-only">
        {open ? m.resultCount(matched) : ''}
      </span>
    </div>
  );
}

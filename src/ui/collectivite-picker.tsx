// The one way to choose a collectivité among the estate's ~500 (the header's scope, filters, forms,
// reports, alarm settings): the searchable combobox over their names in French order, typing folds
// accents and case ("chateau" finds Château-Salins). Callers may pin entries above the names
// (support's every-collectivité scope) or offer a "no choice" entry ("Toutes").
import { useMemo } from 'react';
import { useMessages } from '../i18n/locale-context.ts';
import { Combobox, type ComboboxOption, type ComboboxProps } from './combobox.tsx';
import { uiMessages } from './messages.ts';

export interface NamedCollectivite {
  id: string;
  name: string;
}

export interface CollectivitePickerProps {
  /** The collectivités to choose from, in any order (the estate index's map, or a list). */
  collectivites: ReadonlyMap<string, NamedCollectivite> | readonly NamedCollectivite[];
  /** The chosen id; undefined: none yet, or the `emptyLabel` entry. */
  value: string | undefined;
  onChange(id: string | undefined): void;
  /** Defaults to "Collectivité". */
  label?: string;
  /** A "no choice" entry listed first ("Toutes"); omitted: a choice cannot be undone. */
  emptyLabel?: string;
  /** Entries listed before the names; keep the array stable (memoised) across renders. */
  pinned?: readonly ComboboxOption[];
  /** Inside a form: submitting without a choice is refused, saying so in French. */
  required?: boolean;
  className?: string;
  /** Layout of the label and the field, as in the combobox (src/ui/combobox.tsx). */
  labelPlacement?: ComboboxProps['labelPlacement'];
  labelClassName?: string;
  inputClassName?: string;
}

const NONE: readonly ComboboxOption[] = [];

/** The picker's entries: the pinned ones, then every collectivité by its French name order. */
export function collectiviteOptions(collectivites: CollectivitePickerProps['collectivites'], pinned: readonly ComboboxOption[] = NONE): ComboboxOption[] {
  const all: readonly NamedCollectivite[] = Array.isArray(collectivites) ? collectivites : [...(collectivites as ReadonlyMap<string, NamedCollectivite>).values()];
  const named = all.map((c) => ({ id: c.id, label: c.name })).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  return [...pinned, ...named];
}

export function CollectivitePicker({ collectivites, value, onChange, label, emptyLabel, pinned = NONE, required = false, className = '', ...layout }: CollectivitePickerProps) {
  const m = useMessages(uiMessages);
  const options = useMemo(() => collectiviteOptions(collectivites, pinned), [collectivites, pinned]);
  return (
    <Combobox
      label={label ?? m.collectivite}
      options={options}
      value={value}
      onChange={onChange}
      required={required}
      requiredMessage={m.chooseCollectivite}
      className={className}
      {...layout}
      {...(emptyLabel !== undefined && { emptyLabel })}
    />
  );
}

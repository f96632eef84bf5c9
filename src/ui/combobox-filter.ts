// What a searchable choice list shows for a typed text: every option whose label holds every typed
// word, accents and case aside ("chat sal" finds "Château-Salins"), labels starting with the first
// word first, at most `limit` of them. Pure, so the combobox's behaviour is tested without a DOM.
import { searchFold } from '../domain/search-fold.ts';

export interface ComboboxOption {
  id: string;
  label: string;
}

export interface FilteredOptions<T extends ComboboxOption> {
  shown: T[];
  /** How many matched in all (shown or not). */
  matched: number;
}

export function filterOptions<T extends ComboboxOption>(options: readonly T[], query: string, limit: number): FilteredOptions<T> {
  const words = searchFold(query).split(/[\s'’-]+/).filter(Boolean);
  if (words.length === 0) return { shown: options.slice(0, limit), matched: options.length };
  const starting: T[] = [];
  const inside: T[] = [];
  for (const option of options) {
    const label = searchFold(option.label);
    if (!words.every((w) => label.includes(w))) continue;
    (label.startsWith(words[0]!) ? starting : inside).push(option);
  }
  const all = [...starting, ...inside];
  return { shown: all.slice(0, limit), matched: all.length };
}

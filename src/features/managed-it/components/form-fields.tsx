// The fields the managed-IT forms share: the collectivité chooser (when the page is not focused on
// one) and a labelled select over a fixed list of values with their words.
import { useMemo } from 'react';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useEstateIndex } from '../../../live/use-live.ts';
import { managedItMessages } from '../messages.ts';

export const fieldClass = 'w-full rounded border border-slate-600 bg-slate-900 px-2 py-1 text-slate-100';
export const buttonClass = 'rounded bg-sky-800 px-3 py-1 font-medium text-white hover:bg-sky-700 disabled:opacity-50';

export function CollectiviteField({ value, onChange }: { value: string; onChange(id: string): void }) {
  const m = useMessages(managedItMessages);
  const index = useEstateIndex();
  const collectivites = useMemo(() => [...index.collectivites.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr')), [index]);
  return (
    <label className="flex flex-col gap-1">
      {m.collectivite}
      <select className={fieldClass} required value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{m.chooseCollectivite}</option>
        {collectivites.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ChoiceField<V extends string>({ label, values, words, value, onChange }: { label: string; values: readonly V[]; words: Record<NoInfer<V>, string>; value: NoInfer<V>; onChange(value: NoInfer<V>): void }) {
  return (
    <label className="flex flex-col gap-1">
      {label}
      <select className={fieldClass} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {words[v]}
          </option>
        ))}
      </select>
    </label>
  );
}

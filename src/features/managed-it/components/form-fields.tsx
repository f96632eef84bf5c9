// The fields the managed-IT forms share: the collectivité chooser (when the page is not focused on
// one, the shared searchable picker) and a labelled select over a fixed list of values with their words.
import { useEstateIndex } from '../../../live/use-live.ts';
import { CollectivitePicker } from '../../../ui/collectivite-picker.tsx';

export const fieldClass = 'w-full rounded border border-slate-600 bg-slate-900 px-2 py-1 text-slate-100';
export const buttonClass = 'rounded bg-sky-800 px-3 py-1 font-medium text-white hover:bg-sky-700 disabled:opacity-50';

/** Support's choice of collectivité (when the page is not focused on one): the shared picker, required. */
export function CollectiviteField({ value, onChange }: { value: string; onChange(id: string): void }) {
  const index = useEstateIndex();
  return <CollectivitePicker collectivites={index.collectivites} value={value || undefined} onChange={(id) => onChange(id ?? '')} required />;
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

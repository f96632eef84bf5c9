import { LOCALES } from '../i18n/i18n.ts';
import { useLocale, useMessages } from '../i18n/locale-context.ts';
import { appMessages } from './app-messages.ts';

// Each language is named in itself, so a screen reader announces a word, not a two-letter code.
const LANGUAGE_NAMES: Record<(typeof LOCALES)[number], string> = { fr: 'Français', en: 'English' };

export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const m = useMessages(appMessages);
  return (
    <div role="group" aria-label={m.language} className="inline-flex overflow-hidden rounded border border-slate-600 text-sm">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={locale === l}
          aria-label={LANGUAGE_NAMES[l]}
          onClick={() => setLocale(l)}
          className={`px-2 py-1 uppercase focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-400 ${locale === l ? 'bg-slate-100 font-semibold text-slate-900' : 'text-slate-200 hover:bg-slate-800'}`}
        >
          {l}
        </button>
      ))}
    </div>
  );
}

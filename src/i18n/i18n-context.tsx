import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isLocale, type Locale } from './i18n.ts';
import { LocaleContext } from './locale-context.ts';

const STORAGE_KEY = 'vigie.locale';

function initialLocale(storage: Storage | undefined): Locale {
  const saved = storage?.getItem(STORAGE_KEY);
  return isLocale(saved) ? saved : 'fr';
}

export function I18nProvider({ children, storage = globalThis.localStorage, locale: forced }: { children: ReactNode; storage?: Storage; locale?: Locale }) {
  const [locale, setState] = useState<Locale>(() => forced ?? initialLocale(storage));
  const setLocale = useCallback(
    (next: Locale) => {
      setState(next);
      storage?.setItem(STORAGE_KEY, next);
    },
    [storage],
  );
  // Screen readers pick their voice from <html lang>.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext value={value}>{children}</LocaleContext>;
}

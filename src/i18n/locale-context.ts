import { createContext, useContext } from 'react';
import type { Locale, Messages } from './i18n.ts';

export interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

export const LocaleContext = createContext<LocaleState>({ locale: 'fr', setLocale: () => {} });

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

/** The current locale's half of a `defineMessages` dictionary. */
export function useMessages<T>(messages: Messages<T>): T {
  return messages[useContext(LocaleContext).locale];
}

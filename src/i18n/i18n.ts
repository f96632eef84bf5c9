// A typed dictionary without a library: French is the reference shape, English must match it key
// for key (the compiler says which one is missing). Values are strings or small functions.
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Messages<T> {
  fr: T;
  en: T;
}

type Widen<T> = T extends string ? string : T extends (...args: infer A) => string ? (...args: A) => string : { [K in keyof T]: Widen<T[K]> };

export function defineMessages<const T>(fr: T, en: Widen<T>): Messages<Widen<T>> {
  return { fr: fr as Widen<T>, en };
}

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

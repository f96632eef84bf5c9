// One accent/case fold for searches by name (the desk's search, the shared collectivité picker in src/ui).
export const searchFold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

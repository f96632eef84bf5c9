// One accent/case fold for searches by name (the desk's, the alarm settings' collectivité picker).
export const searchFold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

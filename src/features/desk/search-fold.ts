// The desk's searches compare text without accents or case ("chateau" finds "Château-Salins").
export const searchFold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

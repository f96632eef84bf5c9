// Text compared without accents or case ("chateau" finds "Château-Salins"): the desk's searches and the shared combobox.
export const searchFold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

// Messages of the shared UI components (src/ui), French first.
import { defineMessages } from '../i18n/i18n.ts';

export const uiMessages = defineMessages(
  {
    typeToSearch: 'Tapez pour chercher…',
    noMatch: (q: string) => `Aucun résultat pour « ${q} »`,
    moreOptions: (n: number) => `+ ${n} autre${n > 1 ? 's' : ''} : précisez la recherche`,
    resultCount: (n: number) => `${n} résultat${n > 1 ? 's' : ''}`,
    chooseFromList: 'Choisissez dans la liste.',
    collectivite: 'Collectivité',
    chooseCollectivite: 'Choisissez une collectivité dans la liste.',
  },
  {
    typeToSearch: 'Type to search…',
    noMatch: (q: string) => `No match for “${q}”`,
    moreOptions: (n: number) => `+ ${n} more: refine the search`,
    resultCount: (n: number) => `${n} result${n > 1 ? 's' : ''}`,
    chooseFromList: 'Choose from the list.',
    collectivite: 'Collectivité',
    chooseCollectivite: 'Choose a collectivité from the list.',
  },
);

// What a typical municipal site holds, per kind of site: the equipment a syndicate would supervise
// there and the probes it would configure on each (DOMAIN.md's examples). Counts scale with size.
import type { EquipmentKind, ProbeKind, SiteKind } from '../../../src/domain/model.ts';

export interface ProbeTemplate {
  kind: ProbeKind;
  name: string;
  /** Seconds between checks. */
  interval: number;
  /** Only on sites other than the town hall (they reach it over an inter-site link). */
  secondaryOnly?: boolean;
}

export interface EquipmentTemplate {
  kind: EquipmentKind;
  /** Display names, used in turn when the site holds several. */
  names: readonly string[];
  /** How many a small (size 0) and a large (size 1) site hold. */
  count: readonly [number, number];
  probes: readonly ProbeTemplate[];
}

const ping = (what: string): ProbeTemplate => ({ kind: 'host', name: `Ping ${what}`, interval: 120 });
const disk = (mount: string): ProbeTemplate => ({ kind: 'disk', name: `Espace disque ${mount}`, interval: 600 });

const router: EquipmentTemplate = {
  kind: 'router',
  names: ['Routeur Internet'],
  count: [1, 1],
  probes: [
    { kind: 'internet', name: 'Accès Internet (fibre)', interval: 60 },
    { kind: 'link', name: 'Lien inter-site vers la mairie', interval: 60, secondaryOnly: true },
    ping('routeur'),
  ],
};
const switches = (lo: number, hi: number): EquipmentTemplate => ({ kind: 'switch', names: ['Commutateur'], count: [lo, hi], probes: [ping('commutateur')] });
const wifi = (lo: number, hi: number): EquipmentTemplate => ({ kind: 'wifi-ap', names: ['Borne Wi-Fi'], count: [lo, hi], probes: [ping('borne Wi-Fi')] });
const cameras = (lo: number, hi: number, names: readonly string[]): EquipmentTemplate => ({
  kind: 'camera',
  names,
  count: [lo, hi],
  probes: [{ kind: 'camera', name: 'État de la caméra', interval: 300 }],
});

export const SITE_EQUIPMENT: Record<SiteKind, readonly EquipmentTemplate[]> = {
  mairie: [
    router,
    { kind: 'firewall', names: ['Pare-feu'], count: [1, 1], probes: [ping('pare-feu'), { kind: 'service', name: 'Tunnel VPN IPsec', interval: 300 }] },
    {
      kind: 'server',
      names: ['Serveur de fichiers'],
      count: [1, 1],
      probes: [ping('serveur'), disk('/'), disk('/srv'), { kind: 'service', name: 'Sauvegarde nocturne', interval: 300 }, { kind: 'http', name: 'Logiciel état civil (HTTPS)', interval: 120 }],
    },
    { kind: 'nas', names: ['NAS de sauvegarde'], count: [1, 1], probes: [ping('NAS'), disk('/volume1')] },
    { kind: 'server', names: ['Enregistreur vidéo'], count: [0, 2], probes: [ping('enregistreur'), disk('/enregistrements')] },
    switches(1, 5),
    cameras(3, 24, ['Caméra parvis', 'Caméra entrée', 'Caméra parking', 'Caméra accueil', 'Caméra cour']),
    wifi(2, 6),
  ],
  ecole: [router, switches(1, 2), wifi(3, 10), cameras(1, 6, ['Caméra portail', 'Caméra cour', 'Caméra préau']), { kind: 'nas', names: ['NAS pédagogique'], count: [0, 1], probes: [ping('NAS'), disk('/volume1')] }],
  atelier: [router, switches(1, 1), cameras(3, 10, ['Caméra portail', 'Caméra dépôt', 'Caméra garage']), wifi(1, 2)],
  'salle-sports': [router, switches(1, 1), cameras(3, 10, ['Caméra entrée', 'Caméra parking', 'Caméra salle']), wifi(1, 3)],
  mediatheque: [
    router,
    switches(1, 2),
    wifi(2, 5),
    { kind: 'server', names: ['Serveur du portail'], count: [1, 1], probes: [ping('serveur'), disk('/'), { kind: 'http', name: 'Portail du catalogue (HTTPS)', interval: 120 }] },
    cameras(1, 4, ['Caméra entrée', 'Caméra espace jeunesse']),
  ],
  periscolaire: [router, switches(1, 1), wifi(1, 3), cameras(1, 4, ['Caméra entrée', 'Caméra cour'])],
  autre: [router, switches(1, 1), cameras(3, 16, ['Caméra nord', 'Caméra sud', 'Caméra est', 'Caméra ouest', 'Caméra accès'])],
};

export const SITE_NAMES: Record<Exclude<SiteKind, 'mairie'>, readonly string[]> = {
  ecole: ['École Jules Ferry', 'École Jean Moulin', 'École Victor Hugo', 'École Louis Pasteur', 'École Jacques Prévert', 'École des Tilleuls', 'École du Centre', 'École Saint-Exupéry', 'École Robert Schuman', 'École Pierre et Marie Curie', 'École Jean de La Fontaine', 'École maternelle Les Lilas', 'École des Acacias', 'École Paul Verlaine'],
  atelier: ['Atelier municipal', 'Centre technique municipal', 'Ateliers des services techniques'],
  'salle-sports': ['Salle des sports', 'Gymnase', 'Complexe sportif', 'Salle polyvalente'],
  mediatheque: ['Médiathèque', 'Bibliothèque municipale'],
  periscolaire: ['Accueil périscolaire', 'Centre de loisirs'],
  autre: ['Stade municipal', 'Cimetière', 'Parking de la gare', 'Police municipale', 'Église', 'Centre de secours', 'Place du marché', 'Déchetterie'],
};

/** After the town hall, a school, a sports hall and a workshop; then a weighted mix. */
export const FIRST_SITE_KINDS: readonly SiteKind[] = ['mairie', 'ecole', 'salle-sports', 'atelier'];
export const LATER_SITE_KINDS: ReadonlyArray<readonly [SiteKind, number]> = [
  ['ecole', 0.3],
  ['autre', 0.22],
  ['salle-sports', 0.12],
  ['periscolaire', 0.12],
  ['atelier', 0.1],
  ['mediatheque', 0.08],
  ['mairie', 0.06], // mairies annexes of merged communes
];

/** "Mairie de Metz", "Mairie d'Amnéville", "Mairie du Ban-Saint-Martin", "Mairie des Étangs". */
export function townHallName(commune: string): string {
  const article = /^(Les|Le) (.*)$/.exec(commune);
  if (article) return `Mairie ${article[1] === 'Le' ? 'du' : 'des'} ${article[2]}`;
  if (/^(La |L')/.test(commune)) return `Mairie de ${commune}`;
  const first = commune.normalize('NFD').charAt(0);
  return /[AEIOUYaeiouy]/.test(first) ? `Mairie d'${commune}` : `Mairie de ${commune}`;
}

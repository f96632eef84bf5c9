// How Icinga object names become Vigie ids and back. A service keeps Icinga's own "host!service"
// name; a host's own check is "host!" — Icinga forbids "!" in service names, so neither can collide.

export type IcingaRef = { type: 'Host'; host: string } | { type: 'Service'; host: string; service: string };

export function probeIdOf(host: string, service?: string): string {
  return `${host}!${service ?? ''}`;
}

export function icingaRefOf(probeId: string): IcingaRef | undefined {
  const bang = probeId.indexOf('!');
  if (bang <= 0) return undefined;
  const host = probeId.slice(0, bang);
  const service = probeId.slice(bang + 1);
  if (service.includes('!')) return undefined;
  return service === '' ? { type: 'Host', host } : { type: 'Service', host, service };
}

/** The Icinga object name of a ref, as the API's `host` / `service` parameters expect it. */
export function icingaNameOf(ref: IcingaRef): string {
  return ref.type === 'Host' ? ref.host : `${ref.host}!${ref.service}`;
}

export function siteIdOf(collectiviteId: string, site: string): string {
  return `${collectiviteId}:${site}`;
}

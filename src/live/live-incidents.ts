// The incidents the live views show, by id, with the list newest first cached until they change.
// Closed incidents leave at once, resolved ones a day after their resolution (the wall runs for
// weeks), as they leave the gateway's memory; history is read over HTTP. An update older than the
// copy held (by version) is ignored: the one reconcile rule of incident-version.ts.
import { isLiveRecent } from '../domain/incident-rules.ts';
import { reconcileIncident } from '../domain/incident-version.ts';
import type { Incident } from '../domain/model.ts';

function keepIncident(incident: Incident): boolean {
  return incident.status !== 'closed';
}

export class LiveIncidents {
  private incidents = new Map<string, Incident>();
  private newestFirstCache: Incident[] | undefined;

  get byId(): Map<string, Incident> {
    return this.incidents;
  }

  /** After a snapshot: these incidents are all there is. */
  replace(incidents: readonly Incident[]): void {
    this.incidents = new Map(incidents.filter(keepIncident).map((i) => [i.id, i]));
    this.newestFirstCache = undefined;
  }

  /** An update: each incident is added, replaced by a newer version, or dropped once closed. */
  apply(incidents: readonly Incident[]): void {
    for (const incoming of incidents) {
      const held = this.incidents.get(incoming.id);
      if (reconcileIncident(held, incoming) === held) continue;
      if (keepIncident(incoming)) this.incidents.set(incoming.id, incoming);
      else this.incidents.delete(incoming.id);
    }
    this.newestFirstCache = undefined;
  }

  /** Drops finished incidents older than a day by the server's clock; true if any went. */
  forgetOld(serverNow: number): boolean {
    let forgot = false;
    for (const [id, incident] of this.incidents) {
      if (isLiveRecent(incident, serverNow)) continue;
      this.incidents.delete(id);
      forgot = true;
    }
    if (forgot) this.newestFirstCache = undefined;
    return forgot;
  }

  /** Newest first; the same array until the incidents change. */
  newestFirst(): readonly Incident[] {
    this.newestFirstCache ??= [...this.incidents.values()].sort((a, b) => b.openedAt - a.openedAt);
    return this.newestFirstCache;
  }
}

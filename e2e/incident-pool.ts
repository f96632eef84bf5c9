// The incidents the hostile-text test acts on: opened on demand through the simulator's test hook
// (a CRITICAL probe opens one), tracked by status from the gateway's own answers, so that each
// action finds an incident whose state allows it (acknowledge an open one, close a resolved one…).
import type { Incident } from '../src/domain/model.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked by the test
export type Api = (method: 'GET' | 'POST', path: string, token?: string, body?: unknown) => Promise<{ status: number; body: any }>;
type Hook = (argv: string[]) => Promise<string>;
type Action = 'comment' | 'acknowledge' | 'start-intervention' | 'close';

export interface Tracked {
  incident: Incident;
  by: 'support' | 'referent';
}

const BATCH = 10;

export class IncidentPool {
  private readonly support = new Map<Incident['status'], Tracked[]>();
  private readonly referent: Tracked[] = [];
  private turn = 0;

  constructor(
    private readonly api: Api,
    private readonly hook: Hook,
    private readonly token: string,
    private readonly supportProbes: string[],
    private readonly referentProbes: string[],
  ) {}

  /** An incident on which `by` may take `action` now; hand it back with giveBack or acted. */
  async take(action: Action, by: Tracked['by']): Promise<Tracked> {
    if (by === 'referent') {
      if (this.referent.length === 0) this.referent.push(...(await this.open(this.referentProbes.splice(0, 3), 'referent')));
      return this.referent.shift()!;
    }
    if (action === 'acknowledge') return this.pop(['open']);
    if (action === 'start-intervention') return this.pop(['acknowledged', 'open']);
    if (action === 'comment') return this.pop((['open', 'acknowledged', 'in-progress', 'resolved'] as const).slice(this.turn++ % 4));
    if (this.list('resolved').length > 0) return this.list('resolved').shift()!;
    const tracked = await this.pop(['in-progress', 'acknowledged', 'open']);
    await this.hook(['inject', tracked.incident.probeId, 'OK', 'OK - rétabli']);
    return { ...tracked, incident: { ...tracked.incident, status: 'resolved' } };
  }

  /** The action was refused: the incident is as it was. */
  giveBack(tracked: Tracked): void {
    this.put(tracked);
  }

  /** The action was applied: the gateway answered the incident's new version. */
  acted(tracked: Tracked, incident: Incident): void {
    this.put({ ...tracked, incident });
  }

  private put(tracked: Tracked): void {
    if (tracked.by === 'referent') this.referent.push(tracked);
    else if (tracked.incident.status !== 'closed') this.list(tracked.incident.status).push(tracked);
  }

  private list(status: Incident['status']): Tracked[] {
    if (!this.support.has(status)) this.support.set(status, []);
    return this.support.get(status)!;
  }

  private async pop(statuses: readonly Incident['status'][]): Promise<Tracked> {
    for (const status of statuses) if (this.list(status).length > 0) return this.list(status).shift()!;
    this.list('open').push(...(await this.open(this.supportProbes.splice(0, BATCH), 'support')));
    return this.list('open').shift()!;
  }

  private async open(probeIds: string[], by: Tracked['by']): Promise<Tracked[]> {
    if (probeIds.length === 0) throw new Error('no probe left to open incidents on');
    for (const probeId of probeIds) await this.hook(['inject', probeId, 'CRITICAL', 'CRITICAL - disque plein']);
    const page = await this.api('GET', '/incidents?status=open&pageSize=500', this.token);
    return probeIds.map((probeId) => {
      const incident = (page.body.items as Incident[]).find((i) => i.probeId === probeId);
      if (!incident) throw new Error(`no open incident on ${probeId} after injecting CRITICAL`);
      return { incident, by };
    });
  }
}

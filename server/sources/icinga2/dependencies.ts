// Icinga 2 `Dependency` objects (GET /v1/objects/dependencies): "this child host or service only
// works through that parent". Read as parent → child probe edges for the root-cause fold
// (src/domain/root-cause.ts rule 3): a child failing with its parent folds under it on the desk.
// A host dependency (no child service) makes the child host's own check depend on the parent; a
// service dependency, the child service. Objects that name no parent or no child are skipped and
// counted (a hand-written configuration can be incomplete); text is never interpreted.
import { engineStatusOf, IcingaHttpError, type IcingaClient } from './icinga-client.ts';
import { probeIdOf } from './probe-ids.ts';

export const DEPENDENCIES_PATH = '/v1/objects/dependencies';
const ATTRS = ['parent_host_name', 'parent_service_name', 'child_host_name', 'child_service_name'];

/** One declared dependency, as Vigie probe ids ("host!" for a host's own check, "host!service"). */
export interface ProbeDependency {
  parent: string;
  child: string;
}

export interface DependencyReading {
  dependencies: ProbeDependency[];
  /** Objects without a usable parent or child. */
  skipped: number;
}

const hostName = (value: unknown) => (typeof value === 'string' && value !== '' && !value.includes('!') ? value : undefined);
/** A service name; undefined when none (a host dependency), null when unusable. */
const serviceName = (value: unknown) => (value === undefined || value === '' ? undefined : (hostName(value) ?? null));

/** The edges of an API answer's `results`, duplicates dropped. */
export function readDependencies(results: readonly unknown[]): DependencyReading {
  const seen = new Set<string>();
  const dependencies: ProbeDependency[] = [];
  let skipped = 0;
  for (const result of results) {
    const attrs = (result as { attrs?: Record<string, unknown> } | null)?.attrs ?? {};
    const parentHost = hostName(attrs.parent_host_name);
    const childHost = hostName(attrs.child_host_name);
    const parentService = serviceName(attrs.parent_service_name);
    const childService = serviceName(attrs.child_service_name);
    if (!parentHost || !childHost || parentService === null || childService === null) {
      skipped += 1;
      continue;
    }
    const edge = { parent: probeIdOf(parentHost, parentService), child: probeIdOf(childHost, childService) };
    const key = `${edge.parent}\n${edge.child}`;
    if (edge.parent === edge.child || seen.has(key)) continue;
    seen.add(key);
    dependencies.push(edge);
  }
  return { dependencies, skipped };
}

/** Query the engine's dependencies (read-only object query). */
export async function fetchDependencies(client: IcingaClient, timeoutMs: number): Promise<DependencyReading> {
  const res = await client.request('POST', DEPENDENCIES_PATH, { body: { attrs: ATTRS }, timeoutMs, readOnly: true });
  const results = (res.body as { results?: unknown } | null)?.results;
  if (res.status !== 200 || !Array.isArray(results)) throw new IcingaHttpError(res.status, DEPENDENCIES_PATH, engineStatusOf(res.body));
  return readDependencies(results);
}

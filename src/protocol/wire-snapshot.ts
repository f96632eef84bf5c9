// The snapshot as it travels (protocol 2): the same content as `Snapshot`, laid out in columns.
// At Moselle scale a snapshot is ~48,000 probes, ~38,500 equipment and ~48,000 statuses; sent as
// objects that was 20.7 MB of JSON whose keys and repeated names made most of the bytes, and every
// client paid to inflate, parse and validate them. Here equipment, probes and statuses are parallel
// arrays, repeated names are sent once, enums are one character per row and instants are offsets
// from the snapshot's `at`. Pure: the gateway packs, the SPA unpacks, both with these functions.
import { z } from 'zod';
import {
  CAMERA_CONDITIONS,
  EQUIPMENT_KINDS,
  PROBE_KINDS,
  PROBE_STATES,
  STATE_TYPES,
  type CameraCondition,
  type Equipment,
  type Probe,
  type ProbeDependency,
  type ProbeStatus,
} from '../domain/model.ts';
import { ContractError, type Parsed } from './parse.ts';
import { collectiviteSchema, incidentSchema, MAX_DEPENDENCIES, PROTOCOL_VERSION, siteSchema, sourceHealthSchema, streamRefSchema, type Snapshot } from './schemas.ts';

// Columns hold tens of thousands of rows: they are checked with one plain loop each rather than one
// zod schema per element (57 → ~10 ms for the Moselle snapshot in Node).
function column<T>(what: string, valid: (value: unknown) => boolean) {
  return z.custom<T[]>((value) => Array.isArray(value) && value.every(valid), { message: `expected an array of ${what}` });
}
const isPosition = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const ids = column<string>('ids (1–128 characters)', (v) => typeof v === 'string' && v.length <= 128);
const positionsColumn = column<number>('positions (integers ≥ 0)', isPosition);
const offsets = column<number>('integers', Number.isSafeInteger);

/** One character per row: the digit of the value's position in `values` ('-' for none, if allowed). */
function codes(values: readonly string[], optional = false) {
  if (values.length > 10) throw new Error('one-digit codes hold at most 10 values');
  return z.string().regex(new RegExp(`^[${optional ? '-' : ''}0-${values.length - 1}]*$`), `one digit 0–${values.length - 1} per row`);
}

export const wireEstateSchema = z.object({
  collectivites: z.array(collectiviteSchema),
  sites: z.array(siteSchema),
  /**
   * Distinct texts: names of equipment and probes, and status outputs. Rows refer to them by
   * position (at Moselle scale, 3,200 distinct outputs for 48,000 probes).
   */
  texts: column<string>('texts (≤ 4096 characters)', (v) => typeof v === 'string' && v.length <= 4096),
  equipment: z.object({
    /** true: each `id` entry is the rest of the id after its site's id (the full id starts with it). */
    idAfterParent: z.boolean(),
    id: ids,
    /** Position of the equipment's site in `sites`. */
    site: positionsColumn,
    name: positionsColumn,
    kind: codes(EQUIPMENT_KINDS),
  }),
  probes: z.object({
    /** true: each `id` entry is the rest of the id after its equipment's id. */
    idAfterParent: z.boolean(),
    id: ids,
    /** Position of the probe's equipment in `equipment`. */
    equipment: positionsColumn,
    name: positionsColumn,
    kind: codes(PROBE_KINDS),
    interval: column<number>('intervals (integers ≥ 1)', (v) => Number.isSafeInteger(v) && (v as number) >= 1),
  }),
  /** Declared dependencies, as positions in `probes` (parallel columns). Absent when none. */
  dependencies: z
    .object({
      parent: positionsColumn.refine((v) => v.length <= MAX_DEPENDENCIES, `at most ${MAX_DEPENDENCIES} dependencies`),
      child: positionsColumn,
    })
    .optional(),
});

export const wireStatusesSchema = z.object({
  /** Position of each status's probe in `estate.probes`. */
  probe: positionsColumn,
  state: codes(PROBE_STATES),
  stateType: codes(STATE_TYPES),
  /** Per row: 1 if acknowledged + 2 if in downtime. */
  flags: z.string().regex(/^[0-3]*$/, 'one digit 0–3 per row'),
  camera: codes(CAMERA_CONDITIONS, true),
  /** `at` − lastCheck in ms, null for never checked. */
  lastCheck: column<number | null>('integers or null', (v) => v === null || Number.isSafeInteger(v)),
  /** `at` − since in ms. */
  since: offsets,
  /** Position of the output in `estate.texts`. */
  output: positionsColumn,
});

export const wireSnapshotSchema = streamRefSchema.extend({
  protocol: z.literal(PROTOCOL_VERSION),
  seq: z.number().int().nonnegative(),
  at: z.number().int().nonnegative(),
  estate: wireEstateSchema,
  statuses: wireStatusesSchema,
  incidents: z.array(incidentSchema),
  source: sourceHealthSchema,
});

export type WireSnapshot = z.infer<typeof wireSnapshotSchema>;
type WireEstate = WireSnapshot['estate'];
type WireStatuses = WireSnapshot['statuses'];

// ---- packing (gateway) -------------------------------------------------------------------------

/** Distinct texts in order of first use. */
class TextTable {
  private readonly positions = new Map<string, number>();
  of(text: string): number {
    let n = this.positions.get(text);
    if (n === undefined) this.positions.set(text, (n = this.positions.size));
    return n;
  }
  get texts(): string[] {
    return [...this.positions.keys()];
  }
}

export function packSnapshot(snapshot: Snapshot): WireSnapshot {
  const { estate, statuses, ...rest } = snapshot;
  const texts = new TextTable();
  const sitePos = positions(estate.sites);
  const equipmentPos = positions(estate.equipment);
  const probePos = positions(estate.probes);
  const equipmentAfterSite = estate.equipment.every((e) => startsWithParent(e.id, e.siteId));
  const equipment = {
    idAfterParent: equipmentAfterSite,
    id: estate.equipment.map((e) => (equipmentAfterSite ? e.id.slice(e.siteId.length) : e.id)),
    site: estate.equipment.map((e) => required(sitePos, e.siteId, `equipment ${e.id}: site`)),
    name: estate.equipment.map((e) => texts.of(e.name)),
    kind: digits(EQUIPMENT_KINDS, estate.equipment.map((e) => e.kind)),
  };
  const probesAfterEquipment = estate.probes.every((p) => startsWithParent(p.id, p.equipmentId));
  const probes = {
    idAfterParent: probesAfterEquipment,
    id: estate.probes.map((p) => (probesAfterEquipment ? p.id.slice(p.equipmentId.length) : p.id)),
    equipment: estate.probes.map((p) => required(equipmentPos, p.equipmentId, `probe ${p.id}: equipment`)),
    name: estate.probes.map((p) => texts.of(p.name)),
    kind: digits(PROBE_KINDS, estate.probes.map((p) => p.kind)),
    interval: estate.probes.map((p) => p.interval),
  };
  // A status of a probe outside this scope's estate is not sent.
  const sent = statuses.filter((s) => probePos.has(s.probeId));
  const at = snapshot.at;
  const packedStatuses: WireStatuses = {
    probe: sent.map((s) => probePos.get(s.probeId)!),
    state: digits(PROBE_STATES, sent.map((s) => s.state)),
    stateType: digits(STATE_TYPES, sent.map((s) => s.stateType)),
    flags: sent.map((s) => (s.acknowledged ? 1 : 0) + (s.inDowntime ? 2 : 0)).join(''),
    camera: sent.map((s) => (s.camera === undefined ? '-' : digits(CAMERA_CONDITIONS, [s.camera]))).join(''),
    lastCheck: sent.map((s) => (s.lastCheck === null ? null : at - s.lastCheck)),
    since: sent.map((s) => at - s.since),
    output: sent.map((s) => texts.of(s.output)),
  };
  const packedEstate: WireEstate = { collectivites: estate.collectivites, sites: estate.sites, texts: texts.texts, equipment, probes };
  const edges = estate.dependencies?.filter((d) => probePos.has(d.parent) && probePos.has(d.child));
  if (edges?.length) packedEstate.dependencies = { parent: edges.map((d) => probePos.get(d.parent)!), child: edges.map((d) => probePos.get(d.child)!) };
  return { ...rest, estate: packedEstate, statuses: packedStatuses };
}

/** The id is its parent's id followed by at least one character (hierarchical ids, as the simulator's and Icinga's). */
function startsWithParent(id: string, parentId: string): boolean {
  return id.length > parentId.length && id.startsWith(parentId);
}

function positions(rows: ReadonlyArray<{ id: string }>): Map<string, number> {
  return new Map(rows.map((row, i) => [row.id, i]));
}

function required(map: ReadonlyMap<string, number>, key: string, what: string): number {
  const n = map.get(key);
  if (n === undefined) throw new Error(`cannot pack the snapshot: ${what} ${key} is not in the estate`);
  return n;
}

/** One digit per row: the position of each value in `values`. */
function digits(values: readonly string[], rows: readonly string[]): string {
  return rows
    .map((value) => {
      const n = values.indexOf(value);
      if (n < 0) throw new Error(`cannot pack the snapshot: unknown value ${value}`);
      return n;
    })
    .join('');
}

// ---- unpacking (SPA) ---------------------------------------------------------------------------

/** Parse a snapshot off the wire and expand it, or say which field is wrong. Never throws. */
export function readSnapshot(input: unknown): Parsed<Snapshot> {
  const parsed = wireSnapshotSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: new ContractError(issue ? issue.path.map(String).join('.') : '', issue?.message ?? 'invalid snapshot') };
  }
  try {
    return { ok: true, value: unpackSnapshot(parsed.data) };
  } catch (error) {
    if (error instanceof ContractError) return { ok: false, error };
    throw error;
  }
}

/** Expand a parsed wire snapshot; throws a ContractError when its columns do not fit together. */
export function unpackSnapshot(wire: WireSnapshot): Snapshot {
  const { estate: w, statuses, ...rest } = wire;
  const equipment = unpackEquipment(w);
  const probes = unpackProbes(w, equipment);
  const estate: Snapshot['estate'] = { collectivites: w.collectivites, sites: w.sites, equipment, probes };
  if (w.dependencies) estate.dependencies = unpackDependencies(w.dependencies, probes);
  return { ...rest, estate, statuses: unpackStatuses(statuses, probes, wire.at, w.texts) };
}

function unpackDependencies(w: NonNullable<WireEstate['dependencies']>, probes: readonly Probe[]): ProbeDependency[] {
  sameLength('estate.dependencies', w.parent.length, { child: w.child.length });
  return w.parent.map((parentRow, i) => {
    const parent = probes[parentRow];
    const child = probes[w.child[i]!];
    if (!parent) throw new ContractError(`estate.dependencies.parent.${i}`, 'no such probe');
    if (!child) throw new ContractError(`estate.dependencies.child.${i}`, 'no such probe');
    if (parent === child) throw new ContractError(`estate.dependencies.child.${i}`, 'a probe cannot depend on itself');
    return { parent: parent.id, child: child.id };
  });
}

function unpackEquipment(w: WireEstate): Equipment[] {
  const { idAfterParent, id, site, name, kind } = w.equipment;
  sameLength('estate.equipment', id.length, { site: site.length, name: name.length, kind: kind.length });
  const out: Equipment[] = new Array<Equipment>(id.length);
  for (let i = 0; i < id.length; i++) {
    const siteRow = w.sites[site[i]!];
    if (!siteRow) throw new ContractError(`estate.equipment.site.${i}`, 'no such site');
    out[i] = {
      id: fullId(idAfterParent, siteRow.id, id[i]!, `estate.equipment.id.${i}`),
      siteId: siteRow.id,
      name: textAt(w.texts, name[i]!, 200, `estate.equipment.name.${i}`),
      kind: EQUIPMENT_KINDS[digit(kind, i)]!,
    };
  }
  return out;
}

function unpackProbes(w: WireEstate, equipment: readonly Equipment[]): Probe[] {
  const { idAfterParent, id, equipment: parent, name, kind, interval } = w.probes;
  sameLength('estate.probes', id.length, { equipment: parent.length, name: name.length, kind: kind.length, interval: interval.length });
  const out: Probe[] = new Array<Probe>(id.length);
  for (let i = 0; i < id.length; i++) {
    const e = equipment[parent[i]!];
    if (!e) throw new ContractError(`estate.probes.equipment.${i}`, 'no such equipment');
    out[i] = {
      id: fullId(idAfterParent, e.id, id[i]!, `estate.probes.id.${i}`),
      equipmentId: e.id,
      name: textAt(w.texts, name[i]!, 300, `estate.probes.name.${i}`),
      kind: PROBE_KINDS[digit(kind, i)]!,
      interval: interval[i]!,
    };
  }
  return out;
}

function unpackStatuses(w: WireStatuses, probes: readonly Probe[], at: number, texts: readonly string[]): ProbeStatus[] {
  const n = w.probe.length;
  sameLength('statuses', n, {
    state: w.state.length,
    stateType: w.stateType.length,
    flags: w.flags.length,
    camera: w.camera.length,
    lastCheck: w.lastCheck.length,
    since: w.since.length,
    output: w.output.length,
  });
  const out: ProbeStatus[] = new Array<ProbeStatus>(n);
  for (let i = 0; i < n; i++) {
    const probe = probes[w.probe[i]!];
    if (!probe) throw new ContractError(`statuses.probe.${i}`, 'no such probe');
    const lastCheckAgo = w.lastCheck[i]!;
    const flags = digit(w.flags, i);
    const status: ProbeStatus = {
      probeId: probe.id,
      state: PROBE_STATES[digit(w.state, i)]!,
      stateType: STATE_TYPES[digit(w.stateType, i)]!,
      output: textAt(texts, w.output[i]!, 4096, `statuses.output.${i}`),
      lastCheck: lastCheckAgo === null ? null : instant(at - lastCheckAgo, `statuses.lastCheck.${i}`),
      since: instant(at - w.since[i]!, `statuses.since.${i}`),
      acknowledged: (flags & 1) === 1,
      inDowntime: (flags & 2) === 2,
    };
    if (w.camera.charCodeAt(i) !== DASH) status.camera = CAMERA_CONDITIONS[digit(w.camera, i)] as CameraCondition;
    out[i] = status;
  }
  return out;
}

const ZERO = '0'.charCodeAt(0);
const DASH = '-'.charCodeAt(0);

/** The row's code (the schema has checked that it is a digit in range). */
function digit(column: string, row: number): number {
  return column.charCodeAt(row) - ZERO;
}

function fullId(afterParent: boolean, parentId: string, entry: string, field: string): string {
  const full = afterParent ? parentId + entry : entry;
  if (full.length === 0 || full.length > 128) throw new ContractError(field, 'id must have 1–128 characters');
  return full;
}

function textAt(texts: readonly string[], n: number, max: number, field: string): string {
  const text = texts[n];
  if (text === undefined) throw new ContractError(field, 'no such text');
  if (text.length > max) throw new ContractError(field, `text longer than ${max} characters`);
  return text;
}

function instant(value: number, field: string): number {
  if (value < 0) throw new ContractError(field, 'instant before 1970');
  return value;
}

function sameLength(table: string, rows: number, columns: Record<string, number>): void {
  for (const [column, length] of Object.entries(columns)) {
    if (length !== rows) throw new ContractError(`${table}.${column}`, `${length} rows where ${rows} were expected`);
  }
}

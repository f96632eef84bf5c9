// A PID alone does not name a process for long: after a crash the kernel hands it to the next
// process. On Linux the start time (clock ticks since boot, /proc/<pid>/stat field 22) and the boot
// id tell the lock's owner from a stranger that got its PID, and the PID namespace tells whether
// that PID can be checked from here at all (another container's PID 1 is not ours). Elsewhere
// only the PID is known.
import { readFileSync, readlinkSync } from 'node:fs';

export interface ProcessIdentity {
  pid: number;
  /** Clock ticks after boot when the process started (Linux only). */
  startTicks?: string;
  /** /proc/sys/kernel/random/boot_id: the same PID and ticks in another boot are another process. */
  bootId?: string;
  /** /proc/self/ns/pid, e.g. `pid:[4026531836]`: PIDs of another namespace (container) mean nothing here. */
  pidNamespace?: string;
}

let bootId: string | undefined | null = null;
let pidNamespace: string | undefined | null = null;

/** This process's PID namespace, when /proc tells. */
export function ownPidNamespace(): string | undefined {
  if (pidNamespace === null) {
    try {
      pidNamespace = readlinkSync('/proc/self/ns/pid');
    } catch {
      pidNamespace = undefined;
    }
  }
  return pidNamespace;
}

/** This boot's id, when /proc tells. */
export function ownBootId(): string | undefined {
  if (bootId === null) {
    try {
      bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      bootId = undefined;
    }
  }
  return bootId;
}

/** Field 22 of /proc/<pid>/stat. The command name (field 2) may hold spaces and parentheses, so fields are counted after its last ')'. */
export function startTicksFromStat(stat: string): string | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = fields[19]; // field 3 is fields[0]
  return ticks && /^\d+$/.test(ticks) ? ticks : undefined;
}

/** The identity of a running process of this namespace, or undefined when /proc cannot tell (gone, or not Linux). */
export function processIdentity(pid: number): ProcessIdentity | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const startTicks = startTicksFromStat(stat);
  const boot = ownBootId();
  const namespace = ownPidNamespace();
  return { pid, ...(startTicks && { startTicks }), ...(boot && { bootId: boot }), ...(namespace && { pidNamespace: namespace }) };
}

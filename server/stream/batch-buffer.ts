// The recent batches of one stream, kept so a client that reconnects can be sent exactly what it
// missed. Bounded by batch count and by total changes, so a storm cannot grow memory without end;
// past the bound the oldest go and a late client gets a fresh snapshot instead.
export interface Sequenced {
  seq: number;
  /** How much this entry weighs against the change budget (its number of changes + incidents). */
  weight: number;
}

export class BatchBuffer<T extends Sequenced> {
  private readonly entries: (T | undefined)[];
  private head = 0;
  private size = 0;
  private weight = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxWeight: number,
  ) {
    if (maxEntries < 1) throw new RangeError('maxEntries must be at least 1');
    this.entries = new Array<T | undefined>(maxEntries);
  }

  get length(): number {
    return this.size;
  }

  push(entry: T): void {
    const last = this.at(this.size - 1);
    if (last && entry.seq !== last.seq + 1) throw new RangeError(`seq ${entry.seq} does not follow ${last.seq}`);
    if (this.size === this.maxEntries) this.dropOldest();
    this.entries[(this.head + this.size) % this.maxEntries] = entry;
    this.size++;
    this.weight += entry.weight;
    while (this.weight > this.maxWeight && this.size > 1) this.dropOldest();
  }

  /** Entries with seq > `afterSeq`, or undefined when some of them were already dropped. */
  since(afterSeq: number): T[] | undefined {
    const oldest = this.at(0);
    const newest = this.at(this.size - 1);
    if (!oldest || !newest) return undefined;
    if (afterSeq >= newest.seq) return afterSeq === newest.seq ? [] : undefined;
    if (afterSeq + 1 < oldest.seq) return undefined;
    const out: T[] = [];
    for (let i = afterSeq + 1 - oldest.seq; i < this.size; i++) out.push(this.at(i)!);
    return out;
  }

  clear(): void {
    this.entries.fill(undefined);
    this.head = 0;
    this.size = 0;
    this.weight = 0;
  }

  private at(index: number): T | undefined {
    if (index < 0 || index >= this.size) return undefined;
    return this.entries[(this.head + index) % this.maxEntries];
  }

  private dropOldest(): void {
    const oldest = this.at(0);
    if (!oldest) return;
    this.entries[this.head] = undefined;
    this.head = (this.head + 1) % this.maxEntries;
    this.size--;
    this.weight -= oldest.weight;
  }
}

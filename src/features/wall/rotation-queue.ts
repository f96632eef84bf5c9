// The wall's rotation as a priority queue. Collectivités cycle in their order (rotation-order.ts);
// news — a collectivité newly critical, a GTI entering at-risk or breached, a new storm — jumps the
// queue at once and is highlighted, then the rotation resumes where it was. A wall left running
// for weeks must show a new outage within one step, not after a 39-minute cycle.
//
// News is a set of keys per collectivité (e.g. "critical", "gti:breached:<incident>"): a key not
// seen at the previous update is news. What the wall already showed when it opened is not news.

export type NewsKeys = ReadonlyMap<string, ReadonlySet<string>>;

export interface Rotation {
  /** The collectivités to cycle through, in rotation order. */
  order: readonly string[];
  current: string | undefined;
  /** News still to show, first in line next. */
  urgent: readonly string[];
  /** Where the ordinary rotation picks up once the news has been shown. */
  resumeAfter: string | undefined;
  /** The collectivité on screen because of news (highlighted). */
  highlight: string | undefined;
  news: NewsKeys;
}

export function startRotation(order: readonly string[], news: NewsKeys): Rotation {
  return { order, current: order[0], urgent: [], resumeAfter: undefined, highlight: undefined, news };
}

/** The order or the news changed: keep the screen, or jump to news if there is some. */
export function updateRotation(r: Rotation, order: readonly string[], news: NewsKeys): Rotation {
  const arrived = order.filter((id) => hasNewKey(r.news.get(id), news.get(id)) && id !== r.highlight && !r.urgent.includes(id));
  const urgent = [...r.urgent, ...arrived].filter((id) => order.includes(id));
  const current = r.current !== undefined && order.includes(r.current) ? r.current : undefined;
  const base: Rotation = { ...r, order, news, urgent, current: current ?? r.current };
  const showingNews = r.highlight !== undefined && r.highlight === current;
  // News on screen stays its full step (a storm's 47 arrivals must not flicker past); the rest waits.
  if (arrived.length === 0 || showingNews) {
    return current === undefined ? { ...base, current: nextIn(order, r.current), highlight: undefined } : base;
  }
  // Jump now: the first news replaces the screen; the rotation resumes after what was showing.
  const [first, ...rest] = urgent;
  return { ...base, current: first, urgent: rest, highlight: first, resumeAfter: r.current };
}

/** One rotation step: pending news first, then the ordinary order from where it left off. */
export function stepRotation(r: Rotation): Rotation {
  const [first, ...rest] = r.urgent;
  if (first !== undefined) return { ...r, current: first, urgent: rest, highlight: first };
  const from = r.highlight !== undefined ? r.resumeAfter : r.current;
  return { ...r, current: nextIn(r.order, from), highlight: undefined, resumeAfter: undefined };
}

/** The 1-based place of the screen in the order (0 when nothing is shown). */
export function rotationPosition(r: Rotation): number {
  return r.current === undefined ? 0 : r.order.indexOf(r.current) + 1;
}

function hasNewKey(before: ReadonlySet<string> | undefined, after: ReadonlySet<string> | undefined): boolean {
  if (!after) return false;
  for (const key of after) if (!before?.has(key)) return true;
  return false;
}

/** The item after `from`; the first one when `from` is gone or undefined. */
function nextIn(order: readonly string[], from: string | undefined): string | undefined {
  if (order.length === 0) return undefined;
  const at = from === undefined ? -1 : order.indexOf(from);
  return order[(at + 1) % order.length];
}

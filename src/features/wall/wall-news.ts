// What counts as news on the wall besides GTIs (composed by the app): a collectivité with an
// active CRITICAL incident. The key is the same for all its critical incidents, so a collectivité
// jumps the queue when it becomes critical, not again for each further critical probe.
import { isActive } from '../../domain/incident-rules.ts';
import type { Incident } from '../../domain/model.ts';
import type { NewsKeys } from './rotation-queue.ts';

export function criticalNews(incidents: readonly Incident[]): Map<string, Set<string>> {
  const news = new Map<string, Set<string>>();
  for (const i of incidents) if (isActive(i) && i.severity === 'CRITICAL' && !news.has(i.collectiviteId)) news.set(i.collectiviteId, new Set(['critical']));
  return news;
}

/** Both kinds of news under one key set per collectivité. */
export function mergeNews(a: NewsKeys, b: NewsKeys): Map<string, Set<string>> {
  const merged = new Map<string, Set<string>>();
  for (const source of [a, b]) for (const [id, keys] of source) merged.set(id, new Set([...(merged.get(id) ?? []), ...keys]));
  return merged;
}

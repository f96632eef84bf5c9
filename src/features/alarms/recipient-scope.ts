// Which recipients hear of one collectivité, as support manages them: its référents, the support
// recipients narrowed to it, and the support recipients of every collectivité (shown, marked as
// such). ALL_COLLECTIVITES picks the support-wide recipients alone.
import type { Recipient } from '../../domain/alarm-model.ts';
import { searchFold } from '../../domain/search-fold.ts';

export const ALL_COLLECTIVITES = '*';

export function recipientsOf(recipients: readonly Recipient[], scope: string): Recipient[] {
  const inScope = scope === ALL_COLLECTIVITES ? recipients.filter((r) => r.collectiviteId === undefined) : recipients.filter((r) => r.collectiviteId === scope || (r.audience === 'support' && r.collectiviteId === undefined));
  // Référents first, then the collectivité's own support numbers, then support for all; by name.
  const rank = (r: Recipient) => (r.audience === 'referent' ? 0 : r.collectiviteId !== undefined ? 1 : 2);
  return [...inScope].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'fr'));
}

/** A new recipient's id from its name: lower-case ASCII, dashes, a short unique tail (the API's id shape). */
export function newRecipientId(name: string, unique: string): string {
  const slug = searchFold(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'destinataire';
  return `${slug}-${unique.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12)}`;
}

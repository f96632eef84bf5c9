// The yearly contribution a collectivité pays for supervision (Annex 2, art. 3): 1 € per probe,
// billed by subscription pack — at least 100 probes, then whole pools of 50. Annual, not prorated.
// A collectivité with no probe in use has no subscription, so it pays nothing (pack 0): the
// contract prices probes, and a member that has not joined the service is not billed a minimum.

export interface ContributionTerms {
  minimumPack: number;
  poolSize: number;
  eurosPerProbe: number;
}

export const DEFAULT_CONTRIBUTION_TERMS: ContributionTerms = { minimumPack: 100, poolSize: 50, eurosPerProbe: 1 };

export interface YearlyContribution {
  packSize: number;
  eurosPerYear: number;
}

/** Probes in use → subscribed pack size: 0 → 0, 1..100 → 100, 101..150 → 150, 151..200 → 200… */
export function subscriptionPack(probesInUse: number, terms: ContributionTerms = DEFAULT_CONTRIBUTION_TERMS): number {
  if (!Number.isInteger(probesInUse) || probesInUse < 0) throw new RangeError(`probesInUse must be a whole number ≥ 0, got ${probesInUse}`);
  if (probesInUse === 0) return 0;
  if (probesInUse <= terms.minimumPack) return terms.minimumPack;
  return terms.minimumPack + Math.ceil((probesInUse - terms.minimumPack) / terms.poolSize) * terms.poolSize;
}

/** Pack size and what it costs per year, rounded to the cent. */
export function yearlyContribution(probesInUse: number, eurosPerProbe = DEFAULT_CONTRIBUTION_TERMS.eurosPerProbe): YearlyContribution {
  const packSize = subscriptionPack(probesInUse);
  return { packSize, eurosPerYear: Math.round(packSize * eurosPerProbe * 100) / 100 };
}

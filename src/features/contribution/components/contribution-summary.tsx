// A référent's contribution on their own page: the year's probes in use, the pack and the euros in
// one sentence, and a way to the full sheet (the page composes the link: features do not route).
import type { ReactNode } from 'react';
import { localYearMonth } from '../../../domain/report-period.ts';
import { localeTag } from '../../../i18n/format.ts';
import { useLocale, useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { useServerNow } from '../../../live/use-live.ts';
import { QueryState } from '../../../ui/query-state.tsx';
import { useContribution } from '../api/contribution-queries.ts';
import { contributionMessages } from '../messages.ts';

export function ContributionSummary({ collectiviteId, details }: { collectiviteId: string; details: ReactNode }) {
  const m = useMessages(contributionMessages);
  const { locale } = useLocale();
  const { timeZone } = useTimeDisplay();
  const year = localYearMonth(useServerNow(60_000), timeZone).year;
  const query = useContribution();
  const own = query.data?.find((r) => r.collectiviteId === collectiviteId);
  const euros = new Intl.NumberFormat(localeTag(locale), { style: 'currency', currency: 'EUR' });
  return (
    <section aria-labelledby="contribution-summary-title" className="flex flex-col gap-2 rounded-lg border border-slate-700 bg-slate-900 p-3">
      <h2 id="contribution-summary-title" className="text-lg font-semibold text-slate-100">
        {m.summaryTitle(year)}
      </h2>
      <QueryState query={query} words={{ loadFailed: m.loadError, retry: m.retry, loading: m.loading }} count={own ? 1 : 0} empty={m.none}>
        {own && (
          <p className="text-slate-200" data-testid="contribution-summary">
            {m.summary(own.probesInUse, own.packSize, euros.format(own.eurosPerYear))}
          </p>
        )}
      </QueryState>
      <p className="text-sm text-slate-300">{m.rule}</p>
      {details}
    </section>
  );
}

// The référent's SLA in plain words: one card per service of the convention with the period's
// availability against 96 % and one sentence saying how much downtime is still possible; the way
// coverage counts is explained once, below. This month by default; past months and semesters
// from one picker.
import { useId, useMemo, useState } from 'react';
import { useMessages } from '../../../i18n/locale-context.ts';
import { percentFormat } from '../../../i18n/format.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import type { Locale } from '../../../i18n/i18n.ts';
import { useServerNow } from '../../../live/use-live.ts';
import { QueryState } from '../../../ui/query-state.tsx';
import type { ServiceAvailability } from '../../../protocol/rest.ts';
import { useAvailability } from '../api/availability-query-options.ts';
import { serviceSlaMessages } from '../service-sla-messages.ts';
import { slaPeriodChoices, type SlaPeriodChoice } from '../sla-periods.ts';
import { VERDICT_CHIP, VERDICT_SYMBOL } from '../sla-tone.ts';

/** One decimal, rounded down: 95,99 % reads "95,9 %", never "96 %". */
function formatRatio(locale: Locale, ratio: number): string {
  return percentFormat(locale, 0, 1).format(Math.floor(ratio * 1000) / 1000);
}

export function ServiceSlaPanel({ collectiviteId }: { collectiviteId: string }) {
  const m = useMessages(serviceSlaMessages);
  const display = useTimeDisplay();
  const now = useServerNow(60_000);
  const id = useId();
  const choices = useMemo(() => slaPeriodChoices(now, display.timeZone), [now, display.timeZone]);
  const [key, setKey] = useState(choices[0]!.key);
  const choice = choices.find((c) => c.key === key) ?? choices[0]!;
  const query = useAvailability({ collectiviteId, period: choice.period, anchor: choice.anchor });
  const services = query.data?.services ?? [];
  const label = (c: SlaPeriodChoice) => (c.period === 'month' ? m.month(c.year, c.month, c.current) : m.semester(c.year, c.month, c.current));
  const duration = (seconds: number) => {
    const minutes = Math.round(Math.abs(seconds) / 60);
    return m.duration(Math.floor(minutes / 60), minutes % 60);
  };
  const target = query.data ? formatRatio(display.locale, query.data.target) : '';
  const running = query.data ? query.data.to > now : choice.current;

  return (
    <section aria-labelledby={`${id}-title`} className="flex min-w-0 flex-col gap-3" data-testid="service-sla">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-100">
        {m.title}
      </h2>
      <label className="flex flex-col gap-1 text-sm text-slate-300" htmlFor={`${id}-period`}>
        {m.periodChoice}
        <select
          id={`${id}-period`}
          value={choice.key}
          onChange={(e) => setKey(e.target.value)}
          className="min-h-11 w-full rounded border border-slate-600 bg-slate-800 px-2 text-base text-slate-100 focus-visible:outline-2 focus-visible:outline-sky-400"
        >
          {choices.map((c) => (
            <option key={c.key} value={c.key}>
              {label(c)}
            </option>
          ))}
        </select>
      </label>
      <QueryState query={query} words={m} count={services.length} empty={m.none}>
        <ul className="flex flex-col gap-2" aria-busy={query.isFetching}>
          {services.map((s: ServiceAvailability) => (
            <li key={s.service} data-service={s.service} className="flex flex-col gap-1 rounded-lg border border-slate-700 bg-slate-900 p-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-semibold text-slate-100">{m.service(s.service)}</h3>
                <span className={`rounded px-2 py-0.5 text-sm font-semibold ${VERDICT_CHIP[s.outcome]}`}>
                  <span aria-hidden="true">{VERDICT_SYMBOL[s.outcome]} </span>
                  {m.badge(s.outcome)}
                </span>
              </div>
              <p className="text-slate-200" data-sentence>
                {m.sentence({
                  label: label(choice),
                  outcome: s.outcome,
                  ...(s.ratio !== null && { availability: formatRatio(display.locale, s.ratio) }),
                  target,
                  margin: duration(s.marginSeconds),
                  running,
                })}
              </p>
              <p className="text-xs text-slate-300">{m.probes(s.probeCount)}</p>
            </li>
          ))}
        </ul>
      </QueryState>
      <p className="text-sm text-slate-300">{m.howWeCount}</p>
    </section>
  );
}

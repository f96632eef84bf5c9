// The units of each managed-IT convention of one collectivité: used out of bought, left, overrun,
// with the 80 % warning and the end at exhaustion said in words (a meter is not enough alone).
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { formatDate } from '../../../i18n/format.ts';
import type { ConventionWithStanding } from '../../../protocol/managed-it.ts';
import { managedItMessages } from '../messages.ts';

const TONE = { ok: 'bg-emerald-500', warning: 'bg-amber-400', exhausted: 'bg-red-500' } as const;

export function UnitsBalance({ convention, heading = 'h3' }: { convention: ConventionWithStanding; heading?: 'h3' | 'h4' }) {
  const m = useMessages(managedItMessages);
  const display = useTimeDisplay();
  const { standing } = convention;
  const Heading = heading;
  const share = convention.unitsBought === 0 ? 1 : Math.min(1, standing.used / convention.unitsBought);
  return (
    <article className="flex flex-col gap-1 rounded border border-slate-700 p-2 text-sm" data-testid="units-balance">
      <Heading className="font-semibold text-slate-100">
        {m.convention(convention.number)} <span className="font-normal text-slate-300">· {m.state[standing.state]}</span>
      </Heading>
      <p className="text-slate-300">
        {m.dates(formatDate(display, convention.start), formatDate(display, convention.end))} · {m.renewal[convention.renewal]}
      </p>
      <div
        role="meter"
        aria-label={m.unitsMeter}
        aria-valuemin={0}
        aria-valuemax={convention.unitsBought}
        aria-valuenow={Math.min(standing.used, convention.unitsBought)}
        aria-valuetext={m.units(standing.used, convention.unitsBought)}
        className="h-2 w-full overflow-hidden rounded bg-slate-700"
      >
        <div className={`h-full ${TONE[standing.alert]}`} style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <p className="text-slate-100">
        {m.units(standing.used, convention.unitsBought)} · <strong data-testid="units-left">{m.left(standing.left)}</strong>
      </p>
      {standing.overrun > 0 && <p className="text-amber-200">{m.overrun(standing.overrun)}</p>}
      {standing.alert !== 'ok' && (
        <p role="status" className={standing.alert === 'exhausted' ? 'text-red-300' : 'text-amber-200'}>
          {m.alert[standing.alert]}
        </p>
      )}
    </article>
  );
}

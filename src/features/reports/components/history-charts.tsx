// The two charts of a history (recharts, loaded with the dialog only): the state bands as one
// stacked horizontal bar, and the daily availability bars against the target line. Drawn for the
// eye; the same figures are in the data tables under them (history-dialog.tsx).
import { Bar, BarChart, Cell, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatDate, formatPercent, localeTag, type TimeDisplay } from '../../../i18n/format.ts';
import type { History } from '../../../protocol/history.ts';
import { BAND_COLOR, dayBars, drawnBands } from '../history-chart.ts';

const AXIS = { stroke: '#cbd5e1', fontSize: 12 };

export function StateTimeline({ history, display }: { history: History; display: TimeDisplay }) {
  const span = history.to - history.from;
  const bands = drawnBands(history.bands, span);
  const row: Record<string, number | string> = { name: 'bands' };
  bands.forEach((b, i) => (row[`b${i}`] = b.to - b.from));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * span));
  return (
    <ResponsiveContainer width="100%" height={72}>
      <BarChart data={[row]} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 16, bottom: 4, left: 16 }}>
        <XAxis type="number" domain={[0, span]} ticks={ticks} tickFormatter={(t: number) => formatDate(display, history.from + t)} tick={AXIS} stroke="#64748b" />
        <YAxis type="category" dataKey="name" hide />
        {bands.map((b, i) => (
          <Bar key={i} dataKey={`b${i}`} stackId="t" fill={BAND_COLOR[b.kind]} isAnimationActive={false} barSize={28} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function DailyBars({ history, display }: { history: History; display: TimeDisplay }) {
  const bars = dayBars(history);
  const day = new Intl.DateTimeFormat(localeTag(display.locale), { day: 'numeric', month: bars.length > 40 ? 'short' : undefined, timeZone: display.timeZone });
  const target = history.target * 100;
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={bars} accessibilityLayer={false} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
        <XAxis dataKey="from" tickFormatter={(t: number) => day.format(t)} tick={AXIS} stroke="#64748b" minTickGap={8} />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => formatPercent(display.locale, v / 100, 0)} tick={AXIS} stroke="#64748b" width={56} />
        <Bar dataKey="percent" isAnimationActive={false}>
          {bars.map((b) => (
            <Cell key={b.from} fill={b.belowTarget ? BAND_COLOR.CRITICAL : BAND_COLOR.OK} />
          ))}
        </Bar>
        <ReferenceLine y={target} stroke="#fbbf24" strokeDasharray="6 3" label={{ value: formatPercent(display.locale, history.target, 0), position: 'insideTopRight', fill: '#fbbf24', fontSize: 12 }} />
      </BarChart>
    </ResponsiveContainer>
  );
}

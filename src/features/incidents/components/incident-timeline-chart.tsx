import { useId } from 'react';
import type { Incident, Instant } from '../../../domain/model.ts';
import type { IncidentPlace } from '../../../live/incident-place.ts';
import { formatDateTime, formatDayTime } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { incidentPhases, type IncidentPhase } from '../incident-phases.ts';
import { PHASE_FILL } from '../incident-tone.ts';
import { incidentMessages } from '../messages.ts';

interface IncidentTimelineChartProps {
  incidents: readonly Incident[];
  placeOf: (incident: Incident) => IncidentPlace;
  /** The stretch of time drawn, left to right. */
  window: { from: Instant; to: Instant };
  now: Instant;
}

const PHASES: readonly IncidentPhase[] = ['open', 'acknowledged', 'intervention', 'resolved'];
const TICKS = 4;

/** Pattern per phase so the chart still reads without colour (stripes, dots, plain). */
function PhasePatterns({ prefix }: { prefix: string }) {
  return (
    <svg width="0" height="0" className="absolute" aria-hidden="true" focusable="false">
      <defs>
      <pattern id={`${prefix}-acknowledged`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill={PHASE_FILL.acknowledged} />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="2" />
      </pattern>
      <pattern id={`${prefix}-intervention`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={PHASE_FILL.intervention} />
        <circle cx="3" cy="3" r="1.2" fill="#fff" />
      </pattern>
      </defs>
    </svg>
  );
}

const phasePaint = (prefix: string, phase: IncidentPhase) =>
  phase === 'acknowledged' || phase === 'intervention' ? `url(#${prefix}-${phase})` : PHASE_FILL[phase];

/**
 * Per-incident state timeline: one row per incident, one bar per phase. Bars are SVG stretched to
 * the row width; labels and axis stay HTML so they remain readable on a phone and to screen readers.
 */
export function IncidentTimelineChart({ incidents, placeOf, window, now }: IncidentTimelineChartProps) {
  const m = useMessages(incidentMessages);
  const display = useTimeDisplay();
  const prefix = `phase${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const paint = (phase: IncidentPhase) => phasePaint(prefix, phase);
  const span = Math.max(1, window.to - window.from);
  const x = (t: Instant) => Math.min(1000, Math.max(0, ((t - window.from) / span) * 1000));
  const rows = [...incidents].sort((a, b) => a.openedAt - b.openedAt);
  return (
    <figure className="flex flex-col gap-2" aria-labelledby="incident-timeline-title">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <span id="incident-timeline-title" className="font-semibold text-slate-100">
          {m.timelineTitle}
        </span>
        <span className="text-sm text-slate-300">{m.timelineHint}</span>
      </figcaption>
      <PhasePatterns prefix={prefix} />
      <ul className="flex flex-wrap gap-3 text-sm text-slate-200" aria-hidden="true">
        {PHASES.map((phase) => (
          <li key={phase} className="flex items-center gap-1">
            <svg width="16" height="10" viewBox="0 0 16 10">
              <rect width="16" height="10" fill={paint(phase)} opacity={phase === 'resolved' ? 0.6 : 1} />
            </svg>
            {m.phase(phase)}
          </li>
        ))}
      </ul>
      {rows.length === 0 ? (
        <p className="text-slate-300">{m.timelineEmpty}</p>
      ) : (
        <ol className="flex flex-col gap-1">
          {rows.map((incident) => {
            const phases = incidentPhases(incident, now).filter((p) => p.to >= window.from && p.from <= window.to);
            const place = placeOf(incident);
            return (
              <li key={incident.id} className="grid grid-cols-1 gap-x-2 sm:grid-cols-[12rem_1fr]" data-timeline-row={incident.id}>
                <span className="truncate text-sm text-slate-100" title={place.probe}>
                  {place.probe}
                  <span className="sm:hidden text-slate-300"> · {place.site}</span>
                </span>
                <span className="relative block h-5 rounded bg-slate-800">
                  <svg className="absolute inset-0 h-full w-full" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true">
                    {phases.map((p, i) =>
                      p.phase === 'resolved' ? (
                        <g key={i} data-phase="resolved">
                          <rect x={x(p.from)} y={0} width={Math.max(0, x(p.to) - x(p.from))} height={10} fill={PHASE_FILL.resolved} opacity={0.45} />
                          <line x1={x(p.from)} x2={x(p.from)} y1={0} y2={10} stroke={PHASE_FILL.resolved} strokeWidth={3} vectorEffect="non-scaling-stroke" />
                        </g>
                      ) : (
                        <rect key={i} data-phase={p.phase} x={x(p.from)} y={1} width={Math.max(2, x(p.to) - x(p.from))} height={8} fill={paint(p.phase)} />
                      ),
                    )}
                  </svg>
                  <span className="sr-only">
                    {phases
                      .map((p) => m.phaseSpan(m.phase(p.phase), formatDateTime(display, p.from), p.running ? '…' : formatDateTime(display, p.to)))
                      .join(' ; ')}
                  </span>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <div className="grid grid-cols-1 sm:grid-cols-[12rem_1fr]" aria-hidden="true">
        <span />
        <span className="flex justify-between text-xs text-slate-300">
          {Array.from({ length: TICKS + 1 }, (_, i) => (
            <span key={i}>{formatDayTime(display, window.from + (span * i) / TICKS)}</span>
          ))}
        </span>
      </div>
    </figure>
  );
}

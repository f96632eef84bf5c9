// Plugin output as people read it. Monitoring plugins print "TEXT|perfdata" (the Nagios plugin
// guidelines): the part after the first "|" is machine data (`/=26GB;51;57;0;60`), kept for a
// "details" view, never shown as the sentence.

/** The human part of a plugin's first output line, trimmed; the whole text when there is no "|". */
export function pluginSentence(output: string): string {
  const bar = output.indexOf('|');
  return (bar === -1 ? output : output.slice(0, bar)).trim();
}

/** The performance data after the first "|", or "" when there is none. */
export function pluginPerfdata(output: string): string {
  const bar = output.indexOf('|');
  return bar === -1 ? '' : output.slice(bar + 1).trim();
}

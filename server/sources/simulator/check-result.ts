// What a plugin would print for each kind of probe: Nagios-style first lines with performance data
// after '|'. OK outputs use per-probe stable figures so a healthy probe's output does not change
// from check to check (the simulator only reports changes).
import type { CameraCondition, Probe, ProbeState } from '../../../src/domain/model.ts';
import { deriveSeed } from './prng.ts';

export interface CheckResult {
  state: ProbeState;
  output: string;
  camera?: CameraCondition;
}

/** A stable number in [0, 1) for one probe and one purpose. */
export function probeFigure(probeId: string, purpose: string): number {
  return deriveSeed(0x5eed, `${probeId}:${purpose}`) / 4294967296;
}

const ms = (x: number) => x.toFixed(2);

export function healthyResult(probe: Probe): CheckResult {
  const f = probeFigure(probe.id, 'rta');
  switch (probe.kind) {
    case 'internet': {
      const rta = 6 + 10 * f;
      return { state: 'OK', output: `PING OK - Internet access via fibre: Packet loss = 0%, RTA = ${ms(rta)} ms|rta=${ms(rta)}ms;150;500;0 pl=0%;20;60;0` };
    }
    case 'link': {
      const rta = 0.5 + 3 * f;
      return { state: 'OK', output: `LINK OK - inter-site link to town hall up, 1000 Mb/s, RTA = ${ms(rta)} ms|rta=${ms(rta)}ms;50;200;0` };
    }
    case 'host': {
      const rta = 0.3 + 4 * f;
      return { state: 'OK', output: `PING OK - Packet loss = 0%, RTA = ${ms(rta)} ms|rta=${ms(rta)}ms;100;500;0 pl=0%;20;60;0` };
    }
    case 'http': {
      const time = (0.08 + 0.4 * f).toFixed(3);
      const size = 2000 + Math.floor(30000 * f);
      return { state: 'OK', output: `HTTP OK: HTTP/1.1 200 OK - ${size} bytes in ${time} second response time |time=${time}s;2.000;5.000;0 size=${size}B;;;0` };
    }
    case 'camera': {
      const sharpness = 80 + Math.floor(18 * f);
      return { state: 'OK', camera: 'online', output: `CAMERA OK - online, stream 1920x1080 @ 15 fps, sharpness ${sharpness}%|sharpness=${sharpness}%;40;20;0;100` };
    }
    case 'service':
      return { state: 'OK', output: `SERVICE OK - ${probe.name}: running` };
    case 'disk':
      // Disks are modelled by disk-model.ts; this is only a fallback for a disk with no model.
      return { state: 'OK', output: 'DISK OK' };
  }
}

/** The probe's answer while it is itself broken (CRITICAL unless the fault says otherwise). */
export function failedResult(probe: Probe, state: 'WARNING' | 'CRITICAL' = 'CRITICAL'): CheckResult {
  switch (probe.kind) {
    case 'internet':
      return { state: 'CRITICAL', output: 'PING CRITICAL - Internet access via fibre down: Packet loss = 100%|pl=100%;20;60;0' };
    case 'link':
      return { state: 'CRITICAL', output: 'LINK CRITICAL - inter-site link to town hall down, no carrier|pl=100%;20;60;0' };
    case 'host':
      return { state: 'CRITICAL', output: 'PING CRITICAL - Packet loss = 100%|rta=0.00ms;100;500;0 pl=100%;20;60;0' };
    case 'http':
      return state === 'WARNING'
        ? { state, output: 'HTTP WARNING: HTTP/1.1 200 OK - 5120 bytes in 3.412 second response time |time=3.412s;2.000;5.000;0' }
        : { state, output: 'HTTP CRITICAL: HTTP/1.1 503 Service Unavailable - 312 bytes in 0.041 second response time |time=0.041s;2.000;5.000;0' };
    case 'camera':
      return state === 'WARNING'
        ? { state, camera: 'blurred', output: 'CAMERA WARNING - image blurred, sharpness 12%|sharpness=12%;40;20;0;100' }
        : { state, camera: 'offline', output: 'CAMERA CRITICAL - offline, no answer to ONVIF GetStatus' };
    case 'service':
      return { state, output: `SERVICE ${state} - ${probe.name}: stopped` };
    case 'disk':
      return { state, output: `DISK ${state} - read-only file system` };
  }
}

/**
 * What the poller sees for a probe behind a site whose access is down, or, for a site reached over
 * an inter-site link (`by: 'link'`), whose link is down: nothing there answers but the link itself.
 */
export function unreachableResult(probe: Probe, by: 'access' | 'link' = 'access'): CheckResult {
  if (by === 'access' && (probe.kind === 'internet' || probe.kind === 'link')) return failedResult(probe);
  if (by === 'link' && probe.kind === 'link') return failedResult(probe);
  const what = by === 'access' ? 'access router down' : 'inter-site link down';
  return { state: 'UNKNOWN', output: `UNKNOWN - site unreachable (${what}), check could not run` };
}

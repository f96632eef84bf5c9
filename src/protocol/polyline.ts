// The Encoded Polyline Algorithm Format (Google's, also read by Leaflet plugins and OSRM) for the
// boundary files the generators write and the SPA and the simulator read: coordinates at 1e-5°
// (about a metre), each point a delta to the previous one, five bits per character. About five
// characters a point where JSON numbers take eighteen, and served as is (the gateway does not
// compress static files). Pure: no I/O, runs in the gateway, the browser and the scripts.

import type { LngLat } from '../domain/geo.ts';

export type { LngLat };

const FACTOR = 1e5;

function encodeValue(delta: number, out: string[]): void {
  let v = delta < 0 ? ~(delta << 1) : delta << 1;
  while (v >= 0x20) {
    out.push(String.fromCharCode((0x20 | (v & 0x1f)) + 63));
    v >>>= 5;
  }
  out.push(String.fromCharCode(v + 63));
}

/** Encodes a line; coordinates are rounded to 1e-5°. */
export function encodePolyline(points: readonly LngLat[]): string {
  const out: string[] = [];
  let lat = 0;
  let lng = 0;
  for (const [x, y] of points) {
    const qLat = Math.round(y * FACTOR);
    const qLng = Math.round(x * FACTOR);
    encodeValue(qLat - lat, out);
    encodeValue(qLng - lng, out);
    lat = qLat;
    lng = qLng;
  }
  return out.join('');
}

/** Decodes a line to [lng, lat] pairs; throws on a truncated or foreign string. */
export function decodePolyline(text: string): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  let i = 0;
  let lat = 0;
  let lng = 0;
  const next = () => {
    let shift = 0;
    let v = 0;
    for (;;) {
      if (i >= text.length) throw new Error('truncated polyline');
      const b = text.charCodeAt(i++) - 63;
      if (b < 0 || b > 63) throw new Error(`not a polyline character at ${i - 1}`);
      v |= (b & 0x1f) << shift;
      shift += 5;
      if (b < 0x20) break;
      if (shift > 30) throw new Error('polyline value out of range');
    }
    return v & 1 ? ~(v >>> 1) : v >>> 1;
  };
  while (i < text.length) {
    lat += next();
    lng += next();
    points.push([lng / FACTOR, lat / FACTOR]);
  }
  return points;
}

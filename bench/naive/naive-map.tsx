import { memo, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { CircleMarker, MapContainer } from 'react-leaflet';
import { io } from 'socket.io-client';
import { siteColourState, worstState, type ProbeState, type ProbeStatus } from '../../src/domain/model.ts';
import { PROTOCOL_VERSION, type DeltaBatch, type Estate } from '../../src/protocol/schemas.ts';
import { unpackSnapshot, type WireSnapshot } from '../../src/protocol/wire-snapshot.ts';

const COLOUR: Record<ProbeState, string> = { OK: '#16a34a', WARNING: '#f59e0b', CRITICAL: '#dc2626', UNKNOWN: '#a78bfa', PENDING: '#64748b' };
// One style object per state, so react-leaflet only restyles markers whose state changed.
const STYLE = Object.fromEntries(Object.entries(COLOUR).map(([s, c]) => [s, { color: c, fillColor: c, fillOpacity: 0.9, weight: 1 }])) as Record<ProbeState, object>;

interface BenchFrameProbe {
  frame(store: unknown, changes: { reset: boolean; siteIds: ReadonlySet<string> }): void;
}
const probe = () => (window as unknown as { __vigieBench?: BenchFrameProbe }).__vigieBench;

const SiteMarker = memo(function SiteMarker({ lat, lng, state }: { lat: number; lng: number; state: ProbeState }) {
  return <CircleMarker center={[lat, lng]} radius={6} pathOptions={STYLE[state]} />;
});

export function NaiveMap() {
  const [estate, setEstate] = useState<Estate | null>(null);
  const [statuses, setStatuses] = useState<Map<string, ProbeStatus>>(() => new Map());
  const [seq, setSeq] = useState<number | undefined>(undefined);
  const [first, setFirst] = useState(true);

  useEffect(() => {
    const token = (JSON.parse(sessionStorage.getItem('vigie.session') ?? '{}') as { token?: string }).token;
    const socket = io('/live', { auth: { token }, transports: ['websocket'] });
    socket.on('connect', () => socket.emit('subscribe', { protocol: PROTOCOL_VERSION }));
    socket.on('snapshot', (wire: WireSnapshot) => {
      // Expanded without validation: the baseline trusts the gateway.
      const snapshot = unpackSnapshot(wire);
      setEstate(snapshot.estate);
      setStatuses(new Map(snapshot.statuses.map((s) => [s.probeId, s])));
      setSeq(snapshot.seq);
    });
    socket.on('deltas', (batch: DeltaBatch) => {
      setStatuses((previous) => {
        const next = new Map(previous);
        for (const change of batch.changes) next.set(change.probeId, change);
        return next;
      });
      setSeq(batch.seq);
    });
    return () => {
      socket.disconnect();
    };
  }, []);

  const probesBySite = useMemo(() => {
    const siteOfEquipment = new Map(estate?.equipment.map((e) => [e.id, e.siteId]));
    const bySite = new Map<string, string[]>();
    for (const p of estate?.probes ?? []) {
      const site = siteOfEquipment.get(p.equipmentId);
      if (site) bySite.set(site, [...(bySite.get(site) ?? []), p.id]);
    }
    return bySite;
  }, [estate]);

  const siteState = (siteId: string): ProbeState => {
    const states = (probesBySite.get(siteId) ?? []).map((id) => siteColourState(statuses.get(id)));
    return states.length ? worstState(states) : 'PENDING';
  };

  // After each commit (the DOM holds the new markers), report to the bench probe.
  useLayoutEffect(() => {
    if (!estate) return;
    const store = {
      index: { sites: new Map(estate.sites.map((s) => [s.id, s])) },
      stream: { seq },
      statuses,
      status: (id: string) => statuses.get(id),
      siteState,
    };
    probe()?.frame(store, { reset: first, siteIds: new Set() });
    if (first) setFirst(false);
  });

  if (!estate) return <p style={{ color: 'white' }}>connexion…</p>;
  const bounds = estate.sites.map((s) => [s.lat, s.lng] as [number, number]);
  return (
    <MapContainer bounds={bounds} style={{ height: '100%', width: '100%' }}>
      {estate.sites.map((site) => (
        <SiteMarker key={site.id} lat={site.lat} lng={site.lng} state={siteState(site.id)} />
      ))}
    </MapContainer>
  );
}

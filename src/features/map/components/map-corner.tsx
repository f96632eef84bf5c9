// Puts React content in a corner of the map as a Leaflet control, so it stacks with Leaflet's own
// controls there (the attribution line, however many lines it wraps to) instead of guessing their
// height with absolute positioning.
import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useMap } from 'react-leaflet';
import L from 'leaflet';

export function MapCorner({ position, children }: { position: L.ControlPosition; children: ReactNode }) {
  const map = useMap();
  const [box] = useState(() => {
    const div = document.createElement('div');
    div.className = 'vigie-map-corner !m-0 max-w-[75%] !clear-both';
    L.DomEvent.disableClickPropagation(div);
    return div;
  });
  useEffect(() => {
    const control = new L.Control({ position });
    control.onAdd = () => box;
    control.addTo(map);
    return () => {
      control.remove();
    };
  }, [map, position, box]);
  return createPortal(children, box);
}

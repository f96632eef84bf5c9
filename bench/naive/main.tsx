/// <reference types="vite/client" />
// The baseline the design is compared with: the way a dashboard is often first written. The live
// state lives in React (useState, a new Map per batch); every batch re-renders the page, which
// derives each site's state from its probes and renders one react-leaflet marker (SVG) per site.
// Same gateway, same socket stream and session as the SPA; bench-only, never shipped.
import 'leaflet/dist/leaflet.css';
import { createRoot } from 'react-dom/client';
import { NaiveMap } from './naive-map.tsx';

createRoot(document.getElementById('root')!).render(<NaiveMap />);

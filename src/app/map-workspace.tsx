// The map with its legend and the selected site's panel over it. The map itself stays mounted;
// selecting a site only mounts the panel.
import { MapLegend } from '../features/map/components/map-legend.tsx';
import { SiteMap } from '../features/map/components/site-map.tsx';
import { SitePanel } from '../features/map/components/site-panel.tsx';
import { historyAction } from './history-action.tsx';

export interface MapWorkspaceProps {
  collectiviteId?: string;
  selectedSiteId: string | undefined;
  onSelectSite(siteId: string | undefined): void;
  className?: string;
  /** false: the page shows the site panel elsewhere (the référent's column keeps the map in view). */
  overlayPanel?: boolean;
}

export function MapWorkspace({ collectiviteId, selectedSiteId, onSelectSite, className = '', overlayPanel = true }: MapWorkspaceProps) {
  const panelOpen = overlayPanel && selectedSiteId !== undefined;
  return (
    <div className={`relative min-h-0 ${className}`}>
      <SiteMap className="h-full w-full" focusCollectiviteId={collectiviteId} selectedSiteId={selectedSiteId} onSelectSite={onSelectSite} />
      {/* Bottom right, or bottom left while the site panel takes the right side. */}
      <MapLegend collectiviteId={collectiviteId} className={`absolute bottom-12 z-[1000] hidden sm:block ${panelOpen ? 'left-2' : 'right-2'}`} />
      {overlayPanel && selectedSiteId && (
        <SitePanel
          siteId={selectedSiteId}
          onClose={() => onSelectSite(undefined)}
          historyAction={historyAction}
          className="absolute inset-x-0 bottom-0 z-[1001] max-h-[70%] rounded-t-lg shadow-2xl sm:inset-y-0 sm:right-0 sm:left-auto sm:max-h-none sm:w-96 sm:rounded-none"
        />
      )}
    </div>
  );
}

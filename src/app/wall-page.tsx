// The wall display (kiosk): the wall feature's screen, fed with the GTI and SLA panels.
import { useMemo } from 'react';
import { GtiWatchBanner } from '../features/gti/components/gti-watch-banner.tsx';
import { OpenGtiPanel } from '../features/gti/components/open-gti-panel.tsx';
import { SlaPanel } from '../features/sla/components/sla-panel.tsx';
import { WallScreen } from '../features/wall/components/wall-screen.tsx';
import { parseWallOptions } from '../features/wall/wall-options.ts';

export function WallPage() {
  const options = useMemo(() => parseWallOptions(location.search), []);
  return (
    <WallScreen
      options={options}
      gtiBanner={<GtiWatchBanner />}
      renderAside={(collectiviteId) => (
        <>
          <OpenGtiPanel collectiviteId={collectiviteId} />
          <SlaPanel collectiviteId={collectiviteId} />
        </>
      )}
      calm={<SlaPanel />}
    />
  );
}

// The /wall route's content: the wall feature's layout with the GTI and availability panels plugged
// in (features do not import each other; they meet here). Kiosk sign-in happens around it. The wall
// variants (WallGtiList, WallAvailability) are dark and sized for reading across a room; the map is
// the map feature's, read-only, mounted once and re-fitted on each rotation.
import { useMemo } from 'react';
import { GtiWatchBanner } from '../features/gti/components/gti-watch-banner.tsx';
import { WallGtiList } from '../features/gti/components/wall-gti-list.tsx';
import { useGtiNews } from '../features/gti/gti-news.ts';
import { WallAvailability } from '../features/sla/components/wall-availability.tsx';
import { WallMaintenanceCard } from '../features/maintenance/components/wall-maintenance-card.tsx';
import { WallScreen } from '../features/wall/components/wall-screen.tsx';
import { parseWallOptions } from '../features/wall/wall-options.ts';
import { WallMap } from './wall-map.tsx';
import { AlarmHealthBadge } from '../features/alarms/components/alarm-health-badge.tsx';

function WallAside({ collectiviteId }: { collectiviteId: string }) {
  return (
    <>
      <WallMaintenanceCard collectiviteId={collectiviteId} />
      <WallGtiList collectiviteId={collectiviteId} />
      <WallAvailability collectiviteId={collectiviteId} />
    </>
  );
}

export function WallPage({ search = globalThis.location?.search ?? '' }: { search?: string }) {
  const options = useMemo(() => parseWallOptions(search), [search]);
  const news = useGtiNews();
  return (
    <WallScreen
      options={options}
      news={news}
      gtiBanner={<GtiWatchBanner />}
      renderAside={(id) => <WallAside collectiviteId={id} />}
      calm={<WallAvailability />}
      renderMap={(id) => <WallMap collectiviteId={id} />}
      alarmStatus={<AlarmHealthBadge large />}
    />
  );
}

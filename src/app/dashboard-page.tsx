// The support cell's desk view: map on the left, problems, GTI, SLA and incidents on the right.
// `/` shows every collectivité; `/c/:id` the same page focused on one.
import { useState } from 'react';
import { IncidentsPanel } from '../features/incidents/components/incidents-panel.tsx';
import { OpenGtiPanel } from '../features/gti/components/open-gti-panel.tsx';
import { ProblemList } from '../features/map/components/problem-list.tsx';
import { SlaPanel } from '../features/sla/components/sla-panel.tsx';
import { AlarmSettingsSection } from './alarm-settings-section.tsx';
import { AppHeader } from './app-header.tsx';
import { MapWorkspace } from './map-workspace.tsx';

export function DashboardPage({ collectiviteId }: { collectiviteId?: string }) {
  const [selectedSiteId, setSelectedSiteId] = useState<string | undefined>(undefined);
  return (
    <div className="flex h-dvh flex-col bg-slate-950 text-slate-100">
      <AppHeader collectiviteId={collectiviteId} />
      <main id="content" className="flex min-h-0 flex-1 flex-col lg:grid lg:grid-cols-[minmax(0,1fr)_32rem]">
        <MapWorkspace collectiviteId={collectiviteId} selectedSiteId={selectedSiteId} onSelectSite={setSelectedSiteId} className="h-[55vh] shrink-0 lg:h-auto" />
        <div className="relative min-h-0 space-y-3 overflow-y-auto border-slate-800 p-2 lg:border-l">
          <ProblemList collectiviteId={collectiviteId} onSelectSite={setSelectedSiteId} className="relative max-h-80 overflow-y-auto rounded" />
          <OpenGtiPanel collectiviteId={collectiviteId} />
          <SlaPanel collectiviteId={collectiviteId} />
          <IncidentsPanel collectiviteId={collectiviteId} />
          <AlarmSettingsSection />
        </div>
      </main>
    </div>
  );
}

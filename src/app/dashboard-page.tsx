// The support cell's desk view: map on the left; the problem desk (folded by cause, bulk actions,
// keyboard triage), GTI, SLA and incidents on the right.
// `/` shows every collectivité; `/c/:id` the same page focused on one. A new scope starts the view
// afresh (selection, panels) under the same header, so the scope picker keeps the keyboard's focus.
import { useState } from 'react';
import { IncidentsPanel } from '../features/incidents/components/incidents-panel.tsx';
import { MaintenancePanel } from '../features/maintenance/components/maintenance-panel.tsx';
import { OpenGtiPanel } from '../features/gti/components/open-gti-panel.tsx';
import { ProblemDesk } from '../features/desk/components/problem-desk.tsx';
import { IncidentGti } from '../features/gti/components/incident-gti.tsx';
import { GtiLeft, useGtiUrgency } from '../features/gti/gti-urgency.tsx';
import { SlaPanel } from '../features/sla/components/sla-panel.tsx';
import { AlarmSettingsSection } from './alarm-settings-section.tsx';
import { AppHeader } from './app-header.tsx';
import { MapWorkspace } from './map-workspace.tsx';

export function DashboardPage({ collectiviteId }: { collectiviteId?: string }) {
  return (
    <div className="flex h-dvh flex-col bg-slate-950 text-slate-100">
      <AppHeader collectiviteId={collectiviteId} />
      <DashboardMain key={collectiviteId ?? '*'} collectiviteId={collectiviteId} />
    </div>
  );
}

function DashboardMain({ collectiviteId }: { collectiviteId: string | undefined }) {
  const [selectedSiteId, setSelectedSiteId] = useState<string | undefined>(undefined);
  const urgency = useGtiUrgency();
  return (
    <main id="content" className="flex min-h-0 flex-1 flex-col lg:grid lg:grid-cols-[minmax(0,1fr)_32rem]">
      <MapWorkspace collectiviteId={collectiviteId} selectedSiteId={selectedSiteId} onSelectSite={setSelectedSiteId} className="h-[55vh] shrink-0 lg:h-auto" />
      <div className="relative min-h-0 space-y-3 overflow-y-auto border-slate-800 p-2 lg:border-l">
        <ProblemDesk
          collectiviteId={collectiviteId}
          onSelectSite={setSelectedSiteId}
          urgency={urgency}
          renderGti={(incident) => <GtiLeft incident={incident} />}
          className="relative max-h-[28rem] overflow-y-auto rounded"
        />
        {/* Incidents right under the problems (triage first); the GTI list and the SLA gauges after. */}
        <IncidentsPanel collectiviteId={collectiviteId} renderGti={(incident) => <IncidentGti incident={incident} />} />
        <MaintenancePanel collectiviteId={collectiviteId} />
        <OpenGtiPanel collectiviteId={collectiviteId} />
        <SlaPanel collectiviteId={collectiviteId} />
        <AlarmSettingsSection />
      </div>
    </main>
  );
}

// A référent on a phone or tablet: their collectivité only (the gateway scopes the stream and the
// API; this page never asks for anything else). Map first, then what is wrong, then SLA and GTI,
// then their incidents (status in words, GTI, history, comments).
import { useState } from 'react';
import { IncidentGti } from '../features/gti/components/incident-gti.tsx';
import { MaintenancePanel } from '../features/maintenance/components/maintenance-panel.tsx';
import { OpenGtiPanel } from '../features/gti/components/open-gti-panel.tsx';
import { IncidentsPanel } from '../features/incidents/components/incidents-panel.tsx';
import { MapLegend } from '../features/map/components/map-legend.tsx';
import { ProblemList } from '../features/map/components/problem-list.tsx';
import { SlaPanel } from '../features/sla/components/sla-panel.tsx';
import { ManagedItReferentPanel } from '../features/managed-it/components/managed-it-referent-panel.tsx';
import { AlarmSettingsSection } from './alarm-settings-section.tsx';
import { AppHeader } from './app-header.tsx';
import { MapWorkspace } from './map-workspace.tsx';

export function ReferentPage({ collectiviteId }: { collectiviteId: string }) {
  const [selectedSiteId, setSelectedSiteId] = useState<string | undefined>(undefined);
  return (
    <div className="flex min-h-dvh flex-col bg-slate-950 text-slate-100 md:h-dvh">
      <AppHeader collectiviteId={collectiviteId} />
      <main id="content" className="flex flex-1 flex-col md:grid md:min-h-0 md:grid-cols-[minmax(0,1fr)_24rem]">
        <MapWorkspace collectiviteId={collectiviteId} selectedSiteId={selectedSiteId} onSelectSite={setSelectedSiteId} className="h-[48vh] shrink-0 md:h-auto" />
        <div className="relative space-y-3 p-2 md:min-h-0 md:overflow-y-auto">
          <MapLegend compact collectiviteId={collectiviteId} className="sm:hidden" />
          <ProblemList collectiviteId={collectiviteId} onSelectSite={setSelectedSiteId} className="rounded" />
          <MaintenancePanel collectiviteId={collectiviteId} />
          <OpenGtiPanel collectiviteId={collectiviteId} />
          <SlaPanel collectiviteId={collectiviteId} />
          {/* Their incidents: where each stands in words, its GTI, the history, a comment box. */}
          <IncidentsPanel collectiviteId={collectiviteId} renderGti={(incident) => <IncidentGti incident={incident} />} />
          <ManagedItReferentPanel collectiviteId={collectiviteId} />
          <AlarmSettingsSection />
        </div>
      </main>
    </div>
  );
}

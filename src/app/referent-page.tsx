// A référent on a phone or tablet: their collectivité only (the gateway scopes the stream and the
// API; this page never asks for anything else). Map first, then what is wrong, then SLA and GTI,
// then their incidents (status in words, GTI, history, comments), managed IT and their contribution.
import { useState } from 'react';
import { IncidentGti } from '../features/gti/components/incident-gti.tsx';
import { MaintenancePanel } from '../features/maintenance/components/maintenance-panel.tsx';
import { OpenGtiPanel } from '../features/gti/components/open-gti-panel.tsx';
import { ReferentIncidents } from '../features/incidents/components/referent-incidents.tsx';
import { MapLegend } from '../features/map/components/map-legend.tsx';
import { ProblemList } from '../features/map/components/problem-list.tsx';
import { SitePanel } from '../features/map/components/site-panel.tsx';
import { ServiceSlaPanel } from '../features/sla/components/service-sla-panel.tsx';
import { ManagedItReferentPanel } from '../features/managed-it/components/managed-it-referent-panel.tsx';
import { ContributionSummary } from '../features/contribution/components/contribution-summary.tsx';
import { contributionMessages } from '../features/contribution/messages.ts';
import { useMessages } from '../i18n/locale-context.ts';
import { navigate } from './router.ts';
import { AlarmSettingsSection } from './alarm-settings-section.tsx';
import { AppHeader } from './app-header.tsx';
import { historyAction } from './history-action.tsx';
import { MapWorkspace } from './map-workspace.tsx';
import { useInMaintenance } from './use-in-maintenance.ts';

export function ReferentPage({ collectiviteId }: { collectiviteId: string }) {
  const [selectedSiteId, setSelectedSiteId] = useState<string | undefined>(undefined);
  const inMaintenance = useInMaintenance(collectiviteId);
  const contribution = useMessages(contributionMessages);
  return (
    <div className="flex min-h-dvh flex-col bg-slate-950 text-slate-100 md:h-dvh">
      <AppHeader collectiviteId={collectiviteId} />
      <main id="content" className="flex flex-1 flex-col md:grid md:min-h-0 md:grid-cols-[minmax(0,1fr)_24rem]">
        <MapWorkspace collectiviteId={collectiviteId} selectedSiteId={selectedSiteId} onSelectSite={setSelectedSiteId} overlayPanel={false} className="h-[48vh] shrink-0 md:h-auto" />
        <div className="relative min-w-0 space-y-3 p-2 md:min-h-0 md:overflow-y-auto">
          {/* The site sheet beside (tablet) or under (phone) the map, never over it: the map stays in view. */}
          {selectedSiteId && (
            <SitePanel siteId={selectedSiteId} onClose={() => setSelectedSiteId(undefined)} inMaintenance={inMaintenance} historyAction={historyAction} className="rounded-lg border border-slate-700" />
          )}
          <MapLegend compact collectiviteId={collectiviteId} className="sm:hidden" />
          <ProblemList collectiviteId={collectiviteId} onSelectSite={setSelectedSiteId} className="rounded" />
          <MaintenancePanel collectiviteId={collectiviteId} />
          <OpenGtiPanel collectiviteId={collectiviteId} />
          <ServiceSlaPanel collectiviteId={collectiviteId} />
          {/* Their incidents: open ones first, then 12 months; each in words, its GTI, the history, a comment box. */}
          <ReferentIncidents collectiviteId={collectiviteId} renderGti={(incident) => <IncidentGti incident={incident} />} />
          <ManagedItReferentPanel collectiviteId={collectiviteId} />
          <ContributionSummary
            collectiviteId={collectiviteId}
            details={
              <a href="/contribution" onClick={(e) => (e.preventDefault(), navigate('/contribution'))} className="inline-flex min-h-11 items-center self-start rounded border border-slate-500 px-3 text-sm hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400">
                {contribution.details}
              </a>
            }
          />
          <AlarmSettingsSection />
        </div>
      </main>
    </div>
  );
}

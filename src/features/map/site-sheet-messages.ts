// Words of the site sheet that are not the map's (the référent's reading of one site).
import { defineMessages } from '../../i18n/i18n.ts';

export const siteSheetMessages = defineMessages(
  {
    perfdata: 'détails',
    perfdataHint: 'Mesures brutes de la sonde',
    maintenanceRunning: 'Maintenance en cours',
    siteInMaintenance: (n: number) => `Maintenance en cours sur ${n} sonde${n > 1 ? 's' : ''} de ce site`,
  },
  {
    perfdata: 'details',
    perfdataHint: 'The probe’s raw measurements',
    maintenanceRunning: 'Maintenance under way',
    siteInMaintenance: (n: number) => `Maintenance under way on ${n} probe${n > 1 ? 's' : ''} of this site`,
  },
);

// What each gateway setting means, for docs/configuration.md: the tables there are generated from
// configSchema (names, defaults) and this catalog (section, meaning, example) by
// `npm run docs:config`, and scripts/config-doc.test.ts fails when the doc and the schema differ.
// Typed by the schema's keys: a new setting without its documentation does not compile.
import type { configSchema } from './config.ts';

export type ConfigSection = 'server' | 'source' | 'storage' | 'accounts-map' | 'alarms' | 'covered-hours' | 'live-stream';

export interface SettingDoc {
  section: ConfigSection;
  meaning: string;
  /** A value one could really set (shown as `NAME=example`). */
  example: string;
}

type SchemaKey = keyof (typeof configSchema)['shape'];

export const SETTINGS_DOC: Record<SchemaKey, SettingDoc> = {
  PORT: { section: 'server', example: '9000', meaning: 'TCP port of the SPA, the REST API and the live stream (`0` = any free port).' },
  HOST: { section: 'server', example: '127.0.0.1', meaning: 'Interface to listen on. Put a reverse proxy (TLS) in front for any other use.' },
  SOURCE: { section: 'source', example: 'icinga2', meaning: '`simulator` or `icinga2` (docs/icinga2.md).' },
  SIM_SCALE: { section: 'source', example: 'small', meaning: '`small` (60 collectivités) or `moselle` (≈ 500 collectivités, ≈ 48,000 probes).' },
  SIM_SEED: { section: 'source', example: '42', meaning: 'Seed of the estate and of the simulated faults: the same seed gives the same run.' },
  SIM_SPEED: { section: 'source', example: '60', meaning: 'Simulated seconds per real second, 1 to 3600.' },
  SIM_SCENARIO: { section: 'source', example: 'storm', meaning: '`calm`, `storm` (fibre cut over one EPCI), `maintenance`, `gti-breach`.' },
  ICINGA_URL: { section: 'source', example: 'https://icinga.example.org:5665', meaning: 'Icinga 2 API base URL (https only); required with `SOURCE=icinga2`.' },
  ICINGA_USER: { section: 'source', example: 'vigie', meaning: 'Name of the Icinga `ApiUser` (docs/icinga2.md for its permissions); required with `SOURCE=icinga2`.' },
  ICINGA_PASSWORD: { section: 'source', example: 's3cret', meaning: "That `ApiUser`'s password; required with `SOURCE=icinga2`." },
  ICINGA_CA: {
    section: 'source',
    example: '/etc/vigie/icinga-ca.crt',
    meaning: "PEM file of the Icinga CA (the master's `/var/lib/icinga2/certs/ca.crt`). Without it, the system CAs are used, which never trust an Icinga certificate.",
  },
  ICINGA_SERVERNAME: {
    section: 'source',
    example: 'icinga-master',
    meaning: "Name to check Icinga's certificate against: the node name in the certificate (CN = SAN), never an IP. Needed whenever `ICINGA_URL` uses an IP or another name; a wrong one is reported with the name to use.",
  },
  ICINGA_INSECURE_LOOPBACK: {
    section: 'source',
    example: '1',
    meaning: 'Skips certificate checks. Only for loopback URLs (127.0.0.0/8, `::1`, `localhost`); refused for anything else. Tests only.',
  },
  DATA_DIR: {
    section: 'storage',
    example: '/var/lib/vigie',
    meaning:
      'Folder of the embedded database (PGlite) and of the accounts admin socket. One gateway per folder: a second start on it exits with code 3 (`Vigie: data folder … is in use by process N …`), see docs/storage.md.',
  },
  DATABASE_URL: { section: 'storage', example: 'postgres://vigie:pw@127.0.0.1:5432/vigie', meaning: 'Use this PostgreSQL instead of the embedded database (same schema and migrations).' },
  PERSIST_MS: {
    section: 'storage',
    example: '500',
    meaning: 'Status changes are written in batches this often. Operator actions are written before they are confirmed. A `kill -9` loses at most this window of status changes.',
  },
  MAINTENANCE_MAX_HOURS: {
    section: 'storage',
    example: '72',
    meaning: 'Longest maintenance window support may declare (1–744 hours); a longer one is refused with a 400 (docs/maintenance.md).',
  },
  DEMO_ACCOUNTS: {
    section: 'accounts-map',
    example: 'false',
    meaning:
      'On an empty database, create a support account and two référents and print their passwords once (référents whose collectivités are not there yet come when they appear, docs/accounts.md).',
  },
  TILE_URL: {
    section: 'accounts-map',
    example: 'https://tile.example.fr/{z}/{x}/{y}.png',
    meaning:
      "Raster tile template for the map; `none` draws no base map (markers on a plain background). Written into the served `index.html` (`<meta name=\"vigie-tile-url\">`) when the gateway starts, so no SPA rebuild is needed. Empty = the SPA's build-time choice (`VITE_TILE_URL`, else OpenStreetMap). **French public-sector choice:** the IGN Géoplateforme's *Plan IGN* layer (WMTS, open, no key): `https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&FORMAT=image/png&TILEMATRIXSET=PM&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}` with `TILE_ATTRIBUTION=© IGN — Plan IGN, Licence Ouverte`. Whatever the tiles, and when they cannot load, the map draws the département, EPCI and commune borders from the IGN data shipped with the app (`public/map/moselle-boundaries.json`).",
  },
  TILE_ATTRIBUTION: {
    section: 'accounts-map',
    example: '© OpenStreetMap contributors',
    meaning: "Credit shown on the map for `TILE_URL`'s tiles. Leaflet renders it as HTML (so a link to the licence can be given): it is operator configuration, never engine data.",
  },
  TIME_ZONE: {
    section: 'covered-hours',
    example: 'Europe/Paris',
    meaning: 'IANA zone whose wall clock defines the hours; the SPA also shows every date and time in it (sent as `timeZone` by `GET /api/v1/calendar`), and CSV exports write it.',
  },
  COVERED_DAYS: { section: 'covered-hours', example: '1,2,3,4,5,6', meaning: 'ISO weekdays, 1 = Monday, comma-separated (a JSON array in a `VIGIE_CONFIG` file).' },
  COVERED_OPEN: { section: 'covered-hours', example: '08:30', meaning: 'Opening time, `HH:MM`.' },
  COVERED_CLOSE: { section: 'covered-hours', example: '18:00', meaning: 'Closing time, `HH:MM` (after the opening).' },
  CLOSED_DATES: { section: 'covered-hours', example: '2026-05-15,2026-12-24', meaning: 'Extra closed days on top of the public holidays, `YYYY-MM-DD` comma-separated.' },
  STREAM_FLUSH_MS: {
    section: 'live-stream',
    example: '100',
    meaning: 'Changes are coalesced per probe and sent at most this often (10–5000). 50 ms keeps the fan-out p99 under 200 ms at 1,000 clients (docs/benchmarks.md); 100 ms doubled the wait.',
  },
  SMTP_URL: {
    section: 'alarms',
    example: 'smtps://vigie:secret@smtp.example.fr:465',
    meaning: 'The mail server: `smtp://user:password@host:587` (STARTTLS when the server offers it) or `smtps://user:password@host:465` (implicit TLS). Unset: the mail catcher below, or no mail channel.',
  },
  MAIL_FROM: { section: 'alarms', example: 'Vigie Moselle Fibre <vigie@moselle-fibre.fr>', meaning: 'Sender of the alarm mails (one line).' },
  SMTP_TLS_VERIFY: {
    section: 'alarms',
    example: 'false',
    meaning: "Verify the mail server's certificate; `false` only for a test server with a self-signed certificate.",
  },
  MAIL_CATCHER: {
    section: 'alarms',
    example: 'false',
    meaning:
      'Default: the value of `DEMO_ACCOUNTS`. Without `SMTP_URL`: run an embedded SMTP server on 127.0.0.1 (free port) that keeps every mail as an `.eml` file in `DATA_DIR/mail-catcher/` (the demo\'s default). `false` and no `SMTP_URL`: no mail channel, alarms are recorded "not sent: no channel".',
  },
  SMS_URL: { section: 'alarms', example: 'https://sms.example.fr/v1/messages', meaning: "The SMS provider's HTTP endpoint (generic JSON shape, alarms.md). Unset: no SMS channel." },
  SMS_TOKEN: { section: 'alarms', example: 'tok_123', meaning: 'Sent as `Authorization: Bearer …`.' },
  SMS_USER: { section: 'alarms', example: 'vigie', meaning: 'With `SMS_PASSWORD`, sent as HTTP Basic when there is no `SMS_TOKEN`.' },
  SMS_PASSWORD: { section: 'alarms', example: 'secret', meaning: 'The HTTP Basic password for `SMS_USER`.' },
  SMS_SENDER: { section: 'alarms', example: 'MoselleFib', meaning: 'Sender name shown on phones (11 characters at most), when the provider allows it.' },
  ALARM_TICK_MS: { section: 'alarms', example: '500', meaning: 'How often the alarm worker drains the outbox.' },
  HEARTBEAT_MS: { section: 'live-stream', example: '10000', meaning: 'Heartbeat period (seq + source health), so clients can show data age.' },
  STREAM_BUFFER: {
    section: 'live-stream',
    example: '4800',
    meaning: 'Batches kept per stream for resume (≈ 2 minutes at the default flush under constant load); a client further behind gets a fresh snapshot.',
  },
};

/** Read outside configSchema (by main.ts), documented in the same tables. */
export const EXTRA_SETTINGS_DOC: Record<string, SettingDoc & { default: string }> = {
  LOG_LEVEL: { section: 'server', default: 'warn', example: 'info', meaning: 'fastify/pino log level (`info`, `debug`…).' },
};

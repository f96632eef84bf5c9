// The gateway's settings: environment variables, optionally over a JSON file (VIGIE_CONFIG), with
// embedded defaults so `npm start` needs nothing. Parsed once at start-up; a bad value stops the
// process with a message naming the variable, instead of failing later in a corner.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { SCENARIOS } from './sources/simulator/scenarios.ts';
import type { SimulatorSettings } from './sources/simulator/from-config.ts';

const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ISO_DATE = /^\d{4}-\d\d-\d\d$/;

/** A comma-separated env value or a JSON array, both accepted. */
const list = (item: z.ZodType) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(item));

const bool = z.preprocess((v) => (typeof v === 'string' ? !['0', 'false', 'no', 'off', ''].includes(v.trim().toLowerCase()) : v), z.boolean());

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone');

/** Keys are the environment variable names; a JSON config file uses the same names. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  SOURCE: z.enum(['simulator', 'icinga2']).default('simulator'),
  SIM_SCALE: z.enum(['small', 'moselle']).default('moselle'),
  SIM_SEED: z.coerce.number().int().nonnegative().default(57),
  /** Simulated seconds per real second. */
  SIM_SPEED: z.coerce.number().min(1).max(3_600).default(1),
  SIM_SCENARIO: z.enum(SCENARIOS).default('calm'),
  DATA_DIR: z.string().min(1).default('./.vigie-data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Raster tile URL template for the map; empty = the SPA's build-time default, `none` = no tiles. */
  TILE_URL: z.string().max(500).default(''),
  /** Credit line shown on the map for TILE_URL's tiles. */
  TILE_ATTRIBUTION: z.string().max(500).default(''),
  TIME_ZONE: timeZone.default('Europe/Paris'),
  COVERED_DAYS: list(z.coerce.number().int().min(1).max(7)).default([1, 2, 3, 4, 5]),
  COVERED_OPEN: z.string().regex(CLOCK, 'must be HH:MM').default('09:00'),
  COVERED_CLOSE: z.string().regex(CLOCK, 'must be HH:MM').default('17:30'),
  /** Extra closed days on top of the FR-57 public holidays. */
  CLOSED_DATES: list(z.string().regex(ISO_DATE, 'must be YYYY-MM-DD')).default([]),
  DEMO_ACCOUNTS: bool.default(true),
  STREAM_FLUSH_MS: z.coerce.number().int().min(10).max(5_000).default(50),
  HEARTBEAT_MS: z.coerce.number().int().min(500).max(300_000).default(5_000),
  /** Delta batches kept per stream for resume after a reconnect. */
  STREAM_BUFFER: z.coerce.number().int().min(1).max(100_000).default(2_400),
  PERSIST_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  /** Longest maintenance window support may declare, in hours (docs/maintenance.md). */
  MAINTENANCE_MAX_HOURS: z.coerce.number().int().min(1).max(744).default(168),
  ICINGA_URL: z.url().optional(),
  ICINGA_USER: z.string().optional(),
  ICINGA_PASSWORD: z.string().optional(),
  /** PEM file of the Icinga CA; the node certificate has no IP SAN, hence ICINGA_SERVERNAME. */
  ICINGA_CA: z.string().min(1).optional(),
  ICINGA_SERVERNAME: z.string().min(1).max(253).optional(),
  /** Skip TLS verification: refused unless ICINGA_URL is loopback (tests only). */
  ICINGA_INSECURE_LOOPBACK: bool.default(false),
  /** Alarms by mail (docs/alarms.md): smtp://user:pass@host:587 (STARTTLS) or smtps://…:465. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).max(200).refine((v) => !/[\r\n]/.test(v), 'must be one line').default('Vigie <vigie@localhost>'),
  /** Verify the SMTP server's certificate (off only for a test server). */
  SMTP_TLS_VERIFY: bool.default(true),
  /** Without SMTP_URL: an embedded SMTP catcher on 127.0.0.1 that keeps mails in DATA_DIR/mail-catcher. Default: on with DEMO_ACCOUNTS. */
  MAIL_CATCHER: bool.optional(),
  /** Alarms by SMS: the provider's HTTP endpoint (generic JSON shape, docs/alarms.md). */
  SMS_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMS_TOKEN: z.string().min(1).optional(),
  SMS_USER: z.string().min(1).optional(),
  SMS_PASSWORD: z.string().optional(),
  SMS_SENDER: z.string().min(1).max(11).optional(),
  /** How often the alarm worker drains the outbox. */
  ALARM_TICK_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config {
  port: number;
  host: string;
  source: RawConfig['SOURCE'];
  simulator: SimulatorSettings;
  dataDir: string;
  databaseUrl?: string;
  tileUrl: string;
  tileAttribution: string;
  coveredHours: { timeZone: string; days: number[]; open: string; close: string; extraClosedDates: string[] };
  demoAccounts: boolean;
  stream: { flushMs: number; heartbeatMs: number; bufferBatches: number };
  persistMs: number;
  maintenanceMaxHours: number;
  icinga?: { url: string; user?: string; password?: string; caPath?: string; servername?: string; insecureLoopback?: boolean };
  alarms: AlarmSettings;
}

export interface AlarmSettings {
  smtp?: { url: string; from: string; rejectUnauthorized: boolean };
  /** Embedded mail catcher (used only without smtp). */
  mailCatcher: boolean;
  from: string;
  sms?: { url: string; token?: string; user?: string; password?: string; sender?: string };
  tickMs: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Every key of the schema: only these are read from the environment. */
export const CONFIG_KEYS = Object.keys(configSchema.shape) as Array<keyof RawConfig>;

/**
 * Merge the JSON file named by VIGIE_CONFIG (if any) under the environment, then validate.
 * `readFile` is injected for tests; relative DATA_DIR resolves against `cwd`.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  options: { readFile?: (path: string) => string; cwd?: string } = {},
): Config {
  const { readFile = (p) => readFileSync(p, 'utf8'), cwd = process.cwd() } = options;
  const fromFile = env.VIGIE_CONFIG ? readConfigFile(env.VIGIE_CONFIG, readFile) : {};
  const merged: Record<string, unknown> = { ...fromFile };
  for (const key of CONFIG_KEYS) {
    const value = env[key];
    if (value !== undefined && value !== '') merged[key] = value;
  }
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return toConfig(parsed.data, cwd);
}

function readConfigFile(path: string, readFile: (path: string) => string): Record<string, unknown> {
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    throw new ConfigError(`VIGIE_CONFIG: cannot read ${path} (${(error as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`VIGIE_CONFIG: ${path} is not valid JSON (${(error as Error).message})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`VIGIE_CONFIG: ${path} must hold a JSON object`);
  const unknownKeys = Object.keys(value).filter((k) => !(CONFIG_KEYS as string[]).includes(k));
  if (unknownKeys.length) throw new ConfigError(`VIGIE_CONFIG: unknown keys in ${path}: ${unknownKeys.join(', ')}`);
  return value as Record<string, unknown>;
}

function toConfig(raw: RawConfig, cwd: string): Config {
  if (raw.COVERED_OPEN >= raw.COVERED_CLOSE) throw new ConfigError('invalid configuration:\n  COVERED_OPEN: must be before COVERED_CLOSE');
  if (raw.SOURCE === 'icinga2' && !raw.ICINGA_URL) throw new ConfigError('invalid configuration:\n  ICINGA_URL: required when SOURCE=icinga2');
  const config: Config = {
    port: raw.PORT,
    host: raw.HOST,
    source: raw.SOURCE,
    simulator: { scale: raw.SIM_SCALE, seed: raw.SIM_SEED, speed: raw.SIM_SPEED, scenario: raw.SIM_SCENARIO },
    dataDir: resolve(cwd, raw.DATA_DIR),
    tileUrl: raw.TILE_URL,
    tileAttribution: raw.TILE_ATTRIBUTION,
    coveredHours: {
      timeZone: raw.TIME_ZONE,
      days: [...new Set(raw.COVERED_DAYS as number[])].sort(),
      open: raw.COVERED_OPEN,
      close: raw.COVERED_CLOSE,
      extraClosedDates: raw.CLOSED_DATES as string[],
    },
    demoAccounts: raw.DEMO_ACCOUNTS as boolean,
    stream: { flushMs: raw.STREAM_FLUSH_MS, heartbeatMs: raw.HEARTBEAT_MS, bufferBatches: raw.STREAM_BUFFER },
    persistMs: raw.PERSIST_MS,
    maintenanceMaxHours: raw.MAINTENANCE_MAX_HOURS,
    alarms: {
      mailCatcher: !raw.SMTP_URL && ((raw.MAIL_CATCHER as boolean | undefined) ?? (raw.DEMO_ACCOUNTS as boolean)),
      from: raw.MAIL_FROM,
      tickMs: raw.ALARM_TICK_MS,
      ...(raw.SMTP_URL && { smtp: { url: raw.SMTP_URL, from: raw.MAIL_FROM, rejectUnauthorized: raw.SMTP_TLS_VERIFY as boolean } }),
      ...(raw.SMS_URL && {
        sms: {
          url: raw.SMS_URL,
          ...(raw.SMS_TOKEN && { token: raw.SMS_TOKEN }),
          ...(raw.SMS_USER && { user: raw.SMS_USER, password: raw.SMS_PASSWORD ?? '' }),
          ...(raw.SMS_SENDER && { sender: raw.SMS_SENDER }),
        },
      }),
    },
  };
  if (raw.DATABASE_URL) config.databaseUrl = raw.DATABASE_URL;
  if (raw.ICINGA_URL) {
    config.icinga = { url: raw.ICINGA_URL };
    if (raw.ICINGA_USER) config.icinga.user = raw.ICINGA_USER;
    if (raw.ICINGA_PASSWORD) config.icinga.password = raw.ICINGA_PASSWORD;
    if (raw.ICINGA_CA) config.icinga.caPath = resolve(cwd, raw.ICINGA_CA);
    if (raw.ICINGA_SERVERNAME) config.icinga.servername = raw.ICINGA_SERVERNAME;
    if (raw.ICINGA_INSECURE_LOOPBACK) config.icinga.insecureLoopback = true;
  }
  return config;
}

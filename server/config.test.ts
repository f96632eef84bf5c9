import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const noFile = { readFile: () => { throw new Error('ENOENT'); }, cwd: '/srv/vigie' };

describe('loadConfig', () => {
  test('embedded defaults start the simulator on 127.0.0.1:8080 with the contract hours', () => {
    const config = loadConfig({}, noFile);
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      source: 'simulator',
      simulator: { scale: 'moselle', seed: 57, speed: 1, scenario: 'calm' },
      dataDir: '/srv/vigie/.vigie-data',
      coveredHours: { timeZone: 'Europe/Paris', days: [1, 2, 3, 4, 5], open: '09:00', close: '17:30', extraClosedDates: [] },
      stream: { flushMs: 50, heartbeatMs: 5000 },
      demoAccounts: true,
    });
    expect(config.databaseUrl).toBeUndefined();
  });

  test('environment values are coerced and override the file', () => {
    const file = JSON.stringify({ PORT: 9000, SIM_SCALE: 'small', COVERED_DAYS: [1, 2, 3] });
    const config = loadConfig(
      { VIGIE_CONFIG: '/etc/vigie.json', PORT: '0', SIM_SPEED: '60', CLOSED_DATES: '2026-05-15, 2026-11-02', DEMO_ACCOUNTS: 'false' },
      { readFile: () => file, cwd: '/' },
    );
    expect(config.port).toBe(0);
    expect(config.simulator).toMatchObject({ scale: 'small', speed: 60 });
    expect(config.coveredHours.days).toEqual([1, 2, 3]);
    expect(config.coveredHours.extraClosedDates).toEqual(['2026-05-15', '2026-11-02']);
    expect(config.demoAccounts).toBe(false);
  });

  test.each([
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ SOURCE: 'nagios' }, 'SOURCE'],
    [{ SIM_SCALE: 'france' }, 'SIM_SCALE'],
    [{ SIM_SPEED: '0.5' }, 'SIM_SPEED'],
    [{ SIM_SCENARIO: 'apocalypse' }, 'SIM_SCENARIO'],
    [{ DATABASE_URL: 'mysql://x@localhost/db' }, 'DATABASE_URL'],
    [{ COVERED_OPEN: '9h' }, 'COVERED_OPEN'],
    [{ COVERED_OPEN: '18:00' }, 'COVERED_OPEN'],
    [{ COVERED_DAYS: '1,8' }, 'COVERED_DAYS'],
    [{ CLOSED_DATES: '15/05/2026' }, 'CLOSED_DATES'],
    [{ TIME_ZONE: 'Mars/Olympus' }, 'TIME_ZONE'],
    [{ STREAM_FLUSH_MS: '1' }, 'STREAM_FLUSH_MS'],
    [{ SOURCE: 'icinga2' }, 'ICINGA_URL'],
    [{ SMTP_URL: 'http://mail.example' }, 'SMTP_URL'],
    [{ SMS_URL: 'ftp://sms.example' }, 'SMS_URL'],
    [{ MAIL_FROM: 'Vigie <v@x.fr>\r\nBcc: a@b.fr' }, 'MAIL_FROM'],
  ])('%o is refused naming %s', (env, name) => {
    expect(() => loadConfig(env, noFile)).toThrow(ConfigError);
    expect(() => loadConfig(env, noFile)).toThrow(name);
  });

  test('alarms: the embedded mail catcher with demo accounts and no SMTP_URL; SMTP and SMS when set', () => {
    expect(loadConfig({}, noFile).alarms).toEqual({ mailCatcher: true, from: 'Vigie <vigie@localhost>', tickMs: 1000 });
    expect(loadConfig({ DEMO_ACCOUNTS: 'false' }, noFile).alarms.mailCatcher).toBe(false);
    const config = loadConfig({ SMTP_URL: 'smtps://u:p@mx.moselle-fibre.fr:465', MAIL_FROM: 'Vigie <vigie@moselle-fibre.fr>', SMS_URL: 'https://sms.example/send', SMS_TOKEN: 't' }, noFile);
    expect(config.alarms).toEqual({
      mailCatcher: false,
      from: 'Vigie <vigie@moselle-fibre.fr>',
      tickMs: 1000,
      smtp: { url: 'smtps://u:p@mx.moselle-fibre.fr:465', from: 'Vigie <vigie@moselle-fibre.fr>', rejectUnauthorized: true },
      sms: { url: 'https://sms.example/send', token: 't' },
    });
  });

  test('an unreadable, invalid or unknown-key file is a clear error', () => {
    expect(() => loadConfig({ VIGIE_CONFIG: '/nope.json' }, noFile)).toThrow(/cannot read \/nope.json/);
    expect(() => loadConfig({ VIGIE_CONFIG: 'x' }, { readFile: () => '{port:' })).toThrow(/not valid JSON/);
    expect(() => loadConfig({ VIGIE_CONFIG: 'x' }, { readFile: () => '{"PROT": 1}' })).toThrow(/unknown keys.*PROT/);
  });

  test('a postgres DATABASE_URL is kept', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://vigie@127.0.0.1:5432/vigie' }, noFile).databaseUrl).toBe(
      'postgres://vigie@127.0.0.1:5432/vigie',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { icinga2SourceFromConfig } from './from-config.ts';

const env = (extra: Record<string, string>) => loadConfig({ SOURCE: 'icinga2', ICINGA_USER: 'vigie', ICINGA_PASSWORD: 'pw', ...extra }, { cwd: '/srv/vigie' });

describe('icinga2SourceFromConfig', () => {
  it('reads the ICINGA_* variables, resolving the CA path', () => {
    const config = env({ ICINGA_URL: 'https://10.0.0.5:5665', ICINGA_CA: 'certs/ca.crt', ICINGA_SERVERNAME: 'icinga-master' });
    expect(config.icinga).toEqual({ url: 'https://10.0.0.5:5665', user: 'vigie', password: 'pw', caPath: '/srv/vigie/certs/ca.crt', servername: 'icinga-master' });
    expect(() => icinga2SourceFromConfig(config.icinga)).toThrow(/ICINGA_CA: cannot read \/srv\/vigie\/certs\/ca.crt/);
  });

  it('builds a source for a loopback URL with the insecure opt-out', async () => {
    const source = icinga2SourceFromConfig(env({ ICINGA_URL: 'https://127.0.0.1:5665', ICINGA_INSECURE_LOOPBACK: '1' }).icinga);
    expect(source.name).toBe('icinga2');
    await source.stop();
  });

  it('refuses the insecure opt-out for a remote engine, and missing credentials', () => {
    expect(() => icinga2SourceFromConfig(env({ ICINGA_URL: 'https://icinga.example.org:5665', ICINGA_INSECURE_LOOPBACK: 'true' }).icinga)).toThrow(/only allowed for loopback/);
    expect(() => icinga2SourceFromConfig({ url: 'https://127.0.0.1:5665' })).toThrow(/ICINGA_USER: required[\s\S]*ICINGA_PASSWORD: required/);
  });
});

// Builds the Icinga 2 source from the gateway's configuration (ICINGA_* variables), turning
// missing or unsafe settings into a ConfigError that names the variable.
import { ConfigError, type Config } from '../../config.ts';
import { IcingaConfigError } from './icinga-client.ts';
import { createIcinga2Source, type Icinga2Source, type Icinga2SourceConfig } from './icinga2-source.ts';

export function icinga2SourceFromConfig(icinga: Config['icinga'], extra: Pick<Icinga2SourceConfig, 'log' | 'clock'> = {}): Icinga2Source {
  if (!icinga) throw new ConfigError('invalid configuration:\n  ICINGA_URL: required when SOURCE=icinga2');
  const missing = [!icinga.user && 'ICINGA_USER', !icinga.password && 'ICINGA_PASSWORD'].filter(Boolean);
  if (missing.length) throw new ConfigError(`invalid configuration:\n${missing.map((k) => `  ${k}: required when SOURCE=icinga2`).join('\n')}`);
  try {
    return createIcinga2Source({
      url: icinga.url,
      user: icinga.user!,
      password: icinga.password!,
      ...(icinga.caPath ? { caPath: icinga.caPath } : {}),
      ...(icinga.servername ? { servername: icinga.servername } : {}),
      ...(icinga.insecureLoopback ? { insecureLoopback: true } : {}),
      ...extra,
    });
  } catch (error) {
    if (error instanceof IcingaConfigError) throw new ConfigError(`invalid configuration:\n  ICINGA_URL / ICINGA_INSECURE_LOOPBACK: ${error.message}`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ConfigError(`invalid configuration:\n  ICINGA_CA: cannot read ${icinga.caPath}`);
    throw error;
  }
}

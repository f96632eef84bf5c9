// `npm run accounts -- <command>`: manage accounts in the configured database (DATA_DIR or
// DATABASE_URL, as the gateway reads them). With the embedded database held by a running gateway,
// the command is run by the gateway itself through its admin socket.
import { loadConfig } from '../config.ts';
import { dataDirOwner } from '../storage/data-dir-lock.ts';
import { openStorage } from '../storage/open-storage.ts';
import { runAccountCommand, USAGE } from './account-commands.ts';
import { sendAccountsCommand } from './admin-socket.ts';

async function main(argv: string[]): Promise<string> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') return USAGE;
  const config = loadConfig();
  if (!config.databaseUrl && dataDirOwner(config.dataDir) !== undefined) {
    return sendAccountsCommand(config.dataDir, argv);
  }
  const storage = await openStorage({ dataDir: config.dataDir, ...(config.databaseUrl && { databaseUrl: config.databaseUrl }) });
  try {
    const estate = await storage.loadEstate();
    return await runAccountCommand(argv, {
      accounts: storage.accounts,
      ...(estate && { estate }),
      now: () => Date.now(),
      // Another process (the gateway) notices the version bump with its periodic revocation check.
      announce: () => undefined,
    });
  } finally {
    await storage.close();
  }
}

main(process.argv.slice(2)).then(
  (output) => console.log(output),
  (error: unknown) => {
    console.error(`accounts: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);

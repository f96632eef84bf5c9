// First start with demo accounts: alarm recipients to match them, so that `npm start` shows alarms
// at once (in the embedded mail catcher): the support cell's on-call address, and each demo
// référent with the default rules. Addresses are on the reserved .test domain (RFC 2606): they
// reach no one outside; the catcher keeps the mail. Never touches existing recipients.
import type { Recipient } from '../../src/domain/alarm-model.ts';
import { DEFAULT_RULES } from '../../src/domain/alarm-rules.ts';
import type { DemoCredential } from '../accounts/demo-accounts.ts';
import type { AlarmStore } from './alarm-store.ts';

export async function ensureDemoRecipients(store: AlarmStore, demo: readonly DemoCredential[]): Promise<Recipient[]> {
  if ((await store.listRecipients()).length > 0) return [];
  const recipients: Recipient[] = demo.map((d) =>
    d.role === 'support'
      ? { id: 'support-astreinte', audience: 'support', name: 'Astreinte support (démo)', email: 'astreinte@vigie-demo.test', language: 'fr', rules: DEFAULT_RULES.support, login: d.login, enabled: true }
      : {
          id: d.login,
          audience: 'referent',
          collectiviteId: d.collectiviteId!,
          name: `Référent ${d.collectiviteName ?? ''} (démo)`,
          email: `${d.login}@vigie-demo.test`,
          language: 'fr',
          rules: DEFAULT_RULES.referent,
          login: d.login,
          enabled: true,
        },
  );
  for (const r of recipients) await store.saveRecipient(r);
  return recipients;
}

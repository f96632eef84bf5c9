// The support cell's words for why the engine cannot be used (SourceProblem, classified by the
// gateway): what is wrong and which setting to change, French first.
import { defineMessages } from '../i18n/i18n.ts';
import type { SourceProblem } from '../protocol/source-problem.ts';

type Wording = (p: SourceProblem) => { what: string; fix: string };

const fr: Record<SourceProblem['kind'], Wording> = {
  'certificate-name': (p) => ({
    what: `Certificat d'Icinga émis pour « ${p.value ?? '?'} », pas pour « ${p.checkedName ?? '?'} »`,
    fix: `Réglez ICINGA_SERVERNAME sur le nom du certificat : ICINGA_SERVERNAME=${p.value ?? 'icinga-master'}`,
  }),
  'certificate-untrusted': (p) => ({
    what: `Certificat d'Icinga non reconnu (${p.code ?? 'TLS'})`,
    fix: p.setting === 'ICINGA_CA' ? "Indiquez dans ICINGA_CA l'autorité d'Icinga (ca.crt du maître)" : "Renouvelez le certificat d'Icinga ou corrigez l'horloge",
  }),
  authentication: () => ({
    what: "Icinga refuse l'utilisateur API ou son mot de passe (HTTP 401)",
    fix: "Vérifiez ICINGA_USER et ICINGA_PASSWORD face à l'objet ApiUser d'Icinga",
  }),
  permission: (p) => ({
    what: `L'utilisateur API n'a pas la permission ${p.permission ?? 'requise'} (HTTP ${p.code ?? '403'})`,
    fix: `Ajoutez « ${p.permission ?? '…'} » aux permissions de l'ApiUser, puis rechargez Icinga`,
  }),
  unreachable: (p) => ({
    what: `Icinga injoignable${p.target ? ` à ${p.target}` : ''}${p.code ? ` (${p.code})` : ''}`,
    fix: "Vérifiez ICINGA_URL (hôte, port 5665) et qu'Icinga 2 tourne avec l'API activée",
  }),
  'bad-response': (p) => ({
    what: `Réponse inattendue${p.target ? ` de ${p.target}` : ''}${p.code ? ` (${p.code})` : ''}`,
    fix: "Vérifiez que ICINGA_URL désigne l'API d'Icinga 2 (https, port 5665)",
  }),
};

const en: Record<SourceProblem['kind'], Wording> = {
  'certificate-name': (p) => ({
    what: `Icinga's certificate is issued to "${p.value ?? '?'}", not to "${p.checkedName ?? '?'}"`,
    fix: `Set ICINGA_SERVERNAME to the certificate's name: ICINGA_SERVERNAME=${p.value ?? 'icinga-master'}`,
  }),
  'certificate-untrusted': (p) => ({
    what: `Icinga's certificate is not trusted (${p.code ?? 'TLS'})`,
    fix: p.setting === 'ICINGA_CA' ? "Set ICINGA_CA to Icinga's CA (the master's ca.crt)" : "Renew Icinga's certificate or fix the clock",
  }),
  authentication: () => ({ what: 'Icinga refuses the API user or its password (HTTP 401)', fix: "Check ICINGA_USER and ICINGA_PASSWORD against Icinga's ApiUser object" }),
  permission: (p) => ({
    what: `The API user lacks the ${p.permission ?? 'required'} permission (HTTP ${p.code ?? '403'})`,
    fix: `Add "${p.permission ?? '…'}" to the ApiUser's permissions, then reload Icinga`,
  }),
  unreachable: (p) => ({
    what: `Icinga unreachable${p.target ? ` at ${p.target}` : ''}${p.code ? ` (${p.code})` : ''}`,
    fix: 'Check ICINGA_URL (host, port 5665) and that Icinga 2 runs with its API enabled',
  }),
  'bad-response': (p) => ({
    what: `Unexpected answer${p.target ? ` from ${p.target}` : ''}${p.code ? ` (${p.code})` : ''}`,
    fix: "Check that ICINGA_URL points at Icinga 2's API (https, port 5665)",
  }),
};

/** Per locale, per kind: what is wrong and what to change. */
export const sourceProblemWording = { fr, en } as const;

export const sourceProblemMessages = defineMessages(
  { title: 'Source en erreur', engineSays: 'Détail technique' },
  { title: 'Source error', engineSays: 'Technical detail' },
);

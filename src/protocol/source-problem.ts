// Why a source cannot reach its engine, in a form each reader can use: a kind the SPA words in
// French or English, the setting to change (and its value when the gateway knows it), and one
// English sentence each for what is wrong and what to do (logs, GET /health). Support-only: the
// stream never carries it (server/stream/public-health.ts); référents and the kiosk only learn that
// the engine stopped answering.
import { z } from 'zod';

export const SOURCE_PROBLEM_KINDS = [
  /** The certificate is valid but issued to another name than the one checked. */
  'certificate-name',
  /** The certificate chain does not lead to the configured CA, or it has expired. */
  'certificate-untrusted',
  /** HTTP 401: unknown ApiUser or wrong password. */
  'authentication',
  /** The ApiUser lacks a permission (Icinga answers 403, or 404 "No objects found." on a whole type). */
  'permission',
  /** Nothing answers at the URL: refused, unreachable, unknown host, timeout, connection dropped. */
  'unreachable',
  /** Something answered, but not as the engine's API does (wrong port, proxy, unexpected status). */
  'bad-response',
] as const;

export type SourceProblemKind = (typeof SOURCE_PROBLEM_KINDS)[number];

const text = (max: number) => z.string().max(max);

export const sourceProblemSchema = z.object({
  kind: z.enum(SOURCE_PROBLEM_KINDS),
  /** What is wrong, one English sentence (the log says the same). */
  message: text(500),
  /** What to change, one English sentence naming the setting. */
  fix: text(500),
  /** The setting to change, e.g. `ICINGA_SERVERNAME`, or `ApiUser permissions`. */
  setting: text(64).optional(),
  /** The value that setting should take, when the gateway knows it (the certificate's name). */
  value: text(253).optional(),
  /** The name the certificate was checked against (certificate-name). */
  checkedName: text(253).optional(),
  /** The names the engine's certificate carries (CN and DNS SANs). */
  certificateNames: z.array(text(253)).max(8).optional(),
  /** The permission the API user lacks, e.g. `objects/query/Service`. */
  permission: text(100).optional(),
  /** HTTP status or error code, e.g. `401`, `ECONNREFUSED`, `SELF_SIGNED_CERT_IN_CHAIN`. */
  code: text(64).optional(),
  /** What was asked: an API path, or host:port. */
  target: text(300).optional(),
});

export type SourceProblem = z.infer<typeof sourceProblemSchema>;

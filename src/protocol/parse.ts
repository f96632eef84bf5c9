// One way to read untrusted input: parse against a contract schema and get either the typed value
// or a ContractError naming the first offending field. Callers never see a thrown zod error.
import type { z } from 'zod';

export class ContractError extends Error {
  override readonly name = 'ContractError';
  constructor(
    /** Dotted path of the first invalid field, e.g. `changes.3.state`; '' for the root. */
    readonly field: string,
    readonly reason: string,
  ) {
    super(field ? `${field}: ${reason}` : reason);
  }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export function parseMessage<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const field = issue ? issue.path.map(String).join('.') : '';
  return { ok: false, error: new ContractError(field, issue?.message ?? 'invalid message') };
}

/** Like parseMessage but throws the ContractError: for trusted paths where a failure is a bug. */
export function expectMessage<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = parseMessage(schema, input);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

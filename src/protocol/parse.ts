// One way to read untrusted input: parse against a contract schema and get either the typed value
// or a ContractError naming the first offending field. Callers never see a thrown zod error.
import { z } from 'zod';
import type { Steps } from '../domain/steps.ts';

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

/** How many list items parseListInSteps validates between two steps (an incident: ~10–40 µs). */
export const LIST_ITEMS_PER_STEP = 32;

const envelopes = new WeakMap<z.ZodObject, { envelope: z.ZodObject; item: z.ZodType }>();

/**
 * parseMessage for a message carrying a long list under `key` (a delta batch's changes, an incident
 * update's incidents), in steps (domain/steps.ts): the rest of the message first, then the items a
 * few at a time, so a 1,000-incident update need not be one long task. The value is parseMessage's
 * (zod's output, item by item); on any invalid part the whole message is read again by
 * parseMessage, so the error names the same first offending field.
 */
export function* parseListInSteps<S extends z.ZodObject>(schema: S, key: string & keyof S['shape'], input: unknown, itemsPerStep = LIST_ITEMS_PER_STEP): Steps<Parsed<z.infer<S>>> {
  let parts = envelopes.get(schema);
  if (!parts) {
    const list = schema.shape[key];
    if (!(list instanceof z.ZodArray)) throw new Error(`${key} is not a list`);
    parts = { envelope: schema.extend({ [key]: z.array(z.unknown()) }), item: list.element as z.ZodType };
    envelopes.set(schema, parts);
  }
  const outer = parts.envelope.safeParse(input);
  if (!outer.success) return parseMessage(schema, input);
  const raw = (outer.data as Record<string, unknown[]>)[key]!;
  const items: unknown[] = [];
  for (let i = 0; i < raw.length; i++) {
    const item = parts.item.safeParse(raw[i]);
    if (!item.success) return parseMessage(schema, input);
    items.push(item.data);
    if ((i + 1) % itemsPerStep === 0) yield;
  }
  return { ok: true, value: { ...outer.data, [key]: items } as z.infer<S> };
}

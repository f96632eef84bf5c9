// Why the gateway refused to save a recipient, said in the reader's language: the gateway names the
// field in its 400 (docs/api.md "Alarms"); its English reason is kept only for what has no wording.
import { ApiError } from '../../api/api-error.ts';
import type { alarmMessages } from './messages.ts';

type Messages = (typeof alarmMessages)['fr'];

export function saveReason(error: unknown, m: Pick<Messages, 'reasons'>): string {
  if (!(error instanceof ApiError)) return m.reasons.unknown;
  if (error.code === 'network') return m.reasons.network;
  if (error.code === 'forbidden') return m.reasons.forbidden;
  if (error.code === 'not-found') return m.reasons.notFound;
  const field = error.field?.split('.')[0];
  if (error.code === 'bad-request' && field && field in m.reasons.fields) return m.reasons.fields[field as keyof Messages['reasons']['fields']];
  return error.message;
}

import { expect, it } from 'vitest';
import { StorageRefusedError } from '../ports.ts';
import { asRefusal } from './sql-errors.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

it.each([
  ['22021 invalid byte sequence (NUL in text)', withCode('22021'), true],
  ['22P05 unsupported Unicode escape (NUL in jsonb)', withCode('22P05'), true],
  ['22P02 invalid json (lone surrogate in jsonb)', withCode('22P02'), true],
  ['23502 not-null violation', withCode('23502'), true],
  ['54000 program limit exceeded', withCode('54000'), true],
  ['57P01 admin shutdown', withCode('57P01'), false],
  ['08006 connection failure', withCode('08006'), false],
  ['42P01 undefined table (a bug, not the row)', withCode('42P01'), false],
  ['ECONNREFUSED', withCode('ECONNREFUSED'), false],
  ['no code (connection terminated)', new Error('Connection terminated unexpectedly'), false],
  ['not an error', 'boom', false],
])('%s → refused: %s', (_, error, refused) => {
  const out = asRefusal(error);
  expect(out instanceof StorageRefusedError).toBe(refused);
  if (refused) expect((out as Error).message).toContain('x');
  else expect(out).toBe(error);
});

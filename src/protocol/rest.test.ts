import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { parseMessage } from './parse.ts';
import {
  availabilityReportSchema,
  calendarSchema,
  incidentQuerySchema,
  kioskLoginRequestSchema,
  loginRequestSchema,
  operatorActionSchema,
  sessionSchema,
} from './rest.ts';

const calendar = {
  timeZone: 'Europe/Paris',
  days: [1, 2, 3, 4, 5],
  open: '09:00',
  close: '17:30',
  closedDates: ['2026-12-26'],
  gtiHours: 8,
  atRiskHours: 2,
  availabilityTarget: 0.96,
};

const session = { token: 't', expiresAt: 1, user: { login: 'referent.metz', role: 'referent', collectiviteId: 'c-57463' } };

const availability = {
  scope: 'all',
  from: 0,
  to: 1,
  target: 0.96,
  upSeconds: 1,
  downSeconds: 0,
  unmeasuredSeconds: 0,
  maintenanceSeconds: 0,
  ratio: 1,
  coverage: 1,
  errorBudgetMinutes: 0,
  worst: [],
};

describe('query strings are coerced and defaulted', () => {
  test.each([
    ['defaults', {}, { page: 1, pageSize: 50 }],
    ['numbers from strings', { page: '2', pageSize: '20', from: '1776153600000' }, { page: 2, pageSize: 20, from: 1776153600000 }],
    ['active filter', { status: 'active', collectiviteId: 'c-57463' }, { page: 1, pageSize: 50, status: 'active', collectiviteId: 'c-57463' }],
  ])('%s', (_name, query, expected) => {
    expect(parseMessage(incidentQuerySchema, query)).toEqual({ ok: true, value: expected });
  });
});

describe('valid REST bodies parse', () => {
  test.each<[string, z.ZodType, unknown]>([
    ['acknowledge', operatorActionSchema, { action: 'acknowledge', comment: 'vu' }],
    ['start intervention without comment', operatorActionSchema, { action: 'start-intervention' }],
    ['close with comment', operatorActionSchema, { action: 'close', comment: 'clos' }],
    ['calendar', calendarSchema, calendar],
    ['session', sessionSchema, session],
    ['availability with nothing measured', availabilityReportSchema, { ...availability, ratio: null, coverage: 0 }],
  ])('%s', (_name, schema, body) => {
    expect(parseMessage(schema, body)).toEqual({ ok: true, value: body });
  });
});

describe('invalid REST input names the field', () => {
  test.each<[string, z.ZodType, unknown, string]>([
    ['acknowledge without comment', operatorActionSchema, { action: 'acknowledge' }, 'comment'],
    ['acknowledge with empty comment', operatorActionSchema, { action: 'acknowledge', comment: '' }, 'comment'],
    ['comment too long', operatorActionSchema, { action: 'comment', comment: 'x'.repeat(2001) }, 'comment'],
    ['unknown action', operatorActionSchema, { action: 'delete' }, 'action'],
    ['page 0', incidentQuerySchema, { page: '0' }, 'page'],
    ['page size above 500', incidentQuerySchema, { pageSize: '501' }, 'pageSize'],
    ['unknown status filter', incidentQuerySchema, { status: 'urgent' }, 'status'],
    ['negative instant', incidentQuerySchema, { from: '-1' }, 'from'],
    ['empty login', loginRequestSchema, { login: '', password: 'x' }, 'login'],
    ['short kiosk token', kioskLoginRequestSchema, { token: 'abc' }, 'token'],
    ['unknown role', sessionSchema, { ...session, user: { ...session.user, role: 'admin' } }, 'user.role'],
    ['open time without leading zero', calendarSchema, { ...calendar, open: '9:00' }, 'open'],
    ['weekday 8', calendarSchema, { ...calendar, days: [1, 8] }, 'days.1'],
    ['closed date not ISO', calendarSchema, { ...calendar, closedDates: ['26/12/2026'] }, 'closedDates.0'],
    ['ratio above 1', availabilityReportSchema, { ...availability, ratio: 1.2 }, 'ratio'],
  ])('%s → %s', (_name, schema, body, field) => {
    const parsed = parseMessage(schema, body);
    expect(parsed.ok ? 'valid' : parsed.error.field).toBe(field);
  });
});

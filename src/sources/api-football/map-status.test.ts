import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { mapStatus, STATUS_BY_CODE } from './map-status.ts';

describe('mapStatus', () => {
  it('maps every documented code', () => {
    const byStatus: Record<string, string[]> = {};
    for (const [code, status] of Object.entries(STATUS_BY_CODE)) {
      (byStatus[status] ??= []).push(code);
    }
    expect(byStatus).toEqual({
      scheduled: ['TBD', 'NS'],
      live: ['1H', 'HT', '2H', 'ET', 'BT', 'P', 'SUSP', 'INT', 'LIVE'],
      finished: ['FT', 'AET', 'PEN'],
      postponed: ['PST'],
      cancelled: ['CANC'],
      abandoned: ['ABD'],
      awarded: ['AWD', 'WO'],
    });
  });

  it('normalises case and spaces', () => {
    expect(mapStatus(' ft ')).toBe('finished');
    expect(mapStatus('Pen')).toBe('finished');
    expect(mapStatus('canc\n')).toBe('cancelled');
    expect(mapStatus('1 h')).toBe('live');
  });

  it('logs an unknown code and maps it to null', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: 'warn' }, sink);
    expect(mapStatus('XYZ', logger, 42)).toBeNull();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      statusCode: 'XYZ',
      fixtureId: 42,
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { MAX_IPC_MESSAGE } from '../ipc/result';
import { mulberry32 } from '../testing/mulberry32';
import { badParams, refusalProblems } from '../testing/param-fuzz';
import { ParamsError } from '../workloads/params-error';
import { parseLabParams } from './lab-params';
import { VALID_LAB_PARAMS } from '../testing/valid-params';
import { getScenario, SCENARIO_NAMES } from './scenarios';

describe('parseLabParams', () => {
  it.each(SCENARIO_NAMES)('refuses 500 malformed %s params, each naming the field and its range', (name) => {
    const random = mulberry32(0x1ab + name.length);
    const schema = getScenario(name).params as unknown as z.ZodObject;
    expect(parseLabParams(schema, VALID_LAB_PARAMS[name], name)).toBeTruthy();
    for (let i = 0; i < 500; i++) {
      const bad = badParams(schema, VALID_LAB_PARAMS[name], random);
      let message = '';
      try {
        parseLabParams(schema, bad.input, name);
      } catch (error) {
        expect(error).toBeInstanceOf(ParamsError);
        message = (error as Error).message;
      }
      expect(message, JSON.stringify(bad.input)?.slice(0, 200)).toMatch(`Invalid ${name} scenario parameters: `);
      expect(refusalProblems(bad, message, MAX_IPC_MESSAGE), message).toEqual([]);
    }
  });

  it('says ranges the way the workloads do', () => {
    expect(() => parseLabParams(getScenario('race').params, { mode: 'atomic', lanes: 9 }, 'race')).toThrow(
      'Invalid race scenario parameters: lanes: lanes must be a whole number from 2 to 8',
    );
    expect(() => parseLabParams(getScenario('bank').params, { locked: 'yes' }, 'bank')).toThrow(
      'locked: locked must be true or false',
    );
    expect(() => parseLabParams(getScenario('deadlock').params, { variant: 'x' }, 'deadlock')).toThrow(
      'variant: variant must be one of: opposite, ordered, reentrant',
    );
  });

  it('cuts an 8 MB key to one short line, and escapes newlines and line separators', () => {
    const huge = 'k'.repeat(8 * 1024 * 1024);
    const message = (() => {
      try {
        parseLabParams(getScenario('event').params, { [huge]: 1, 'a\nb\u2028c': 2 }, 'event');
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message.length).toBeLessThanOrEqual(MAX_IPC_MESSAGE);
    expect(message).toMatch(/^Invalid event scenario parameters: Unrecognized keys?/);
    const escaped = (() => {
      try {
        parseLabParams(getScenario('event').params, { 'a\nb\u2028c': 2 }, 'event');
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(escaped).toContain('a\\u000ab\\u2028c');
  });
});

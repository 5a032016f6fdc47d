import { describe, expect, it } from 'vitest';
import { DATA_PORT_TAG } from './data-port';
import { readDataPortMessage } from './data-port-message';

const self = { name: 'this window' };
const port = { name: 'a port' };

describe('readDataPortMessage (the window message that carries the utility process port)', () => {
  it('takes the one port of a sound message from this window', () => {
    expect(readDataPortMessage({ data: { unfreeze: DATA_PORT_TAG }, source: self, ports: [port] }, self)).toEqual({
      kind: 'port',
      port,
    });
  });

  it.each([null, 'data-port', 42, { type: 'react-devtools' }, { unfreeze: 'something-else' }])(
    'leaves a message that is not the data-port one alone: %j',
    (data) => {
      expect(readDataPortMessage({ data, source: self, ports: [port] }, self)).toEqual({ kind: 'other' });
    },
  );

  it.each([
    [{ data: { unfreeze: DATA_PORT_TAG, extra: 1 }, source: self, ports: [port] }, /refused: .*"extra"/],
    [{ data: { unfreeze: DATA_PORT_TAG }, source: { name: 'another window' }, ports: [port] }, /refused: source: /],
    [{ data: { unfreeze: DATA_PORT_TAG }, source: null, ports: [port] }, /refused: source: /],
    [
      { data: { unfreeze: DATA_PORT_TAG }, source: self, ports: [] },
      /refused: ports: exactly 1 MessagePort expected, got 0$/,
    ],
    [
      { data: { unfreeze: DATA_PORT_TAG }, source: self, ports: [port, port] },
      /ports: exactly 1 MessagePort expected, got 2$/,
    ],
  ])('refuses a tagged message that breaks the contract, naming the field (%#)', (event, error) => {
    const verdict = readDataPortMessage(event, self);
    expect(verdict.kind).toBe('bad');
    expect(verdict.kind === 'bad' && verdict.error).toMatch(error);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RoomState } from '../../shared/audience/audience-messages';
import { sampleResult } from '../../shared/audience/test-results';
import { RequestRefusedError } from '../main/ipc-dispatch';
import { createAudienceIpc } from './audience-ipc';
import { startAudienceServer } from './audience-server';
import { AudienceClient } from './fixtures/audience-client';

const root = mkdtempSync(join(tmpdir(), 'audience-ipc-'));
writeFileSync(join(root, 'index.html'), '<!doctype html>');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('createAudienceIpc (the desktop app’s glue, with a real server)', () => {
  it('starts one session on demand, forwards its state to the window that started it, and stops it', async () => {
    const sent: [string, RoomState][] = [];
    const ipc = createAudienceIpc<string>({
      start: startAudienceServer,
      root,
      lanAddress: () => ({ host: '127.0.0.1', note: 'No network address found' }),
      sendState: (sender, state) => sent.push([sender, state]),
    });
    expect(() => ipc.handlers['audience:command']({ type: 'clear' })).toThrow(RequestRefusedError);

    const [a, b] = await Promise.all([
      ipc.handlers['audience:start']({ host: 'lan', runSeconds: 1 }, { sender: 'window-1' }),
      ipc.handlers['audience:start']({ host: 'loopback', runSeconds: 2 }, { sender: 'window-2' }),
    ]);
    expect(b).toEqual(a); // one session: the second start answers with the first
    expect(a.note).toBe('No network address found');
    expect(a.joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?join=[\w-]{22}$/);

    const origin = new URL(a.joinUrl).origin;
    const phone = await AudienceClient.attendee({ ...a, origin });
    phone.send(sampleResult(800));
    await phone.next((m) => m.type === 'accepted');
    await expect.poll(() => sent.at(-1)?.[1].results.length).toBe(1);
    expect(new Set(sent.map(([sender]) => sender))).toEqual(new Set(['window-1']));

    ipc.handlers['audience:command']({ type: 'ask', question: { kind: 'seconds', text: 'How long?' } });
    expect(() => ipc.handlers['audience:command']({ type: 'clear' })).not.toThrow();
    await ipc.handlers['audience:stop']();
    expect((await phone.closed).code).toBe(1001);
    expect(() => ipc.handlers['audience:command']({ type: 'reveal' })).toThrow('no audience session is running');
  });
});

/**
 * The DevTools driver's wire protocol over a fake pipe (two in-memory streams), no browser: NUL-separated JSON
 * frames, however the pipe happens to cut them, and every way a reply can go wrong.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Connection, ProtocolError } from '../../src/browser/cdp/connection.js';

interface SentFrame {
  id: number;
  method: string;
  params: unknown;
  sessionId?: string;
}

/** A connection wired to a fake browser: `sent` holds the frames it wrote, `reply` writes raw bytes back. */
function fakePipe() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const connection = new Connection(toBrowser, fromBrowser);
  const written: Buffer[] = [];
  toBrowser.on('data', (chunk: Buffer) => written.push(chunk));
  const sent = (): SentFrame[] =>
    Buffer.concat(written)
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map((text) => JSON.parse(text) as SentFrame);
  const reply = (bytes: string | Buffer): void => {
    fromBrowser.write(bytes);
  };
  return { connection, toBrowser, fromBrowser, sent, reply, written };
}

/** Lets the streams deliver what was written to them. */
const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const frame = (message: unknown): string => `${JSON.stringify(message)}\0`;

describe('the DevTools connection over a pipe', () => {
  it('writes each command as one JSON frame ended by NUL, with increasing ids and its session', async () => {
    const pipe = fakePipe();
    void pipe.connection.send('Browser.getVersion', {});
    void pipe.connection.send('Runtime.evaluate', { expression: '1 + 1' }, 'session-a');
    await flush();
    const bytes = Buffer.concat(pipe.written).toString('utf8');
    expect(bytes.endsWith('\0')).toBe(true);
    expect(bytes.split('\0')).toHaveLength(3);
    expect(pipe.sent()).toEqual([
      { id: 1, method: 'Browser.getVersion', params: {} },
      { id: 2, method: 'Runtime.evaluate', params: { expression: '1 + 1' }, sessionId: 'session-a' },
    ]);
  });

  it('puts together a reply split over several chunks, even inside a multi-byte character', async () => {
    const pipe = fakePipe();
    const version = pipe.connection.send('Browser.getVersion', {});
    const bytes = Buffer.from(frame({ id: 1, result: { product: 'Chrome/1 — ünïcode 字' } }));
    const cut = bytes.indexOf(Buffer.from('字')) + 1; // in the middle of the character's three bytes
    pipe.reply(bytes.subarray(0, 5));
    await flush();
    pipe.reply(bytes.subarray(5, cut));
    await flush();
    pipe.reply(bytes.subarray(cut));
    await expect(version).resolves.toEqual({ product: 'Chrome/1 — ünïcode 字' });
  });

  it('handles several frames in one chunk, replies and events, each to its own caller', async () => {
    const pipe = fakePipe();
    const events: string[] = [];
    pipe.connection.on('Page.lifecycleEvent', 'session-a', ({ name }) => events.push(name));
    const first = pipe.connection.send('Browser.getVersion', {});
    const second = pipe.connection.send('Target.createTarget', { url: 'about:blank' });
    pipe.reply(
      frame({ id: 2, result: { targetId: 'target-1' } }) +
        frame({ method: 'Page.lifecycleEvent', params: { frameId: 'f', loaderId: 'l', name: 'load', timestamp: 1 }, sessionId: 'session-a' }) +
        frame({ id: 1, result: { product: 'Chrome/1' } }) +
        frame({ method: 'Page.lifecycleEvent', params: { frameId: 'f', loaderId: 'l', name: 'networkIdle', timestamp: 2 }, sessionId: 'session-a' }),
    );
    await expect(first).resolves.toEqual({ product: 'Chrome/1' });
    await expect(second).resolves.toEqual({ targetId: 'target-1' });
    expect(events).toEqual(['load', 'networkIdle']);
  });

  it('sends events only to handlers of their session, until they unsubscribe', async () => {
    const pipe = fakePipe();
    const seen: string[] = [];
    const stop = pipe.connection.on('Inspector.targetCrashed', 'session-a', () => seen.push('a'));
    pipe.connection.on('Inspector.targetCrashed', 'session-b', () => seen.push('b'));
    pipe.connection.on('Inspector.targetCrashed', undefined, () => seen.push('browser'));
    pipe.reply(frame({ method: 'Inspector.targetCrashed', params: {}, sessionId: 'session-a' }));
    await flush();
    stop();
    pipe.reply(frame({ method: 'Inspector.targetCrashed', params: {}, sessionId: 'session-a' }) + frame({ method: 'Inspector.targetCrashed', params: {} }));
    await flush();
    expect(seen).toEqual(['a', 'browser']);
  });

  it('ignores a reply to an id it never sent and goes on answering the others', async () => {
    const pipe = fakePipe();
    const version = pipe.connection.send('Browser.getVersion', {});
    pipe.reply(frame({ id: 99, result: { product: 'stray' } }));
    await flush();
    pipe.reply(frame({ id: 1, result: { product: 'Chrome/1' } }));
    await expect(version).resolves.toEqual({ product: 'Chrome/1' });
    expect(pipe.connection.closeReason).toBeUndefined();
  });

  it('rejects a command the browser answers with an error, naming the command, and keeps the connection', async () => {
    const pipe = fakePipe();
    const navigation = pipe.connection.send('Page.navigate', { url: 'about:blank' }, 'session-a');
    const other = pipe.connection.send('Browser.getVersion', {});
    pipe.reply(frame({ id: 1, error: { code: -32000, message: 'Cannot navigate', data: 'invalid URL' }, sessionId: 'session-a' }));
    await expect(navigation).rejects.toBeInstanceOf(ProtocolError);
    await expect(navigation).rejects.toThrow('Page.navigate: Cannot navigate (invalid URL)');
    pipe.reply(frame({ id: 2, result: { product: 'Chrome/1' } }));
    await expect(other).resolves.toEqual({ product: 'Chrome/1' });
  });

  it('fails every waiting command, and later ones, when a frame is not JSON, instead of throwing', async () => {
    const pipe = fakePipe();
    const closed: Error[] = [];
    pipe.connection.onClose((reason) => closed.push(reason));
    const first = pipe.connection.send('Browser.getVersion', {});
    const second = pipe.connection.send('Runtime.enable', {}, 'session-a');
    pipe.reply('{"id": 1, "result": {\0');
    await expect(first).rejects.toThrow(/not JSON: \{"id": 1, "result": \{/);
    await expect(second).rejects.toThrow(/not JSON/);
    await expect(pipe.connection.send('Browser.getVersion', {})).rejects.toThrow(/not JSON/);
    expect(closed).toHaveLength(1);
    expect(pipe.toBrowser.destroyed).toBe(true);
  });

  it('treats JSON that is not a message object as malformed too', async () => {
    const pipe = fakePipe();
    const version = pipe.connection.send('Browser.getVersion', {});
    pipe.reply('null\0');
    await expect(version).rejects.toThrow(/JSON that is not a DevTools message: null/);
  });

  it('rejects what is still waiting when the browser closes the pipe, and everything sent afterwards', async () => {
    const pipe = fakePipe();
    const pending = [pipe.connection.send('Browser.getVersion', {}), pipe.connection.send('Runtime.enable', {}, 'session-a')];
    pipe.reply('{"id": 1, "res'); // half a frame, never finished
    await flush();
    pipe.fromBrowser.end();
    for (const command of pending) await expect(command).rejects.toThrow('the browser closed the connection');
    await expect(pipe.connection.send('Browser.getVersion', {})).rejects.toThrow('the browser closed the connection');
  });

  it('fails only the commands of a session that can no longer answer', async () => {
    const pipe = fakePipe();
    const onPage = pipe.connection.send('Runtime.enable', {}, 'session-a');
    const onBrowser = pipe.connection.send('Browser.getVersion', {});
    pipe.connection.failSession('session-a', new Error('the page crashed'));
    await expect(onPage).rejects.toThrow('the page crashed');
    pipe.reply(frame({ id: 2, result: { product: 'Chrome/1' } }));
    await expect(onBrowser).resolves.toEqual({ product: 'Chrome/1' });
  });
});

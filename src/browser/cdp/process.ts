/**
 * The browser as an operating-system process: started with a private throwaway profile and the DevTools pipe on fds
 * 3 and 4, in its own process group so that it and all its helpers can be killed at once, and killed (profile
 * removed) if Lectern is interrupted or exits while it runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readlinkSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { memoryScratchFolder } from '../../files/scratch.js';
import { onInterrupt } from '../on-interrupt.js';

const STDERR_TAIL = 4096;
/** A process group is not a thing on Windows; there the browser's helpers end with it. */
const GROUPS = process.platform !== 'win32';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the executable could not be started at all. */
  error?: Error;
}

export class BrowserProcess {
  /** Commands to the browser. */
  readonly toBrowser: Writable;
  /** Replies and events from the browser. */
  readonly fromBrowser: Readable;
  /** Resolves once the process has exited (or failed to start). */
  readonly exited: Promise<Exit>;
  private exit: Exit | undefined;
  private stderr = '';
  private profileRemoved = false;
  private readonly forgetInterrupt: () => void;

  private constructor(
    private readonly child: ChildProcess,
    /** The throwaway profile folder, removed once the browser has gone. */
    readonly profile: string,
  ) {
    const [, , stderr, toBrowser, fromBrowser] = child.stdio;
    this.toBrowser = toBrowser as Writable;
    this.fromBrowser = fromBrowser as Readable;
    (stderr as Readable).on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve((this.exit = { code, signal })));
      child.once('error', (error) => resolve((this.exit = { code: null, signal: null, error })));
    });
    this.forgetInterrupt = onInterrupt(() => this.killNow());
  }

  /** Starts `executable` with `args`, a fresh profile and the DevTools pipe. */
  static async start(executable: string, args: readonly string[]): Promise<BrowserProcess> {
    const profile = await memoryScratchFolder('lectern-chromium-');
    let child: ChildProcess;
    try {
      child = spawn(executable, [...args, `--user-data-dir=${profile}`, '--remote-debugging-pipe'], {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
        detached: GROUPS,
      });
    } catch (error) {
      await rm(profile, { recursive: true, force: true });
      throw error;
    }
    return new BrowserProcess(child, profile);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exit !== undefined;
  }

  /** Why the process ended, for messages: its exit code or signal, and the last line it wrote to stderr. */
  describeExit(): string {
    const exit = this.exit;
    if (!exit) return 'it is still running';
    if (exit.error) return exit.error.message;
    const how = exit.signal ? `it was killed by ${exit.signal}` : `it exited with code ${exit.code}`;
    const last = this.stderr
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .pop();
    return last ? `${how}: ${last}` : how;
  }

  /** True where `kill` ends the helper processes too (they share the browser's process group). */
  get killsHelpers(): boolean {
    return GROUPS;
  }

  /** Kills the browser and every helper process it started, at once (synchronous, so it works on the way out). */
  kill(): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      if (GROUPS) process.kill(-pid, 'SIGKILL');
      else if (!this.exit) this.child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }

  /** Removes the profile folder; call once the process has exited. */
  async removeProfile(): Promise<void> {
    if (this.profileRemoved) return;
    this.profileRemoved = true;
    removeSingletonFolder(this.profile);
    await rm(this.profile, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
    this.forgetInterrupt();
  }

  /** Kills and cleans up synchronously, for interrupts and process exit, where nothing asynchronous runs. */
  private killNow(): void {
    this.kill();
    this.profileRemoved = true;
    try {
      removeSingletonFolder(this.profile);
      rmSync(this.profile, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Best effort on the way out.
    }
  }
}

/** What Chromium keeps in its single-instance folder. */
const SINGLETON_FILES = new Set(['SingletonSocket', 'SingletonCookie']);
/** The folder's name: the browser's bundle id and six random characters (`org.chromium.Chromium.2zPz3d`). */
const SINGLETON_FOLDER = /^[\w-]+(?:\.[\w-]+)+\.[A-Za-z0-9]{6}$/;

/**
 * Chromium keeps its single-instance socket in a folder of its own in the temporary folder (`org.chromium.Chromium.*`),
 * linked from the profile, and removes it only when it quits in order: a browser that was killed leaves it behind.
 * Found through the profile's link, it is removed when it is named as Chromium names it and holds nothing but that
 * socket and its cookie.
 */
export function removeSingletonFolder(profile: string): void {
  try {
    const target = readlinkSync(join(profile, 'SingletonSocket'));
    if (!isAbsolute(target) || basename(target) !== 'SingletonSocket') return;
    const folder = dirname(target);
    if (!SINGLETON_FOLDER.test(basename(folder))) return;
    if (readdirSync(folder).every((name) => SINGLETON_FILES.has(name))) rmSync(folder, { recursive: true, force: true });
  } catch {
    // No link (the browser never got that far), or the folder is gone already.
  }
}

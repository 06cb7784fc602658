import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Set to the URL of a running moto_server to use it instead of starting one. */
export const MOTO_ENDPOINT_ENV = 'STEPSCORE_MOTO_ENDPOINT';

const LOOPBACK_HOST = '127.0.0.1';
const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
const DEFAULT_START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 3_000;
const OUTPUT_TAIL_LINES = 40;
const BIND_ATTEMPTS = 3;

export interface MotoServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  /** The process id (also its process group id); absent when an external endpoint is used. */
  readonly pid?: number;
  /** What the server writes (stdout and stderr, its last lines kept); nothing for an external endpoint. */
  readonly output: ServerOutput;
  /** Stops the server and every process it started; resolves once they are gone. A no-op for an external endpoint. */
  stop(): Promise<void>;
}

export interface ServerOutput {
  /** A position in the output: the number of lines written so far. */
  mark(): number;
  /** The kept lines written after `mark` (all kept lines for 0). */
  since(mark: number): string;
}

const NO_OUTPUT: ServerOutput = { mark: () => 0, since: () => '' };

export interface StartMotoServerOptions {
  /** The executable; `moto_server` looked up on PATH unless given. */
  readonly command?: string;
  /** Environment for the lookup and the server; `process.env` unless given. */
  readonly env?: NodeJS.ProcessEnv;
  readonly startTimeoutMs?: number;
}

export class MotoServerNotFoundError extends Error {
  constructor(command: string) {
    super(
      `${command} was not found${command.includes('/') ? '' : ' on PATH'}. The moto backend needs it: ` +
        `install it with \`pip install 'moto[server]'\`, or set ${MOTO_ENDPOINT_ENV} to the URL of a running moto_server on 127.0.0.1. ` +
        `The default backend (--backend mock) does not need it.`,
    );
    this.name = 'MotoServerNotFoundError';
  }
}

export class MotoServerStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MotoServerStartError';
  }
}

/**
 * A moto_server on 127.0.0.1: the one named by STEPSCORE_MOTO_ENDPOINT when set (nothing is started),
 * otherwise a new one on a free port, stopped by `stop()` or, failing that, when this process exits or is
 * interrupted.
 */
export async function startMotoServer(options: StartMotoServerOptions = {}): Promise<MotoServer> {
  const env = options.env ?? process.env;
  const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const external = env[MOTO_ENDPOINT_ENV];
  if (external) return useExternalServer(external, Math.min(timeoutMs, 5_000));

  const command = options.command ?? 'moto_server';
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
    try {
      return await launch(command, env, await freeLoopbackPort(), timeoutMs);
    } catch (error) {
      // Another process can take the port between probing it and moto binding it; only that is retried.
      if (!(error instanceof PortTakenError)) throw error;
      lastError = error;
    }
  }
  throw new MotoServerStartError(`moto_server could not bind a free port on ${LOOPBACK_HOST}: ${lastError?.message}`);
}

async function useExternalServer(endpoint: string, timeoutMs: number): Promise<MotoServer> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new MotoServerStartError(`${MOTO_ENDPOINT_ENV}=${endpoint} is not a URL; expected e.g. http://127.0.0.1:5000`);
  }
  // The harness never talks to anything but this machine's loopback interface.
  if (!LOOPBACK_HOSTNAMES.has(url.hostname)) {
    throw new MotoServerStartError(`${MOTO_ENDPOINT_ENV}=${endpoint} is not on 127.0.0.1; the moto backend only talks to a local moto_server`);
  }
  const base = `${url.protocol}//${url.host}`;
  if (!(await waitUntilAnswering(base, timeoutMs, () => false))) {
    throw new MotoServerStartError(
      `${MOTO_ENDPOINT_ENV}=${endpoint} did not answer GET /moto-api/data.json within ${timeoutMs} ms; is moto_server running there?`,
    );
  }
  return { endpoint: base, output: NO_OUTPUT, stop: async () => {} };
}

class PortTakenError extends Error {}

async function launch(command: string, env: NodeJS.ProcessEnv, port: number, timeoutMs: number): Promise<MotoServer> {
  const childEnv = { ...env };
  // moto would put every request in this one account; the moto backend gives each run its own instead.
  delete childEnv['MOTO_ACCOUNT_ID'];
  delete childEnv[MOTO_ENDPOINT_ENV];
  // Its own process group, so stop() reaches whatever the launcher (a pyenv shim, say) started.
  const child = spawn(command, ['-H', LOOPBACK_HOST, '-p', String(port)], { env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = new OutputTail(OUTPUT_TAIL_LINES);
  // Werkzeug logs every request; the pipes must be drained or the server blocks once they fill.
  child.stdout?.on('data', (chunk: Buffer) => output.add(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.add(chunk));

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; spawnError?: NodeJS.ErrnoException }>((resolve) => {
    child.once('error', (spawnError: NodeJS.ErrnoException) => resolve({ code: null, signal: null, spawnError }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  if (child.pid === undefined) {
    const { spawnError } = await exited;
    if (spawnError?.code === 'ENOENT') throw new MotoServerNotFoundError(command);
    throw new MotoServerStartError(`${command} could not be started: ${spawnError?.message ?? 'unknown error'}`);
  }
  const pid = child.pid;
  liveProcessGroups.add(pid);
  installExitHandlers();
  // The run may end without calling stop(); the exit handler then kills the group.
  child.unref();
  (child.stdout as { unref?: () => void } | null)?.unref?.();
  (child.stderr as { unref?: () => void } | null)?.unref?.();

  const endpoint = `http://${LOOPBACK_HOST}:${port}`;
  const stop = onceOnly(() => stopProcessGroup(pid, child, exited));
  const ready = await waitUntilAnswering(endpoint, timeoutMs, () => hasExited);
  if (ready) return { endpoint, pid, output, stop };

  await stop();
  const { code, signal } = await exited;
  const tail = output.since(0);
  if (hasExited && /address already in use/i.test(tail)) throw new PortTakenError(`port ${port} is in use`);
  const how = code !== null || signal !== null ? `exited (${signal ?? `code ${code}`})` : `did not answer within ${timeoutMs} ms`;
  throw new MotoServerStartError(`moto_server on ${endpoint} ${how}. Last output:\n${tail || '(none)'}`);
}

/** A port nothing listens on right now: bind port 0 on loopback, read the port, close. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, LOOPBACK_HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => (port ? resolve(port) : reject(new Error('could not read the probed port'))));
    });
  });
}

async function waitUntilAnswering(endpoint: string, timeoutMs: number, gaveUp: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gaveUp()) {
    try {
      const response = await fetch(`${endpoint}/moto-api/data.json`, { signal: AbortSignal.timeout(1_000) });
      await response.arrayBuffer();
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await delay(100);
  }
  return false;
}

async function stopProcessGroup(pid: number, child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_GRACE_MS;
  while (groupAlive(pid) && Date.now() < deadline) await delay(50);
  if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  const killDeadline = Date.now() + STOP_GRACE_MS;
  while (groupAlive(pid) && Date.now() < killDeadline) await delay(20);
  // Reap the child so it does not linger as a zombie of this process.
  if (child.exitCode === null && child.signalCode === null) await exited;
  child.stdout?.destroy();
  child.stderr?.destroy();
  liveProcessGroups.delete(pid);
  if (liveProcessGroups.size === 0) removeExitHandlers();
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Process groups started here and not yet stopped; killed when this process exits or is interrupted.
const liveProcessGroups = new Set<number>();
let handlersInstalled = false;

function killLiveGroups(): void {
  for (const pid of liveProcessGroups) signalGroup(pid, 'SIGKILL');
  liveProcessGroups.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killLiveGroups();
  removeExitHandlers();
  // Handling the signal cancelled Node's default (terminate); restore it unless someone else handles it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killLiveGroups);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function removeExitHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  process.off('exit', killLiveGroups);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}

class OutputTail implements ServerOutput {
  private lines: string[] = [];
  /** How many lines were dropped from the front of `lines`. */
  private dropped = 0;
  private partial = '';
  constructor(private readonly keep: number) {}

  add(chunk: Buffer): void {
    const parts = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    const excess = this.lines.length - this.keep;
    if (excess > 0) {
      this.lines = this.lines.slice(excess);
      this.dropped += excess;
    }
  }

  mark(): number {
    return this.dropped + this.lines.length;
  }

  since(mark: number): string {
    return [...this.lines.slice(Math.max(0, mark - this.dropped)), this.partial].filter((l) => l.trim() !== '').join('\n');
  }
}

function onceOnly(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= run());
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

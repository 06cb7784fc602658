// Refuses every outgoing connection except to the loopback address, and records every attempt.
// Free of vitest, so that a builder worker thread can install it too (each thread has its own net module).
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

export interface ConnectionAttempt {
  /** What was called: `net.Socket.connect`, `https.request`, `fetch`, `dns.lookup`, ... */
  readonly api: string;
  /** The host name or address it was aimed at; `(ipc) <path>` for a local socket path. */
  readonly host: string;
  readonly port?: string;
  readonly allowed: boolean;
}

export class NetworkRefusedError extends Error {
  constructor(readonly attempt: ConnectionAttempt) {
    super(
      `Network access refused by the stepscore network guard: ${attempt.api} to ${attempt.host}${attempt.port ? `:${attempt.port}` : ''} (only 127.0.0.1, ::1 and localhost are allowed)`,
    );
    this.name = 'NetworkRefusedError';
  }
}

/** Exactly the loopback names the harness may use; other 127/8 addresses are not needed and not allowed. */
export function isLoopback(host: string): boolean {
  const bare = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || bare === '127.0.0.1' || bare === '::1' || bare === '::ffff:127.0.0.1';
}

type Target = { host: string; port?: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const portText = (port: unknown): string | undefined => (port === undefined || port === null || port === '' ? undefined : String(port));

/** `connect(options)`, `connect(port, host?)` or `connect(path)`; net passes its own calls on as one normalised array. */
function socketTarget(args: readonly unknown[]): Target {
  const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  if (isRecord(first)) {
    if (typeof first['path'] === 'string') return { host: `(ipc) ${first['path']}` };
    const port = portText(first['port']);
    return { host: String(first['host'] ?? 'localhost'), ...(port ? { port } : {}) };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { host: `(ipc) ${first}` };
  const port = portText(first);
  return { host: typeof second === 'string' ? second : 'localhost', ...(port ? { port } : {}) };
}

/** `request(url)`, `request(options)` or `request(url, options)`. */
function requestTarget(args: readonly unknown[], defaultPort: string): Target {
  const [first, second] = args;
  const fromUrl = (url: URL): Target => ({ host: url.hostname, port: url.port || defaultPort });
  if (typeof first === 'string') return fromUrl(new URL(first));
  if (first instanceof URL) return fromUrl(first);
  const options = isRecord(first) ? first : isRecord(second) ? second : {};
  if (typeof options['socketPath'] === 'string') return { host: `(ipc) ${options['socketPath']}` };
  const host = String(options['hostname'] ?? options['host'] ?? 'localhost').replace(/:\d+$/, '');
  return { host, port: portText(options['port']) ?? defaultPort };
}

function fetchTarget(input: unknown): Target {
  const url = input instanceof URL ? input : new URL(isRecord(input) && typeof input['url'] === 'string' ? input['url'] : String(input));
  return { host: url.hostname, port: url.port || (url.protocol === 'https:' ? '443' : '80') };
}

export interface NetworkGuard {
  /** Every attempt, allowed or refused, in order. */
  readonly attempts: readonly ConnectionAttempt[];
  /** The attempts that were not to loopback. */
  refused(): ConnectionAttempt[];
  uninstall(): void;
}

let installed: NetworkGuard | undefined;

/**
 * Patches net, tls, http, https, fetch and dns.lookup in this thread (ESM named imports included). A refused
 * call throws, rejects, or (for a socket) is destroyed with a NetworkRefusedError, as a refused connection would be.
 */
export function installNetworkGuard(onAttempt?: (attempt: ConnectionAttempt) => void): NetworkGuard {
  if (installed) throw new Error('The network guard is already installed in this thread');
  const attempts: ConnectionAttempt[] = [];
  const restores: (() => void)[] = [];

  const judge = (api: string, target: Target): ConnectionAttempt => {
    const attempt: ConnectionAttempt = { api, ...target, allowed: target.host.startsWith('(ipc) ') || isLoopback(target.host) };
    attempts.push(attempt);
    onAttempt?.(attempt);
    return attempt;
  };
  function patch<T extends object, K extends keyof T>(owner: T, key: K, wrap: (original: T[K]) => T[K]): void {
    const original = owner[key];
    owner[key] = wrap(original);
    restores.push(() => {
      owner[key] = original;
    });
  }
  type AnyFunction = (...args: unknown[]) => unknown;

  patch(
    net.Socket.prototype,
    'connect',
    (original) =>
      function (this: net.Socket, ...args: unknown[]) {
        const attempt = judge('net.Socket.connect', socketTarget(args));
        if (attempt.allowed) return (original as AnyFunction).apply(this, args);
        process.nextTick(() => this.destroy(new NetworkRefusedError(attempt)));
        return this;
      } as net.Socket['connect'],
  );
  const refuseOrCall = (api: string, target: (args: unknown[]) => Target, original: AnyFunction): AnyFunction =>
    function (this: unknown, ...args: unknown[]) {
      const attempt = judge(api, target(args));
      if (!attempt.allowed) throw new NetworkRefusedError(attempt);
      return original.apply(this, args);
    };
  for (const key of ['connect', 'createConnection'] as const) {
    patch(net, key, (original) => refuseOrCall(`net.${key}`, socketTarget, original as AnyFunction) as never);
  }
  patch(tls, 'connect', (original) => refuseOrCall('tls.connect', socketTarget, original as AnyFunction) as never);
  for (const [name, module, port] of [
    ['http', http, '80'],
    ['https', https, '443'],
  ] as const) {
    for (const key of ['request', 'get'] as const) {
      patch(module, key, (original) => refuseOrCall(`${name}.${key}`, (args) => requestTarget(args, port), original as AnyFunction) as never);
    }
  }
  patch(
    globalThis,
    'fetch',
    (original) =>
      ((input: unknown, init?: unknown) => {
        const attempt = judge('fetch', fetchTarget(input));
        if (!attempt.allowed) return Promise.reject(new NetworkRefusedError(attempt));
        return (original as AnyFunction)(input, init);
      }) as typeof fetch,
  );
  patch(
    dns,
    'lookup',
    (original) =>
      ((hostname: unknown, ...rest: unknown[]) => {
        const attempt = judge('dns.lookup', { host: String(hostname) });
        if (attempt.allowed) return (original as AnyFunction)(hostname, ...rest);
        const callback = rest[rest.length - 1];
        if (typeof callback === 'function') process.nextTick(() => (callback as AnyFunction)(new NetworkRefusedError(attempt)));
        return undefined;
      }) as typeof dns.lookup,
  );
  patch(
    dns.promises,
    'lookup',
    (original) =>
      ((hostname: unknown, ...rest: unknown[]) => {
        const attempt = judge('dns.promises.lookup', { host: String(hostname) });
        if (!attempt.allowed) return Promise.reject(new NetworkRefusedError(attempt));
        return (original as AnyFunction)(hostname, ...rest);
      }) as typeof dns.promises.lookup,
  );
  syncBuiltinESMExports();

  const guard: NetworkGuard = {
    attempts,
    refused: () => attempts.filter((a) => !a.allowed),
    uninstall() {
      for (const restore of restores.reverse()) restore();
      syncBuiltinESMExports();
      installed = undefined;
    },
  };
  installed = guard;
  return guard;
}

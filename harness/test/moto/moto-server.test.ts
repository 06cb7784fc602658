import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MOTO_ENDPOINT_ENV, type MotoServer, MotoServerNotFoundError, MotoServerStartError, startMotoServer } from '../../src/backends/moto-server.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/start-then-end.ts', import.meta.url));

function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of names) delete env[name];
  return env;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

async function waitUntilGone(pid: number, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return !groupAlive(pid);
}

function acceptsConnections(endpoint: string): Promise<boolean> {
  const { hostname, port } = new URL(endpoint);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

// Process groups this file's tests started; killed by id if a test fails before it could stop them.
const startedGroups = new Set<number>();
afterEach(() => {
  for (const pid of startedGroups) if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  startedGroups.clear();
});

describe('startMotoServer', () => {
  let server: MotoServer;
  beforeAll(async () => {
    server = await startMotoServer({ env: envWithout(MOTO_ENDPOINT_ENV) });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('starts moto_server on 127.0.0.1 on a free port and waits until it answers', async () => {
    expect(server.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.pid).toBeGreaterThan(0);
    const response = await fetch(`${server.endpoint}/moto-api/data.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toBeTypeOf('object');
  });

  it('stop() leaves no process behind and frees the port', async () => {
    const own = await startMotoServer({ env: envWithout(MOTO_ENDPOINT_ENV) });
    const pid = own.pid as number;
    startedGroups.add(pid);
    expect(await acceptsConnections(own.endpoint)).toBe(true);
    await own.stop();
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    expect(groupAlive(pid)).toBe(false);
    expect(await acceptsConnections(own.endpoint)).toBe(false);
    await own.stop(); // a second stop is harmless
  });

  it('uses STEPSCORE_MOTO_ENDPOINT instead of starting a server, and its stop() leaves that server running', async () => {
    const external = await startMotoServer({ env: { ...process.env, [MOTO_ENDPOINT_ENV]: `${server.endpoint}/` } });
    expect(external.endpoint).toBe(server.endpoint);
    expect(external.pid).toBeUndefined();
    await external.stop();
    expect(await acceptsConnections(server.endpoint)).toBe(true);
  });

  it('refuses a STEPSCORE_MOTO_ENDPOINT that is not on this machine, without connecting to it', async () => {
    await expect(startMotoServer({ env: { ...process.env, [MOTO_ENDPOINT_ENV]: 'https://sagemaker.us-east-1.amazonaws.com' } })).rejects.toThrow(
      new MotoServerStartError(
        `${MOTO_ENDPOINT_ENV}=https://sagemaker.us-east-1.amazonaws.com is not on 127.0.0.1; the moto backend only talks to a local moto_server`,
      ),
    );
  });

  it('says clearly when STEPSCORE_MOTO_ENDPOINT points at nothing', async () => {
    const probe = await startMotoServer({ env: envWithout(MOTO_ENDPOINT_ENV) });
    const deadEndpoint = probe.endpoint;
    await probe.stop();
    await expect(startMotoServer({ env: { ...process.env, [MOTO_ENDPOINT_ENV]: deadEndpoint }, startTimeoutMs: 500 })).rejects.toThrow(
      /did not answer GET \/moto-api\/data\.json within 500 ms; is moto_server running there\?/,
    );
  });

  it('fails with MotoServerNotFoundError, saying how to get it, when moto_server is not on PATH', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'stepscore-no-moto-'));
    try {
      const attempt = startMotoServer({ env: { ...envWithout(MOTO_ENDPOINT_ENV), PATH: emptyDir } });
      await expect(attempt).rejects.toBeInstanceOf(MotoServerNotFoundError);
      await expect(attempt).rejects.toThrow(
        "moto_server was not found on PATH. The moto backend needs it: install it with `pip install 'moto[server]'`, " +
          `or set ${MOTO_ENDPOINT_ENV} to the URL of a running moto_server on 127.0.0.1. The default backend (--backend mock) does not need it.`,
      );
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });

  it('reports the server output when moto_server exits before answering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepscore-broken-moto-'));
    const broken = join(dir, 'moto_server');
    writeFileSync(broken, '#!/bin/sh\necho "ModuleNotFoundError: No module named \'flask\'" >&2\nexit 1\n', { mode: 0o755 });
    try {
      const attempt = startMotoServer({ env: envWithout(MOTO_ENDPOINT_ENV), command: broken });
      await expect(attempt).rejects.toBeInstanceOf(MotoServerStartError);
      await expect(attempt).rejects.toThrow(
        /^moto_server on http:\/\/127\.0\.0\.1:\d+ exited \(code 1\)\. Last output:\nModuleNotFoundError: No module named 'flask'$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The four runs are independent (each its own process and server, on a port of its own) and spend their time waiting
// for them: they run at once. Each kills its own server's group if it fails before checking that it is gone.
describe.concurrent('no moto_server is left behind when the run ends without stop()', () => {
  function runFixture(
    mode: 'exit' | 'throw' | 'wait',
    onTestFinished: (cleanup: () => void) => void,
  ): Promise<{ pid: number; endpoint: string; child: ReturnType<typeof spawn>; ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, mode], { env: envWithout(MOTO_ENDPOINT_ENV), stdio: ['ignore', 'pipe', 'pipe'] });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((resolve, reject) => {
      let stdout = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const ready = /READY (\d+) (\S+)/.exec(stdout);
        if (ready) {
          const pid = Number(ready[1]);
          onTestFinished(() => {
            if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
          });
          resolve({ pid, endpoint: ready[2] as string, child, ended });
        }
      });
      void ended.then(() => reject(new Error(`fixture ended before the server was ready: ${stderr}`)));
    });
  }

  it.for(['exit', 'throw'] as const)('when the run ends by %s', async (mode, { expect, onTestFinished }) => {
    const { pid, endpoint, ended } = await runFixture(mode, onTestFinished);
    const { code } = await ended;
    expect(code).not.toBe(0);
    expect(await waitUntilGone(pid)).toBe(true);
    expect(await acceptsConnections(endpoint)).toBe(false);
  });

  it.for(['SIGINT', 'SIGTERM'] as const)(
    'when the run is interrupted by %s (and the run still ends by that signal)',
    async (signal, { expect, onTestFinished }) => {
      const { pid, endpoint, child, ended } = await runFixture('wait', onTestFinished);
      expect(await acceptsConnections(endpoint)).toBe(true);
      child.kill(signal);
      expect(await ended).toEqual({ code: null, signal });
      expect(await waitUntilGone(pid)).toBe(true);
      expect(await acceptsConnections(endpoint)).toBe(false);
    },
  );
});

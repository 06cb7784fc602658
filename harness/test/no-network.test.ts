// A full scoring run of every registered builder through every check opens no connection except to loopback,
// in process and in builder worker threads; and the guard that proves it refuses a real SageMaker call.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import tls from 'node:tls';
import dns from 'node:dns';
import { BroadcastChannel } from 'node:worker_threads';
import { ListPipelinesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builderRegistry } from './support/repository-project.js';
import type { BuilderResult } from '../src/check/check-result.js';
import { ALL_CHECKS } from '../src/checks/index.js';
import { profileCheckIds } from '../src/profiles/index.js';
import { createMockBackend } from '../src/backends/mock-backend.js';
import { MOCK_CREDENTIALS } from '../src/mocks/mocked-s3.js';
import { runCatalogue } from '../src/runner/run-catalogue.js';
import { type GuardMessage, leakyBuilderRegistry, NETWORK_ATTEMPTS_CHANNEL, NETWORK_GUARDED_REGISTRY_MODULE } from './fixtures/network-guarded-registry.js';
import { type ConnectionAttempt, installNetworkGuard, isLoopback, type NetworkGuard, NetworkRefusedError } from './support/network-guard.js';

const SAGEMAKER_HOST = 'api.sagemaker.us-east-1.amazonaws.com';
const describeAttempts = (attempts: readonly ConnectionAttempt[]): string[] => attempts.map((a) => `${a.api} ${a.host}${a.port ? `:${a.port}` : ''}`);

function expectEveryBuilderScored(results: readonly BuilderResult[]): void {
  expect(results.map((r) => r.builder)).toEqual(builderRegistry.names());
  for (const result of results) {
    expect(result.checks.map((c) => c.id)).toEqual(profileCheckIds(result.stepType));
    const refusedByGuard = result.checks.filter((c) => (c.message ?? '').includes('network guard'));
    expect(refusedByGuard.map((c) => c.id)).toEqual([]);
  }
}

/** Attempts the builder workers post; the guard in each worker says so as soon as it is installed. */
function listenToWorkers() {
  const channel = new BroadcastChannel(NETWORK_ATTEMPTS_CHANNEL);
  const installedIn = new Set<number>();
  const attempts: ConnectionAttempt[] = [];
  channel.onmessage = (event) => {
    const message = (event as unknown as { data: GuardMessage }).data;
    if (message.type === 'installed') installedIn.add(message.threadId);
    else attempts.push(message.attempt);
  };
  return {
    installedIn,
    attempts,
    /** Lets messages posted just before the workers stopped arrive. */
    settle: () => new Promise((resolve) => setTimeout(resolve, 100)),
    close: () => channel.close(),
  };
}

describe('no network', () => {
  let guard: NetworkGuard;
  beforeEach(() => {
    guard = installNetworkGuard();
  });
  afterEach(() => guard.uninstall());

  describe('the guard', () => {
    it('refuses a real SageMakerClient call that is not mocked, naming the endpoint', async () => {
      const client = new SageMakerClient({ region: 'us-east-1', credentials: MOCK_CREDENTIALS, maxAttempts: 1 });
      try {
        await expect(client.send(new ListPipelinesCommand({}))).rejects.toThrow(
          /network guard: https\.request to api\.sagemaker\.us-east-1\.amazonaws\.com:443/,
        );
      } finally {
        client.destroy();
      }
      expect(guard.refused().map((a) => a.host)).toEqual([SAGEMAKER_HOST]);
    });

    it('refuses fetch, dns.lookup, net, tls and raw sockets to anything but loopback', async () => {
      await expect(fetch('https://example.com/')).rejects.toBeInstanceOf(NetworkRefusedError);
      await expect(dns.promises.lookup('example.com')).rejects.toBeInstanceOf(NetworkRefusedError);
      const lookupError = await new Promise<Error | null>((resolve) => dns.lookup('example.com', (error) => resolve(error)));
      expect(lookupError).toBeInstanceOf(NetworkRefusedError);
      expect(() => net.connect(443, '10.0.0.1')).toThrow(NetworkRefusedError);
      expect(() => tls.connect({ host: 's3.amazonaws.com', port: 443 })).toThrow(NetworkRefusedError);
      const socket = new net.Socket();
      socket.connect({ host: '93.184.216.34', port: 80 });
      const [socketError] = (await once(socket, 'error')) as [Error];
      expect(socketError).toBeInstanceOf(NetworkRefusedError);
      expect(describeAttempts(guard.refused())).toEqual([
        'fetch example.com:443',
        'dns.promises.lookup example.com',
        'dns.lookup example.com',
        'net.connect 10.0.0.1:443',
        'tls.connect s3.amazonaws.com:443',
        'net.Socket.connect 93.184.216.34:80',
      ]);
    });

    it('lets a request to 127.0.0.1 through, and records it', async () => {
      const server = http.createServer((_request, response) => response.end('loopback'));
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      try {
        const { port } = server.address() as AddressInfo;
        const response = await fetch(`http://127.0.0.1:${port}/`);
        expect(await response.text()).toBe('loopback');
        expect(guard.attempts.filter((a) => a.api === 'fetch')).toEqual([{ api: 'fetch', host: '127.0.0.1', port: String(port), allowed: true }]);
        expect(guard.refused()).toEqual([]);
      } finally {
        server.close();
      }
    });

    it('counts only 127.0.0.1, ::1 and localhost as loopback', () => {
      expect(['127.0.0.1', '::1', '[::1]', 'localhost', 'LOCALHOST'].every(isLoopback)).toBe(true);
      expect(['10.0.0.1', '127.0.0.2', '0.0.0.0', 'localhost.example.com', SAGEMAKER_HOST].some(isLoopback)).toBe(false);
    });
  });

  it('a full in-process run of every registered builder through every check connects nowhere but loopback', async () => {
    const results = await runCatalogue(builderRegistry.all(), builderRegistry, {
      isolation: 'in-process',
      checks: ALL_CHECKS,
      backendName: 'mock',
      backendFactory: createMockBackend,
    });
    expectEveryBuilderScored(results);
    expect(describeAttempts(guard.refused())).toEqual([]);
  });

  describe('in builder worker threads', () => {
    let workers: ReturnType<typeof listenToWorkers>;
    beforeAll(() => {
      workers = listenToWorkers();
    });
    afterAll(() => workers.close());

    it('a full worker-pool run of every registered builder through every check connects nowhere but loopback', async () => {
      const before = { attempts: workers.attempts.length, installedIn: workers.installedIn.size };
      const results = await runCatalogue(builderRegistry.all(), builderRegistry, {
        checks: ALL_CHECKS,
        registryModule: NETWORK_GUARDED_REGISTRY_MODULE,
        registryExport: 'builderRegistry',
        concurrency: 2,
      });
      await workers.settle();
      expectEveryBuilderScored(results);
      // The guard ran in the workers (the main thread's guard cannot see them): otherwise silence would prove nothing.
      expect(workers.installedIn.size).toBeGreaterThan(before.installedIn);
      expect(describeAttempts(workers.attempts.slice(before.attempts).filter((a) => !a.allowed))).toEqual([]);
      expect(describeAttempts(guard.refused())).toEqual([]);
    }, 60_000);

    it('a builder that calls SageMaker from a worker is refused there, and the attempt reaches the main thread', async () => {
      const before = workers.attempts.length;
      const results = await runCatalogue([leakyBuilderRegistry.get('PyTorchTraining')], leakyBuilderRegistry, {
        checks: ALL_CHECKS.filter((c) => c.id === 'level3.step_created'),
        registryModule: NETWORK_GUARDED_REGISTRY_MODULE,
        registryExport: 'leakyBuilderRegistry',
        concurrency: 1,
      });
      await workers.settle();
      const [stepInstantiation] = results[0]?.checks ?? [];
      expect(stepInstantiation?.status).toBe('fail');
      expect(stepInstantiation?.message).toContain(`network guard: https.request to ${SAGEMAKER_HOST}:443`);
      expect(describeAttempts(workers.attempts.slice(before).filter((a) => !a.allowed))).toEqual([`https.request ${SAGEMAKER_HOST}:443`]);
    }, 60_000);
  });
});

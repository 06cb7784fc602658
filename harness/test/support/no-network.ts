// Records every outgoing HTTP(S) request and socket so a test can assert that nothing left the process.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { afterEach, beforeEach, expect, vi } from 'vitest';

export function expectNoNetwork(): void {
  let spies: { mock: { calls: unknown[][] } }[] = [];
  beforeEach(() => {
    spies = [vi.spyOn(http, 'request'), vi.spyOn(https, 'request'), vi.spyOn(net, 'connect'), vi.spyOn(globalThis, 'fetch')];
  });
  afterEach(() => {
    const calls = spies.reduce((n, spy) => n + spy.mock.calls.length, 0);
    vi.restoreAllMocks();
    expect(calls, 'network calls made during the test').toBe(0);
  });
}

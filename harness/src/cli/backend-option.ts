import { MotoServerNotFoundError, MotoServerStartError } from '../backends/moto-server.js';
import { type BackendDescriptor, MOCK_BACKEND } from '../runner/isolated/backend-descriptor.js';
import { CliError, EXIT_USAGE } from './cli-io.js';

export const BACKENDS = ['mock', 'moto'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** A backend ready for a run, as the workers get it; `close` stops what was started for it (the moto_server). */
export interface OpenBackend {
  readonly name: BackendName;
  readonly descriptor: BackendDescriptor;
  close(): Promise<void>;
}

export function parseBackend(text: string): BackendName {
  if (!(BACKENDS as readonly string[]).includes(text)) throw new CliError(`--backend ${text} is not a backend: use ${BACKENDS.join(' or ')}`, EXIT_USAGE);
  return text as BackendName;
}

export async function openBackend(name: BackendName): Promise<OpenBackend> {
  if (name === 'mock') return { name, descriptor: MOCK_BACKEND, close: async () => undefined };
  // The moto backend brings the AWS SDK clients with it: loaded only when asked for.
  const { startMotoBackend } = await import('../backends/moto-backend.js');
  try {
    const moto = await startMotoBackend();
    return { name, descriptor: { kind: 'moto', endpoint: moto.server.endpoint }, close: () => moto.stop() };
  } catch (error) {
    if (error instanceof MotoServerNotFoundError || error instanceof MotoServerStartError) throw new CliError(error.message, EXIT_USAGE);
    throw error;
  }
}

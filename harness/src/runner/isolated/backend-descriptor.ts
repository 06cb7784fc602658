import type { IntegrationBackendFactory } from '../../backends/integration-backend.js';

/**
 * The Integration backend as plain data, so a worker can make its own: the in-process mock, or the SageMaker
 * client pointed at a moto_server the main thread started (`RunningMotoBackend.server.endpoint`).
 */
export type BackendDescriptor = { readonly kind: 'mock' } | { readonly kind: 'moto'; readonly endpoint: string };

export const MOCK_BACKEND: BackendDescriptor = { kind: 'mock' };

export function backendName(descriptor: BackendDescriptor): string {
  return descriptor.kind;
}

export async function backendFactoryFor(descriptor: BackendDescriptor): Promise<IntegrationBackendFactory> {
  switch (descriptor.kind) {
    case 'mock':
      return (await import('../../backends/mock-backend.js')).createMockBackend;
    case 'moto':
      return (await import('../../backends/moto-backend.js')).createMotoBackendFactory(descriptor.endpoint);
  }
}

// A check result as bytes in shared memory, by V8's structured-clone serialiser: what postMessage would have
// delivered. Evidence that does not clone is described (`cloneable`), as a posted message's would be.
import { Deserializer, Serializer } from 'node:v8';
import type { CheckResult } from '../../check/check-result.js';
import { cloneable } from './cloneable.js';

function serialize(value: unknown): Uint8Array {
  // A serialiser per value: one reused would write later references to an object as links to its first copy.
  const serializer = new Serializer();
  serializer.writeHeader();
  serializer.writeValue(value);
  return serializer.releaseBuffer();
}

/** The result's bytes; undefined when even its cloneable copy holds what only postMessage can carry. */
export function serializeResult(result: CheckResult): Uint8Array | undefined {
  try {
    return serialize(result);
  } catch {
    try {
      return serialize(cloneable(result));
    } catch {
      return undefined;
    }
  }
}

export function deserializeResult(bytes: Uint8Array): CheckResult {
  const deserializer = new Deserializer(bytes);
  deserializer.readHeader();
  return deserializer.readValue() as CheckResult;
}

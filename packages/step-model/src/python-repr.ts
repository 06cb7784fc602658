// Python's repr() for the few value kinds that appear in the reference's messages,
// so that messages such as `{'checkpoints'}` and `["... {'checkpoints'}"]` match it exactly.

export function pythonStrRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** `{'a', 'b'}` — sorted, because Python's own set order is not stable across runs. */
export function pythonSetRepr(values: Iterable<string>): string {
  const sorted = [...new Set(values)].sort();
  if (sorted.length === 0) return 'set()';
  return `{${sorted.map(pythonStrRepr).join(', ')}}`;
}

export function pythonListRepr(values: readonly string[]): string {
  return `[${values.map(pythonStrRepr).join(', ')}]`;
}

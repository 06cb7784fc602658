// The service model's `pattern` strings are Java regular expressions that the service
// matches against the whole value. This turns them into anchored JavaScript RegExps with
// the `u` flag (so \p{L} works), after rewriting the Java-only spellings found in the
// SageMaker model; anything else JavaScript cannot compile comes back as a reason.

export type CompiledPattern = { readonly ok: true; readonly regex: RegExp } | { readonly ok: false; readonly reason: string };

// Java's POSIX classes match ASCII only unless UNICODE_CHARACTER_CLASS is set.
const JAVA_POSIX_CLASSES: Readonly<Record<string, string>> = {
  Alnum: 'a-zA-Z0-9',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Upper: 'A-Z',
  Lower: 'a-z',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

// Escapes that stay meaningful in a `u`-flag RegExp; Java also accepts a backslash before
// any other punctuation (`\_`, `\ `), which `u` rejects.
const U_FLAG_ESCAPABLE = new Set([...'^$\\.*+?()[]{}|/']);

const cache = new Map<string, CompiledPattern>();

export function compileServicePattern(pattern: string): CompiledPattern {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    compiled = compile(pattern);
    cache.set(pattern, compiled);
  }
  return compiled;
}

function compile(pattern: string): CompiledPattern {
  const asIs = tryRegExp(pattern);
  if (asIs.ok) return asIs;
  const rewritten = tryRegExp(rewriteJavaSpellings(pattern));
  return rewritten.ok ? rewritten : asIs;
}

function tryRegExp(source: string): CompiledPattern {
  try {
    return { ok: true, regex: new RegExp(`^(?:${source})$`, 'u') };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function rewriteJavaSpellings(pattern: string): string {
  let out = '';
  let classDepth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i);
    if (ch === '\\') {
      const next = pattern.charAt(i + 1);
      const posix = /^p\{(\w+)\}/.exec(pattern.slice(i + 1));
      const posixRange = posix === null ? undefined : JAVA_POSIX_CLASSES[posix[1] as string];
      if (posix !== null && posixRange !== undefined) {
        out += classDepth > 0 ? posixRange : `[${posixRange}]`;
        i += posix[0].length;
      } else if (/[A-Za-z0-9]/.test(next) || U_FLAG_ESCAPABLE.has(next) || (next === '-' && classDepth > 0)) {
        out += ch + next;
        i += 1;
      } else {
        out += next;
        i += 1;
      }
      continue;
    }
    if (ch === '[') classDepth += 1;
    else if (ch === ']' && classDepth > 0) classDepth -= 1;
    out += ch;
  }
  return out;
}

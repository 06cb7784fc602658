// The path syntax SageMaker pipelines use for step properties, and that violations use to
// point into a request: `A.B`, list index `A[0]`, map or named-list key `A['k']`/`A["k"]`.

export type PathSegment =
  | { readonly kind: 'member'; readonly name: string; readonly text: string }
  | { readonly kind: 'index'; readonly index: number; readonly text: string }
  | { readonly kind: 'key'; readonly key: string; readonly text: string };

export type ParsedPath =
  | { readonly ok: true; readonly segments: readonly PathSegment[] }
  | { readonly ok: false; readonly at: string; readonly reason: string };

const SEGMENT = /^(?:\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\])/;

export function parsePropertyPath(path: string): ParsedPath {
  const segments: PathSegment[] = [];
  let rest = path;
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    const leadingDotMissing = match?.[1] !== undefined && segments.length > 0 && !rest.startsWith('.');
    const strayLeadingDot = match?.[1] !== undefined && segments.length === 0 && rest.startsWith('.');
    if (match === null || leadingDotMissing || strayLeadingDot) {
      return { ok: false, at: rest, reason: `cannot read a member name, [index] or ['key'] at '${rest}'` };
    }
    const [text, name, index, singleQuoted, doubleQuoted] = match;
    if (name !== undefined) segments.push({ kind: 'member', name, text: name });
    else if (index !== undefined) segments.push({ kind: 'index', index: Number(index), text: `[${index}]` });
    else segments.push({ kind: 'key', key: unescapeQuoted(singleQuoted ?? doubleQuoted ?? ''), text: text });
    rest = rest.slice(text.length);
  }
  if (segments.length === 0) return { ok: false, at: path, reason: 'the path is empty' };
  return { ok: true, segments };
}

export function memberPath(parent: string, member: string): string {
  return parent === '' ? member : `${parent}.${member}`;
}

export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

export function keyPath(parent: string, key: string): string {
  // Most keys hold neither a backslash nor a quote: no replacing to do (a request's maps have many keys).
  const escaped = key.includes('\\') || key.includes("'") ? key.replace(/\\/g, '\\\\').replace(/'/g, "\\'") : key;
  return `${parent}['${escaped}']`;
}

function unescapeQuoted(quoted: string): string {
  return quoted.replace(/\\(.)/g, '$1');
}

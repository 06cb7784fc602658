// Python's notion of whitespace (str.isspace, `\s` in str patterns, str.split()) differs from
// JavaScript's `\s`: it includes U+001C–U+001F and U+0085, and excludes U+FEFF.
const PYTHON_WHITESPACE = String.raw`\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000`;

const WHITESPACE_RUN = new RegExp(`[${PYTHON_WHITESPACE}]+`, 'u');
const NOT_ALPHANUMERIC_OR_WHITESPACE = new RegExp(`[^a-z0-9${PYTHON_WHITESPACE}]`, 'gu');

/** `str.split()` with no separator: split on whitespace runs, no empty strings. */
export function pythonSplit(text: string): string[] {
  return text.split(WHITESPACE_RUN).filter((word) => word.length > 0);
}

/** `re.sub(r"[^a-z0-9\s]", "", text)` */
export function keepLowercaseAlphanumericAndWhitespace(text: string): string {
  return text.replace(NOT_ALPHANUMERIC_OR_WHITESPACE, '');
}

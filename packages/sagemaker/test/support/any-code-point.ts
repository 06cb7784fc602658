// Strings of any code points, for the packages' property tests.
import fc from 'fast-check';

function codePointOf(character: unknown): number {
  if (typeof character !== 'string') throw new Error('not a string');
  const codePoint = character.codePointAt(0);
  if (codePoint === undefined || character.length !== (codePoint > 0xffff ? 2 : 1)) throw new Error('not one code point');
  return codePoint;
}

/**
 * Any code point, lone surrogates included, as `fc.string({ unit: 'binary' })` draws them. fast-check recognises a
 * 'binary' character by a table of all 1,114,112 of them, which it builds the first time a process asks (some 1.2 s);
 * this unit recognises one by its code point, so fast-check's strings still start from its known troublesome strings.
 */
export const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint), codePointOf);

/** `fc.string({ unit: 'binary', ...constraints })`, without the table (see anyCodePoint). */
export const anyCodePointString = (constraints: { readonly maxLength?: number } = {}): fc.Arbitrary<string> =>
  fc.string({ unit: anyCodePoint, ...constraints });

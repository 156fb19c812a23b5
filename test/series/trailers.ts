import t from 'tap'
import { ConfigError } from '../../src/errors.js'
import { parseTrailerAssumes, parseTrailerClaims } from '../../src/series/trailers.js'

t.test('claims per function, in message order, keys case-insensitive', async t => {
  const msg = [
    'parse_opts: reject long names',
    '',
    'Klp-Intended: parse_opts: len > 17 => ret == -22',
    'A body line that mentions Klp-Intended: but does not start with it.',
    '',
    'Signed-off-by: A <a@example.org>',
    'klp-intended: other_fn :  flag == 1  ',
    '  KLP-INTENDED:parse_opts: len == 0',
    'Klp-Assume: parse_opts: len <= 64',
  ].join('\n')
  t.same(parseTrailerClaims(msg), { parse_opts: ['len > 17 => ret == -22', 'len == 0'], other_fn: ['flag == 1'] })
  t.same(parseTrailerAssumes(msg), { parse_opts: ['len <= 64'] })
})

t.test('no trailers, CRLF lines, look-alike keys', async t => {
  t.same(parseTrailerClaims('subject\n\nbody\n'), {})
  t.same(parseTrailerClaims('s\r\n\r\nKlp-Intended: f: x => y\r\n'), { f: ['x => y'] })
  t.same(parseTrailerClaims('s\n\nKlp-Intended-By: someone\nKlp-Assume: f: x\n'), {}, 'other keys that share the prefix are not claims')
})

t.test('a function named like an Object.prototype member stays a plain key', async t => {
  const claims = parseTrailerClaims('Klp-Intended: __proto__: a => b\nKlp-Intended: constructor: c\n')
  t.same(Object.keys(claims), ['__proto__', 'constructor'])
  t.same(claims.__proto__, ['a => b'])
  t.equal(Object.getPrototypeOf(claims), Object.prototype)
})

t.test('malformed trailers: one error naming the line, with the format as a hint', async t => {
  const rows: Array<[string, (m: string) => unknown, RegExp]> = [
    ['Klp-Intended: len > 17 => ret == -22', parseTrailerClaims, /Klp-Intended: parse_opts: len > 17/],
    ['Klp-Intended: parse_opts:', parseTrailerClaims, /FUNCTION: WHEN => THEN/],
    ['Klp-Intended: 3rd: x', parseTrailerClaims, /FUNCTION/],
    ['Klp-Intended:', parseTrailerClaims, /FUNCTION/],
    ['Klp-Assume: x > 1', parseTrailerAssumes, /Klp-Assume: FUNCTION: EXPR/],
  ]
  for (const [line, parse, hint] of rows) {
    t.throws(() => parse(`subject\n\n${line}\n`), { constructor: ConfigError, message: `malformed ${line.split(':')[0]} trailer: "${line}"`, hint }, line)
  }
})

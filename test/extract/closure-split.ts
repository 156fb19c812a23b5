import t from 'tap'
import { closingToken, splitTopLevel, tokenSteps, tokenize } from '../../src/extract/closure-split.js'

t.test('tokenize: markers, literals, identifiers, numbers, operators', async t => {
  const toks = tokenize('# 3 "a.h" 1\nint x = \'}\' + "a;{" ->y >>= 0x1fUL + 1.5e-3;\n#pragma once\n')
  t.same(
    toks.map(k => [k.kind, k.text]),
    [
      ['marker', '# 3 "a.h" 1'], ['id', 'int'], ['id', 'x'], ['op', '='], ['str', "'}'"], ['op', '+'], ['str', '"a;{"'],
      ['op', '->'], ['id', 'y'], ['op', '>>='], ['num', '0x1fUL'], ['op', '+'], ['num', '1.5e-3'], ['op', ';'],
      ['marker', '#pragma once'],
    ],
  )
  t.equal(toks[1]!.at, 12, 'offsets point into the text')
})

t.test('splitTopLevel: declarations end at ; and functions at their closing brace', async t => {
  const rows: [string, string, [string, string][]][] = [
    ['decl and function', 'int a; int f(void) { return 0; }', [['declaration', 'int a;'], ['function', 'int f(void) { return 0; }']]],
    ['struct body with ;', 'struct s { int a; int b; }; int x;', [['declaration', 'struct s { int a; int b; };'], ['declaration', 'int x;']]],
    ['initializer braces are not bodies', 'int a[] = { 1, 2 }; int (*p)(void) = 0;', [['declaration', 'int a[] = { 1, 2 };'], ['declaration', 'int (*p)(void) = 0;']]],
    ['attributed anonymous struct', 'struct __attribute__((packed)) { int a; } v;', [['declaration', 'struct __attribute__((packed)) { int a; } v;']]],
    ['attributes before a function', 'static inline __attribute__((always_inline)) int f(int x) { return ({ x; }); }',
      [['function', 'static inline __attribute__((always_inline)) int f(int x) { return ({ x; }); }']]],
    ['asm statement and stray semicolon', 'asm("nop; nop"); ; int y', [['declaration', 'asm("nop; nop");'], ['declaration', 'int y']]],
  ]
  for (const [name, src, want] of rows) {
    const toks = tokenize(src)
    const got = splitTopLevel(toks).map(c => [c.kind, src.slice(toks[c.start]!.at, toks[c.end - 1]!.at + toks[c.end - 1]!.text.length)])
    t.same(got, want, name)
  }
})

t.test('tokenize: edge cases', async t => {
  const kinds = (s: string) => tokenize(s).map(k => `${k.kind}:${k.text}`)
  t.same(kinds('x = .5 + a.b;'), ['id:x', 'op:=', 'num:.5', 'op:+', 'id:a', 'op:.', 'id:b', 'op:;'])
  t.same(kinds('a # b\n#x'), ['id:a', 'op:#', 'id:b', 'marker:#x'], 'only a # at a line start is a marker')
  t.same(kinds('"a\\"b" \'\\\'\' "open\nz'), ['str:"a\\"b"', "str:'\\''", 'str:"open', 'id:z'], 'escapes; an unclosed literal ends at its line')
  t.same(kinds('$x1 _y'), ['id:$x1', 'id:_y'])
})

t.test('closingToken: the bracket that closes the one opened, across kinds; never closed → the end', async t => {
  const toks = tokenize('f(a[b], {c}) (x')
  t.equal(toks[closingToken(toks, 1)]!.text, ')')
  t.equal(closingToken(toks, 1), 10)
  t.equal(closingToken(toks, 11), toks.length)
})

t.test('tokenSteps yields between slices and gives the tokens tokenize gives', async t => {
  const text = 'int a = 1;\n'.repeat(60_000)
  const steps = tokenSteps(text)
  let yields = 0
  let r = steps.next()
  while (!r.done) {
    yields++
    r = steps.next()
  }
  t.ok(yields >= 2, `yielded ${yields} times for ${text.length} characters`)
  t.same(r.value, tokenize(text))
  t.equal(r.value.length, 5 * 60_000)
})

import t from 'tap'
import path from 'node:path'
import type { ExtractOptions } from '../../src/extract/extract.js'
import { defined, loadVersion, suggest } from '../../src/extract/load-version.js'

const opts = (dir: string, o: Partial<ExtractOptions> = {}): ExtractOptions => ({
  oldPath: path.join(dir, 'old.c'), newPath: path.join(dir, 'new.c'), func: 'f', includes: [], defines: [], cflags: [], exprs: [], ...o,
})

t.test('loadVersion: the closure of the function, what the expressions name, nothing else', async t => {
  const dir = t.testdir({
    'old.c': 'enum e { A, B };\nenum far { Z };\nint g;\nint unrelated(void) { return @; }\nstatic int h(int x) { return x + g; }\nint f(int x) { return h(x); }\n',
  })
  const v = await loadVersion('old', path.join(dir, 'old.c'), opts(dir, { exprs: ['x > B'] }))
  t.teardown(() => v.unit?.tree.delete())
  t.same([...v.unit!.functions.keys()], ['h', 'f'], 'the callee and the function; the broken unrelated one is never parsed')
  t.ok(v.unit!.variables.has('g'))
  t.ok(v.unit!.enumerators.has('B') && !v.unit!.enumerators.has('Z'), 'the enum a claim names, not the others')
  t.same(v.pp.exprs, ['x > B'])
})

t.test('loadVersion: a missing function leaves the unit out; defined() reports it with suggestions', async t => {
  const dir = t.testdir({ 'old.c': 'int fa(void) { return 0; }\nint __fb(void) { return 1; }\nint g2(void) { return 2; }\n' })
  const v = await loadVersion('old', path.join(dir, 'old.c'), opts(dir))
  t.equal(v.unit, undefined)
  t.equal(v.missing, 'functions defined there: fa', 'close names first, __names never')
  t.throws(() => defined(v, opts(dir)), { name: 'ExtractError', message: `function f() is not defined in ${path.join(dir, 'old.c')}`, hint: v.missing })
})

t.test('loadVersion: a syntax error is named at its real file:line, the user file\'s or a header\'s', async t => {
  const dir = t.testdir({
    'bad.h': 'struct s { int a; };\nstatic inline int broken(void) { return 1 +* ; }\n',
    'old.c': '#include "bad.h"\nint f(void) { return broken(); }\n',
    'new.c': '#include "bad.h"\n\nint f(void)\n{\n  return 2 +* ;\n}\n',
  })
  await t.rejects(loadVersion('old', path.join(dir, 'old.c'), opts(dir)), {
    name: 'ExtractError', message: `${path.join(dir, 'bad.h')}:2: C that does not parse (near 'missing identifier')`, hint: /^f\(\) reaches this header code/,
  })
  await t.rejects(loadVersion('new', path.join(dir, 'new.c'), opts(dir)), {
    name: 'ExtractError', message: new RegExp(`^${path.join(dir, 'new.c').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5: C that does not parse`), hint: /fix the syntax error/,
  })
})

t.test('suggest', async t => {
  const rows: [string, string[], string, string][] = [
    ['close names', ['process_msg', 'other', 'process_all'], 'process', 'functions defined there: process_msg, process_all'],
    ['the name inside another', ['parse'], 'parse_one', 'functions defined there: parse'],
    ['the first eight', Array.from({ length: 10 }, (_, i) => `fn${i}`), 'zzz', 'functions defined there: fn0, fn1, fn2, fn3, fn4, fn5, fn6, fn7'],
    ['only __names', ['__x'], 'f', 'the file defines no functions'],
    ['none', [], 'f', 'the file defines no functions'],
  ]
  for (const [name, defs, func, want] of rows) t.equal(suggest(defs, func), want, name)
})

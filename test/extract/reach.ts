/** What a function reaches: calls, recursion, globals and what their initializers name. */
import t from 'tap'
import { analyzeUnit } from '../../src/extract/unit.js'
import { reachable } from '../../src/extract/reach.js'

t.test('reachable', async t => {
  const src = [
    'int a, b, c, d, e;',
    'int *pc = &c;',
    'static void set_d(void) { d = 1; }',
    'struct ops { void (*run)(void); } ops = { .run = set_d };',
    'static int leaf(void) { return a; }',
    'static int mid(void) { return leaf() + b; }',
    'static int rec(int n) { return n ? rec(n - 1) : *pc; }',
    'static int unused(void) { return e; }',
    'int f(void) { ops.run(); return mid() + rec(2) + mid(); }',
  ].join('\n')
  const u = await analyzeUnit(src)
  const r = reachable(u, 'f')
  t.same([...r.fns].sort(), ['f', 'leaf', 'mid', 'rec', 'set_d'], 'calls, recursion and functions in initializers of reached globals')
  t.same([...r.vars].sort(), ['a', 'b', 'c', 'd', 'ops', 'pc'], 'globals in those functions and initializers')
  t.same(reachable(u, 'nope'), { fns: new Set(), vars: new Set(), names: new Set() }, 'an undefined target reaches nothing')
  t.ok(reachable(u, 'f').names.has('leaf'), 'names: every identifier the reachable code mentions')
})

t.test('a call that parses like a cast reaches its function and the globals among its arguments', async t => {
  const u = await analyzeUnit('int ak;\nint SQR(int a) { return a * a; }\nint rd(int x) { return x; }\nint f(int s) { return (SQR(s*ak))*rd((int)s); }\n')
  const r = reachable(u, 'f')
  t.same([...r.fns].sort(), ['SQR', 'f', 'rd'])
  t.same([...r.vars], ['ak'])
  u.tree.delete()
})

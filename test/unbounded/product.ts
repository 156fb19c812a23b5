import t from 'tap'
import { candidates, NEW_PREFIX, OLD_PREFIX, productProblem, ratiosFor, renderProduct, type ProductInput } from '../../src/unbounded/product.js'
import { shapeOf } from '../fixtures/loop-shape.js'

const shape = shapeOf
const OLD = 'unsigned f(const unsigned char *b, unsigned n) { unsigned s = 0, i; for (i = 0; i < n; i++) s += b[i]; return s; }'
const NEW = 'unsigned f(const unsigned char *b, unsigned n) { const unsigned char *p = b; unsigned s = 0; while (p != b + n) s += *p++; s++; return s - 1; }'

t.test('candidates: conditions agree, equal integers and pointers, pointer = base + integer, integer order', async t => {
  const o = await shape(OLD, OLD_PREFIX)
  const n = await shape(NEW, NEW_PREFIX)
  const c = candidates(o, n)
  t.same(c.slice(0, 3), ['klp_go_o == klp_go_n', 'klp_go_o == ((klp_po_i < klp_po_n) != 0)', 'klp_go_n == (((klp_pn_p != klp_pn_b + klp_pn_n)) != 0)'])
  for (const x of ['klp_po_s == klp_pn_s', 'klp_po_b == klp_pn_b', 'klp_po_b == klp_pn_p', 'klp_pn_p == klp_po_b + klp_po_i', 'klp_po_i <= klp_po_n']) t.ok(c.includes(x), x)
  t.notOk(c.some(x => /^(!klp_go_o \|\| )?klp_po_b == klp_po_b \+/.test(x)), 'a pointer is never a walk of itself')
  for (const x of ['klp_po_b == klp_pn_b + klp_po_i', '!klp_go_o || klp_po_b == klp_pn_b + klp_po_i + 1', '!klp_go_n || klp_pn_p == klp_po_b + klp_po_i']) t.ok(c.includes(x), x)
  t.notOk(c.some(x => /klp_po_i == klp_pn_p|klp_po_i <= klp_po_i/.test(x)), 'no mixed kinds, no self order')
  t.equal(new Set(c).size, c.length, 'no duplicates')
  const side = await shape('unsigned f(const unsigned char *b, unsigned n) { unsigned s = 0; while (*b++ && s < n) s++; return s; }', NEW_PREFIX)
  t.notOk(candidates(o, side).some(x => x.includes('*klp_pn_b++')), 'a condition with a side effect is never a candidate')
  // pointers to other element types are not related by arithmetic
  const w = await shape('unsigned f(const unsigned char *b, unsigned n) { const int *q = 0; unsigned i; for (i = 0; i < n; i++); return i; }', NEW_PREFIX)
  t.notOk(candidates(o, w).some(x => /klp_pn_q ==/.test(x)), 'int * against unsigned char *: no candidate')
})

t.test('productProblem: parameters, buffers, returns', async t => {
  const o = await shape(OLD, OLD_PREFIX)
  const n = await shape(NEW, NEW_PREFIX)
  const ok: ProductInput = { old: o, new: n, buffers: { b: 'n' }, retTypedef: 'typedef unsigned klp_ret_t;' }
  t.equal(productProblem(ok), undefined)
  t.match(productProblem({ ...ok, buffers: {} }), /pointer parameter b has no --buffer/)
  t.match(productProblem({ ...ok, buffers: { b: 'n', n: 'b' } }), /--buffer n:b is not/)
  t.match(productProblem({ ...ok, new: await shape(NEW.replace('unsigned n)', 'int n)'), NEW_PREFIX) }), /parameters differ/)
  t.match(productProblem({ ...ok, new: await shape('unsigned f(const unsigned char *b) { unsigned i = 0; while (i) i--; return i; }', NEW_PREFIX) }), /parameters differ/)
  t.match(productProblem({ ...ok, retTypedef: undefined }), /return differently/)
  const fl = await shape('unsigned f(double d) { unsigned i = 0; while (i < 3) i++; return i; }', OLD_PREFIX)
  t.match(productProblem({ old: fl, new: fl, buffers: {} }), /parameter d is not an integer or a pointer/)
  const v = await shape('void f(unsigned n) { while (n) n--; }', OLD_PREFIX)
  t.equal(productProblem({ old: v, new: v, buffers: {} }), undefined, 'void functions: nothing returned to compare')
})

t.test('renderProduct: shared inputs, guarded iterations, the contract and the candidates, then the return values', async t => {
  const o = await shape(OLD, OLD_PREFIX)
  const n = await shape(NEW, NEW_PREFIX)
  const c = candidates(o, n)
  const text = renderProduct({ old: o, new: n, buffers: { b: 'n' }, retTypedef: 'typedef unsigned klp_ret_t;' }, c, [0, 3])
  t.match(text, /^typedef unsigned klp_ret_t;\nvoid klp_product\(void\)\n\{\n  unsigned n;\n/)
  t.match(text, /const unsigned char \* b = \(const unsigned char \*\)__CPROVER_allocate\(sizeof\(\*b\) \* \(unsigned long\)n, 0\);/)
  t.match(text, /const unsigned char \* klp_po_b = b;/)
  t.match(text, new RegExp(`__CPROVER_loop_invariant\\(\\(${c[0]!.replace(/[()*+!]/g, '\\$&')}\\) && \\(${c[3]!.replace(/[()*+!]/g, '\\$&')}\\)\\)`))
  t.equal(text.match(/KLP_CAND 3/g)?.length, 2, 'each kept candidate before the loop and after an iteration')
  t.notOk(text.includes('KLP_CAND 1"'), 'dropped candidates are gone')
  t.match(text, /_Bool klp_go_o, klp_go_n;/)
  t.match(text, /  klp_go_o = \(klp_po_i < klp_po_n\) != 0;\n  klp_go_n = \(\(klp_pn_p != klp_pn_b \+ klp_pn_n\)\) != 0;\n/)
  t.match(text, /if \(!klp_go_o \|\| !klp_go_n\) break;\n    if \(klp_go_o\) \{\n      \{\n        klp_po_s \+= klp_po_b\[klp_po_i\];\n      \}\n      klp_po_i\+\+;\n      klp_go_o = \(klp_po_i < klp_po_n\) != 0;\n    \}/, 'the body in its own block, then the update and the condition')
  t.match(text, /klp_pn_s\+\+;\n  klp_ret_o = klp_po_s;\n  klp_ret_n = klp_pn_s - 1;\n  __CPROVER_assert\(klp_ret_o == klp_ret_n, "KLP_EQ return"\);/)
  t.match(text, /#pragma CPROVER check disable "pointer"/)
  t.match(text, /\n  while \(klp_go_o\) \{\n    \{\n      klp_po_s \+= klp_po_b\[klp_po_i\];\n    \}\n    klp_po_i\+\+;\n    klp_go_o = \(klp_po_i < klp_po_n\) != 0;\n  \}\n  while \(klp_go_n\) \{/, 'the remainders')
  const two = renderProduct({ old: o, new: n, buffers: { b: 'n' }, retTypedef: 'typedef unsigned klp_ret_t;' }, c, [0], 'p', [2, 1])
  t.equal(two.match(/if \(klp_go_o\) \{/g)?.length, 2, 'two old iterations per round')
  t.equal(two.match(/if \(klp_go_n\) \{/g)?.length, 1, 'one new iteration per round')
  const none = renderProduct({ old: o, new: n, buffers: { b: 'n' } }, c, [], 'p2')
  t.match(none, /void p2\(void\)/)
  t.match(none, /__CPROVER_loop_invariant\(1\)/)
  t.notOk(/KLP_CAND|KLP_EQ|pragma/.test(none), 'no candidates, no return compared')
})

t.test('ratiosFor: lockstep, and 2:1 or 1:2 only when one loop steps by two', async t => {
  const one = await shape('unsigned f(const unsigned char *b, unsigned n) { unsigned s = 0, i; for (i = 0; i < n; i++) s += b[i]; return s; }', OLD_PREFIX)
  const two = await shape('unsigned f(const unsigned char *b, unsigned n) { unsigned s = 0, i; for (i = 0; i + 1 < n; i += 2) s += b[i] + b[i + 1]; return s; }', NEW_PREFIX)
  const idx = await shape('unsigned f(const unsigned char *b, unsigned n) { unsigned s = 0, i; for (i = 0; i + 1 < n; i++) s += b[i] + b[i + 1]; return s; }', NEW_PREFIX)
  t.same(ratiosFor(one, one), [[1, 1]])
  t.same(ratiosFor(one, two), [[1, 1], [2, 1]])
  t.same(ratiosFor(two, one), [[1, 1], [1, 2]])
  t.same(ratiosFor(two, two), [[1, 1]])
  t.same(ratiosFor(one, idx), [[1, 1], [2, 1]], 'reading [i + 1] beside [i] counts as a step by two')
  const upd = await shape('unsigned f(const unsigned char *b, unsigned n) { unsigned s = 0, i; for (i = 0; i < n; i += 2) s++; return s; }', NEW_PREFIX)
  t.same(ratiosFor(one, upd), [[1, 1], [2, 1]], 'a for update stepping by two')
})

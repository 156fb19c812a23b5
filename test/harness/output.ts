/** Output stubs (printf, puts, …): which argument is the text, how the values are reached, the runtime and its loop bounds. */
import t from 'tap'
import { ConfigError } from '../../src/errors.js'
import type { ExternalsPlan, StubView } from '../../src/harness/externals.js'
import { OUTPUT_FN, OUTPUT_LIMIT, outputView, withOutput } from '../../src/harness/output.js'
import { MAX_BLOB } from '../../src/model/names.js'
import type { ExternalStub, ModelSpec } from '../../src/model/types.js'
import type { CType } from '../../src/extract/types.js'

const int: CType = { kind: 'scalar', text: 'int' }
const str: CType = { kind: 'pointer', to: { kind: 'scalar', text: 'char' }, text: 'const char *' }
const stub = (name: string, params: CType[], variadic: boolean, model?: ModelSpec): ExternalStub => ({
  fn: { name, signature: { name, params: params.map((type, i) => ({ name: `a${i}`, type, typedefText: '' })), returnType: int, returnTypedef: '', variadic }, calledBy: ['old', 'new'] },
  ...(model ? { model } : {}),
}) as ExternalStub

t.test('outputView: the text argument, and where a format\'s values are', async t => {
  const rows: [string, ExternalStub, unknown][] = [
    ['printf: values after the last fixed argument', stub('printf', [str], true, { kind: 'output', from: 'arg0', format: true }), { fn: OUTPUT_FN, text: 'klp_a0', start: 'klp_a0', copy: null }],
    ['fprintf: the format is the second argument', stub('fprintf', [str, str], true, { kind: 'output', from: 'arg1', format: true }), { fn: OUTPUT_FN, text: 'klp_a1', start: 'klp_a1', copy: null }],
    ['vprintf: a va_list after the format', stub('vprintf', [str, str], false, { kind: 'output', from: ' arg0 ', format: true }), { fn: OUTPUT_FN, text: 'klp_a0', start: null, copy: 'klp_a1' }],
    ['puts: text, no values', stub('puts', [str], false, { kind: 'output', from: 'arg0' }), { fn: OUTPUT_FN, text: 'klp_a0', start: null, copy: null }],
    ['putchar: its argument alone is logged', stub('putchar', [int], false, { kind: 'output' }), null],
    ['another model', stub('printk', [str], true, { kind: 'log' }), null],
    ['no model', stub('hw_read', [int], false), null],
  ]
  for (const [what, s, want] of rows) t.same(outputView(s), want, what)
})

t.test('outputView: a model naming no argument of the function, or a format without values, is refused', async t => {
  const bad: [string, ExternalStub, RegExp][] = [
    ['not an argument', stub('puts', [str], false, { kind: 'output', from: 'arg1' }), /^model puts: from 'arg1' is not one of its arguments$/],
    ['an expression', stub('puts', [str], false, { kind: 'output', from: 'arg0 + 1' }), /^model puts: from 'arg0 \+ 1' is not one of its arguments$/],
    ['a format with nothing after it', stub('myprint', [str], false, { kind: 'output', from: 'arg0', format: true }), /neither variadic nor has a va_list after its format/],
  ]
  for (const [what, s, message] of bad) {
    let err: unknown
    try {
      outputView(s)
    } catch (e) {
      err = e
    }
    t.ok(err instanceof ConfigError, `${what}: a ConfigError`)
    t.match((err as ConfigError).message, message, what)
    t.match((err as ConfigError).hint, /libc\.yaml/, `${what}: the hint names the models file`)
  }
})

t.test('withOutput: each stub gets its view; the runtime and its three loops only when a stub writes text', async t => {
  const plan = (n: number): ExternalsPlan => ({ stubs: Array.from({ length: n }, (_, i) => ({ name: `f${i}` }) as StubView), unwindset: [{ loop: 'w.0', bound: 3 }] }) as unknown as ExternalsPlan
  const stubs = [stub('printf', [str], true, { kind: 'output', from: 'arg0', format: true }), stub('putchar', [int], false, { kind: 'output' })]
  const w = withOutput(plan(2), stubs)
  t.same(w.stubs.map(s => [s.name, s.output?.text ?? null]), [['f0', 'klp_a0'], ['f1', null]])
  t.same(w.output, { fn: OUTPUT_FN, blob: MAX_BLOB, limit: OUTPUT_LIMIT })
  t.match(OUTPUT_LIMIT, /^KLP_LIMIT /, 'a limit the classifier reads as inconclusive')
  t.same(w.unwindset, [{ loop: 'w.0', bound: 3 }, ...[0, 1, 2].map(j => ({ loop: `${OUTPUT_FN}.${j}`, bound: MAX_BLOB + 2 }))])
  const none = withOutput(plan(1), [stub('putchar', [int], false, { kind: 'output' })])
  t.equal(none.output, null)
  t.same(none.unwindset, [{ loop: 'w.0', bound: 3 }])
  t.same(withOutput(plan(1), []).stubs[0]!.output, null, 'a stub the world has no entry for (defensive)')
})

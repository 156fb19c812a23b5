import t from 'tap'
import { FORMATS, checkSingleValued, proofOptions } from '../../src/cli/options.js'
import { UsageError } from '../../src/errors.js'

t.test('formats', async t => {
  t.same(FORMATS, ['text', 'json', 'junit', 'markdown'])
  t.same(proofOptions.format.choices, FORMATS)
  t.equal(proofOptions.format.default, 'text')
})

t.test('repeatable options take exactly one value each', async t => {
  const repeatable = Object.entries(proofOptions).filter(([, o]) => 'array' in o || 'coerce' in o).map(([k]) => k)
  t.same(repeatable, ['intended', 'assume', 'nullable', 'buffer', 'include', 'define', 'cbmc-arg'])
  for (const name of repeatable) t.equal((proofOptions as Record<string, { nargs?: number }>)[name]!.nargs, 1, name)
})

t.test('--cbmc-arg collects its values into a list', async t => {
  const coerce = proofOptions['cbmc-arg'].coerce
  t.same(coerce('--trace'), ['--trace'])
  t.same(coerce(['--trace', '--z3']), ['--trace', '--z3'])
})

t.test('checkSingleValued', async t => {
  const ok: Record<string, unknown>[] = [
    {},
    { func: 'f', format: 'json', jobs: 2, fwrapv: true },
    { intended: ['a', 'b'], buffer: ['x:1', 'y:2'], include: ['a', 'b'], 'cbmc-arg': ['--trace', '--z3'] },
  ]
  for (const argv of ok) t.equal(checkSingleValued(argv), true, JSON.stringify(argv))
  const bad: [Record<string, unknown>, string, string][] = [
    [{ func: ['f', 'g'] }, '--func was given more than once (f, g)', 'give --func once'],
    [{ format: ['json', 'text'] }, '--format was given more than once (json, text)', 'give --format once'],
    [{ jobs: [1, 3] }, '--jobs was given more than once (1, 3)', 'give --jobs once'],
    [{ 'max-size': [1, 2], func: 'f' }, '--max-size was given more than once (1, 2)', 'give --max-size once'],
    [{ spec: ['a.yaml', 'b.yaml'] }, '--spec was given more than once (a.yaml, b.yaml)', 'give --spec once'],
    [{ output: ['a', 'b'] }, '--output was given more than once (a, b)', 'give --output once'],
    [{ 'cbmc-arg': ['--z3', '--no-assertions'] }, '--cbmc-arg refused: "--no-assertions" (it could drop, narrow or change the properties klp-verify checks)', 'allowed: solver choice'],
  ]
  for (const [argv, message, hint] of bad) {
    const err = t.throws(() => checkSingleValued(argv), { name: 'UsageError', message }, message)
    t.type(err, UsageError)
    t.match(err, { hint, exitCode: 3 }, `${message}: hint, exit 3`)
  }
})

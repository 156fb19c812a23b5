import t from 'tap'
import {
  ConfigError, EXIT, ExtractError, InternalError, InterruptedError, KlpError, ToolFailureError, ToolNotFoundError, UsageError, formatError, oneLine,
} from '../src/errors.js'

t.test('exit codes', async t => {
  t.same(EXIT, { ok: 0, unintended: 1, inconclusive: 2, error: 3 })
})

t.test('every error class: name, exit code 3, hint, cause', async t => {
  for (const C of [KlpError, UsageError, ConfigError, ExtractError, ToolNotFoundError, ToolFailureError, InternalError]) {
    const cause = new Error('root')
    const e = new C('went wrong', { hint: 'do this', cause })
    t.ok(e instanceof KlpError && e instanceof Error, `${C.name} is a KlpError`)
    t.equal(e.name, C.name)
    t.equal(e.message, 'went wrong')
    t.equal(e.exitCode, 3, `${C.name} exits 3`)
    t.equal(e.hint, 'do this')
    t.equal(e.cause, cause)
  }
})

t.test('defaults: no hint, no cause, exit 3; exit code can be chosen', async t => {
  const e = new UsageError('x')
  t.equal(e.hint, undefined)
  t.notOk('cause' in e, 'no cause property at all')
  t.equal(e.exitCode, EXIT.error)
  t.equal(new KlpError('y', { exitCode: 2 }).exitCode, 2)
})

t.test('formatError: one error line and one hint line, no stack', async t => {
  t.equal(formatError(new UsageError('bad --unwind', { hint: 'e.g. --unwind 10' }), false), 'error: bad --unwind\nhint: e.g. --unwind 10')
  t.equal(formatError(new ConfigError('no hint'), false), 'error: no hint')
})

t.test('formatError with debug: the stack and every cause', async t => {
  const root = new Error('ENOENT root')
  const mid = new ExtractError('cannot read', { cause: root })
  const top = new UsageError('top', { hint: 'h', cause: mid })
  const out = formatError(top, true)
  const lines = out.split('\n')
  t.equal(lines[0], 'error: top')
  t.equal(lines[1], 'hint: h')
  t.match(lines[2], /^UsageError: top$/)
  t.match(out, /\n {4}at .*test\/errors\.ts/, 'the stack points here')
  t.match(out, /caused by:\nExtractError: cannot read\n/)
  t.match(out, /caused by:\nError: ENOENT root\n/)
  t.equal(out.match(/caused by:/g)?.length, 2)
})

t.test('a cause that is not an Error, and an Error without a stack', async t => {
  const e = new ToolFailureError('cbmc crashed', { cause: 'signal 11' })
  t.match(formatError(e, true), /\ncaused by:\nsignal 11$/)
  const bare = new Error('no stack')
  bare.stack = undefined
  t.match(formatError(new UsageError('u', { cause: bare }), true), /\ncaused by:\nno stack$/)
})

t.test('our own bugs and foreign errors: internal error, bug hint, always the stack', async t => {
  const rows: [string, unknown, RegExp][] = [
    ['InternalError', new InternalError('invariant broken'), /^InternalError: invariant broken\n {4}at /],
    ['TypeError', new TypeError("Cannot read properties of undefined (reading 'x')"), /^TypeError: Cannot read/],
    ['a thrown string', 'just a string', /^just a string$/],
  ]
  for (const [name, err, stack] of rows) {
    for (const debug of [false, true]) {
      const [first, hint, ...rest] = formatError(err, debug).split('\n')
      const msg = err instanceof Error ? err.message : String(err)
      t.equal(first, `error: internal error: ${msg}`, `${name}: error line`)
      t.equal(hint, 'hint: this is a bug in klp-verify; please report it with the output of --debug', `${name}: hint`)
      t.match(rest.join('\n'), stack, `${name} (debug ${debug}): stack`)
    }
  }
})

t.test('InterruptedError: exit 128 + the signal number, one error line and a hint', async t => {
  const rows: [import('../src/errors.js').StopSignal, number][] = [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]
  for (const [sig, code] of rows) {
    const e = new InterruptedError(sig)
    t.ok(e instanceof KlpError)
    t.equal(e.exitCode, code, sig)
    t.equal(e.signal, sig)
    t.match(formatError(e, false), new RegExp(`^error: interrupted by ${sig}\\nhint: nothing was proved`))
  }
})

t.test('formatError keeps each line one line whatever a path in it holds', async t => {
  t.equal(oneLine('a\nb\rc\x1bd\te\u2028f'), 'a\\nb\\rc\\x1bd\te\\u2028f', 'controls escaped, a tab kept')
  const e = new ExtractError('cannot read ol\nd.c: no such file', { hint: 'check\nthe path' })
  t.equal(formatError(e, false), 'error: cannot read ol\\nd.c: no such file\nhint: check\\nthe path')
  t.equal(formatError(new Error('x\ny'), false).split('\n')[0], 'error: internal error: x\\ny')
})

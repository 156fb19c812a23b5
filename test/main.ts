import t, { type Test } from 'tap'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { locateCbmc } from '../src/cbmc/locate.js'
import type { CliContext } from '../src/cli/context.js'
import { InternalError, KlpError } from '../src/errors.js'
import { buildParser, errorJson, formatOf, hideBin, main } from '../src/main.js'
import { TOOL_VERSION } from '../src/version.js'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const CASE = 'harnesses/refactor-equivalent'

/** An in-process CLI context that records what the command prints. */
function fake(over: Partial<CliContext> = {}) {
  const out: string[] = []
  const err: string[] = []
  const ctx: CliContext = { env: process.env, stdout: s => out.push(s), stderr: s => err.push(s), isTTY: false, ...over }
  return { ctx, stdout: () => out.join(''), stderr: () => err.join('\n') }
}

async function run(argv: string[], over: Partial<CliContext> = {}) {
  const f = fake(over)
  const code = await main(argv, f.ctx)
  return { code, stdout: f.stdout(), stderr: f.stderr(), ctx: f.ctx }
}

/** exit 3, exactly `error:` + `hint:` on stderr, nothing on stdout, no stack. */
function usageFailure(t: Test, r: Awaited<ReturnType<typeof run>>, error: string | RegExp, hint?: string | RegExp) {
  t.equal(r.code, 3, 'exit 3')
  t.equal(r.stdout, '', 'nothing on stdout')
  const lines = r.stderr.split('\n')
  t.equal(lines.length, 2, `two lines on stderr: ${JSON.stringify(r.stderr)}`)
  t.match(lines[0], /^error: /, 'an error line')
  t.match(lines[0]!.slice('error: '.length), error, 'the error')
  t.match(lines[1], /^hint: ./, 'a hint line')
  if (hint !== undefined) t.match(lines[1]!.slice('hint: '.length), hint, 'the hint')
  t.notMatch(r.stderr, /\n\s+at |internal error/, 'no stack trace, not an internal error')
}

t.test('--help', async t => {
  for (const flag of ['--help', '-h']) {
    const r = await run([flag])
    t.equal(r.code, 0, `${flag}: exit 0`)
    t.equal(r.stderr, '', `${flag}: nothing on stderr`)
    t.ok(r.stdout.endsWith('\n'), `${flag}: ends with a newline`)
    if (flag === '--help') t.matchSnapshot(r.stdout, '--help output')
    else t.equal(r.stdout, (await run(['--help'])).stdout, '-h is --help')
  }
})

t.test('--version', async t => {
  const r = await run(['--version'])
  t.same(r, { code: 0, stdout: `${TOOL_VERSION}\n`, stderr: '', ctx: r.ctx })
})

t.test('hideBin drops node and the script', async t => {
  t.same(hideBin(['node', 'bin.js', 'a', '--b']), ['a', '--b'])
})

t.test('buildParser: the default command needs two files', async t => {
  const f = fake()
  const parser = buildParser(['--version'], f.ctx)
  t.equal(typeof parser.parseAsync, 'function')
  await t.rejects(async () => buildParser([], f.ctx).parseAsync([]), { name: 'UsageError', message: 'Not enough non-option arguments: got 0, need at least 2' })
})

// Parser-level usage errors: no cbmc involved. [what, argv, error, hint]
const usage: [string, string[], string | RegExp, string | RegExp | undefined][] = [
  ['unknown option', [`${CASE}/old.c`, `${CASE}/new.c`, '--func', 'pkt_csum', '--bogus'], 'Unknown argument: bogus', 'run klp-verify --help for the options'],
  ['no files at all', [], 'Not enough non-option arguments: got 0, need at least 2', /--help/],
  ['missing positional', [`${CASE}/old.c`, '--func', 'pkt_csum'], 'Not enough non-option arguments: got 1, need at least 2', /--help/],
  ['a third file', ['a.c', 'b.c', 'c.c', '--func', 'f'], 'Unknown argument: c.c', /--help/],
  ['--format not a choice (one line)', ['a.c', 'b.c', '--func', 'f', '--format', 'xml'],
    'Invalid values: Argument: format, Given: "xml", Choices: "text", "json", "junit", "markdown"', /--help/],
  ['--solver not a choice', ['a.c', 'b.c', '--func', 'f', '--solver', 'cvc5'], /^Invalid values: Argument: solver, Given: "cvc5", Choices: "auto", "sat", "z3"$/, /--help/],
  ['--format given twice', ['a.c', 'b.c', '--func', 'f', '--format', 'json', '--format', 'text'], '--format was given more than once (json, text)', 'give --format once'],
  ['--intended without a value', ['a.c', 'b.c', '--func', 'f', '--intended'], 'Not enough arguments following: intended', /--help/],
  ['bad --unwind value', ['a.c', 'b.c', '--func', 'f', '--unwind', '0'], "--unwind must be a positive whole number or auto, not '0'", 'e.g. --unwind 10 or --unwind auto'],
  ['--unwind word', ['a.c', 'b.c', '--func', 'f', '--unwind', 'lots'], "--unwind must be a positive whole number or auto, not 'lots'", /--unwind auto/],
  ['--jobs not a number', ['a.c', 'b.c', '--func', 'f', '-j', 'many'], '--jobs must be a positive whole number, not a non-number', 'e.g. -j 2'],
  ['--timeout Infinity', ['a.c', 'b.c', '--func', 'f', '--timeout', 'Infinity'], /^--timeout must be a positive number of seconds up to 2147483, not Infinity$/, /--timeout 300/],
  ['no function', ['a.c', 'b.c'], 'which function? none given', 'pass --func NAME, or put `function: NAME` in the --spec file'],
  ['bad --buffer', ['a.c', 'b.c', '--func', 'f', '--buffer', 'buf'], "--buffer 'buf' is not PARAM:LEN", /buf:len/],
  ['missing spec file', ['a.c', 'b.c', '--spec', 'no/such/spec.yaml'], 'cannot read spec file no/such/spec.yaml: ENOENT', 'check the path given to --spec'],
]

t.test('usage errors: exit 3, one error line, one hint line, no stack', async t => {
  for (const [what, argv, error, hint] of usage) {
    t.test(what, async t => usageFailure(t, await run(argv), error, hint))
  }
})

t.test('a bad spec file: exit 3 with path: message', async t => {
  const dir = t.testdir({ 'spec.yaml': 'function: pkt_csum\nintended:\n  - when: len > 3\n    differs: [retrun]\n' })
  const spec = path.join(dir, 'spec.yaml')
  usageFailure(t, await run(['a.c', 'b.c', '--spec', spec]), `${spec}: intended.0.differs.0: Invalid enum value. Expected 'return' | 'memory' | 'globals' | 'calls' | 'safety', received 'retrun'`, /README/)
})

t.test('--debug adds the stack (and keeps the error and hint lines first)', async t => {
  const r = await run(['a.c', 'b.c', '--func', 'f', '--bogus', '--debug'])
  t.equal(r.code, 3)
  const lines = r.stderr.split('\n')
  t.equal(lines[0], 'error: Unknown argument: bogus')
  t.equal(lines[1], 'hint: run klp-verify --help for the options')
  t.equal(lines[2], 'UsageError: Unknown argument: bogus')
  t.match(lines[3], /^\s+at /, 'a stack frame')
})

t.test('cbmc is installed (the tests below run it; they never skip)', async t => {
  try {
    const tool = await locateCbmc({ env: process.env, projectRoot: ROOT })
    t.match(tool.version, /^\d+\./, `cbmc ${tool.version} at ${tool.cbmc}`)
  } catch (err) {
    t.fail(`cbmc not found, so the proof tests below fail: ${(err as Error).message}. Run \`npm install\` (it provisions .klp-tools/bin/cbmc) or see docs/install.md`)
  }
})

t.test('a real proof through main: refactor-equivalent with its spec, JSON', async t => {
  const r = await run([`${CASE}/old.c`, `${CASE}/new.c`, '--spec', `${CASE}/spec.yaml`, '--format', 'json'])
  t.equal(r.stderr, '', 'nothing on stderr when not a TTY')
  t.equal(r.code, 0, `exit 0 (stderr: ${r.stderr})`)
  t.equal(r.ctx.exitCode, 0, 'the command reported its outcome')
  const report = JSON.parse(r.stdout)
  t.match(report, {
    schemaVersion: 1,
    function: 'pkt_csum',
    verdict: 'equivalent',
    exitCode: 0,
    old: `${CASE}/old.c`,
    options: { buffers: { data: 'len' }, maxSize: 8, fwrapv: true, unwind: 'auto' },
    differences: [],
  })
})

t.test('bad inputs through main: exit 3, one error line + hint, no stack', async t => {
  const dir = t.testdir({
    'new.c': '#include "' + path.resolve(CASE, '../include/kern.h') + '"\nu16 pkt_csum(struct pkt *p, const u8 *data, size_t len)\n{\n\treturn len +;\n}\n',
  })
  const old = `${CASE}/old.c`
  const nu = `${CASE}/new.c`
  const rows: [string, string[], string | RegExp, string | RegExp][] = [
    ['missing old.c', ['no/such/old.c', nu, '--func', 'pkt_csum'], 'cannot read no/such/old.c: no such file', 'check the path of the old and new C files'],
    ['unknown function', [old, nu, '--func', 'pkt_sum'], `function pkt_sum() is not defined in ${old}`, 'functions defined there: pkt_csum'],
    ['C syntax error in new.c', [old, path.join(dir, 'new.c'), '--func', 'pkt_csum'], new RegExp(`^${path.join(dir, 'new.c').replace(/[.]/g, '\\.')}:4: C that does not parse`), /fix the syntax error/],
    ['bad claim expression', [old, nu, '--func', 'pkt_csum', '--buffer', 'data:len', '--intended', 'len >'], /^WHEN of claim intended-1 \('len >'\) is not a C expression/, /--intended 'len > 64 => ret == -EINVAL'/],
    ['unknown name in a claim', [old, nu, '--spec', `${CASE}/spec.yaml`, '--intended', 'len > 3 => retval == 0'],
      "THEN of claim intended-1 ('retval == 0') uses 'retval', which is not a parameter, global or constant of the function", /THEN may use ret/],
    ['--nullable of a scalar', [old, nu, '--spec', `${CASE}/spec.yaml`, '--nullable', 'len'], '--nullable len: parameter len is not a pointer', 'only pointer parameters can be NULL'],
  ]
  for (const [what, argv, error, hint] of rows) {
    t.test(what, async t => usageFailure(t, await run(argv), error, hint))
  }
})

t.test('outcomes and foreign errors map to exit codes', async t => {
  /** main with one stand-in command whose handler does `handler`. */
  const withHandler = (handler: (ctx: CliContext) => Promise<void>) =>
    t.mockImport<typeof import('../src/main.js')>('../src/main.js', {
      '../src/cli/commands/index.js': {
        commands: (ctx: CliContext) => [{ command: '$0 <old> <new>', describe: 'stand-in', handler: () => handler(ctx) }],
      },
    })

  t.test('a command that reports no outcome exits 3', async t => {
    const m = await withHandler(async () => {})
    const f = fake()
    t.equal(await m.main(['a.c', 'b.c'], f.ctx), 3)
    t.equal(f.stderr(), '')
  })

  t.test('the outcome a command sets is the exit code', async t => {
    for (const code of [0, 1, 2]) {
      const m = await withHandler(async ctx => { ctx.exitCode = code })
      t.equal(await m.main(['a.c', 'b.c'], fake().ctx), code, `exit ${code}`)
    }
  })

  t.test('a foreign error is an internal error (exit 3, stack) even if it carries an exitCode', async t => {
    const m = await withHandler(async () => {
      throw Object.assign(new Error('Command failed with exit code 1: gcc'), { exitCode: 1 })
    })
    const f = fake()
    t.equal(await m.main(['a.c', 'b.c'], f.ctx), 3, 'not the child process exit code')
    const lines = f.stderr().split('\n')
    t.equal(lines[0], 'error: internal error: Command failed with exit code 1: gcc')
    t.equal(lines[1], 'hint: this is a bug in klp-verify; please report it with the output of --debug')
    t.match(lines[2], /^Error: Command failed/)
  })

  t.test('a KlpError with its own exit code keeps it', async t => {
    const m = await withHandler(async () => { throw new KlpError('interrupted', { exitCode: 2, hint: 'run again' }) })
    const f = fake()
    t.equal(await m.main(['a.c', 'b.c'], f.ctx), 2)
    t.equal(f.stderr(), 'error: interrupted\nhint: run again')
  })
})

t.test('--format json: an error is a JSON document on stdout, still exit 3 (and the lines on stderr)', async t => {
  /** exit code, the JSON on stdout, and the error/hint lines still on stderr. */
  const jsonFailure = (t: Test, r: Awaited<ReturnType<typeof run>>, message: string | RegExp, hint: string | RegExp) => {
    t.equal(r.code, 3, 'exit 3')
    let doc: Record<string, unknown> = {}
    t.doesNotThrow(() => { doc = JSON.parse(r.stdout) as Record<string, unknown> }, `stdout is JSON: ${r.stdout}`)
    t.match(doc, { schemaVersion: 1, verdict: 'error', exitCode: 3, message, hint })
    t.match(r.stderr, /^error: .*\nhint: /, 'people still read error: and hint: on stderr')
  }
  const rows: [string, string[], string | RegExp, string | RegExp][] = [
    ['a usage error yargs finds before the format is read', ['a.c', 'b.c', '--func', 'f', '--format', 'json', '--bogus'], 'Unknown argument: bogus', /--help/],
    ['--format=json spelling', ['--format=json', 'a.c', 'b.c', '--func', 'f', '--unwind', '0'], "--unwind must be a positive whole number or auto, not '0'", /--unwind 10/],
    ['a file that is not there', ['no/such/old.c', `${CASE}/new.c`, '--func', 'pkt_csum', '--format', 'json'], 'cannot read no/such/old.c: no such file', /check the path/],
    ['an unknown function', [`${CASE}/old.c`, `${CASE}/new.c`, '--func', 'pkt_sum', '--format', 'json'], `function pkt_sum() is not defined in ${CASE}/old.c`, /pkt_csum/],
    ['series', ['series', 'no/such/manifest.yaml', '--format', 'json'], /no\/such\/manifest\.yaml/, /./],
  ]
  for (const [what, argv, message, hint] of rows) t.test(what, async t => jsonFailure(t, await run(argv), message, hint))
  t.test('text (the default, or the last --format) keeps stdout empty', async t => {
    usageFailure(t, await run(['a.c', 'b.c', '--func', 'f', '--format', 'json', '--format', 'text']), /more than once/, /once/)
    usageFailure(t, await run(['a.c', 'b.c', '--func', 'f', '--', '--format', 'json']), /./)
  })
})

t.test('formatOf and errorJson', async t => {
  const rows: [string[], string | undefined][] = [
    [[], undefined],
    [['--format', 'json'], 'json'],
    [['--format=junit'], 'junit'],
    [['--format', 'json', '--format', 'text'], 'text'],
    [['--format'], undefined],
    [['--', '--format', 'json'], undefined],
    [['x.c', '--cflags', '-O2', '--format', 'markdown', 'y.c'], 'markdown'],
  ]
  for (const [argv, want] of rows) t.equal(formatOf(argv), want, argv.join(' ') || '(nothing)')
  t.same(JSON.parse(errorJson(new KlpError('no hint here'), 3)), { schemaVersion: 1, verdict: 'error', exitCode: 3, message: 'no hint here' }, 'a hint only when there is one')
  t.match(JSON.parse(errorJson(new Error('boom'), 3)), { message: 'internal error: boom', hint: /this is a bug/ }, 'a foreign error is an internal error')
  t.match(JSON.parse(errorJson('a string', 3)), { message: 'internal error: a string' }, 'not even an Error')
  t.match(JSON.parse(errorJson(new InternalError('our bug'), 3)), { message: 'internal error: our bug', hint: /this is a bug/ }, 'an InternalError')
  t.match(JSON.parse(errorJson(new KlpError('stopped', { exitCode: 130, hint: 'run again' }), 130)), { exitCode: 130, message: 'stopped', hint: 'run again' }, 'its own exit code')
})

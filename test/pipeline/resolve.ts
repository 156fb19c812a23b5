import t from 'tap'
import { availableParallelism } from 'node:os'
import { SpecSchema, type Spec } from '../../src/config/schema.js'
import { UsageError } from '../../src/errors.js'
import { OBSERVABLES } from '../../src/model/types.js'
import {
  DEFAULTS, MAX_SIZE, MAX_TIMEOUT_SEC, checkProofArgs, parseBuffer, parseUnwind, resolveProofOptions, sharedFlags, type ProofArgs,
} from '../../src/pipeline/resolve.js'

const files = { old: 'old.c', new: 'new.c' }
/** A spec as the loader returns it (defaults filled in). */
const spec = (s: Record<string, unknown>): Spec => SpecSchema.parse(s)
/** A single proof's request, as verify resolves it: its command line over its spec. */
const buildRequest = ({ old, new: nw, ...args }: ProofArgs, s: Spec | undefined) => ({ oldPath: old, newPath: nw, ...resolveProofOptions(checkProofArgs(args), {}, s) })
const req = (args: Partial<ProofArgs>, s?: Record<string, unknown>) => buildRequest({ ...files, func: 'f', ...args }, s && spec(s))

t.test('defaults', async t => {
  t.same(buildRequest({ ...files, func: 'f' }, undefined), {
    oldPath: 'old.c',
    newPath: 'new.c',
    func: 'f',
    claims: [],
    assumes: [],
    nullable: [],
    buffers: {},
    maxSize: DEFAULTS.maxSize,
    maxSizeIsDefault: true,
    unwind: 'auto',
    maxUnwind: DEFAULTS.maxUnwind,
    timeoutSec: DEFAULTS.timeoutSec,
    includes: [],
    defines: [],
    cflags: [],
    fwrapv: false,
    initGlobals: false,
    cbmc: undefined,
    jobs: availableParallelism(),
    keepHarness: undefined,
    extraCbmcArgs: [],
    solver: 'auto',
    models: undefined,
    replay: true,
    held: [],
    externals: {},
  })
  t.same(DEFAULTS, { maxUnwind: 64, maxSize: 32, timeoutSec: 300 })
})

// [what, CLI args, spec, field, expected]: CLI > spec > default, one row per source.
const precedence: [string, Partial<ProofArgs>, Record<string, unknown> | undefined, string, unknown][] = [
  ['func from CLI', { func: 'a' }, undefined, 'func', 'a'],
  ['func from spec', { func: undefined }, { function: 'b' }, 'func', 'b'],
  ['func in both, the same', { func: 'b' }, { function: 'b' }, 'func', 'b'],
  ['unwind default', {}, {}, 'unwind', 'auto'],
  ['unwind from spec', {}, { unwind: 4 }, 'unwind', 4],
  ['unwind from CLI over spec', { unwind: '7' }, { unwind: 4 }, 'unwind', 7],
  ['unwind auto on CLI over spec', { unwind: 'auto' }, { unwind: 4 }, 'unwind', 'auto'],
  ['max-unwind default', {}, {}, 'maxUnwind', 64],
  ['max-unwind from spec', {}, { 'max-unwind': 8 }, 'maxUnwind', 8],
  ['max-unwind from CLI over spec', { maxUnwind: 3 }, { 'max-unwind': 8 }, 'maxUnwind', 3],
  ['max-unwind raised to a fixed unwind', { unwind: '100' }, undefined, 'maxUnwind', 100],
  ['max-unwind kept above a fixed unwind', { unwind: '5', maxUnwind: 9 }, undefined, 'maxUnwind', 9],
  ['max-size default', {}, {}, 'maxSize', 32],
  ['max-size default is marked', {}, {}, 'maxSizeIsDefault', true],
  ['max-size from spec', {}, { 'max-size': 12 }, 'maxSize', 12],
  ['max-size from spec is not default', {}, { 'max-size': 12 }, 'maxSizeIsDefault', false],
  ['max-size from CLI over spec', { maxSize: 0 }, { 'max-size': 12 }, 'maxSize', 0],
  ['max-size 0 from CLI is not default', { maxSize: 0 }, undefined, 'maxSizeIsDefault', false],
  ['max-size at the limit', { maxSize: MAX_SIZE }, undefined, 'maxSize', 4096],
  ['min-size: none by default', {}, {}, 'minSize', undefined],
  ['min-size from spec', {}, { 'min-size': 8 }, 'minSize', 8],
  ['min-size from CLI over spec', { minSize: 4 }, { 'min-size': 8 }, 'minSize', 4],
  ['min-size equal to max-size', { minSize: 12, maxSize: 12 }, undefined, 'minSize', 12],
  ['timeout default', {}, {}, 'timeoutSec', 300],
  ['timeout from spec', {}, { timeout: 20 }, 'timeoutSec', 20],
  ['timeout from CLI over spec', { timeout: 0.5 }, { timeout: 20 }, 'timeoutSec', 0.5],
  ['timeout at the limit', { timeout: MAX_TIMEOUT_SEC }, undefined, 'timeoutSec', 2147483],
  ['a proof budget lifts the per-run default', { proofTimeout: 600 }, undefined, 'timeoutSec', 600],
  ['a spec proof budget lifts the per-run default', {}, { 'proof-timeout': 900 }, 'timeoutSec', 900],
  ['an explicit --timeout stays under a proof budget', { timeout: 30, proofTimeout: 600 }, undefined, 'timeoutSec', 30],
  ['a spec timeout stays under a CLI proof budget', { proofTimeout: 600 }, { timeout: 20 }, 'timeoutSec', 20],
  ['fwrapv default', {}, {}, 'fwrapv', false],
  ['fwrapv from spec', {}, { fwrapv: true }, 'fwrapv', true],
  ['fwrapv from CLI over spec', { fwrapv: false }, { fwrapv: true }, 'fwrapv', false],
  ['fwrapv implied by -fwrapv in CLI cflags', { cflags: '-O2 -fwrapv' }, undefined, 'fwrapv', true],
  ['fwrapv implied by -fno-strict-overflow in spec cflags', {}, { cflags: '-fno-strict-overflow' }, 'fwrapv', true],
  ['fwrapv implied by cflags given as a list', {}, { cflags: ['-DX', '-fwrapv'] }, 'fwrapv', true],
  ['other -f flags do not imply fwrapv', { cflags: '-fno-wrapv -fstrict-overflow -fwrapv-pointer' }, undefined, 'fwrapv', false],
  ['explicit --no-fwrapv beats -fwrapv in cflags', { fwrapv: false, cflags: '-fwrapv' }, undefined, 'fwrapv', false],
  ['spec fwrapv: false beats -fwrapv in cflags', { cflags: '-fwrapv' }, { fwrapv: false }, 'fwrapv', false],
  ['init-globals default', {}, {}, 'initGlobals', false],
  ['init-globals from spec', {}, { 'init-globals': true }, 'initGlobals', true],
  ['init-globals from CLI over spec', { initGlobals: false }, { 'init-globals': true }, 'initGlobals', false],
  ['jobs from CLI', { jobs: 3 }, undefined, 'jobs', 3],
  ['solver from CLI', { solver: 'z3' }, undefined, 'solver', 'z3'],
  ['cbmc from CLI', { cbmc: '/opt/cbmc' }, undefined, 'cbmc', '/opt/cbmc'],
  ['keep-harness from CLI', { keepHarness: 'out' }, undefined, 'keepHarness', 'out'],
  ['cbmc args from CLI', { cbmcArg: ['--trace', '--z3'] }, undefined, 'extraCbmcArgs', ['--trace', '--z3']],
  ['paths from CLI', { old: 'a/x.c', new: 'b/x.c' }, undefined, 'oldPath', 'a/x.c'],
  ['container contracts from spec', {}, { containers: { p: 'struct c.m' } }, 'containers', { p: 'struct c.m' }],
  ['no container contracts without a spec', {}, undefined, 'containers', undefined],
]

t.test('precedence: CLI > spec > default', async t => {
  for (const [what, args, s, field, expected] of precedence) {
    t.same((req(args, s) as unknown as Record<string, unknown>)[field], expected, what)
  }
})

// Lists add up: spec entries first, then the CLI's.
const lists: [string, Partial<ProofArgs>, Record<string, unknown> | undefined, string, unknown][] = [
  ['assumes', { assume: ['c > 0'] }, { assume: ['a > 0', 'b > 0'] }, 'assumes', ['a > 0', 'b > 0', 'c > 0']],
  ['nullable, without duplicates', { nullable: ['q', 'p', 'q'] }, { nullable: ['p'] }, 'nullable', ['p', 'q']],
  ['buffers merge; the CLI wins for the same parameter', { buffer: ['buf:n', 'out : 4 '] }, { buffers: { buf: 'len', in: 'len' } }, 'buffers', { buf: 'n', in: 'len', out: '4' }],
  ['includes, one directory per entry (spaces kept)', { include: ['cli inc'] }, { include: ['/my dir/inc', 'b'] }, 'includes', ['/my dir/inc', 'b', 'cli inc']],
  ['include given as one string', {}, { include: 'inc' }, 'includes', ['inc']],
  ['defines, one macro per entry', { define: ['C=3'] }, { define: ['A', 'MSG="a b"'] }, 'defines', ['A', 'MSG="a b"', 'C=3']],
  ['cflags are split, spec first', { cflags: '-DB  -fwrapv' }, { cflags: ['-DA -O2', '-m64'] }, 'cflags', ['-DA', '-O2', '-m64', '-DB', '-fwrapv']],
]

t.test('lists add up', async t => {
  for (const [what, args, s, field, expected] of lists) {
    t.same((req(args, s) as unknown as Record<string, unknown>)[field], expected, what)
  }
})

t.test('claims: spec claims first, then --intended, with ids', async t => {
  const r = req({ intended: ['len > 8 => ret == -EINVAL', 'flags & 1'] }, {
    intended: [
      { id: 'reject-long', when: 'len > 8', then: 'ret == -22', differs: ['return'] },
      { when: 'x == 0' },
      { id: 'third', when: 'y', then: 'ret >= 0' },
    ],
  })
  t.same(r.claims, [
    { id: 'reject-long', when: 'len > 8', then: 'ret == -22', differs: ['return'] },
    { id: 'claim-2', when: 'x == 0', then: undefined, differs: [...OBSERVABLES] },
    { id: 'third', when: 'y', then: 'ret >= 0', differs: [...OBSERVABLES] },
    { id: 'intended-1', when: 'len > 8', then: 'ret == -EINVAL', differs: [...OBSERVABLES] },
    { id: 'intended-2', when: 'flags & 1', differs: [...OBSERVABLES] },
  ])
})

t.test('the claim split respects nested => and comparison operators', async t => {
  const rows: [string, { when: string; then?: string }][] = [
    ['a >= 1 => ret <= 0', { when: 'a >= 1', then: 'ret <= 0' }],
    ['(x ? y : z) => ret == 1', { when: '(x ? y : z)', then: 'ret == 1' }],
    ['  len  ', { when: 'len' }],
  ]
  for (const [src, claim] of rows) t.match(req({ intended: [src] }).claims[0], claim, src)
})

const caught = (fn: () => unknown) => {
  try {
    fn()
  } catch (err) {
    return err
  }
  return undefined
}

// Every way a single proof's options are refused: [what, CLI args, spec, message, hint].
const invalid: [string, Partial<ProofArgs>, Record<string, unknown> | undefined, string | RegExp, string | RegExp][] = [
  ['no function anywhere', { func: undefined }, {}, 'which function? none given', 'pass --func NAME, or put `function: NAME` in the --spec file'],
  ['no function, no spec', { func: undefined }, undefined, 'which function? none given', /--func NAME/],
  ['--func disagrees with the spec', { func: 'a' }, { function: 'b' }, "--func a disagrees with the spec's function: b", 'drop one of them'],
  ['duplicate claim id (spec)', {}, { intended: [{ id: 'x', when: '1' }, { id: 'x', when: '2' }] }, 'two claims have the id x', 'give every claim its own id'],
  ['duplicate claim id (spec vs CLI)', { intended: ['1'] }, { intended: [{ id: 'intended-1', when: '2' }] }, 'two claims have the id intended-1', 'give every claim its own id'],
  ['claim with two =>', { intended: ['a => b => c'] }, undefined, "claim 'a => b => c' has more than one '=>'", "write --intended 'WHEN => THEN'"],
  ['claim without WHEN', { intended: ['=> ret == 0'] }, undefined, "claim '=> ret == 0' has no WHEN before '=>'", "write --intended 'WHEN => THEN'"],
  ['claim without THEN', { intended: ['len > 8 =>'] }, undefined, "claim 'len > 8 =>' has no THEN after '=>'", /or just 'WHEN'/],
  ['--buffer without a colon', { buffer: ['buf'] }, undefined, "--buffer 'buf' is not PARAM:LEN", 'e.g. --buffer buf:len or --buffer data:16'],
  ['--buffer without a length', { buffer: ['buf: '] }, undefined, "--buffer 'buf: ' is not PARAM:LEN", /PARAM|buf:len/],
  ['--buffer without a parameter', { buffer: [':len'] }, undefined, "--buffer ':len' is not PARAM:LEN", /buf:len/],
  ['--buffer with a non-identifier', { buffer: ['1buf:len'] }, undefined, "--buffer '1buf:len' is not PARAM:LEN", /buf:len/],
  ['--buffer with an expression as parameter', { buffer: ['p->buf:len'] }, undefined, "--buffer 'p->buf:len' is not PARAM:LEN", /buf:len/],
  ['--unwind 0', { unwind: '0' }, undefined, "--unwind must be a positive whole number or auto, not '0'", 'e.g. --unwind 10 or --unwind auto'],
  ['--unwind -1', { unwind: '-1' }, undefined, "--unwind must be a positive whole number or auto, not '-1'", /--unwind 10/],
  ['--unwind word', { unwind: 'deep' }, undefined, "--unwind must be a positive whole number or auto, not 'deep'", /--unwind 10/],
  ['--unwind fraction', { unwind: '2.5' }, undefined, "--unwind must be a positive whole number or auto, not '2.5'", /--unwind 10/],
  ['--unwind empty', { unwind: '' }, undefined, "--unwind must be a positive whole number or auto, not ''", /--unwind 10/],
  ['--max-unwind 0', { maxUnwind: 0 }, undefined, '--max-unwind must be a positive whole number, not 0', 'e.g. --max-unwind 64'],
  ['--max-unwind fraction', { maxUnwind: 1.5 }, undefined, '--max-unwind must be a positive whole number, not 1.5', /--max-unwind 64/],
  ['--max-unwind not a number', { maxUnwind: NaN }, undefined, '--max-unwind must be a positive whole number, not a non-number', /--max-unwind 64/],
  ['--max-size negative', { maxSize: -1 }, undefined, '--max-size must be a whole number from 0 to 4096, not -1', 'e.g. --max-size 32'],
  ['--max-size fraction', { maxSize: 2.5 }, undefined, '--max-size must be a whole number from 0 to 4096, not 2.5', /--max-size 32/],
  ['--max-size over the limit', { maxSize: 4097 }, undefined, '--max-size must be a whole number from 0 to 4096, not 4097', /--max-size 32/],
  ['--max-size not a number', { maxSize: NaN }, undefined, '--max-size must be a whole number from 0 to 4096, not a non-number', /--max-size 32/],
  ['--timeout 0', { timeout: 0 }, undefined, '--timeout must be a positive number of seconds up to 2147483, not 0', 'seconds per cbmc run, e.g. --timeout 300'],
  ['--timeout negative', { timeout: -5 }, undefined, /--timeout .* not -5$/, /--timeout 300/],
  ['--timeout not a number', { timeout: NaN }, undefined, /--timeout .* not a non-number$/, /--timeout 300/],
  ['--timeout Infinity', { timeout: Infinity }, undefined, /--timeout .* not Infinity$/, /--timeout 300/],
  ['--timeout past the timer limit', { timeout: MAX_TIMEOUT_SEC + 1 }, undefined, /--timeout .* not 2147484$/, /--timeout 300/],
  ['--min-size negative', { minSize: -1 }, undefined, '--min-size must be a whole number from 0 to 4096, not -1', /--min-size 8/],
  ['--min-size fraction', { minSize: 2.5 }, undefined, '--min-size must be a whole number from 0 to 4096, not 2.5', /--min-size 8/],
  ['--min-size above the default max-size', { minSize: 33 }, undefined, '--min-size 33 is above --max-size 32', /give one up to --max-size/],
  ['spec min-size above the CLI max-size', { maxSize: 8 }, { 'min-size': 12 }, '--min-size 12 is above --max-size 8', /give one up to --max-size/],
  ['--jobs 0', { jobs: 0 }, undefined, '--jobs must be a positive whole number, not 0', 'e.g. -j 2'],
  ['--jobs fraction', { jobs: 1.5 }, undefined, '--jobs must be a positive whole number, not 1.5', 'e.g. -j 2'],
  ['--jobs not a number', { jobs: NaN }, undefined, '--jobs must be a positive whole number, not a non-number', 'e.g. -j 2'],
]

t.test('invalid requests: UsageError, exit 3, message and hint', async t => {
  for (const [what, args, s, message, hint] of invalid) {
    const err = caught(() => req(args, s))
    t.type(err, UsageError, `${what}: UsageError`)
    t.match(err, { exitCode: 3 }, `${what}: exit 3`)
    if (typeof message === 'string') t.equal((err as Error).message, message, `${what}: message`)
    else t.match((err as Error).message, message, `${what}: message`)
    if (typeof hint === 'string') t.equal((err as UsageError).hint, hint, `${what}: hint`)
    else t.match((err as UsageError).hint, hint, `${what}: hint`)
  }
})

t.test('parseUnwind', async t => {
  const ok: [string | number | undefined, number | 'auto' | undefined][] = [
    [undefined, undefined], ['auto', 'auto'], ['1', 1], ['016', 16], [3, 3],
  ]
  for (const [v, want] of ok) t.equal(parseUnwind(v, '--unwind'), want, String(v))
  for (const v of [0, -2, 1.5, NaN]) {
    t.throws(() => parseUnwind(v, 'unwind:'), { name: 'UsageError', message: `unwind: must be a positive whole number or auto, not '${v}'` }, String(v))
  }
})

t.test('parseBuffer', async t => {
  t.same(parseBuffer('buf:len'), ['buf', 'len'])
  t.same(parseBuffer(' data : len * 2 '), ['data', 'len * 2'])
  t.same(parseBuffer('p:a ? b : c'), ['p', 'a ? b : c'], 'only the first colon separates')
  t.same(parseBuffer('_x1:16'), ['_x1', '16'])
})

t.test('--cflags and a file\'s cflags: are split like a shell, once', async t => {
  const rows: [string | string[] | undefined, string[]][] = [
    [undefined, []],
    ['', []],
    ['   ', []],
    ['-DA -DB', ['-DA', '-DB']],
    ['  -O2\t-m64\n-fwrapv ', ['-O2', '-m64', '-fwrapv']],
    ['-DMSG="a b" -DX', ['-DMSG=a b', '-DX']],
    ["-DMSG='a b'", ['-DMSG=a b']],
    ['"-DA B"', ['-DA B']],
    ['-DSTR=\'"x"\'', ['-DSTR="x"']],
    ['-DQ="say \\"hi\\""', ['-DQ=say "hi"']],
    ['-DA=a\\ b', ['-DA=a b']],
    ["'a'\"b\"c", ['abc']],
    ['x ""', ['x', '']],
    ['it\'s', ["it's"]],
    ['trailing\\', ['trailing\\']],
    [['-DA -DB', '-O2'], ['-DA', '-DB', '-O2']],
  ]
  for (const [input, want] of rows) {
    if (typeof input !== 'object') t.same(checkProofArgs({ cflags: input }).cflags, want, `--cflags ${JSON.stringify(input)}`)
    const fromSpec = input === undefined ? {} : { cflags: input }
    t.same(req({}, fromSpec).cflags, want, `spec cflags: ${JSON.stringify(input)}`)
    t.same(resolveProofOptions(checkProofArgs({ func: 'f' }), fromSpec, undefined, 'defaults').cflags, want, `manifest cflags: ${JSON.stringify(input)}`)
  }
  // a quoted word split once stays one word through the series' layers
  t.same(resolveProofOptions(checkProofArgs({ func: 'f', cflags: '-DMSG="a b"' }), { cflags: ['-DX="c d"'] }, spec({ cflags: "-DY='e f'" }), 'defaults').cflags, ['-DMSG=a b', '-DX=c d', '-DY=e f'])
})

// The four series options of issue 9, and their kin: each refused by the check that runs before any work.
t.test('checkProofArgs: a bad value is a UsageError naming the option, before anything runs', async t => {
  const rows: [Parameters<typeof checkProofArgs>[0], RegExp, RegExp][] = [
    [{ unwind: 'abc' }, /^--unwind must be a positive whole number or auto, not 'abc'$/, /--unwind 10/],
    [{ jobs: NaN }, /^--jobs must be a positive whole number, not a non-number$/, /-j 2/],
    [{ maxSize: -1 }, /^--max-size must be a whole number from 0 to 4096, not -1$/, /--max-size 32/],
    [{ timeout: 0 }, /^--timeout must be a positive number of seconds up to 2147483, not 0$/, /--timeout 300/],
    [{ proofTimeout: 0 }, /^--proof-timeout must be .* not 0$/, /--proof-timeout 900/],
    [{ memory: 8 }, /^--memory must be a number of MiB of at least 16, not 8$/, /--memory 4096/],
    [{ maxUnwind: 0 }, /^--max-unwind must be a positive whole number, not 0$/, /--max-unwind 64/],
    [{ buffer: ['nolen'] }, /^--buffer 'nolen' is not PARAM:LEN$/, /buf:len/],
    [{ intended: ['a => b => c'] }, /more than one '=>'/, /WHEN => THEN/],
    [{ cbmcArg: ['--no-unwinding-assertions'] }, /--no-unwinding-assertions/, /./],
  ]
  for (const [args, message, hint] of rows) {
    const err = caught(() => checkProofArgs(args))
    t.match(err, { exitCode: 3, message, hint }, JSON.stringify(args))
  }
  t.same(checkProofArgs({ unwind: '8', maxUnwind: 9, maxSize: 0, timeout: 30, proofTimeout: 60, memory: 2048, jobs: 2, cflags: '-DX -fwrapv', include: ['inc'], define: ['A'] }), {
    intended: [], assumes: [], nullable: [], buffers: {},
    unwind: 8, maxUnwind: 9, maxSize: 0, timeoutSec: 30, proofTimeoutSec: 60, memoryMb: 2048,
    includes: ['inc'], defines: ['A'], cflags: ['-DX', '-fwrapv'], jobs: 2, extraCbmcArgs: [], solver: 'auto', replay: true,
  }, 'checked values, normalised; nothing given stays absent')
  t.equal(checkProofArgs({}).jobs, availableParallelism(), '-j defaults to the number of cores')
})

// Series (`defaults`): the command line sets the defaults, a manifest's defaults refine them, the function's
// spec wins (kani's resolve_unwind_value: --default-unwind < annotation). [what, CLI, manifest, spec, field, want]
const seriesRows: [string, Partial<ProofArgs>, Record<string, unknown>, Record<string, unknown> | undefined, string, unknown][] = [
  ['nothing anywhere: built-in default', {}, {}, undefined, 'unwind', 'auto'],
  ['CLI alone', { unwind: '8' }, {}, undefined, 'unwind', 8],
  ['manifest over CLI', { unwind: '8' }, { unwind: 4 }, undefined, 'unwind', 4],
  ['spec over manifest and CLI', { unwind: '8' }, { unwind: 4 }, { unwind: 2 }, 'unwind', 2],
  ['spec over CLI', { unwind: '8' }, {}, { unwind: 'auto' }, 'unwind', 'auto'],
  ['manifest alone', {}, { 'max-size': 8 }, undefined, 'maxSize', 8],
  ['max-size from the CLI is not the default', { maxSize: 32 }, {}, undefined, 'maxSizeIsDefault', false],
  ['timeout: spec over CLI', { timeout: 30 }, {}, { timeout: 20 }, 'timeoutSec', 20],
  ['memory: manifest over CLI', { memory: 1024 }, { memory: 2048 }, undefined, 'memoryMb', 2048],
  ['proof-timeout: CLI alone', { proofTimeout: 90 }, {}, {}, 'proofTimeoutSec', 90],
  ['fwrapv: spec false over CLI true', { fwrapv: true }, {}, { fwrapv: false }, 'fwrapv', false],
  ['fwrapv implied by a manifest\'s cflags string', {}, { cflags: '-O2 -fno-strict-overflow' }, undefined, 'fwrapv', true],
  ['lists add up, CLI first', { define: ['A'] }, { define: ['B'] }, { define: ['C'] }, 'defines', ['A', 'B', 'C']],
  ['includes add up, CLI first', { include: ['a'] }, { include: ['b'] }, { include: ['c'] }, 'includes', ['a', 'b', 'c']],
  ['cflags add up, each split once', { cflags: '-DA -DB' }, { cflags: '-DC -DD' }, { cflags: ['-DE'] }, 'cflags', ['-DA', '-DB', '-DC', '-DD', '-DE']],
  ['buffers: the spec wins for one parameter', {}, {}, { buffers: { b: 'n' } }, 'buffers', { b: 'n' }],
  ['the series\' jobs per proof come from its CLI', { jobs: 1 }, {}, undefined, 'jobs', 1],
]

t.test('resolveProofOptions in a series: spec > manifest defaults > command line > built-in', async t => {
  for (const [what, args, manifest, s, field, want] of seriesRows) {
    const r = resolveProofOptions(checkProofArgs({ func: 'f', ...args }), manifest as never, s && spec(s), 'defaults')
    t.same((r as unknown as Record<string, unknown>)[field], want, what)
  }
})

t.test('resolveProofOptions for one proof: the command line wins over the spec; no manifest', async t => {
  const cli = checkProofArgs({ func: 'f', unwind: '8', define: ['A'] })
  const r = resolveProofOptions(cli, {}, spec({ unwind: 2, define: ['C'] }))
  t.equal(r.unwind, 8)
  t.same(r.defines, ['C', 'A'], 'spec first, then the CLI')
  t.equal(r.maxUnwind, 64, 'max-unwind from the defaults, above the fixed unwind')
})

t.test("sharedFlags: what change detection preprocesses with (CLI, then a manifest's defaults, cflags split)", async t => {
  t.same(sharedFlags(checkProofArgs({ include: ['i'], define: ['A'], cflags: '-DB' }), { include: ['j'], define: ['C'], cflags: ['-DD=1 -DE=2'] }), {
    includes: ['i', 'j'], defines: ['A', 'C'], cflags: ['-DB', '-DD=1', '-DE=2'],
  })
  t.same(sharedFlags(checkProofArgs({}), {}), { includes: [], defines: [], cflags: [] })
})

t.test('--unbounded: off reaches the request (no shortcut, no shared callees); auto or absent leaves it out', async t => {
  t.equal(resolveProofOptions(checkProofArgs({ func: 'f', unbounded: 'off' }), {}, undefined).unbounded, 'off')
  t.notOk('unbounded' in resolveProofOptions(checkProofArgs({ func: 'f', unbounded: 'auto' }), {}, undefined))
  t.notOk('unbounded' in resolveProofOptions(checkProofArgs({ func: 'f' }), {}, undefined))
})

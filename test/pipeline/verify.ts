/**
 * The orchestrator on its own: extraction, harness options and rendering are replaced by fixed data,
 * and cbmc by a shell script answering from prepared JSON (no gcc, no real cbmc here: verify() with
 * both runs in test/integration/). What is checked is what verify decides to do with the facts:
 * stop before the runs, run every mode, replay, cache, and build the report.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import t, { type Test } from 'tap'
import type { CbmcTool } from '../../src/cbmc/types.js'
import { ToolFailureError, ToolNotFoundError } from '../../src/errors.js'
import type { FunctionPair } from '../../src/extract/types.js'
import type { LoopAttempt, LoopProofEnv } from '../../src/unbounded/loop-proof.js'
import type { Harness } from '../../src/harness/types.js'
import type { HarnessMode } from '../../src/model/types.js'
import type { ResultCache } from '../../src/pipeline/cache/store.js'
import type { VerifyRequest } from '../../src/pipeline/types.js'
import type { ProofReport } from '../../src/report/types.js'

type Verify = typeof import('../../src/pipeline/verify.js')

const program = { program: 'CBMC 6.6.0 (cbmc-6.6.0)' }
const fn = (name: string, body = true) => ({ name, isBodyAvailable: body, isInternal: false })
const LINKED = [fn('klp_harness'), fn('klp_old_f'), fn('klp_new_f')]
const ANSWERS: Record<string, unknown> = {
  'load-ok': [program, { functions: LINKED }],
  'load-missing': [program, { functions: [...LINKED, fn('klp_old_g', false), fn('klp_new_g', false), fn('unreached', false)] }],
  props: [program, { properties: [] }],
  'run-ok': [program, { result: [] }, { cProverStatus: 'success' }],
  // the old version overflows; the patch fixes it outside every claim
  'run-old': [program, {
    result: [{
      property: 'klp_old_f.overflow.1', description: 'arithmetic overflow on signed + in x + 1', status: 'FAILURE',
      sourceLocation: { file: 'old.c', function: 'klp_old_f', line: '3' }, trace: [],
    }],
  }, { cProverStatus: 'failure' }],
}

/**
 * A cbmc stand-in: every call is logged; `--list-goto-functions` answers as the `load` file says
 * (ok, missing, oom, hang, segv), `--show-properties` lists nothing, runs of the old version's
 * safety harness find an overflow, every other run passes.
 */
function fakeCbmc(t: Test, load: string): { tool: CbmcTool; calls: () => string[]; setLoad: (m: string) => void } {
  const dir = t.testdir({
    ...Object.fromEntries(Object.entries(ANSWERS).map(([k, v]) => [`${k}.json`, JSON.stringify(v)])),
    load,
    cbmc: `#!/bin/sh
d=$(dirname "$0")
echo "$*" >> "$d/calls"
case " $* " in
  *" --list-goto-functions "*)
    case $(cat "$d/load") in
      oom) echo "terminate called after throwing an instance of 'std::bad_alloc'" >&2; exit 6 ;;
      hang) exec sleep 30 ;;
      segv) kill -SEGV $$ ;;
      *) exec cat "$d/load-$(cat "$d/load").json" ;;
    esac ;;
  *" --show-properties "*) exec cat "$d/props.json" ;;
  *safety-old.c*) cat "$d/run-old.json"; exit 10 ;;
  *) exec cat "$d/run-ok.json" ;;
esac
`,
  })
  chmodSync(path.join(dir, 'cbmc'), 0o755)
  const log = path.join(dir, 'calls')
  return {
    tool: { cbmc: path.join(dir, 'cbmc'), version: '6.6.0 (fake)', source: 'flag' },
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []),
    setLoad: m => writeFileSync(path.join(dir, 'load'), m),
  }
}

const PAIR = {
  func: 'f', old: { entry: 'klp_old_f', globals: [] }, new: { entry: 'klp_new_f', globals: [] }, typeChanges: [], constChanges: [],
  signature: { name: 'f', params: [{ name: 'p', type: { kind: 'scalar', text: 'int' }, typedefText: 'int KLP_TYPE_NAME' }], returnType: { kind: 'scalar', text: 'int' }, returnTypedef: 'int KLP_TYPE_NAME', variadic: false },
  externals: { externals: [] }, nonlinear: 0, referenced: ['g'],
} as unknown as FunctionPair

/** The rendered harness of a mode, one file named after it (so the stand-in knows which run it is). */
function harnessOf(mode: HarnessMode, name: string): Harness {
  return {
    mode, entry: 'klp_harness', files: [{ name: `${name}.c`, text: `/* ${name} */\n` }], unwindset: [], observables: [], inputs: [],
    checks: mode.kind === 'safety' ? 'all' : 'none', bounds: [], planted: [], entryAssumptions: [],
  } as unknown as Harness
}

const REQ: VerifyRequest = {
  oldPath: 'old.c', newPath: 'new.c', func: 'f', claims: [], assumes: [], nullable: [], buffers: {}, maxSize: 8, maxSizeIsDefault: true,
  unwind: 2, maxUnwind: 64, timeoutSec: 60, includes: [], defines: [], cflags: [], fwrapv: false, initGlobals: false, jobs: 2,
  extraCbmcArgs: [], solver: 'auto', held: [], replay: true, externals: {},
}

/** verify.ts with the stages before cbmc fixed, cbmc the stand-in, and gcc missing (unless `replay` says otherwise). */
async function orchestrator(t: Test, tool: CbmcTool, pair: FunctionPair = PAIR, replay: Record<string, unknown> = { findGcc: async () => undefined }): Promise<Verify> {
  const render = await import('../../src/harness/render.js')
  const build = await import('../../src/model/build.js')
  return t.mockImport<Verify>('../../src/pipeline/verify.js', {
    '../../src/cbmc/locate.js': { ...(await import('../../src/cbmc/locate.js')), locateCbmc: async () => tool },
    '../../src/extract/extract.js': { ...(await import('../../src/extract/extract.js')), extractFunctionPair: async () => pair },
    '../../src/model/build.js': { ...build, buildProofModel: async () => ({ claims: [], inputs: { initGlobals: false, buffers: [] }, world: { stubs: [] }, modes: build.proofModes([]) }) },
    '../../src/model/plan.js': { ...(await import('../../src/model/plan.js')), planProof: (_: unknown, m: unknown) => m },
    '../../src/harness/render.js': { ...render, renderHarness: (_: unknown, __: unknown, m: HarnessMode) => harnessOf(m, render.modeName(m)) },
    '../../src/pipeline/replay/native.js': { ...(await import('../../src/pipeline/replay/native.js')), ...replay },
    // the loop proof has its own tests (test/unbounded/); these pairs have no code: it gets the
    // session's runner (a process is timed as the proof's tool time) and logger, and proves nothing
    // unless the pair is named `looped`
    '../../src/unbounded/loop-proof.js': {
      ...(await import('../../src/unbounded/loop-proof.js')),
      attemptLoopProof: async (_req: unknown, p: FunctionPair, env: LoopProofEnv): Promise<LoopAttempt> => {
        env.debug('loop proof: not tried')
        const ran = await env.run({ cbmc: 'true', argv: [] })
        if (p.func !== 'looped') return ran.exitCode === 0 && env.budgetMs > 0 ? { kind: 'skipped' } : { kind: 'failed', why: 'x', rounds: 1 }
        return { kind: 'proved', proof: { proved: true, invariant: ['klp_po_i == klp_pn_i'], rounds: 2, durationMs: 5 }, line: 3, candidates: 9, params: [] }
      },
    },
  })
}

function logger() {
  const lines: string[] = []
  return { log: { info: (m: string) => lines.push(m), debug: () => {} }, lines }
}

function memoryCache(): ResultCache & { readonly entries: Map<string, ProofReport> } {
  const entries = new Map<string, ProofReport>()
  return { dir: '/nonexistent', entries, get: async k => entries.get(k), put: async (k, r) => void entries.set(k, r) }
}

t.test('stopped before the runs: the facts go to the classifier, the report says why', async t => {
  const rows: { name: string; load: string; pair?: Partial<FunctionPair>; req?: Partial<VerifyRequest>; want: Partial<ProofReport>; loads: number }[] = [
    { name: 'type changes: cbmc never loads the program', load: 'ok', pair: { typeChanges: [{ type: 'struct s', detail: 'a field added' }] },
      want: { reason: 'type-changed', summary: 'the patch changes type definitions (struct s); old and new cannot be compared on shared types' }, loads: 0 },
    { name: 'out of memory loading', load: 'oom', req: { memoryMb: 64 },
      want: { reason: 'out-of-memory', summary: 'cbmc could not load the program within the --memory cap of 64 MiB', hints: ['raise --memory (now 64 MiB per cbmc process)'] }, loads: 1 },
    { name: 'out of time loading', load: 'hang', req: { timeoutSec: 1 },
      want: { reason: 'timeout', summary: 'cbmc did not even load the program within the 1 s timeout', hints: ['raise --timeout (now 1 s per cbmc run)'] }, loads: 1 },
    { name: 'functions without a body the proof reaches', load: 'missing',
      want: { reason: 'external-calls', summary: 'f() calls functions without a body (g); they are not modelled, so the versions cannot be compared honestly' }, loads: 1 },
  ]
  for (const r of rows) {
    t.test(r.name, async t => {
      const fake = fakeCbmc(t, r.load)
      const { verify } = await orchestrator(t, fake.tool, { ...PAIR, ...r.pair } as FunctionPair)
      const cache = memoryCache()
      const report = await verify({ ...REQ, ...r.req }, { ...logger(), env: {}, cache })
      t.match(report, { verdict: 'inconclusive', exitCode: 2, runs: [], differences: [], function: 'f', cbmc: { version: '6.6.0 (fake)' }, ...r.want })
      t.equal(fake.calls().filter(c => c.includes('--list-goto-functions')).length, r.loads)
      t.equal(fake.calls().length, r.loads, 'no verification run')
      t.equal(cache.entries.size, 0, 'nothing cached')
    })
  }
})

t.test('a load cbmc cannot finish is an error, not a verdict', async t => {
  const fake = fakeCbmc(t, 'segv')
  const { verify } = await orchestrator(t, fake.tool)
  await t.rejects(verify(REQ, { ...logger(), env: {} }), { constructor: ToolFailureError, message: 'cbmc crashed (SIGSEGV) while building the harness for f()', hint: /crash of cbmc/ })
})

t.test('--solver z3 without a z3 is an error before anything runs', async t => {
  const fake = fakeCbmc(t, 'ok')
  const { verify } = await orchestrator(t, fake.tool)
  await t.rejects(verify({ ...REQ, solver: 'z3' }, { ...logger(), env: {} }), ToolNotFoundError)
  t.same(fake.calls(), [])
})

t.test('every mode runs; findings without gcc are marked, the report is cached and served', async t => {
  const fake = fakeCbmc(t, 'ok')
  const { verify, probeProof } = await orchestrator(t, fake.tool)
  const cache = memoryCache()
  const { log, lines } = logger()
  const keep = path.join(path.dirname(fake.tool.cbmc), 'kept')
  const report = await verify({ ...REQ, keepHarness: keep }, { log, env: {}, cache })
  t.match(report, {
    verdict: 'unintended', exitCode: 1, reason: undefined,
    differences: [{ classification: 'unintended', observable: 'safety: arithmetic overflow in old', run: 'safety-old', confirmed: 'n/a', confirmation: 'gcc not found: counterexamples were not run natively' }],
    unwinding: { mode: 'fixed', bound: 2, complete: true },
    cbmc: { solver: 'MiniSat (SAT, built into cbmc)' },
  })
  // the sliced counterexample already has every input the harness declares: no second solve for its trace (runs.ts wholeTraces)
  t.same(report.runs.map(r => [r.run, r.status]), [['equiv', 'complete'], ['safety-old', 'found'], ['safety-new', 'complete']])
  t.match(report.runs[0]!.command, new RegExp(`^cd equiv && ${fake.tool.cbmc} .*--unwind 2 .*equiv\\.c$`))
  t.ok(lines.includes('proving f(): 3 cbmc runs (equiv, safety-old, safety-new), 2 in parallel'))
  // the load, then per mode the instrumented properties and the run
  t.equal(fake.calls().length, 1 + 3 * 2)
  t.match(readFileSync(path.join(keep, 'run-cbmc.sh'), 'utf8'), /^\(cd safety-new && .*safety-new\.c\)$/m)
  t.ok(existsSync(path.join(keep, 'equiv', 'cbmc-command.txt')))
  t.equal(cache.entries.size, 1, 'the finished proof is cached')

  const again = await verify(REQ, { log, env: {}, cache })
  t.equal(again.cached, true)
  t.same({ ...again, cached: undefined, timings: undefined, options: undefined }, { ...report, cached: undefined, timings: undefined, options: undefined }, 'the same report')
  t.ok(lines.includes('f(): cached result (unintended), nothing re-run'))
  t.equal(fake.calls().length, 7, 'nothing ran again')

  const probed = await probeProof(REQ, { ...logger(), env: {}, cache })
  t.same(probed && { key: probed.key, verdict: probed.hit?.verdict }, { key: [...cache.entries.keys()][0], verdict: 'unintended' }, 'the key verify used')
})

t.test('an equivalent proof without gcc in reach of a finding', async t => {
  const fake = fakeCbmc(t, 'ok')
  const { verify, probeProof } = await orchestrator(t, fake.tool, PAIR)
  // without the overflow: every run passes, nothing to replay
  writeFileSync(path.join(path.dirname(fake.tool.cbmc), 'run-old.json'), JSON.stringify(ANSWERS['run-ok']))
  const report = await verify({ ...REQ, unwind: 'auto', maxUnwind: 2 }, { ...logger(), env: {} })
  t.match(report, { verdict: 'equivalent', exitCode: 0, unwinding: { mode: 'auto', bound: 1, complete: true } })
  // scalar arguments, no globals, every unwinding assertion held: the bounded proof covers every input
  t.same(report.bounds[0], { what: 'unwinding bound', value: 'auto (reached 1, max 2): every loop ended within it for every input (unwinding assertions held)', isDefault: true })
  t.match(report.unwinding, { kind: 'unbounded', techniques: [{ technique: 'complete-unwinding' }] })
  t.equal(await probeProof(REQ, { ...logger(), env: {}, cache: memoryCache() }).then(p => p?.hit), undefined, 'nothing cached: a probe finds no entry')
})

t.test('probeProof: a proof with type changes is never cached', async t => {
  const fake = fakeCbmc(t, 'ok')
  const { probeProof } = await orchestrator(t, fake.tool, { ...PAIR, typeChanges: [{ type: 'struct s', detail: '' }] } as FunctionPair)
  t.equal(await probeProof(REQ, { ...logger(), env: {}, cache: memoryCache() }), undefined)
  t.same(fake.calls(), [], 'nothing run')
})

t.test('the report names the solvers and every bound the proof assumed', async t => {
  const typeChanged = { ...PAIR, typeChanges: [{ type: 'struct s', detail: '' }] }
  const solver = async (tool: Partial<CbmcTool>, nonlinear: number, choice: VerifyRequest['solver']) => {
    const { verify } = await orchestrator(t, { cbmc: '/x/cbmc', version: '6.6.0', source: 'path', ...tool }, { ...typeChanged, nonlinear } as FunctionPair)
    return (await verify({ ...REQ, solver: choice }, { ...logger(), env: {} })).cbmc.solver
  }
  const cadical = { cadical: '/x/cadical' }
  const z3 = { z3: '/x/z3' }
  const rows: [Partial<CbmcTool>, number, VerifyRequest['solver'], string][] = [
    [{}, 0, 'auto', 'MiniSat (SAT, built into cbmc)'],
    [cadical, 0, 'auto', 'CaDiCaL (SAT, external)'],
    [cadical, 2, 'auto', 'CaDiCaL (SAT, external); no z3 found for the 2 variable multiplications/divisions'],
    [{ ...cadical, ...z3 }, 1, 'auto', 'Z3 (SMT) for comparisons (the code has 1 variable multiplication/division), CaDiCaL (SAT, external) for memory safety'],
    [z3, 3, 'auto', 'Z3 (SMT) for comparisons (the code has 3 variable multiplication/divisions), MiniSat (SAT, built into cbmc) for memory safety'],
    [z3, 0, 'z3', 'Z3 (SMT) for comparisons, MiniSat (SAT, built into cbmc) for memory safety'],
    [z3, 3, 'sat', 'MiniSat (SAT, built into cbmc)'],
  ]
  for (const [tool, nonlinear, choice, want] of rows) t.equal(await solver(tool, nonlinear, choice), want, `${JSON.stringify(tool)} ${nonlinear} ${choice}`)

  const { verify } = await orchestrator(t, { cbmc: '/x/cbmc', version: '6.6.0', source: 'path' }, typeChanged as FunctionPair)
  const req: VerifyRequest = {
    ...REQ, buffers: { buf: 'len' }, assumes: ['n > 0'], nullable: ['p'], proofTimeoutSec: 90, memoryMb: 512, fwrapv: true, held: ['&lock'],
    cflags: ['-O2', '-m64'], defines: ['A=1'], includes: ['inc'], extraCbmcArgs: ['--bounds-check'], maxSizeIsDefault: false,
  }
  const report = await verify(req, { ...logger(), env: {} })
  t.same(report.bounds, [
    { what: 'unwinding bound', value: '2', isDefault: false },
    { what: 'max buffer size (--max-size)', value: '8 elements', isDefault: false },
    { what: 'buffer buf', value: 'len elements, 0 <= len <= 8', isDefault: false },
    { what: 'assumption', value: 'n > 0', isDefault: false },
    { what: 'p may be NULL', value: 'yes', isDefault: false },
    { what: 'time per proof (--proof-timeout)', value: '90 s', isDefault: false },
    { what: 'memory per cbmc process (--memory)', value: '512 MiB', isDefault: false },
    { what: 'pointer parameters', value: 'non-NULL unless --nullable; each its own object (never the same as, or overlapping, another)', isDefault: true },
    { what: 'pointer fields of input objects', value: 'NULL or one fresh object (depth 1)', isDefault: true },
    { what: 'globals at entry', value: 'any value, the same for both versions', isDefault: true },
    { what: 'signed overflow', value: 'wraps (--fwrapv)', isDefault: false },
    { what: 'lock held at entry (held:)', value: '&lock', isDefault: false },
    { what: 'compiler flags (--cflags)', value: '-O2 -m64', isDefault: false },
    { what: 'define (-D)', value: 'A=1', isDefault: false },
    { what: 'include folder (-I)', value: 'inc', isDefault: false },
    { what: 'extra cbmc arguments (--cbmc-arg)', value: '--bounds-check', isDefault: false },
  ])
  t.match(report.options, { proofTimeoutSec: 90, memoryMb: 512, buffers: { buf: 'len' }, cflags: ['-O2', '-m64'], jobs: 2 })
})

t.test('with gcc: each run with findings is replayed from its native harness, in the kept folder', async t => {
  const fake = fakeCbmc(t, 'ok')
  const replayed: string[] = []
  const { verify } = await orchestrator(t, fake.tool, PAIR, {
    findGcc: async () => '/usr/bin/gcc',
    replayRun: async (ctx: { gcc: string; fwrapv: boolean }, job: { run: string; safety: object[] }, native: Harness, dir: string, budget: { left: number }) => {
      replayed.push(`${job.run} ${ctx.gcc} fwrapv=${ctx.fwrapv} ${native.files[0]!.name} ${dir} budget=${budget.left}`)
      return { ...job, safety: job.safety.map(v => ({ ...v, confirmed: true, confirmation: 'native run: overflow' })) }
    },
  })
  const keep = path.join(path.dirname(fake.tool.cbmc), 'kept')
  const report = await verify({ ...REQ, keepHarness: keep, fwrapv: true }, { ...logger(), env: {} })
  t.same(replayed, [`safety-old /usr/bin/gcc fwrapv=true safety-old.c ${path.join(keep, 'safety-old')} budget=8`], 'only the run with a finding')
  t.match(report.differences, [{ run: 'safety-old', confirmed: true, confirmation: 'native run: overflow' }])
})

t.test('an identical pair: equivalent without cbmc, unless --unbounded off, which proves it with cbmc', async t => {
  const fake = fakeCbmc(t, 'ok')
  writeFileSync(path.join(path.dirname(fake.tool.cbmc), 'run-old.json'), JSON.stringify(ANSWERS['run-ok']))
  const { verify } = await orchestrator(t, fake.tool, { ...PAIR, sharedCallees: { identical: true, callees: [], callerLoops: false } } as unknown as FunctionPair)
  const shortcut = await verify(REQ, { ...logger(), env: {} })
  t.match(shortcut, { verdict: 'equivalent', runs: [], unwinding: { kind: 'unbounded' } })
  t.equal(fake.calls().length, 0, 'no cbmc call')
  const off = await verify({ ...REQ, unbounded: 'off' }, { ...logger(), env: {} })
  t.equal(off.verdict, 'equivalent')
  t.ok(off.runs.length > 0, 'cbmc ran')
  t.not(off.unwinding.kind, 'unbounded')
})

t.test('a loop proved for every iteration count: no bounded run, the report unbounded and cached', async t => {
  const fake = fakeCbmc(t, 'ok')
  const { verify } = await orchestrator(t, fake.tool, { ...PAIR, func: 'looped' } as FunctionPair)
  const cache = memoryCache()
  const { log, lines } = logger()
  const r = await verify({ ...REQ, func: 'looped' }, { log, env: {}, cache })
  t.match(r, { verdict: 'equivalent', unwinding: { kind: 'unbounded', complete: true } })
  t.same(r.runs.map(x => x.run), ['loop-proof'], 'the loop proof is the only run')
  t.equal(fake.calls().filter(c => !c.includes('--version')).length, 0, 'no bounded cbmc run')
  t.match(lines.join('\n'), /looped\(\): proved for every iteration count \(coupling invariant, 2 rounds\); no bounded run needed/)
  t.equal(cache.entries.size, 1, 'cached')
  const again = await verify({ ...REQ, func: 'looped' }, { log, env: {}, cache })
  t.equal(again.cached, true)
})

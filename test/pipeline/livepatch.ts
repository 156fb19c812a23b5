/**
 * The object step of a single proof with gcc, the preprocessor and the object analysis replaced
 * (the real ones run in test/integration/livepatch-*.ts): the flags, the changed set, what a failure
 * becomes, and the order of the proofs.
 */
import t from 'tap'
import type { ObjectDiff } from '../../src/object/index.js'
import type { VerifyRequest } from '../../src/pipeline/types.js'
import type { ProofReport } from '../../src/report/types.js'
import { equivalent, unintended } from '../fixtures/reports.js'

type Mod = typeof import('../../src/pipeline/livepatch.js')

const req = {
  oldPath: '/w/old.c', newPath: '/w/new.c', func: 'scale', cflags: [], includes: [], defines: [], timeoutSec: 300,
  claims: [], assumes: [], nullable: [], buffers: {}, held: [],
} as unknown as VerifyRequest

/** Preprocessed text of a file defining `fns` (name → body), with a line marker naming the file. */
const tu = (file: string, fns: Record<string, string>) => `# 1 "${file}"\n${Object.entries(fns).map(([n, b]) => `static int ${n}(int x) { ${b} }`).join('\n')}\n`

interface Fakes {
  gcc?: string | undefined
  diff?: (changed: ReadonlySet<string>) => ObjectDiff
  texts?: Record<string, string>
  seen?: { cflags?: readonly string[]; changed?: ReadonlySet<string>; signal?: AbortSignal; cwd?: string }
}

async function load(t: Tap.Test, f: Fakes = {}): Promise<Mod> {
  const texts = f.texts ?? { '/w/old.c': tu('/w/old.c', { scale: 'return x;', rx: 'return scale(x);' }), '/w/new.c': tu('/w/new.c', { scale: 'return x + 0;', rx: 'return scale(x);' }) }
  return t.mockImport<Mod>('../../src/pipeline/livepatch.js', {
    '../../src/pipeline/replay/native.js': { findGcc: async () => ('gcc' in f ? f.gcc : 'gcc') },
    '../../src/extract/read.js': {
      ...(await import('../../src/extract/read.js')),
      preprocess: async (file: string) => {
        if (!(file in texts)) throw new Error(`${file}: no such file`)
        return { path: file, text: texts[file], exprs: [] }
      },
    },
    '../../src/object/index.js': {
      ...(await import('../../src/object/index.js')),
      diffSourceVersions: async (tools: { signal?: AbortSignal }, r: { cflags: readonly string[]; changed: ReadonlySet<string> | PromiseLike<ReadonlySet<string>>; cwd?: string }) => {
        const changed = await r.changed
        if (f.seen) Object.assign(f.seen, { cflags: r.cflags, changed, signal: tools.signal, cwd: r.cwd })
        return (f.diff ?? (() => ({ functions: [], hazards: [] })))(changed)
      },
    },
  })
}

t.test('objectCflags: the proof flags, -I and -D, and -O2 unless an -O is given', async t => {
  const { objectCflags } = await load(t)
  t.same(objectCflags({ cflags: [], includes: [], defines: [] }), ['-O2'])
  t.same(objectCflags({ cflags: ['-DX'], includes: ['/inc'], defines: ['Y=1'] }), ['-O2', '-DX', '-I/inc', '-DY=1'])
  t.same(objectCflags({ cflags: ['-Os', '-pg'], includes: [], defines: [] }), ['-Os', '-pg'])
})

t.test('changedFunctions: the bodies that changed, compared as a series compares them', async t => {
  const { changedFunctions } = await load(t)
  t.same([...await changedFunctions(req)], ['scale'])
})

t.test('analyseObjects: the diff with the changed set, or what went wrong', async t => {
  const seen: Fakes['seen'] = {}
  const ok = await (await load(t, { seen, diff: () => ({ functions: [{ symbol: 'rx', function: 'rx', reason: 'inlined-callee-changed', via: ['scale'] }], hazards: [] }) })).analyseObjects(req)
  t.same(ok.cflags, ['-O2'])
  t.same(ok.diff?.functions.map(f => f.symbol), ['rx'])
  t.same([...seen.changed!], ['scale'])
  t.equal(seen.cwd, process.cwd(), 'gcc runs where the proof preprocessed: relative -I flags mean the same')
  t.ok(ok.durationMs >= 0)
  const noGcc = await (await load(t, { gcc: undefined })).analyseObjects(req)
  t.match(noGcc, { error: /^gcc not found on PATH/ })
  t.notOk(noGcc.diff)
  const failed = await (await load(t, { diff: () => { throw new Error('gcc failed: new.c:1: error: x\nhint') } })).analyseObjects(req)
  t.equal(failed.error, 'gcc failed: new.c:1: error: x')
  // a file the change detection cannot read: the proved function stands for the changed set
  const seen2: Fakes['seen'] = {}
  await (await load(t, { seen: seen2, texts: {} })).analyseObjects(req)
  t.same([...seen2.changed!], ['scale'])
})

t.test('verifyWithLivePatch: off is the proof alone', async t => {
  const mod = await load(t, { diff: () => { throw new Error('not reached') } })
  const r = await mod.verifyWithLivePatch(req, { mode: 'off', accept: [] }, async () => equivalent)
  t.equal(r, equivalent)
})

t.test('verifyWithLivePatch: the proof, then the other listed functions one after the other, joined', async t => {
  const mod = await load(t, {
    diff: () => ({
      functions: [
        { symbol: 'rx', function: 'rx', reason: 'inlined-callee-changed', via: ['scale'] },
        { symbol: 'tx', function: 'tx', reason: 'inlined-callee-changed', via: ['scale'] },
        { symbol: 'other', function: 'other', reason: 'source-changed' },
      ],
      hazards: [{ kind: 'data-changed', symbol: 'limit', severity: 'error', detail: 'd' }],
    }),
  })
  const asked: string[] = []
  const prove = async (r: VerifyRequest): Promise<ProofReport> => {
    asked.push(r.func)
    if (r.func === 'tx') throw new Error('tx() is not defined in /w/old.c\nmore')
    return r.func === 'rx' ? { ...unintended, function: 'rx' } : { ...equivalent, function: r.func }
  }
  const r = await mod.verifyWithLivePatch(req, { mode: 'auto', accept: ['data-changed:limit'] }, prove)
  t.same(asked, ['scale', 'rx', 'tx'])
  t.same(r.livepatch!.functions.map(f => [f.symbol, f.verdict]), [['rx', 'unintended'], ['tx', 'not-proved'], ['other', 'not-proved']])
  t.match(r.livepatch!.functions[1]!.note, /^its proof could not run: tx\(\) is not defined in \/w\/old\.c$/)
  t.same(r.livepatch!.hazards, [{ kind: 'data-changed', symbol: 'limit', severity: 'error', detail: 'd', accepted: true }])
  t.equal(r.exitCode, 1, 'the unintended caller')
})

t.test('verifyWithLivePatch: a proof that throws stops the object step and is rethrown', async t => {
  const seen: Fakes['seen'] = {}
  const mod = await load(t, { seen })
  await t.rejects(mod.verifyWithLivePatch(req, { mode: 'auto', accept: [] }, async () => { throw new Error('no such function') }), { message: 'no such function' })
  t.ok(seen.signal?.aborted, 'the object step was told to stop')
})

t.test('verifyWithLivePatch: an abort before the other proofs stops them; the signal reaches the object step', async t => {
  const seen: Fakes['seen'] = {}
  const mod = await load(t, { seen, diff: () => ({ functions: [{ symbol: 'rx', function: 'rx', reason: 'codegen-only' }], hazards: [] }) })
  const ctl = new AbortController()
  const asked: string[] = []
  await t.rejects(mod.verifyWithLivePatch(req, { mode: 'auto', accept: [], signal: ctl.signal }, async r => {
    asked.push(r.func)
    ctl.abort(new Error('interrupted'))
    return equivalent
  }), { message: 'interrupted' })
  t.same(asked, ['scale'])
  t.ok(seen.signal?.aborted, 'the abort reached the object step')
})

t.test('verifyWithLivePatch: an object step that failed leaves the proof as it was, with the error', async t => {
  const mod = await load(t, { diff: () => { throw new Error('gcc failed: x') } })
  const r = await mod.verifyWithLivePatch(req, { mode: 'auto', accept: [] }, async () => equivalent)
  t.same(r.livepatch, { cflags: ['-O2'], functions: [], hazards: [], error: 'gcc failed: x', durationMs: r.livepatch!.durationMs })
  t.equal(r.exitCode, 0)
})

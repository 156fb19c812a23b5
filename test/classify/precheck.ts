/**
 * Verdicts decided before the runs: reading cbmc's load of the harness program (real and hand-made
 * `--list-goto-functions` outputs) and judging the pre-run facts, one row per case.
 */
import { readFileSync } from 'node:fs'
import t from 'tap'
import type { CbmcRun } from '../../src/cbmc/types.js'
import { classifyPrecheck, readProgramLoad, type LoadContext, type PrecheckFacts, type ProgramLoad } from '../../src/classify/precheck.js'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/cbmc-json/6.6/${name}`, import.meta.url), 'utf8')

function runOf(stdout: string, over: Partial<CbmcRun> = {}): CbmcRun {
  return { argv: ['--list-goto-functions'], command: 'cbmc --list-goto-functions', exitCode: 0, signal: null, termination: 'exited', durationMs: 5, stdout, stderr: '', ...over }
}

/** A `--list-goto-functions --json-ui` output listing these functions ([name, has a body, internal]). */
function listing(fns: readonly [string, boolean, boolean?][]): string {
  return JSON.stringify([
    { program: 'CBMC 6.6.0 (cbmc-6.6.0)' },
    { functions: fns.map(([name, body, internal]) => ({ name, isBodyAvailable: body, isInternal: internal ?? false })) },
  ])
}

const ctx: LoadContext = { func: 'f', entries: ['klp_old_f', 'klp_new_f'], referenced: ['helper', 'kmalloc'], capped: false }
const LINKED: [string, boolean, boolean?][] = [['klp_harness', true], ['klp_old_f', true], ['klp_new_f', true], ['__CPROVER_initialize', true, true]]
const ERROR_JSON = (text: string) => JSON.stringify([{ program: 'CBMC 6.6.0' }, { messageText: text, messageType: 'ERROR' }])

t.test('readProgramLoad: one row per kind of load', async t => {
  const rows: { name: string; run: CbmcRun; ctx?: Partial<LoadContext>; want: ProgramLoad | RegExp }[] = [
    { name: 'loaded, every body there', run: runOf(listing(LINKED)), want: { status: 'loaded', missingBodies: [] } },
    {
      name: 'bodies missing: version prefixes stripped, each name once, sorted, only what the proof reaches',
      run: runOf(listing([...LINKED, ['klp_new_kmalloc', false], ['klp_old_kmalloc', false], ['klp_old_helper', false], ['printk', false], ['__CPROVER_x', false], ['memcpy', false, true]])),
      want: { status: 'loaded', missingBodies: ['helper', 'kmalloc'] },
    },
    {
      name: 'a real cbmc listing (test/fixtures/cbmc-json): helper and kmalloc have no body',
      run: runOf(fixture('list-goto-functions.json')), ctx: { entries: ['foo', 'harness'] },
      want: { status: 'loaded', missingBodies: ['helper', 'kmalloc'] },
    },
    { name: 'an entry without a body: the versions were not both linked', run: runOf(listing([['klp_old_f', true], ['klp_new_f', false]])), want: /^the harness program lacks klp_new_f; /s },
    { name: 'an entry not listed at all', run: runOf(listing([['klp_new_f', true]])), want: /^the harness program lacks klp_old_f; /s },
    { name: 'the run timed out', run: runOf('[', { termination: 'timeout', exitCode: null }), want: { status: 'timeout' } },
    { name: 'capped, no output at all: out of memory', run: runOf('', { exitCode: 1 }), ctx: { capped: true }, want: { status: 'out-of-memory' } },
    { name: 'capped, killed with no output: out of memory', run: runOf('', { exitCode: null, signal: 'SIGKILL' }), ctx: { capped: true }, want: { status: 'out-of-memory' } },
    { name: 'capped, cbmc says out of memory', run: runOf(ERROR_JSON('Out of memory'), { exitCode: 6 }), ctx: { capped: true }, want: { status: 'out-of-memory' } },
    { name: 'capped, the C++ runtime says bad_alloc', run: runOf('[{"program":"CBMC"}', { exitCode: null, signal: 'SIGABRT', stderr: "terminate called after throwing an instance of 'std::bad_alloc'" }), ctx: { capped: true }, want: { status: 'out-of-memory' } },
    { name: 'capped, but cbmc succeeded', run: runOf(listing(LINKED)), ctx: { capped: true }, want: { status: 'loaded', missingBodies: [] } },
    { name: 'uncapped, no output: not out of memory, output unreadable', run: runOf('', { exitCode: 1 }), want: /^cbmc cannot build the harness for f\(\): / },
    { name: 'a crash (signal, no memory evidence)', run: runOf('', { exitCode: null, signal: 'SIGSEGV' }), want: /^cbmc crashed \(SIGSEGV\) while building the harness for f\(\)$/ },
    { name: 'a kill from outside', run: runOf('', { exitCode: null, signal: 'SIGKILL' }), want: /^cbmc was killed \(SIGKILL\) by something outside klp-verify.* while building the harness for f\(\)$/ },
    { name: 'cbmc did not start', run: runOf('', { exitCode: null, termination: 'spawn-failed', error: 'spawn /x/cbmc ENOENT' }), want: /^cbmc could not run to build the harness for f\(\) \(spawn-failed\): spawn \/x\/cbmc ENOENT$/ },
    { name: 'too much output', run: runOf('[', { exitCode: null, termination: 'max-buffer' }), want: /^cbmc could not run to build the harness for f\(\) \(max-buffer\)$/ },
    { name: 'the C front end rejects the code (real parse error)', run: runOf(fixture('parse-error.json'), { exitCode: 6 }), want: /^cbmc cannot build the harness for f\(\): parse-error\.c:4: syntax error before ';'; PARSING ERROR$/ },
  ]
  for (const r of rows) {
    const got = readProgramLoad(r.run, { ...ctx, ...r.ctx })
    if (r.want instanceof RegExp) {
      t.equal(got.status, 'failed', r.name)
      if (got.status === 'failed') {
        t.match(got.error, r.want, r.name)
        t.ok(got.hint.length > 0, `${r.name}: with a hint`)
      }
    } else t.same(got, r.want, r.name)
  }
})

t.test('readProgramLoad: the hint says whose fault a front-end error is', async t => {
  const ours = readProgramLoad(runOf(JSON.stringify([{ messageText: 'conflicting types', messageType: 'ERROR', sourceLocation: { file: '<klp-harness>', line: '3' } }]), { exitCode: 6 }), ctx)
  t.match(ours, { status: 'failed', error: /: <klp-harness>:3: conflicting types$/, hint: /klp-verify bug/ })
  const theirs = readProgramLoad(runOf(ERROR_JSON('bad type'), { exitCode: 6 }), ctx)
  t.match(theirs, { status: 'failed', error: /: bad type$/, hint: /front end rejected the code/ })
  const unlocated = readProgramLoad(runOf(JSON.stringify([{ messageText: 'x', messageType: 'ERROR', sourceLocation: { file: 'a/b.c' } }]), { exitCode: 6 }), ctx)
  t.match(unlocated, { status: 'failed', error: /: b\.c:\?: x$/ })
})

const LAYOUT = 'a live patch cannot change the layout of a type that running code already uses; keep the old layout (e.g. use shadow variables) or prove each caller'

t.test('classifyPrecheck: the verdicts decided before any run', async t => {
  const claims = [{ id: 'c1', when: 'x > 0', then: 'r == 1', differs: ['return' as const] }, { id: 'c2', when: 'y', differs: [] }]
  const pc = { claims, timeoutSec: 30, memoryMb: 512 }
  const none = { func: 'f', typeChanges: [] }
  const rows: { name: string; facts: PrecheckFacts; want: { reason: string; summary: string; hints: string[] } | undefined }[] = [
    { name: 'nothing known yet: the runs decide', facts: none, want: undefined },
    { name: 'loaded with every body: the runs decide', facts: { ...none, load: { status: 'loaded', missingBodies: [] } }, want: undefined },
    {
      name: 'unmodelled inline asm is named by its function, before other missing bodies',
      facts: { ...none, load: { status: 'loaded', missingBodies: ['__klp_unmodelled_asm_in_swab', 'helper'] } },
      want: {
        reason: 'external-calls', summary: 'f() reaches inline assembly klp-verify cannot model, in swab(); cbmc would skip it, so the versions cannot be compared honestly',
        hints: ['the x86 atomics, bit operations, static branches, per-cpu arithmetic and empty-template asm are modelled (src/extract/asm-bodies.ts); prove a function that does not reach this asm, or report it'],
      },
    },
    {
      name: 'type changes', facts: { ...none, typeChanges: [{ type: 'struct a' }, { type: 'union b' }] },
      want: {
        reason: 'type-changed', summary: 'the patch changes type definitions (struct a, union b); old and new cannot be compared on shared types',
        hints: [LAYOUT],
      },
    },
    {
      name: 'type changes win over any load', facts: { ...none, typeChanges: [{ type: 'struct a' }], load: { status: 'timeout' } },
      want: { reason: 'type-changed', summary: 'the patch changes type definitions (struct a); old and new cannot be compared on shared types', hints: [LAYOUT] },
    },
    {
      name: 'out of memory loading', facts: { ...none, load: { status: 'out-of-memory' } },
      want: { reason: 'out-of-memory', summary: 'cbmc could not load the program within the --memory cap of 512 MiB', hints: ['raise --memory (now 512 MiB per cbmc process)'] },
    },
    {
      name: 'out of time loading', facts: { ...none, load: { status: 'timeout' } },
      want: { reason: 'timeout', summary: 'cbmc did not even load the program within the 30 s timeout', hints: ['raise --timeout (now 30 s per cbmc run)'] },
    },
    {
      name: 'functions without a body', facts: { ...none, load: { status: 'loaded', missingBodies: ['g', 'h'] } },
      want: {
        reason: 'external-calls', summary: 'f() calls functions without a body (g, h); they are not modelled, so the versions cannot be compared honestly',
        hints: ['add the bodies of g, h to both files (or a shared header), or prove a function that does not call them'],
      },
    },
  ]
  for (const r of rows) {
    const got = classifyPrecheck(r.facts, pc)
    if (!r.want) { t.equal(got, undefined, r.name); continue }
    t.match(got, { verdict: 'inconclusive', ...r.want }, r.name)
    t.same(got && { ...got, reason: undefined, summary: undefined, hints: undefined }, {
      verdict: 'inconclusive', reason: undefined, summary: undefined, hints: undefined,
      differences: [], preExisting: [], errors: [], complete: false, openLoops: [], bound: 0,
      claims: [{ id: 'c1', when: 'x > 0', then: 'r == 1', differs: ['return'], observed: null }, { id: 'c2', when: 'y', then: undefined, differs: [], observed: null }],
    }, `${r.name}: nothing ran, every claim unobserved`)
  }
})

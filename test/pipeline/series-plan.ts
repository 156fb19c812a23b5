import path from 'node:path'
import t from 'tap'
import { ExtractError } from '../../src/errors.js'
import { messageOf, planSeries } from '../../src/pipeline/series-plan.js'
import type { PatchFile, SeriesPatch, SeriesSource } from '../../src/series/types.js'

const v1 = 'static int helper(int x) { return x + 1; }\nint uses(int x) { return helper(x); }\nint f(int len) { return len; }\nint same(void) { return 0; }\n'
const v2 = 'static int helper(int x) { return x + 2; }\nint uses(int x) { return helper(x); }\nint f(int len) { if (len > 4) return -22; return len; }\nint same(void) { return 0; }\n'
const v3 = 'static int helper(int x) { return x + 2; }\nint uses(int x) { return helper(x); }\nint f(int len) { if (len > 4) return -22; if (len < 0) return -1; return len; }\nint same(void) { return 0; }\nint fresh(void) { return 1; }\n'

/** No command-line or manifest preprocessing flags. */
const none = { includes: [], defines: [], cflags: [] }

const file = (dir: string, a: string, b: string, key = 'a.c'): PatchFile => ({
  key, oldLabel: `${a}:${key}`, newLabel: `${b}:${key}`, oldPath: path.join(dir, a, key), newPath: path.join(dir, b, key), oldIncludes: [], newIncludes: [],
})

t.test('a chain: changed and affected functions per patch, claims from specs and trailers, base → tip with their union', async t => {
  const dir = t.testdir({
    s0: { 'a.c': v1 }, s1: { 'a.c': v2 }, s2: { 'a.c': v3 },
    'p1.yaml': 'function: f\nmax-size: 8\nintended:\n  - {when: "len > 4", then: "ret == -22"}\n---\nfunction: uses\nunwind: 3\n',
  })
  const patch = (index: number, over: Partial<SeriesPatch>): SeriesPatch => ({
    id: `p${index}`, index, title: `patch ${index}`, files: [file(dir, `s${index}`, `s${index + 1}`)], functions: 'auto', specs: [], trailerClaims: {}, ...over,
  })
  const source: SeriesSource = {
    kind: 'patches', description: 'test',
    patches: [
      patch(0, { specs: [path.join(dir, 'p1.yaml')], trailerAssumes: { f: ['len < 100'] } }),
      patch(1, { trailerClaims: { f: ['len < 0 => ret == -1'] } }),
      { ...patch(2, {}), files: [], error: 'does not apply: patch failed: a.c:1' },
    ],
    baseTip: [file(dir, 's0', 's2')],
    cleanup: async () => {},
  }
  const plan = await planSeries(source, none, [], 2, new Map())
  const rows = plan.tasks.map(x => [x.patch?.id ?? null, x.fn, x.affected])
  t.same(rows, [
    ['p0', 'f', false], ['p0', 'helper', false], ['p0', 'uses', true],
    ['p1', 'f', false],
    [null, 'f', false], [null, 'helper', false], [null, 'uses', true],
  ], 'changed functions, then callers of the changed static helper (affected); unchanged ones are not proved')
  const p0f = plan.tasks[0]!
  t.equal(p0f.spec['max-size'], 8, 'the spec document naming f')
  t.equal(p0f.spec.timeout, undefined, 'the function\'s own spec: the command line and a manifest are resolved per proof (resolve.ts)')
  t.same(p0f.assumes, ['len < 100'], 'Klp-Assume trailer')
  t.equal(plan.tasks[2]!.spec.unwind, 3, 'the second document of the same spec file names uses()')
  const tip = plan.tasks.find(x => x.patch === null && x.fn === 'f')!
  t.same(tip.spec.intended.map(c => c.when), ['len > 4'], 'base → tip: the spec claims of every patch')
  t.same(tip.trailers, ['len < 0 => ret == -1'], 'and the trailer claims')
  t.same(tip.assumes, ['len < 100'])
  t.same(plan.patches.map(p => [p.id, p.status]), [['p0', 'applied'], ['p1', 'applied'], ['p2', 'not-applied']])
  t.same(plan.patches[1]!.added, ['fresh'], 'added functions are listed')
  t.equal(plan.patches[2]!.error, 'does not apply: patch failed: a.c:1')
  // series --plan-only: per patch and file, what changed and which functions got a proof
  t.same(plan.files.map(f => [f.patch, f.file, f.changed, f.affected, f.added, f.planned]), [
    ['p0', 'a.c', ['f', 'helper'], ['uses'], [], ['f', 'helper', 'uses']],
    ['p1', 'a.c', ['f'], [], ['fresh'], ['f']],
    [null, 'a.c', ['f', 'helper'], ['uses'], ['fresh'], ['f', 'helper', 'uses']],
  ], 'a patch that did not apply has no files')
  t.same(plan.files[0]!.common, ['f', 'helper', 'same', 'uses'])
})

t.test('files of the plan: named functions, an added file, a patch that cannot be proved as written', async t => {
  const dir = t.testdir({ s0: { 'a.c': v1, 'r.c': 'int old_one(void) { return 0; }\n' }, s1: { 'a.c': v2, 'n.c': 'int fresh(void) { return 1; }\n' } })
  const added: PatchFile = { ...file(dir, 's0', 's1', 'n.c'), oldPath: null }
  const removed: PatchFile = { ...file(dir, 's0', 's1', 'r.c'), newPath: null }
  const source: SeriesSource = {
    kind: 'manifest', description: 'test', baseTip: [], cleanup: async () => {},
    patches: [
      { id: 0, index: 0, title: 'named', files: [file(dir, 's0', 's1')], functions: ['same'], specs: [], trailerClaims: {} },
      { id: 1, index: 1, title: 'added', files: [added, removed, file(dir, 's0', 's1')], functions: 'auto', specs: [], trailerClaims: {} },
      { id: 2, index: 2, title: 'problem', files: [file(dir, 's0', 's1')], functions: 'auto', specs: [], trailerClaims: {}, problem: 'a malformed Klp-Intended trailer' },
      { id: 3, index: 3, title: 'claims', files: [file(dir, 's0', 's1', 'b.c'), file(dir, 's0', 's1')], functions: 'auto', specs: [], trailerClaims: { nowhere: ['x => y'] } },
    ],
  }
  const plan = await planSeries(source, none, [], 1, new Map())
  t.same(plan.files.map(f => [f.patch, f.file, f.changed ?? null, f.added ?? null, f.planned, f.error ?? null]), [
    [0, 'a.c', null, null, ['same'], null],
    [1, 'n.c', [], ['fresh'], [], null],
    [1, 'r.c', [], [], [], null],
    [1, 'a.c', ['f', 'helper'], [], ['f', 'helper', 'uses'], null],
    [2, 'a.c', null, null, [], 'a malformed Klp-Intended trailer'],
    [3, 'b.c', null, null, [], plan.patches[3]!.error],
    [3, 'a.c', null, null, [], plan.patches[3]!.error],
  ], 'named: no detection; added or removed: listed; a problem: every file says it; a file whose detection failed: its error, and the files after it were not planned')
  t.same(plan.files[2]!.removed, ['old_one'])
  t.match(plan.patches[3], { status: 'error', error: /b\.c/ })
})

t.test('a file that does not preprocess is that patch\'s error, named by its label', async t => {
  const dir = t.testdir({ s0: { 'a.c': '#include "missing.h"\nint f(void) { return 0; }\n' }, s1: { 'a.c': '#include "missing.h"\nint f(void) { return 1; }\n' } })
  const source: SeriesSource = {
    kind: 'patches', description: 'test', baseTip: [], cleanup: async () => {},
    patches: [{ id: 'p0', index: 0, title: 'x', files: [file(dir, 's0', 's1')], functions: 'auto', specs: [], trailerClaims: {} }],
  }
  const plan = await planSeries(source, none, [], 1, new Map())
  t.same(plan.tasks, [])
  t.equal(plan.patches[0]!.status, 'error')
  t.match(plan.patches[0]!.error, /^cannot preprocess (s0|s1):a\.c: (s0|s1):a\.c:1:10: fatal error: missing\.h/, "either side may fail first")
})

t.test('errors name files by their labels, not by temporary snapshot folders', async t => {
  const f = { key: 'd/a.c', oldLabel: 'base:d/a.c', newLabel: '0001-x.patch:d/a.c', oldPath: '/tmp/s/1/d/a.c', newPath: '/tmp/s/2/d/a.c', oldIncludes: [], newIncludes: [] }
  t.equal(messageOf(new ExtractError('cannot preprocess /tmp/s/2/d/a.c: /tmp/s/2/d/a.c:1:10: fatal error', { hint: 'pass -I' }), [f]),
    'cannot preprocess 0001-x.patch:d/a.c: 0001-x.patch:d/a.c:1:10: fatal error (hint: pass -I)')
  t.equal(messageOf('plain'), 'plain')
  t.equal(messageOf(new Error('boom')), 'boom')
})

t.test('changes outside functions and claims about unchanged functions are proved; a claim about a missing one is an error', async t => {
  const a = 'static const int limit = 4;\nint check(int n) { return n > limit; }\nint other(int n) { return n; }\n'
  const b = 'static const int limit = 8;\nint check(int n) { return n > limit; }\nint other(int n) { return n; }\n'
  const dir = t.testdir({ s0: { 'a.c': a }, s1: { 'a.c': b }, s2: { 'a.c': b } })
  const mk = (index: number, over: Partial<SeriesPatch>): SeriesPatch => ({
    id: `p${index}`, index, title: `patch ${index}`, files: [file(dir, `s${index}`, `s${index + 1}`)], functions: 'auto', specs: [], trailerClaims: {}, ...over,
  })
  const source: SeriesSource = {
    kind: 'patches', description: 'test', baseTip: [file(dir, 's0', 's2')], cleanup: async () => {},
    patches: [mk(0, { trailerClaims: { other: ['n > 100 => ret == 0'] } }), mk(1, { trailerClaims: { nope: ['1'] } })],
  }
  const plan = await planSeries(source, none, [], 2, new Map())
  t.same(plan.tasks.map(x => [x.patch?.id ?? null, x.fn, x.affected]), [
    ['p0', 'check', true], ['p0', 'other', false],
    [null, 'check', true], [null, 'other', false],
  ], 'check uses the changed constant; other is claimed about; both are proved in the patch and base → tip')
  t.match(plan.patches[0]!.notes, [/^changed outside functions: limit/])
  t.equal(plan.patches[1]!.status, 'error')
  t.match(plan.patches[1]!.error, /claims name nope\(\), which no changed file defines in both versions/)
})

t.test('refused flags in any data file stop the whole plan with one error, before gcc runs', async t => {
  const dir = t.testdir({
    tree: { inc: {} },
    // a.c does not even preprocess: the flag check comes first
    s0: { 'a.c': '#include "missing.h"\n' }, s1: { 'a.c': '#include "missing.h"\n' },
    patches: { 'p0.yaml': 'function: f\ncflags: "-fplugin=evil.so -DX"\n---\nfunction: g\ninclude: [../tree/inc, ../../x]\n', 'bad.yaml': ': not yaml [' },
    'common.yaml': 'define: ["__CPROVER_assume=(void)"]\n',
  })
  const root = path.join(dir, 'tree')
  const patch = (index: number, specs: string[]): SeriesPatch => ({
    id: `p${index}`, index, title: `patch ${index}`, files: [file(dir, 's0', 's1')], functions: 'auto', specs, trailerClaims: {},
  })
  const source: SeriesSource = {
    kind: 'patches', description: 'test', root,
    patches: [patch(0, [path.join(dir, 'patches', 'p0.yaml')]), patch(1, [path.join(dir, 'patches', 'bad.yaml')])],
    baseTip: [], cleanup: async () => {},
  }
  const manifest = { file: 'm.yaml', cflags: ['-Wp,-imacros,/etc/passwd'], roots: [root], rootsText: "the manifest's folder" }
  await t.rejects(planSeries(source, none, [path.join(dir, 'common.yaml')], 2, new Map(), [manifest]), {
    name: 'ConfigError',
    message: 'compiler flags refused in data files: m.yaml: -Wp,-imacros,/etc/passwd (passes options to another program); ' +
      `${path.join(dir, 'common.yaml')}: define __CPROVER_assume=(void) (__CPROVER_assume is a name the proof harness uses); ` +
      `${path.join(dir, 'patches', 'p0.yaml')}: -fplugin=evil.so (not a -f flag known to be safe); ` +
      `${path.join(dir, 'patches', 'p0.yaml')}: include ${path.join(dir, '..', 'x')} (outside the spec's folder and ${root})`,
  })
  // without a root, only the spec's own folder
  const bare: SeriesSource = { ...source, root: undefined, patches: [patch(0, [path.join(dir, 'patches', 'p0.yaml')])] }
  await t.rejects(planSeries(bare, none, [], 2, new Map()), { message: /include .*tree\/inc \(outside the spec's folder\)/ })
})

t.test('fail closed: a changed file with nothing planned is its patch\'s error; cflags: strings are split for change detection', async t => {
  // f's change is visible only with both macros: a `cflags:` string that kept "-DA=1 -DB=2" as one word hid it
  const fn = (ret: string) => `int f(int x)\n{\n#if defined(A) && defined(B)\n\treturn ${ret};\n#else\n\treturn 0;\n#endif\n}\n`
  const dir = t.testdir({
    s0: { 'a.c': fn('x'), 'b.c': '_Static_assert(1, "a");\nint g(void) { return 0; }\n', 'c.c': 'int h(void) { return 0; }\n' },
    s1: { 'a.c': fn('x + 1'), 'b.c': '_Static_assert(2, "a");\nint g(void) { return 0; }\n', 'c.c': 'int h(void) { /* only a comment */ return 0; }\n' },
    'ab.yaml': 'cflags: "-DA=1 -DB=2"\n',
  })
  const mk = (id: string, key: string, specs: string[] = []): SeriesPatch => ({ id, index: 0, title: id, files: [file(dir, 's0', 's1', key)], functions: 'auto', specs, trailerClaims: {} })
  const source = (p: SeriesPatch): SeriesSource => ({ kind: 'patches', description: 'test', baseTip: [], cleanup: async () => {}, patches: [p] })
  const split = await planSeries(source(mk('p', 'a.c', [path.join(dir, 'ab.yaml')])), none, [], 1, new Map())
  t.same(split.tasks.map(x => x.fn), ['f'], "a spec's cflags: string is split like --cflags")
  const shared = await planSeries(source(mk('p', 'a.c')), { ...none, cflags: ['-DA=1', '-DB=2'] }, [], 1, new Map())
  t.same(shared.tasks.map(x => x.fn), ['f'], 'the shared flags (CLI, manifest defaults) reach change detection')
  const unexplained = await planSeries(source(mk('p', 'b.c')), none, [], 1, new Map())
  t.same(unexplained.tasks, [])
  t.match(unexplained.patches[0], { status: 'error', error: /^s1:b\.c: it changed, but no function whose body changed was found in it \(hint: check the preprocessing flags/ })
  t.match(unexplained.files, [{ file: 'b.c', changed: [], planned: [], error: unexplained.patches[0]!.error }], 'the file says why')
  const comment = await planSeries(source(mk('p', 'c.c')), none, [], 1, new Map())
  t.match(comment.patches[0], { status: 'applied' }, 'a comment-only change: nothing to prove, no error')
})

t.test('the build context: its flags and each version\'s -I folders reach change detection and the task; a file without one is its patch\'s error', async t => {
  // f changed only as the build's flags and headers see it: -DA from the command, W from the header in each version's include folder
  const fn = 'int f(int x)\n{\n#ifdef A\n\treturn x + W;\n#else\n\treturn 0;\n#endif\n}\n'
  const dir = t.testdir({ s0: { 'a.c': `#include <w.h>\n${fn}`, inc: { 'w.h': '#define W 1\n' } }, s1: { 'a.c': `#include <w.h>\n${fn}`, inc: { 'w.h': '#define W 2\n' } } })
  const p: SeriesPatch = { id: 'p', index: 0, title: 'p', files: [file(dir, 's0', 's1')], functions: 'auto', specs: [], trailerClaims: {} }
  const source: SeriesSource = { kind: 'patches', description: 'test', cleanup: async () => {}, patches: [p], baseTip: [file(dir, 's0', 's1')] }
  const build = { cflags: ['-DA'], includes: { old: [path.join(dir, 's0/inc')], new: [path.join(dir, 's1/inc')] }, summary: { from: 'make V=1 -n a.o', lines: [] }, platform: [], digest: '0123456789abcdef' }
  const plan = await planSeries(source, none, [], 1, new Map(), [], () => build)
  t.same(plan.tasks.map(x => [x.patch?.id ?? null, x.fn]), [['p', 'f'], [null, 'f']], 'a header change seen through the version\'s own include folder')
  t.same(plan.tasks.map(x => x.build), [build, build], 'every task carries its file\'s build context')
  const failing = await planSeries(source, none, [], 1, new Map(), [], () => new ExtractError('make V=1 -n a.o printed no command that compiles a.c', { hint: 'use --kconfig' }))
  t.same(failing.tasks, [])
  t.match(failing.patches[0], { status: 'error', error: 'make V=1 -n a.o printed no command that compiles a.c (hint: use --kconfig)' }, 'its patch is an error (exit 3), never planned without the flags')
  t.match(failing.proofs, [{ function: '(base → tip: a.c)', verdict: 'error', error: /printed no command/ }], 'and base → tip too')
  t.same(failing.files.map(f => [f.patch, f.planned, f.error]), [['p', [], failing.patches[0]!.error], [null, [], 'make V=1 -n a.o printed no command that compiles a.c (hint: use --kconfig)']], 'each file record says why')
})

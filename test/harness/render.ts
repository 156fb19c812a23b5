import { existsSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { extractFunctionPair } from '../../src/extract/extract.js'
import { ENTRY } from '../../src/model/names.js'
import { planExternals } from '../../src/harness/externals.js'
import { TEMPLATES_DIR, modeLabel, modeName, renderWorld } from '../../src/harness/render.js'
import { renderWith, type HarnessClaim, type HarnessOptions } from '../fixtures/harness-options.js'
import type { HarnessMode } from '../../src/model/types.js'

const dir = t.testdir({
  'old.c': 'int clamp(int v)\n{\n\treturn v > 9 ? 9 : v;\n}\n',
  'new.c': 'int clamp(int v)\n{\n\tif (v > 9)\n\t\treturn 9;\n\treturn v;\n}\n',
})
const pair = await extractFunctionPair({
  oldPath: path.join(dir, 'old.c'), newPath: path.join(dir, 'new.c'), func: 'clamp', includes: [], defines: [], cflags: [], exprs: [],
})
const claims: HarnessClaim[] = [
  { id: 'cap', when: '(v > 9)', then: '(klp_ret_new == 9)', differs: ['return'] },
  { id: 'fix', when: '(v < 0)', differs: ['safety'] },
]
const opts: HarnessOptions = { buffers: {}, nullable: [], maxSize: 4, assumes: [], claims, initGlobals: false, pointerDepth: 1 }

const MODES: readonly [HarnessMode, string, string][] = [
  [{ kind: 'equiv' }, 'equiv', 'equivalence outside every claim'],
  [{ kind: 'claim', claim: 0 }, 'claim-0', 'inside claim cap'],
  [{ kind: 'claim', claim: 1 }, 'claim-1', 'inside claim fix'],
  [{ kind: 'safety', version: 'old', restrict: 'all' }, 'safety-old', 'memory safety of the old version, all inputs'],
  [{ kind: 'safety', version: 'new', restrict: 'all' }, 'safety-new', 'memory safety of the new version, all inputs'],
  [{ kind: 'safety', version: 'old', restrict: 'outside-safety-claims' }, 'safety-old-outside', 'memory safety of the old version, inputs outside claims that allow safety differences'],
  [{ kind: 'safety', version: 'old', restrict: { claim: 1 } }, 'safety-old-claim-1', 'memory safety of the old version, inside claim fix'],
]

t.test('modeName and modeLabel per mode', async t => {
  for (const [mode, name, label] of MODES) {
    t.equal(modeName(mode), name, `name of ${name}`)
    t.equal(modeLabel(mode, claims), label, `label of ${name}`)
  }
})

t.test('modeLabel falls back to the claim index without claim ids', async t => {
  t.equal(modeLabel({ kind: 'claim', claim: 3 }), 'inside claim 3')
  t.equal(modeLabel({ kind: 'safety', version: 'old', restrict: { claim: 2 } }, claims), 'memory safety of the old version, inside claim 2')
})

t.test('a harness is two files: the old unit plus the harness, and the new unit', async t => {
  for (const [mode, name, label] of MODES) {
    const h = renderWith(pair, opts, mode)
    t.same(h.files.map(f => f.name), ['klp_old.i', 'klp_new.i'], name)
    const [oldFile, newFile] = h.files
    t.ok(oldFile!.text.startsWith(`${pair.old.text}\n# 1 "<klp-harness>"\n`), `${name}: the old unit comes first, then the harness`)
    t.equal(newFile!.text, pair.new.text, `${name}: the new unit as extracted`)
    t.match(oldFile!.text, `harness for clamp()\n * mode: ${label}\n`, `${name}: the header names the function and mode`)
    t.match(oldFile!.text, `\nvoid ${ENTRY}(void)\n{\n`, `${name}: defines the entry point`)
    t.equal(h.entry, ENTRY)
    t.same(h.mode, mode)
    t.equal(h.checks, mode.kind === 'safety' ? 'all' : 'none', `${name}: only safety runs check memory safety`)
  }
})

t.test('the compare section appears only when both versions run', async t => {
  for (const [mode, name] of MODES) {
    const text = renderWith(pair, opts, mode).files[0]!.text
    const both = mode.kind !== 'safety'
    t.equal(text.includes('/* compare every observable'), both, name)
    t.equal(text.includes('klp_ret_t klp_ret_old = klp_old_clamp(v);'), !(mode.kind === 'safety' && mode.version === 'new'), `${name}: old call`)
    t.equal(text.includes('klp_ret_t klp_ret_new = klp_new_clamp(v);'), !(mode.kind === 'safety' && mode.version === 'old'), `${name}: new call`)
  }
})

t.test('plan facts are passed through unchanged', async t => {
  const h = renderWith(pair, opts, { kind: 'claim', claim: 0 })
  t.same(h.observables, [{ index: 0, kind: 'return', label: 'return', leaves: [{ label: 'return', oldVar: 'klp_o_0', newVar: 'klp_n_0' }], arrayDiff: undefined }])
  t.same(h.inputs, [{ label: 'v', variable: 'v' }])
  t.same(h.unwindset, [])
  t.same(h.bounds, [])
  t.match(h.files[0]!.text, '__CPROVER_assert((klp_ret_new == 9), "KLP_THEN 0 cap");')
})

t.test('rendering is repeatable (the template is compiled once)', async t => {
  const a = renderWith(pair, opts, { kind: 'equiv' })
  const b = renderWith(pair, opts, { kind: 'equiv' })
  t.same(a, b)
})

t.test('the template ships in the top-level templates folder', async t => {
  t.ok(existsSync(path.join(TEMPLATES_DIR, 'harness.c.hbs')), TEMPLATES_DIR)
  t.equal(path.basename(TEMPLATES_DIR), 'templates')
})

t.test('renderWorld: the world alone, as the harness prints it', async t => {
  t.same(renderWorld(planExternals([])), { runtime: '', stubs: '' }, 'no external functions: nothing')
  const fn = { name: 'get', calledBy: ['old', 'new'] as ('old' | 'new')[], signature: { name: 'get', params: [], returnType: { kind: 'scalar' as const, text: 'int' }, returnTypedef: 'int KLP_TYPE_NAME', variadic: false } }
  const plain = renderWorld(planExternals([{ fn }]))
  t.match(plain.runtime, /^\/\* the world outside the function/)
  t.match(plain.stubs, /^\/\* get\(\): uninterpreted external function \*\/\n[^]*\n {2}klp_x_get_r_t r;\n/)
  t.match(renderWorld(planExternals([{ fn }], true)).stubs, /\n {2}klp_x_get_r_t r; KLP_NONDET\(r\);\n/, 'native: the free answer is marked')
})

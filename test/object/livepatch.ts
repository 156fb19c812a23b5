/**
 * The live-patch function set from captured objects (test/object/captures: pair built with -O2, trace with
 * -O2 -pg -mfentry), and the reason rules as a table.
 */
import { readFileSync } from 'node:fs'
import t from 'tap'
import { parseDwarfInfo } from '../../src/object/dwarf.js'
import { classifyFunction, diffObjects } from '../../src/object/livepatch.js'
import { parseObjdumpAsm, parseObjdumpContents, parseObjdumpInsns } from '../../src/object/objdump.js'
import { parseReadelf } from '../../src/object/readelf.js'
import type { DwarfFacts, ObjectFacts } from '../../src/object/types.js'

function load(c: string, v: string): ObjectFacts {
  const r = (k: string) => readFileSync(new URL(`./captures/${c}/${v}.${k}.txt`, import.meta.url), 'utf8')
  return { ...parseReadelf(r('readelf')), contents: parseObjdumpContents(r('contents')), insns: parseObjdumpInsns(r('insns')), asm: parseObjdumpAsm(r('insns')), dwarf: parseDwarfInfo(r('dwarf')) }
}

/** The functions whose bodies changed in pair/new.c (what the source-level comparison reports). */
const PAIR_CHANGED = ['helper', 'use', 'a', 'tick', 'check', 'setup', 'twice', 'use_twice']

t.test('pair: every reason (conf_sum: only struct conf changed, codegen-only); unchanged functions (b, lookup, sw and its jump table) are not listed', async t => {
  const d = diffObjects({ old: load('pair', 'old'), new: load('pair', 'new'), changed: new Set(PAIR_CHANGED) })
  t.same(d.functions, [
    { symbol: 'a', function: 'a', reason: 'source-changed' },
    { symbol: 'caller_a', function: 'caller_a', reason: 'inlined-callee-changed', via: ['helper'] },
    { symbol: 'caller_b', function: 'caller_b', reason: 'inlined-callee-changed', via: ['helper'] },
    { symbol: 'check', function: 'check', reason: 'source-changed' },
    { symbol: 'conf_sum', function: 'conf_sum', reason: 'codegen-only' },
    { symbol: 'scale.constprop.0', function: 'scale', reason: 'ipa-clone' },
    { symbol: 'setup', function: 'setup', reason: 'source-changed' },
    { symbol: 'tick', function: 'tick', reason: 'source-changed' },
    { symbol: 'twice', function: 'twice', reason: 'new' },
    { symbol: 'use', function: 'use', reason: 'source-changed' },
    { symbol: 'use_twice', function: 'use_twice', reason: 'new' },
    { symbol: 'where', function: 'where', reason: 'codegen-only' },
  ])
})

t.test('pair against itself: nothing changed, nothing listed', async t => {
  t.same(diffObjects({ old: load('pair', 'old'), new: load('pair', 'old'), changed: new Set(PAIR_CHANGED) }), { functions: [], hazards: [] })
})

t.test('trace: both functions changed in source', async t => {
  const d = diffObjects({ old: load('trace', 'old'), new: load('trace', 'new'), changed: new Set(['quiet', 'loud']) })
  t.same(d.functions.map(f => [f.symbol, f.reason]), [['loud', 'source-changed'], ['quiet', 'source-changed']])
})

const dwarf = (inlined: Record<string, string[]>): DwarfFacts => ({ inlined: new Map(Object.entries(inlined).map(([k, v]) => [k, new Set(v)])), varTypes: new Map() })

t.test('classifyFunction: one row per rule, in precedence order', async t => {
  const d = [dwarf({ f: ['h'], g: ['k'] }), dwarf({ f: ['h', 'j'], c: ['h'] })]
  const changed = new Set(['h', 'j', 'f', 'n'])
  const rows: [string, boolean, object][] = [
    ['f.constprop.0', false, { function: 'f', reason: 'ipa-clone', via: ['h', 'j'] }],
    ['g.isra.0', true, { function: 'g', reason: 'ipa-clone' }],
    ['n', true, { function: 'n', reason: 'new' }],
    ['f', false, { function: 'f', reason: 'source-changed' }],
    ['c', false, { function: 'c', reason: 'inlined-callee-changed', via: ['h'] }],
    ['g', false, { function: 'g', reason: 'codegen-only' }],
  ]
  for (const [sym, isNew, want] of rows) t.same(classifyFunction(sym, isNew, d, changed), { symbol: sym, ...want }, sym)
})

t.test('cold: a change only in f.cold lists the part (ipa-clone of f) and f, which is the only way into it', async t => {
  const d = diffObjects({ old: load('cold', 'old'), new: load('cold', 'new'), changed: new Set(['f']) })
  t.same(d.functions, [
    { symbol: 'f', function: 'f', reason: 'source-changed' },
    { symbol: 'f.cold', function: 'f', reason: 'ipa-clone' },
  ])
})

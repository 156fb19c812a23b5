/** Pairing old and new symbols: by name, then with gcc's numbers ignored; special statics never. */
import t from 'tap'
import { correlate, definedSymbols, isSpecialStatic } from '../../src/object/correlate.js'
import type { ElfSymbol, ObjectFacts } from '../../src/object/types.js'

const sym = (num: number, name: string, type = 'FUNC', bind = 'GLOBAL', shndx: number | null = 1): ElfSymbol =>
  ({ num, name, value: 0, size: 4, type, bind, ...(shndx === null ? {} : { shndx }) })

t.test('same name first, then numbers ignored; what is left is added', async t => {
  const p = correlate(
    [sym(1, 'f'), sym(2, 'g.constprop.0', 'FUNC', 'LOCAL'), sym(3, 'n.1', 'OBJECT', 'LOCAL')],
    [sym(1, 'f'), sym(2, 'g.constprop.1', 'FUNC', 'LOCAL'), sym(3, 'n.0', 'OBJECT', 'LOCAL'), sym(4, 'g.isra.0', 'FUNC', 'LOCAL')],
  )
  t.same([...p.twins].map(([k, v]) => [k, v.name]), [['f', 'f'], ['g.constprop.1', 'g.constprop.0'], ['n.0', 'n.1']])
  t.same(p.added.map(s => s.name), ['g.isra.0'])
})

t.test('an exact match is never taken twice', async t => {
  const p = correlate([sym(1, 'x.0', 'OBJECT', 'LOCAL')], [sym(1, 'x.0', 'OBJECT', 'LOCAL'), sym(2, 'x.1', 'OBJECT', 'LOCAL')])
  t.same(p.added.map(s => s.name), ['x.1'])
})

t.test('special statics and symbols outside allocated sections are not defined symbols', async t => {
  t.ok(isSpecialStatic(sym(1, '__already_done.3', 'OBJECT', 'LOCAL')))
  t.ok(isSpecialStatic(sym(1, '__func__.0', 'OBJECT', 'LOCAL')))
  t.notOk(isSpecialStatic(sym(1, '__func__', 'OBJECT', 'GLOBAL')))
  const facts: ObjectFacts = {
    sections: [{ index: 1, name: '.data.v', type: 'PROGBITS', size: 4, entsize: 0, flags: 'WA' }, { index: 2, name: '.debug_x', type: 'PROGBITS', size: 4, entsize: 0, flags: '' }],
    symbols: [sym(1, 'v', 'OBJECT'), sym(2, 'CSWTCH.4', 'OBJECT', 'LOCAL'), sym(3, 'd', 'OBJECT', 'GLOBAL', 2), sym(4, 'ext', 'OBJECT', 'GLOBAL', null)],
    relocs: [], contents: new Map(), insns: new Map(), dwarf: { inlined: new Map(), varTypes: new Map() },
  }
  t.same(definedSymbols(facts, 'OBJECT').map(s => s.name), ['v'])
})

t.test('static locals pair by the functions that use them before their numbers', async t => {
  const users: Record<string, string> = { 'count.0': 'f', 'count.1': 'g' }
  const swapped: Record<string, string> = { 'count.0': 'g', 'count.1': 'f', 'count.2': 'h' }
  const oldSyms = [sym(1, 'count.0', 'OBJECT', 'LOCAL'), sym(2, 'count.1', 'OBJECT', 'LOCAL')]
  const newSyms = [sym(1, 'count.0', 'OBJECT', 'LOCAL'), sym(2, 'count.1', 'OBJECT', 'LOCAL'), sym(3, 'count.2', 'OBJECT', 'LOCAL')]
  const p = correlate(oldSyms, newSyms, { old: s => users[s.name]!, new: s => swapped[s.name]! })
  t.same([...p.twins].map(([k, v]) => [k, v.name]), [['count.0', 'count.1'], ['count.1', 'count.0']])
  t.same(p.added.map(s => s.name), ['count.2'])
  const unscoped = correlate(oldSyms, newSyms)
  t.same([...unscoped.twins].map(([k, v]) => [k, v.name]), [['count.0', 'count.0'], ['count.1', 'count.1']], 'without scope: by name')
})

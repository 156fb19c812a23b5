/**
 * Hazards from captured objects (test/object/captures: pair at -O2, trace at -O2 -pg -mfentry), and
 * the data rules (value, size, type; writable or read-only) on hand-made facts.
 */
import { readFileSync } from 'node:fs'
import t from 'tap'
import { parseDwarfInfo } from '../../src/object/dwarf.js'
import { hazardsOf } from '../../src/object/hazards.js'
import { indexObject } from '../../src/object/image.js'
import { diffObjects } from '../../src/object/livepatch.js'
import { parseObjdumpAsm, parseObjdumpContents, parseObjdumpInsns } from '../../src/object/objdump.js'
import { parseReadelf } from '../../src/object/readelf.js'
import type { ElfReloc, ElfSection, ElfSymbol, ObjectFacts } from '../../src/object/types.js'

function load(c: string, v: string): ObjectFacts {
  const r = (k: string) => readFileSync(new URL(`./captures/${c}/${v}.${k}.txt`, import.meta.url), 'utf8')
  return { ...parseReadelf(r('readelf')), contents: parseObjdumpContents(r('contents')), insns: parseObjdumpInsns(r('insns')), asm: parseObjdumpAsm(r('insns')), dwarf: parseDwarfInfo(r('dwarf')) }
}

t.test('pair: data-changed (writable: error, read-only: warning), init-code, WARN_ONCE state, a resized static local', async t => {
  const d = diffObjects({ old: load('pair', 'old'), new: load('pair', 'new'), changed: new Set(['helper', 'use', 'a', 'tick', 'check', 'setup', 'twice', 'use_twice']) })
  t.same(d.hazards.map(h => [h.kind, h.symbol, h.severity]), [
    ['data-changed', 'limit', 'error'],
    ['data-changed', 'table', 'warning'],
    ['init-code', 'setup', 'error'],
    ['static-local', '__already_done.1', 'warning'],
    ['static-local', 'n.0', 'error'],
    ['type-changed', 'struct conf', 'error'],
  ])
  const by = (s: string) => d.hazards.find(h => h.symbol === s)!.detail
  t.match(by('limit'), /^limit \(used by lookup, setup\) changed initial value 4 → 8: .*pre-patch callback/)
  t.match(by('table'), /^read-only table \(used by lookup\) changed initial value 0x0100000002000000030000000400000+ → 0x01000000020000000300000005000000: .*patch every function that reads it/)
  t.match(by('n.0'), /^static local n changed size 4 → 8 bytes: .*state resets at patch time/)
  t.match(by('__already_done.1'), /^check keeps one-time state in __already_done\.1/)
  t.match(by('setup'), /already ran at boot/)
  t.match(by('struct conf'), /^struct conf changed layout \(size 8 → 24, field extra added, field b 4:base_type int \(4\) → 16:base_type int \(4\)\): .*shadow variable/)
  for (const h of d.hazards) t.notMatch(h.detail, /\n/, 'one line')
})

t.test('trace: with -pg -mfentry, the changed notrace function has no patchable entry; the traced one is fine', async t => {
  const d = diffObjects({ old: load('trace', 'old'), new: load('trace', 'new'), changed: new Set(['quiet', 'loud']) })
  t.same(d.hazards.map(h => [h.kind, h.symbol, h.severity]), [['no-patchable-entry', 'quiet', 'error']])
  t.match(d.hazards[0]!.detail, /patch its callers instead/)
})

t.test('pair without tracing flags: no no-patchable-entry hazard', async t => {
  const d = diffObjects({ old: load('pair', 'old'), new: load('pair', 'new'), changed: new Set() })
  t.notOk(d.hazards.some(h => h.kind === 'no-patchable-entry'))
})

// hand-made objects: one data section per variable, a function `f` that uses `v`
const sec = (index: number, name: string, flags: string, size: number, type = 'PROGBITS'): ElfSection => ({ index, name, type, size, entsize: 0, flags })
const sym = (num: number, name: string, type: string, shndx: number, size: number): ElfSymbol => ({ num, name, value: 0, size, type, bind: 'GLOBAL', shndx })

function facts(v: { bytes: number[]; flags?: string; type?: string; relocTo?: string; patchable?: boolean; entryAt?: number; section?: string }): ObjectFacts {
  const size = v.bytes.length
  const relocs: ElfReloc[] = [{ section: '.text.f', offset: 2, type: 'R_X86_64_PC32', sym: 2, addend: -4 }]
  if (v.relocTo) relocs.push({ section: '.data.v', offset: 0, type: 'R_X86_64_64', sym: 3, addend: 0 })
  if (v.patchable) relocs.push({ section: '__patchable_function_entries', offset: 0, type: 'R_X86_64_64', sym: 1, addend: v.entryAt ?? 0 })
  return {
    sections: [sec(1, '.text.f', 'AX', 8), sec(2, v.section ?? '.data.v', v.flags ?? 'WA', size), sec(3, '.text.g', 'AX', 8), ...(v.patchable ? [sec(4, '__patchable_function_entries', 'WAo', 8)] : [])],
    symbols: [sym(1, 'f', 'FUNC', 1, 8), sym(2, 'v', 'OBJECT', 2, size), sym(3, v.relocTo ?? 'g', 'FUNC', 3, 8)],
    relocs,
    contents: new Map([['.text.f', new Uint8Array(8)], [v.section ?? '.data.v', Uint8Array.from(v.bytes)], ['.text.g', new Uint8Array(8)]]),
    insns: new Map([['.text.f', [0, 6]]]),
    dwarf: { inlined: new Map(), varTypes: new Map(v.type ? [['v', v.type]] : []) },
  }
}
const hz = (a: ObjectFacts, b: ObjectFacts, fns = [] as { symbol: string; function: string; reason: 'source-changed' }[]) => hazardsOf(indexObject(a), indexObject(b), fns)

t.test('data rules: one row per change', async t => {
  const twenty = Array.from({ length: 20 }, (_, i) => i)
  const rows: [string, ObjectFacts, ObjectFacts, RegExp | undefined, string?][] = [
    ['unchanged', facts({ bytes: [1, 0] }), facts({ bytes: [1, 0] }), undefined],
    ['value, 2 bytes', facts({ bytes: [1, 0] }), facts({ bytes: [2, 1] }), /^v \(used by f\) changed initial value 1 → 258: /, 'error'],
    ['value, 12 bytes', facts({ bytes: Array(12).fill(0) }), facts({ bytes: [...Array(11).fill(0), 1] }), /initial value 0x0{24} → 0x0{22}01/],
    ['value, 20 bytes', facts({ bytes: twenty }), facts({ bytes: twenty.map(x => x + 1) }), /initial value 20 bytes → 20 bytes/],
    ['a pointer', facts({ bytes: Array(8).fill(0), relocTo: 'g' }), facts({ bytes: Array(8).fill(0), relocTo: 'h' }), /initial value \{g\+0\} → \{h\+0\}/],
    ['size', facts({ bytes: [0, 0] }), facts({ bytes: [0, 0, 0, 0] }), /size 2 → 4 bytes: .*shadow variable/, 'error'],
    ['type only', facts({ bytes: [0, 0], type: 'int' }), facts({ bytes: [0, 0], type: 'unsigned' }), /type int → unsigned: /, 'error'],
    ['type unknown on one side', facts({ bytes: [0, 0] }), facts({ bytes: [0, 0], type: 'unsigned' }), undefined],
    ['read-only size', facts({ bytes: [0, 0], flags: 'A' }), facts({ bytes: [0], flags: 'A' }), /^read-only v \(used by f\) changed size 2 → 1 bytes/, 'warning'],
    // a pr_debug descriptor holds its line number: a per call site record, not data the patch changes
    ['__dyndbg record', facts({ bytes: [1, 0], section: '__dyndbg' }), facts({ bytes: [2, 0], section: '__dyndbg' }), undefined],
    ['kernel data section', facts({ bytes: [1, 0], section: '.data..read_mostly' }), facts({ bytes: [2, 0], section: '.data..read_mostly' }), /initial value 1 → 2/, 'error'],
  ]
  for (const [name, a, b, detail, severity] of rows) {
    const h = hz(a, b)
    if (!detail) t.same(h, [], name)
    else t.match(h, [{ kind: 'data-changed', symbol: 'v', detail, ...(severity ? { severity } : {}) }], name)
  }
})

t.test('patchable entries through __patchable_function_entries count as an entry', async t => {
  const with_ = facts({ bytes: [0], patchable: true })
  t.same(hz(with_, with_, [{ symbol: 'f', function: 'f', reason: 'source-changed' }]), [])
  t.same(hz(with_, with_, [{ symbol: 'g', function: 'g', reason: 'source-changed' }]).map(h => h.kind), ['no-patchable-entry'])
  t.same(hz(with_, with_, [{ symbol: 'gone', function: 'gone', reason: 'source-changed' }]), [], 'a listed function not in the object')
  const prefix = facts({ bytes: [0], patchable: true, entryAt: -8 })
  t.same(hz(prefix, prefix, [{ symbol: 'f', function: 'f', reason: 'source-changed' }]), [], 'an entry 8 bytes before the start (arm64 N,M)')
  const inside = facts({ bytes: [0], patchable: true, entryAt: 4 })
  t.same(hz(inside, inside, [{ symbol: 'f', function: 'f', reason: 'source-changed' }]).map(h => h.kind), ['no-patchable-entry'], 'a record inside the function is not its entry')
})

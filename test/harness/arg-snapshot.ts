import t from 'tap'
import type { CType, Field } from '../../src/extract/types.js'
import { argSnapshot } from '../../src/harness/arg-snapshot.js'
import { MAX_BLOB, SNAP_POINTER_BYTES } from '../../src/model/names.js'

const int: CType = { kind: 'scalar', text: 'int' }
const ptr = (to: CType): CType => ({ kind: 'pointer', to, text: `${to.text} *` })
const field = (name: string, type: CType, extra: Partial<Field> = {}): Field => ({ name, type, bitfield: false, ...extra })
const rec = (tag: string, fields: Field[], union = false): CType => ({ kind: 'record', tag, union, fields, text: `struct ${tag}` })

t.test('scalars, void and unions are kept as raw bytes (MAX_BLOB); a pointer to pointers keeps its first pointer, by object', async t => {
  for (const to of [int, { kind: 'opaque', text: 'void' } as CType, rec('u', [field('a', int), field('b', ptr(int))], true)]) {
    t.same(argSnapshot(1, to), { arg: 1, typed: false, cap: MAX_BLOB, elem: '__typeof__(*klp_a1)', pieces: [] }, to.text)
  }
  t.same(argSnapshot(0, ptr(int)), { arg: 0, typed: false, cap: SNAP_POINTER_BYTES, elem: '__typeof__(*klp_a0)', pieces: [{ off: '0', size: 'sizeof(void *)', ptr: true }] })
})

t.test('a struct: field by field (padding is not compared), pointers by object, nested records followed', async t => {
  const inner = rec('in', [field('x', int), field('next', ptr(int))])
  const s = argSnapshot(2, rec('s', [field('len', int), field('buf', ptr(int)), field('in', inner), field('tab', { kind: 'array', of: ptr(int), length: 2, text: 'int *[2]' })]))
  t.equal(s.typed, true)
  t.same(s.pieces.filter(p => !p.ptr).map(p => p.off), [
    '__builtin_offsetof(__typeof__(*klp_a2), len)',
    '__builtin_offsetof(__typeof__(*klp_a2), in.x)',
    '__builtin_offsetof(__typeof__(*klp_a2), tab)',
  ])
  t.same(s.pieces.filter(p => p.ptr).map(p => p.off), [
    '__builtin_offsetof(__typeof__(*klp_a2), buf)',
    '__builtin_offsetof(__typeof__(*klp_a2), in.next)',
    '__builtin_offsetof(__typeof__(*klp_a2), tab[0])',
    '__builtin_offsetof(__typeof__(*klp_a2), tab[1])',
  ])
  t.equal(s.pieces[0]!.size, 'sizeof(((__typeof__(*klp_a2) *)0)->len)')
  t.ok(s.pieces.findIndex(p => p.ptr) > s.pieces.findLastIndex(p => !p.ptr), 'raw pieces first, pointers written over them')
})

t.test('members of an anonymous union share bytes: raw, never read as a pointer', async t => {
  const s = argSnapshot(0, rec('s', [field('tag', int), field('p', ptr(int), { overlaid: true }), field('n', int, { overlaid: true })]))
  t.equal(s.typed, true)
  t.same(s.pieces.map(p => [p.off.replace(/.*, /, ''), p.ptr]), [['tag)', false], ['p)', false], ['n)', false]])
})

t.test('records deeper than three levels are copied raw', async t => {
  let r = rec('d0', [field('p', ptr(int))])
  for (let i = 1; i <= 4; i++) r = rec(`d${i}`, [field(`m${i}`, r)])
  const s = argSnapshot(0, r)
  t.same(s.pieces.map(p => p.off.replace('__builtin_offsetof(__typeof__(*klp_a0), ', '')), ['m4.m3.m2.m1)'])
  t.equal(s.pieces[0]!.ptr, false)
})

t.test('bit-fields or more than 64 pieces: raw bytes with the pointers the stub can name written over them', async t => {
  const bits = argSnapshot(0, rec('b', [field('flag', int, { bitfield: true }), field('p', ptr(int)), field('n', int)]))
  t.equal(bits.typed, false)
  t.same(bits.pieces.map(p => p.ptr), [true])
  const many = argSnapshot(0, rec('m', Array.from({ length: 70 }, (_, i) => field(`f${i}`, i % 2 ? ptr(int) : int))))
  t.equal(many.typed, false)
  t.equal(many.pieces.length, 35)
  t.ok(many.pieces.every(p => p.ptr))
})

import t from 'tap'
import { SpecSchema } from '../../src/config/schema.js'
import { claimText, mergeSpec, specFor, unionClaims } from '../../src/series/claims.js'

const empty = SpecSchema.parse({})
const spec = (o: Record<string, unknown>) => SpecSchema.parse(o)

t.test('a function spec wins over the defaults, which win over nothing', async t => {
  const m = mergeSpec(empty, { timeout: 60, 'max-size': 8, unwind: 4 }, spec({ function: 'f', 'max-size': 12, buffers: { buf: 'len' } }))
  t.equal(m.timeout, 60)
  t.equal(m['max-size'], 12, 'spec wins')
  t.equal(m.unwind, 4)
  t.same(m.buffers, { buf: 'len' })
  t.equal(m.function, undefined, 'the function name is the task\'s, not the spec\'s')
  t.same(mergeSpec(empty, { timeout: 60 }, undefined).timeout, 60)
})

t.test('the spec for a function: one naming it, else one naming none', async t => {
  const a = spec({ function: 'a' })
  const any = spec({})
  t.equal(specFor([any, a], 'a'), a)
  t.equal(specFor([any, a], 'b'), any)
  t.equal(specFor([a], 'b'), undefined)
})

t.test('base → tip: the union of claims, latest options, unique ids', async t => {
  const p1 = spec({ function: 'f', 'max-size': 8, intended: [{ when: 'len > 64', then: 'ret == -22' }] })
  const p2 = spec({ function: 'f', 'max-size': 16, intended: [{ when: 'len > 64', then: 'ret == -22' }, { when: 'flags & 1' }] })
  const u = unionClaims(empty, {}, [{ spec: p1, trailers: ['x == 0 => ret == 1'] }, { trailers: [] }, { spec: p2, trailers: ['x == 0 => ret == 1', 'y'] }])
  t.equal(u.spec['max-size'], 16, 'options of the latest spec')
  t.same(u.spec.intended.map(claimText), ['len > 64 => ret == -22', 'flags & 1'], 'a claim made twice counts once')
  t.same(u.spec.intended.map(c => c.id), ['claim-1', 'claim-2'])
  t.same(u.trailers, ['x == 0 => ret == 1', 'y'])
  const clash = unionClaims(empty, {}, [{ spec: spec({ intended: [{ id: 'k', when: 'a' }] }), trailers: [] }, { spec: spec({ intended: [{ id: 'k', when: 'b' }] }), trailers: [] }])
  t.same(clash.spec.intended.map(c => c.id), ['k', 'k-p1'], 'ids stay unique')
  t.same(unionClaims(empty, { timeout: 5 }, []).spec.timeout, 5, 'no claims at all: the defaults')
})

t.test('base → tip: preconditions from Klp-Assume trailers add up, once each', async t => {
  const u = unionClaims(empty, {}, [{ trailers: [], assumes: ['len <= 64'] }, { trailers: [] }, { trailers: [], assumes: ['len <= 64', 'dev != 0'] }])
  t.same(u.assumes, ['len <= 64', 'dev != 0'])
})

/** The type-changed hazard from two versions' struct and union layouts. */
import t from 'tap'
import { describeLayoutChange, typeHazards } from '../../src/object/layout.js'
import type { DwarfFacts } from '../../src/object/types.js'

const facts = (layouts?: Record<string, string[] | undefined>): DwarfFacts =>
  ({ inlined: new Map(), varTypes: new Map(), ...(layouts ? { layouts: new Map(Object.entries(layouts)) } : {}) })

t.test('describeLayoutChange: size, added, changed, removed, reordered', async t => {
  t.equal(describeLayoutChange(['size 8', 'a@0:int', 'b@4:int'], ['size 8', 'a@0:int', 'c@4:int']), 'field c added, field b removed')
  t.equal(describeLayoutChange(['size 8', 'a@0:int'], ['size 16', 'a@8:long']), 'size 8 → 16, field a 0:int → 8:long')
  t.equal(describeLayoutChange(['size 8', 'a@0:int', 'b@0:int'], ['size 8', 'b@0:int', 'a@0:int']), 'fields reordered')
})

t.test('typeHazards: only types defined unambiguously in both versions, and changed', async t => {
  const before = facts({ 'struct s': ['size 4', 'a@0:int'], 'union u': ['size 4', 'a@0:int'], 'struct gone': ['size 1'], 'struct twice': undefined })
  const after = facts({ 'struct s': ['size 4', 'a@0:unsigned'], 'union u': ['size 4', 'a@0:int'], 'struct fresh': ['size 1'], 'struct twice': ['size 2'] })
  t.same(typeHazards(before, after).map(h => [h.kind, h.symbol, h.severity]), [['type-changed', 'struct s', 'error']])
  t.match(typeHazards(before, after)[0]!.detail, /^struct s changed layout \(field a 0:int → 0:unsigned\): objects of it already in memory keep the old layout/)
  t.same(typeHazards(facts(), after), [], 'no layouts known before')
  t.same(typeHazards(before, facts()), [], 'no layouts known after')
})

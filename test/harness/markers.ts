import t from 'tap'
import { ENTRY, MARK, PREFIX, parseMarker } from '../../src/harness/markers.js'

t.test('the tags, prefixes and entry point the template and classifier share', async t => {
  t.same(MARK, { eq: 'KLP_EQ', reach: 'KLP_REACH', then: 'KLP_THEN' })
  t.same(PREFIX, { old: 'klp_old_', new: 'klp_new_' })
  t.equal(ENTRY, 'klp_harness')
})

t.test('parseMarker reads tag and index from a property description', async t => {
  const rows: [string, ReturnType<typeof parseMarker>][] = [
    ['KLP_EQ 0 return', { tag: 'KLP_EQ', index: 0 }],
    ['KLP_EQ 3 memory *o', { tag: 'KLP_EQ', index: 3 }],
    ['KLP_EQ 12 global nr_errors', { tag: 'KLP_EQ', index: 12 }],
    ['KLP_REACH 1 reject-long', { tag: 'KLP_REACH', index: 1 }],
    ['KLP_THEN 0 reject-long', { tag: 'KLP_THEN', index: 0 }],
    ['KLP_EQ 7', { tag: 'KLP_EQ', index: 7 }],
    // not markers
    ['KLP_EQ return', undefined],
    ['KLP_EQX 1 x', undefined],
    ['see KLP_EQ 1 x', undefined],
    ['klp_eq 1 x', undefined],
    ['KLP_CLAIM_POST 0', undefined],
    ['array.payload dynamic object upper bound in m->payload[i]', undefined],
    ['', undefined],
  ]
  for (const [description, want] of rows) t.same(parseMarker(description), want, JSON.stringify(description))
})

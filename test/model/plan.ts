/** The proof model planned down to its input objects and observables (no gcc). */
import t from 'tap'
import { buildProofModel } from '../../src/model/build.js'
import { callbackStubs, planProof } from '../../src/model/plan.js'
import type { ProofRequest } from '../../src/model/types.js'
import { F, FN, INT, REQ, external, facts } from '../fixtures/model-pair.js'

t.test('callbackStubs: the first stub standing behind each parameter, member or global', async t => {
  const cb = (name: string, of?: string) => ({ fn: { ...external(name, [INT]), ...(of === undefined ? {} : { callbackOf: of }) } })
  t.same(callbackStubs([cb('kfree'), cb('klp_cb_cb', 'cb'), cb('klp_cb_2', 'cb'), cb('klp_cb_ops', 'struct ops.put'), cb('klp_cb_ctor', 'constructor')]), {
    cb: 'klp_cb_cb', 'struct ops.put': 'klp_cb_ops', constructor: 'klp_cb_ctor',
  })
  t.same(callbackStubs([]), {})
})

t.test('planProof: inputs and observables from the model', async t => {
  const req: ProofRequest = { ...REQ, buffers: { buf: 'len' }, nullable: ['o'] }
  const pair = facts({ ...F, externals: [{ ...external('klp_cb_cb', [INT]), callbackOf: 'cb' }] }, req)
  const m = await buildProofModel(pair, req)
  const p = planProof(pair, m)
  t.same({ ...p, nodes: undefined }, { ...m, nodes: undefined }, 'the model, with its nodes added')
  t.same(p.nodes.inputs.params.map(n => [n.kind, n.name]), [['object', 'o'], ['buffer', 'buf'], ['scalar', 'len'], ['callback', 'cb'], ['scalar', 'flag']])
  t.match(p.nodes.inputs.params[0], { nullable: true })
  t.match(p.nodes.inputs.params[1], { count: '(len)' })
  t.match(p.nodes.inputs.params[3], { stub: 'klp_cb_cb' })
  t.same(p.nodes.inputs.globals.map(g => [g.kind, g.name]), [['paired', 'counter'], ['paired', 'calls']], 'globals both versions have (and static locals)')
  t.same(p.nodes.observables.map(o => [o.index, o.kind, o.label]), [
    [0, 'return', 'return'], [1, 'memory', 'memory *o'], [2, 'memory', 'memory buf[0..len)'], [3, 'globals', 'global counter'], [4, 'globals', 'static calls'], [5, 'calls', 'calls'],
  ])
  t.same(JSON.parse(JSON.stringify(p.nodes)), p.nodes, 'plain JSON data')
  const noCb = planProof(facts({ ...F, params: [['cb', FN]] }, REQ), await buildProofModel(facts({ ...F, params: [['cb', FN]] }, REQ), REQ))
  t.match(noCb.nodes.inputs.params[0], { kind: 'opaque', name: 'cb' }, 'a function pointer without a stub is passed through')
})

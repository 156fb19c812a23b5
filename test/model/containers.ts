import t from 'tap'
import type { CType, FunctionPair } from '../../src/extract/types.js'
import { FLEX_BYTES, containerBounds, containerNotes, containerShapes } from '../../src/model/containers.js'
import { planInputs } from '../../src/model/inputs.js'
import { planObservables } from '../../src/model/observables.js'
import { F, INT, REQ, facts, ptr } from '../fixtures/model-pair.js'

const rec = (tag: string, fields: [string, CType][], union = false): Extract<CType, { kind: 'record' }> =>
  ({ kind: 'record', tag, union, text: `${union ? 'union' : 'struct'} ${tag}`, fields: fields.map(([name, type]) => ({ name, type, bitfield: false })) })
const EVENT = rec('fsnotify_event', [['x', INT]])
const INFO = rec('inotify_event_info', [['fse', EVENT], ['mask', INT], ['next', ptr(INT)]])
const OTHER = rec('other_info', [['ev', EVENT]])
const U = rec('u', [['i', INT]], true)
const ANON: CType = { kind: 'record', tag: 'anon0', union: false, text: 'struct <anonymous>', fields: [] }

/** `int f(struct fsnotify_event *a, struct fsnotify_event *b, int n, union u *c, struct fsnotify_event **pp)` with what extraction found. */
function pair(over: Partial<FunctionPair>): FunctionPair {
  const base = facts({ ...F, params: [['a', ptr(EVENT)], ['b', ptr(EVENT)], ['n', INT], ['c', ptr(U)], ['pp', ptr(ptr(EVENT))], ['q', ptr(INT)], ['an', ptr(ANON)]] }, REQ)
  return { ...base, containerTypes: { 'struct inotify_event_info': INFO, 'struct other_info': OTHER }, ...over }
}
const ONE = [{ embedded: 'struct fsnotify_event', containers: [{ container: 'struct inotify_event_info', member: 'fse', via: ['INOTIFY_E()'] }] }]

t.test('one container for the pointee type: every such parameter points into one', async t => {
  const p = pair({ containers: ONE })
  t.same([...containerShapes(p).entries()], [
    ['a', { param: 'a', container: 'struct inotify_event_info', type: INFO, member: 'fse', why: 'container_of in INOTIFY_E()', tail: 0 }],
    ['b', { param: 'b', container: 'struct inotify_event_info', type: INFO, member: 'fse', why: 'container_of in INOTIFY_E()', tail: 0 }],
  ])
  t.same(containerNotes(p), [
    'a points into a struct inotify_event_info (member fse): container_of in INOTIFY_E()',
    'b points into a struct inotify_event_info (member fse): container_of in INOTIFY_E()',
  ])
  t.same(containerBounds(p).map(b => [b.what, b.isDefault]), [['input shape', true], ['input shape', true]], 'found in the code: not chosen by the user')
})

t.test('two containers: ambiguous, said and not guessed; a contract decides for its parameter', async t => {
  const two = [{
    embedded: 'struct fsnotify_event',
    containers: [{ container: 'struct inotify_event_info', member: 'fse', via: ['INOTIFY_E()'] }, { container: 'struct other_info', member: 'ev', via: ['f()', 'g()'] }],
  }]
  const p = pair({ containers: two, containerContracts: [{ param: 'b', container: 'struct other_info', member: 'ev' }] })
  t.same([...containerShapes(p).keys()], ['b'])
  t.equal(containerShapes(p).get('b')!.type, OTHER)
  t.same(containerBounds(p), [
    {
      what: 'input shape', isDefault: true,
      value: "a is a struct fsnotify_event of its own: the code reaches struct fsnotify_event through 2 containers (struct inotify_event_info.fse in INOTIFY_E(); struct other_info.ev in f(), g()); state which with the spec's containers: a: <type.member>",
    },
    { what: 'input shape', isDefault: false, value: "b points into a struct other_info (member ev): the spec's containers:" },
  ])
})

t.test('no shape: nothing found, a container without a type, a scalar; a pointer to a number may', async t => {
  t.same(containerShapes(pair({})).size, 0, 'nothing found (hand-built pair)')
  t.same(containerBounds({ ...pair({}), signature: undefined } as unknown as FunctionPair), [], 'a pair with nothing about containers is not read further')
  t.same(containerBounds(pair({ containers: [], containerContracts: [{ param: 'a', container: 'struct other_info', member: 'ev' }] })).length, 1, 'contracts alone')
  t.same(containerNotes(pair({ containers: ONE, containerTypes: undefined })), [], 'no container types')
  t.same(containerNotes(pair({ containers: [{ embedded: 'union u', containers: [{ container: 'struct missing', member: 'm', via: ['h()'] }] }] })), [], 'a container whose type extraction did not give')
  t.same(containerNotes(pair({ containerContracts: [{ param: 'a', container: 'struct missing', member: 'fse' }] })), [])
  t.same(containerNotes(pair({ containers: [{ embedded: 'int', containers: [{ container: 'struct inotify_event_info', member: 'mask', via: ['h()'] }] }] })), ['q points into a struct inotify_event_info (member mask): container_of in h()'], 'int n is no pointer; int *q is')
})

t.test('a container ending in a flexible array member gets FLEX_BYTES more, said in the report', async t => {
  const FLEX = rec('flex_info', [['fse', EVENT], ['name_len', INT], ['name', { kind: 'array', of: { kind: 'scalar', text: 'char' }, length: null, text: 'char[]' }]])
  const UFLEX = rec('uflex', [['fse', EVENT], ['name', { kind: 'array', of: INT, length: null, text: 'int[]' }]], true)
  const p = pair({
    containers: [{ embedded: 'struct fsnotify_event', containers: [{ container: 'struct flex_info', member: 'fse', via: ['FLEX_E()'] }] }],
    containerTypes: { 'struct flex_info': FLEX, 'union uflex': UFLEX },
    containerContracts: [{ param: 'b', container: 'union uflex', member: 'fse' }],
  })
  t.match(containerShapes(p).get('a'), { tail: FLEX_BYTES, flexible: 'name', nul: true })
  t.match(containerShapes(p).get('b'), { tail: 0 }, 'not for a union')
  t.equal(containerNotes(p)[0], `a points into a struct flex_info (member fse): container_of in FLEX_E(); its name[] has ${FLEX_BYTES} bytes, the last one 0`)
  const m = planInputs(p, { buffers: {}, nullable: [], maxSize: 4, initGlobals: false, pointerDepth: 1, callbacks: {} })
  t.match(m.params[0], { container: { member: 'fse', tail: FLEX_BYTES, nul: true } })
  const INTS = rec('ints_info', [['fse', EVENT], ['v', { kind: 'array', of: INT, length: null, text: 'int[]' }]])
  const q = pair({ containers: [{ embedded: 'struct fsnotify_event', containers: [{ container: 'struct ints_info', member: 'fse', via: ['I()'] }] }], containerTypes: { 'struct ints_info': INTS } })
  t.same(containerNotes(q)[0], 'a points into a struct ints_info (member fse): container_of in I(); its v[] has 32 bytes', 'an int tail has no end marker')
  t.notOk('nul' in (planInputs(q, { buffers: {}, nullable: [], maxSize: 4, initGlobals: false, pointerDepth: 1, callbacks: {} }).params[0] as { container: object }).container)
})

t.test('inputs and observables: the container is the object, the whole of it compared', async t => {
  const p = pair({ containers: ONE })
  const m = planInputs(p, { buffers: {}, nullable: [], maxSize: 4, initGlobals: false, pointerDepth: 1, callbacks: {} })
  t.match(m.params[0], { kind: 'object', name: 'a', type: 'struct inotify_event_info', container: { member: 'fse', tail: 0 }, snapshot: false, array: false, empty: false })
  t.match(m.params[0], { inits: [{ kind: 'fresh', path: [{ field: 'next' }] }] }, "the container's pointer fields get objects")
  t.match(m.params[3], { kind: 'object', name: 'c', type: 'union u' }, 'no container: as before')
  t.notOk('container' in m.params[3]!)
  t.ok(m.objects.some(o => o.label === "a's struct inotify_event_info.next"), 'objects are labelled by the container')
  const obs = planObservables(p, m, [])
  const a = obs.find(o => o.label === 'memory *a')!
  t.same(a.root, { kind: 'object', param: 'a', type: 'struct inotify_event_info', member: 'fse' })
  t.same(a.parts.map(x => x.label), ['container_of(a)->fse.x', 'container_of(a)->mask', 'container_of(a)->next (pointer)'])
  t.same(obs.find(o => o.label === 'memory *c')!.root, { kind: 'object', param: 'c', type: 'union u' })
})

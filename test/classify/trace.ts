import { readFileSync } from 'node:fs'
import t from 'tap'
import { parseCbmcJson } from '../../src/cbmc/parse.js'
import type { Property, RawValue, TraceStep } from '../../src/cbmc/types.js'
import { callSequences, differingValues, entryValues, inputsOf, isFalse, lastValues, objectName, splitLhs, updateAt, valueOf } from '../../src/classify/trace.js'
import { renderValue } from '../../src/cbmc/parse.js'
import type { Harness } from '../../src/harness/types.js'
import type { ObservableInfo } from '../../src/model/types.js'

const int = (data: string, type = 'signed int'): RawValue => ({ name: 'integer', type, data })
const bool = (b: boolean): RawValue => ({ name: 'integer', type: '_Bool', data: b ? 'TRUE' : 'FALSE' })
const assign = (lhs: string, value: RawValue, hidden = false): TraceStep => ({ stepType: 'assignment', hidden, lhs, value })

/** A real failed property (with its whole trace) from test/fixtures/classify (see capture.mjs there). */
function realFailure(name: string): { property: Property; harness: Harness } {
  const index = JSON.parse(readFileSync(new URL('../fixtures/classify/index.json', import.meta.url), 'utf8')) as Record<string, { harness: Harness }>
  const parsed = parseCbmcJson(readFileSync(new URL(`../fixtures/classify/${name}.json`, import.meta.url), 'utf8'))
  const property = parsed.ok ? parsed.properties?.find(p => p.status === 'FAILURE') : undefined
  if (!property) throw new Error(`${name}: no failed property`)
  return { property, harness: index[name]!.harness }
}

t.test('splitLhs: root and access path of a trace lhs', async t => {
  const rows: [string, ReturnType<typeof splitLhs>][] = [
    ['len', { root: 'len', path: [] }],
    ['klp_src_m.payload[3l]', { root: 'klp_src_m', path: [{ member: 'payload' }, { index: 3 }] }],
    ['o.payload[3].x', { root: 'o', path: [{ member: 'payload' }, { index: 3 }, { member: 'x' }] }],
    ['a[0ul][12l]', { root: 'a', path: [{ index: 0 }, { index: 12 }] }],
    ['a[-1]', { root: 'a', path: [{ index: -1 }] }],
    ['buf!0@1', { root: 'buf!0@1', path: [] }],
    ['$tmp.x', { root: '$tmp', path: [{ member: 'x' }] }],
    // shapes we cannot follow
    ['*p', undefined],
    ['(char *)p', undefined],
    ['a[(signed long int)i]', undefined],
    ['s->x', undefined],
    ['', undefined],
  ]
  for (const [lhs, want] of rows) t.same(splitLhs(lhs), want, JSON.stringify(lhs))
})

t.test('updateAt: functional update of members and elements', async t => {
  t.same(updateAt(int('1'), [], int('2')), int('2'), 'empty path replaces the value')
  const s1 = updateAt(undefined, [{ member: 'a' }], int('1'))
  t.same(s1, { name: 'struct', members: [{ name: 'a', value: int('1') }] }, 'a struct grows from nothing')
  const s2 = updateAt(s1, [{ member: 'b' }], int('2'))
  t.same(s2, { name: 'struct', members: [{ name: 'a', value: int('1') }, { name: 'b', value: int('2') }] }, 'a new member is appended')
  const s3 = updateAt(s2, [{ member: 'a' }], int('3'))
  t.same(s3, { name: 'struct', members: [{ name: 'a', value: int('3') }, { name: 'b', value: int('2') }] }, 'an existing member is replaced in place')
  t.same(s1, { name: 'struct', members: [{ name: 'a', value: int('1') }] }, 'the base is not mutated')
  const u = updateAt({ name: 'union', members: [{ name: 'i', value: int('0') }] }, [{ member: 'i' }], int('5'))
  t.equal(u.name, 'union', 'keeps the base kind of a record')
  const a1 = updateAt(undefined, [{ index: 2 }], int('7'))
  const a2 = updateAt(a1, [{ index: 0 }], int('5'))
  const a3 = updateAt(a2, [{ index: 2 }], int('8'))
  t.same(a3, { name: 'array', elements: [{ index: 0, value: int('5') }, { index: 2, value: int('8') }] }, 'elements stay sorted by index')
  const nested = updateAt(undefined, [{ member: 'payload' }, { index: 1 }], int('9'))
  t.same(nested, { name: 'struct', members: [{ name: 'payload', value: { name: 'array', elements: [{ index: 1, value: int('9') }] } }] })
  t.same(updateAt(int('4'), [{ index: 0 }], int('1')), { name: 'array', elements: [{ index: 0, value: int('1') }] }, 'a scalar base becomes an array')
  t.same(updateAt(int('4'), [{ member: 'x' }], int('1')), { name: 'struct', members: [{ name: 'x', value: int('1') }] }, 'a scalar base becomes a struct')
})

t.test('lastValues: the final value per variable from visible assignments', async t => {
  const trace: TraceStep[] = [
    assign('len', int('3')),
    { stepType: 'function-call', hidden: false, function: 'klp_old_f' },
    assign('len', int('9')),
    assign('o', { name: 'struct', members: [{ name: 'a', value: int('1') }, { name: 'b', value: int('2') }] }),
    assign('o.b', int('20')),
    assign('o', { name: 'struct', members: [{ name: 'a', value: int('-1') }, { name: 'b', value: int('-1') }] }, true),
    assign('klp_eq_0', bool(true), true),
    assign('klp_eq_0', bool(false)),
    assign('arr[1l]', int('5')),
    assign('*p', int('1')),
    { stepType: 'assignment', hidden: false, lhs: 'novalue' },
    { stepType: 'assignment', hidden: false, value: int('1') },
    { stepType: 'failure', hidden: false, property: 'p.1', reason: 'x' },
  ]
  const v = lastValues(trace)
  t.same([...v.keys()], ['len', 'o', 'klp_eq_0', 'arr'])
  t.equal(valueOf(v, 'len'), '9', 'the last assignment wins')
  t.equal(valueOf(v, 'o'), '{ .a = 1, .b = 20 }', 'member assignments update the object; the hidden stale one is skipped')
  t.equal(valueOf(v, 'klp_eq_0'), 'FALSE')
  t.equal(valueOf(v, 'arr'), '{[1] = 5}')
  t.equal(valueOf(v, 'nosuch'), undefined)
  t.same(lastValues(undefined), new Map(), 'no trace, no values')
})

t.test('lastValues on a real trace skips hidden harness assignments', async t => {
  const { property } = realFailure('eq-fail-traces')
  const hidden = property.trace!.filter(s => s.hidden && s.lhs === 'klp_di_5')
  t.ok(hidden.length > 0, 'cbmc marks some assignments hidden')
  const v = lastValues(property.trace)
  t.equal(valueOf(v, 'klp_di_5'), '0', 'the index of the first differing payload byte')
  t.equal(valueOf(v, 'klp_eq_5'), 'FALSE')
  t.equal(valueOf(v, 'klp_o_5'), '254')
  t.equal(valueOf(v, 'klp_n_5'), '255')
  t.equal(valueOf(v, 'len'), '9')
})

t.test('isFalse', async t => {
  const rows: [RawValue | undefined, boolean][] = [
    [bool(false), true],
    [int('0'), true],
    [{ name: 'integer', data: 'false' }, true],
    [bool(true), false],
    [int('1'), false],
    [{ name: 'unknown' }, false],
    [{ name: 'array', elements: [] }, false],
    [undefined, false],
  ]
  for (const [v, want] of rows) t.equal(isFalse(v), want, JSON.stringify(v))
})

t.test('inputsOf: labelled input values that the trace shows', async t => {
  const v = lastValues([assign('len', int('66', 'unsigned long')), assign('klp_null_p', bool(true))])
  t.same(inputsOf(v, [
    { label: 'len', variable: 'len' },
    { label: 'p == NULL', variable: 'klp_null_p' },
    { label: '*m', variable: 'klp_src_m' },
  ]), [{ name: 'len', value: '66' }, { name: 'p == NULL', value: 'TRUE' }], 'inputs the trace does not show are left out')
  const { property, harness } = realFailure('eq-fail-traces')
  t.same(inputsOf(lastValues(property.trace), harness.inputs), [
    { name: 'len', value: '9' },
    { name: '*m', value: '{ .type = 1, .len = 9, .payload = {255, 255, 255, 255, 255, 255, 255, 255} }' },
    { name: 'buf[0..len)', value: '{254, 255, 255, 255, 255, 255, 255, 255, 255}' },
  ], 'a real counterexample')
})

t.test('differingValues: leaves that differ, then the first differing array element', async t => {
  const obs: ObservableInfo = {
    index: 1, kind: 'memory', label: 'memory *m',
    leaves: [
      { label: 'm->type', oldVar: 'klp_o_3', newVar: 'klp_n_3' },
      { label: 'm->len', oldVar: 'klp_o_4', newVar: 'klp_n_4' },
      { label: 'm->id', oldVar: 'klp_o_9', newVar: 'klp_n_9' },
    ],
    arrayDiff: { index: 'klp_di_5', oldVar: 'klp_o_5', newVar: 'klp_n_5', elem: 'm->payload' },
  }
  const values = (eq5: boolean) => lastValues([
    assign('klp_o_3', int('1')), assign('klp_n_3', int('1')),
    assign('klp_o_4', int('9')), assign('klp_n_4', int('0')),
    assign('klp_o_9', int('4')), // new's value missing: not comparable
    assign('klp_eq_5', bool(eq5)), assign('klp_di_5', int('2ul', 'unsigned long')),
    assign('klp_o_5', int('7')), assign('klp_n_5', int('8')),
  ])
  t.same(differingValues(values(false), obs), [
    { what: 'm->len', old: '9', new: '0' },
    { what: 'm->payload[2]', old: '7', new: '8' },
  ])
  t.same(differingValues(values(true), obs), [{ what: 'm->len', old: '9', new: '0' }], 'an equal array adds nothing')
  const buf: ObservableInfo = { index: 2, kind: 'memory', label: 'memory items[0..n)', leaves: [], arrayDiff: { index: 'klp_di_7', oldVar: '', newVar: '', elem: 'items[]' } }
  t.same(differingValues(lastValues([assign('klp_eq_7', bool(false)), assign('klp_di_7', int('1ul'))]), buf), [
    { what: 'items[1]', old: '(differs)', new: '(differs)' },
  ], 'elements that are not scalars are only said to differ')
  t.same(differingValues(lastValues([assign('klp_eq_7', bool(false))]), buf), [], 'no index in the trace: nothing to show')
  const { property, harness } = realFailure('eq-fail-traces')
  t.same(differingValues(lastValues(property.trace), harness.observables[1]!), [{ what: 'm->payload[0]', old: '254', new: '255' }], 'a real counterexample')
})

// --- the calls observable in words ----------------------------------------------------------------

/** A klp_abs id: object number and offset. */
const absId = (obj: bigint, off = 0n) => obj * 4294967296n + off
/** A long long as cbmc writes it in a trace. */
const ll = (n: bigint | number) => int(`${n}l`, 'signed long int')
const DYN = 1000
const MAXC = 6

t.test('objectName: klp_abs ids in words', async t => {
  const objects = ['r', 'buf']
  const names = ['kmalloc', 'req_check']
  const rows: [bigint, string][] = [
    [0n, 'NULL'],
    [-1n, '(a local or other object)'],
    [absId(-2n), 'opaque pointer'],
    [absId(-2n, 5n), 'opaque pointer'],
    [absId(1n), 'r'],
    [absId(2n, 4n), 'buf+4'],
    [absId(3n), 'object 3'],
    [absId(BigInt(DYN)), 'kmalloc#0'],
    [absId(BigInt(DYN + MAXC + 1), 8n), 'req_check#1+8'],
    [absId(BigInt(DYN + 2 * MAXC)), '?#0'],
    [absId(-3n), 'object -3'],
  ]
  for (const [id, want] of rows) t.equal(objectName(id, objects, names, MAXC, DYN), want, `${id}`)
})

t.test('callSequences: both versions\' calls, arguments and answers, from the trace', async t => {
  const obs: ObservableInfo = {
    index: 2, kind: 'calls', label: 'calls', leaves: [],
    calls: {
      names: ['kmalloc', 'req_check', 'kfree'],
      objects: ['r'],
      pointerArgs: [[false, false], [true, true], [true]],
      pointerRet: [true, false, false],
      voidRet: [false, false, true],
    },
  }
  const buf = absId(BigInt(DYN))
  /** The log of one call as the stubs write it: klp_seq_fn/_arg/_ret[v][s]. */
  const call = (v: number, s: number, fn: number, args: bigint[], ret?: bigint): TraceStep[] => [
    assign(`klp_seq_fn[${v}l][${s}l]`, int(String(fn))),
    ...args.map((a, i) => assign(`klp_seq_arg[${v}l][${s}l][${i}l]`, ll(a))),
    ...(ret === undefined ? [] : [assign(`klp_seq_ret[${v}l][${s}l]`, ll(ret))]),
  ]
  const leak = lastValues([
    assign('klp_nseq', { name: 'array', elements: [{ index: 0, value: int('0') }, { index: 1, value: int('0') }] }, true),
    ...call(0, 0, 0, [16n, 3264n], buf), ...call(0, 1, 1, [absId(1n), buf], -5n), assign('klp_nseq[0l]', int('2')),
    assign('klp_ret_old', int('-5')),
    ...call(1, 0, 0, [16n, 3264n], buf), ...call(1, 1, 1, [absId(1n), buf], -5n), ...call(1, 2, 2, [buf]), assign('klp_nseq[1l]', int('3')),
    assign('klp_ret_new', int('-5')),
  ])
  t.same(callSequences(leak, obs, MAXC, DYN), [{
    what: 'calls',
    old: 'kmalloc(16, 3264) → kmalloc#0, req_check(r, kmalloc#0) → -5, return -5',
    new: 'kmalloc(16, 3264) → kmalloc#0, req_check(r, kmalloc#0) → -5, kfree(kmalloc#0), return -5',
  }], 'a leak fix: new frees what old leaked')

  const same = lastValues([
    ...call(0, 0, 1, [absId(1n, 4n), 0n], 0n), assign('klp_nseq[0l]', int('1')),
    ...call(1, 0, 1, [absId(1n, 4n), 0n], 0n), assign('klp_nseq[1l]', int('1')),
  ])
  t.same(callSequences(same, obs, MAXC, DYN), [{ what: 'calls (bytes passed or copied out differ)', old: 'req_check(r+4, NULL) → 0', new: 'req_check(r+4, NULL) → 0' }],
    'calls that read the same: the difference is in the bytes copied out')

  const partial = lastValues([
    assign('klp_seq_fn[0l][0l]', int('1')), assign('klp_seq_arg[0l][0l][0l]', ll(absId(1n))), assign('klp_nseq[0l]', int('2')),
    assign('klp_ret_old', int('0')),
  ])
  t.same(callSequences(partial, obs, MAXC, DYN), [{ what: 'calls', old: 'req_check(r, ?), ?(), return 0', new: '(no calls)' }],
    'what the trace does not show: ? for a value, ? for a callee; no answer, no arrow')
  const odd = lastValues([
    assign('klp_seq_fn[1l][0l]', int('3')), assign('klp_nseq[1l]', int('1')),
    assign('klp_seq_arg[1l][0l][0l]', { name: 'unknown' }), assign('klp_seq_arg[1l][0l][1l]', bool(true)),
    assign('klp_seq_arg[1l][0l][2l]', bool(false)), assign('klp_seq_arg[1l][0l][3l]', { name: 'integer', data: 'INVALID-5' }),
  ])
  const flags: ObservableInfo = { ...obs, calls: { ...obs.calls!, names: [...obs.calls!.names, 'flags'], pointerArgs: [...obs.calls!.pointerArgs, [false, false, false, false]] } }
  t.same(callSequences(odd, flags, MAXC, DYN), [{ what: 'calls', old: '(no calls)', new: 'flags(?, 1, 0, ?)' }],
    'values without a number are ?; TRUE and FALSE are 1 and 0')
  t.same(callSequences(new Map(), obs, MAXC, DYN), [{ what: 'calls (bytes passed or copied out differ)', old: '(no calls)', new: '(no calls)' }], 'an empty trace')
  t.same(callSequences(leak, { ...obs, calls: undefined }, MAXC, DYN), [], 'not the calls observable: nothing')
})

t.test('inputs are what the harness set, not what the function did to its parameters', async t => {
  const int = (d: string) => ({ name: 'integer', data: d })
  const trace = [
    { stepType: 'assignment', hidden: false, lhs: 'n', value: int('2'), location: { function: 'klp_harness' } },
    { stepType: 'assignment', hidden: false, lhs: 'n', value: int('1'), location: { function: 'klp_old_f' } },
    { stepType: 'assignment', hidden: false, lhs: 'n', value: int('0'), location: { function: 'klp_old_f' } },
  ]
  t.equal(renderValue(lastValues(trace).get('n')!), '0', 'the last value anywhere')
  t.equal(renderValue(entryValues(trace).get('n')!), '2', 'the harness\'s value')
  t.same(inputsOf(entryValues(trace), [{ label: 'n', variable: 'n' }]), [{ name: 'n', value: '2' }])
})

t.test('inputs are assignments of the harness\'s own frame (as cbmc traces a call)', async t => {
  const int = (d: string) => ({ name: 'integer', data: d })
  const ptr = (d: string) => ({ name: 'pointer', data: d })
  const step = (s: Partial<TraceStep>): TraceStep => ({ stepType: 'assignment', hidden: false, ...s })
  const call = (fn: string, hidden = false) => step({ stepType: 'function-call', function: fn, hidden })
  const ret = (fn: string, hidden = false) => step({ stepType: 'function-return', function: fn, hidden })
  const H = { function: 'klp_harness' }
  // the shape of the reassigned-param case: the harness sets len and dev, calls old then new, each
  // reassigns len and calls a helper whose local `struct dev *dev = 0` has no location
  const version = (fn: string, arg: string): TraceStep[] => [
    call(fn),
    step({ lhs: 'len', value: int('9'), location: H }), // actual parameter: located at the call site
    step({ lhs: 'dev', value: ptr(arg), location: H }),
    step({ lhs: 'len', value: int('1'), location: { function: fn } }),
    call(`${fn}_helper`),
    step({ lhs: 'dev', value: ptr('((struct dev *)NULL)') }), // no location
    ret(`${fn}_helper`),
    ret(fn),
  ]
  const trace: TraceStep[] = [
    call('__CPROVER_initialize', true),
    step({ lhs: 'g', value: int('5'), hidden: false }),
    ret('__CPROVER_initialize', true),
    call('klp_harness'),
    step({ lhs: 'len', value: int('9'), location: H }),
    step({ lhs: 'dev', value: ptr('&klp_opaque_old[0]'), location: H }),
    ...version('klp_old_f', '&klp_opaque_old[0]'),
    ...version('klp_new_f', '&klp_opaque_new[0]'),
    step({ lhs: 'klp_same_0', value: int('FALSE'), location: H }),
    ret('klp_harness'),
  ]
  const v = entryValues(trace)
  t.equal(valueOf(v, 'len'), '9', 'the input, not the reassigned len')
  t.equal(valueOf(v, 'dev'), '&klp_opaque_old[0]', 'the harness\'s pointer: not the new version\'s argument, not the helper\'s NULL local')
  t.equal(valueOf(v, 'g'), undefined, 'nothing from before the harness runs')
  t.equal(valueOf(v, 'klp_same_0'), 'FALSE', 'the harness\'s own steps after the calls count')
  t.equal(valueOf(entryValues(trace.filter(s => s.stepType === 'assignment')), 'dev'), 'NULL', 'without calls in the trace, location alone decides')
  t.same(entryValues(undefined), new Map(), 'no trace, no inputs')
})

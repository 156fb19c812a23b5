import { readFileSync } from 'node:fs'
import t from 'tap'
import {
  MAX_RENDERED_ELEMENTS,
  parseCbmcJson,
  parseGotoFunctions,
  parseShowLoops,
  parseShowProperties,
  propertyClass,
  renderValue,
} from '../../src/cbmc/parse.js'
import type { CbmcOutput, ParseResult, Property, RawValue, TraceStep } from '../../src/cbmc/types.js'

/** Real `--json-ui` captures from CBMC 6.6 (regenerate with test/fixtures/cbmc-json/capture.sh). */
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/cbmc-json/6.6/${name}`, import.meta.url), 'utf8')

/** The parsed output; throws (failing the subtest) on a ParseFailure. */
function ok(r: ParseResult): CbmcOutput {
  if (!r.ok) throw new Error(`expected a parse, got: ${r.reason}`)
  return r
}
const byId = (out: CbmcOutput, id: string): Property => {
  const p = out.properties?.find(q => q.id === id)
  if (!p) throw new Error(`no property ${id}`)
  return p
}
const visible = (trace: readonly TraceStep[] = []) => trace.filter(s => !s.hidden)
const statuses = (out: CbmcOutput) => Object.fromEntries((out.properties ?? []).map(p => [p.id, p.status]))

t.test('passing run', async t => {
  const out = ok(parseCbmcJson(fixture('pass.json')))
  t.equal(out.program, 'CBMC 6.6.0 (cbmc-6.6.0)')
  t.equal(out.status, 'success')
  t.equal(out.properties?.length, 9)
  t.ok(out.properties?.every(p => p.status === 'SUCCESS'))
  t.same(byId(out, 'harness.assertion.1'), {
    id: 'harness.assertion.1',
    description: 'KLP_EQ sum in range',
    status: 'SUCCESS',
    location: { file: 'pass.c', function: 'harness', line: 16 },
  })
  t.same(byId(out, 'sum.unwind.0').location, { file: 'pass.c', function: 'sum', line: 5 })
  t.same(out.messages.at(-1), { type: 'STATUS-MESSAGE', text: 'VERIFICATION SUCCESSFUL' })
  t.same(out.messages[0], { type: 'STATUS-MESSAGE', text: 'CBMC version 6.6.0 (cbmc-6.6.0) 64-bit x86_64 linux' })
})

t.test('assertion failure with a trace', async t => {
  const out = ok(parseCbmcJson(fixture('assert-fail.json')))
  t.equal(out.status, 'failure')
  const failed = out.properties?.filter(p => p.status === 'FAILURE') ?? []
  t.same(failed.map(p => p.id), ['harness.assertion.1'])
  const p = failed[0]!
  t.equal(p.description, 'KLP_EQ return value')
  t.same(p.location, { file: 'assert-fail.c', function: 'harness', line: 36 })
  t.equal(p.trace?.length, 104)
  t.same(p.trace?.at(-1), {
    stepType: 'failure',
    hidden: false,
    property: 'harness.assertion.1',
    reason: 'KLP_EQ return value',
    location: { file: 'assert-fail.c', function: 'harness', line: 36 },
  })
  const calls = visible(p.trace).filter(s => s.stepType === 'function-call').map(s => s.function)
  t.same(calls, ['harness', 'parse'])
  t.same(visible(p.trace).filter(s => s.stepType === 'function-return').map(s => s.function), ['parse'])

  const first = new Map<string, string>()
  for (const s of visible(p.trace)) if (s.lhs && s.value && !first.has(s.lhs)) first.set(s.lhs, renderValue(s.value))
  t.same(Object.fromEntries([...first].slice(0, 13)), {
    buf: '{128, 128, 0, 0, 0, 0, 1, 0, 4, 4, 247, 0, 0, 0, 0, 0, …}',
    vals: '{1, 2, 3}',
    'vals[0l]': '1',
    'vals[1l]': '2',
    'vals[2l]': '3',
    o: "{ .tag = 'x', .level = 1, .len = 0, .name = NULL }",
    flag: 'FALSE',
    ratio: '0.5',
    none: 'NULL',
    'o.name': '?',
    n: '20',
    acc: '0',
    i: '0',
  })
  const paramO = visible(p.trace).filter(s => s.lhs === 'o').at(-1)
  t.equal(paramO?.value && renderValue(paramO.value), '&o', 'pointer parameter o = &o (data "o!0@1")')
  t.equal(visible(p.trace).filter(s => s.lhs === 'r').at(-1)?.value?.name, 'integer')
  const pad = p.trace?.find(s => s.lhs === 'o')?.value
  t.ok(pad && 'members' in pad && pad.members.some(m => m.name === '$pad1'), 'raw value keeps padding members')
})

t.test('--slice-formula drops the input steps from the trace', async t => {
  const out = ok(parseCbmcJson(fixture('assert-fail-sliced.json')))
  const p = byId(out, 'harness.assertion.1')
  t.equal(p.status, 'FAILURE')
  const lhs = new Set(visible(p.trace).map(s => s.lhs))
  t.notOk(lhs.has('o'), 'nondet struct o not shown')
  t.notOk(lhs.has('buf'), 'nondet array buf not shown')
  t.ok(lhs.has('flag'))
})

t.test('--stop-on-fail: a bare failure object instead of a result array', async t => {
  const out = ok(parseCbmcJson(fixture('stop-on-fail.json')))
  t.equal(out.status, 'failure')
  t.equal(out.properties?.length, 1)
  const p = out.properties![0]!
  t.match(p, {
    id: 'harness.assertion.1',
    description: 'KLP_EQ return value',
    status: 'FAILURE',
    location: { file: 'assert-fail.c', function: 'harness', line: 36 },
  })
  t.equal(p.trace?.at(-1)?.stepType, 'failure')
})

t.test('unwinding assertion failure', async t => {
  const out = ok(parseCbmcJson(fixture('unwind-fail.json')))
  t.equal(out.status, 'failure')
  const unwind = byId(out, 'sum.unwind.0')
  t.match(unwind, { status: 'FAILURE', description: 'unwinding assertion loop 0' })
  t.equal(propertyClass(unwind.id), 'unwind')
  t.equal(byId(out, 'harness.assertion.1').status, 'SUCCESS', 'other properties hold below the bound')
  t.same(unwind.trace?.at(-1)?.location, { file: 'unwind-fail.c', function: 'sum', line: 5 })
})

t.test('calls without a body', async t => {
  const out = ok(parseCbmcJson(fixture('no-body.json')))
  t.same(statuses(out), {
    'foo.overflow.1': 'FAILURE',
    'harness.assertion.1': 'SUCCESS',
    'foo.no-body.kmalloc': 'FAILURE',
    'foo.no-body.helper': 'FAILURE',
  })
  t.equal(byId(out, 'foo.no-body.helper').description, 'no body for callee helper')
  // A trace passes through the failure steps of other properties before its own (last) one.
  const trace = byId(out, 'foo.no-body.helper').trace ?? []
  t.same(trace.filter(s => s.stepType === 'failure').map(s => s.property), ['foo.no-body.kmalloc', 'foo.no-body.helper'])
})

t.test('fatal failures turn later proven properties UNKNOWN', async t => {
  const out = ok(parseCbmcJson(fixture('fatal.json')))
  t.same(statuses(out), {
    'pick.division-by-zero.1': 'FAILURE',
    'pick.pointer_dereference.1': 'UNKNOWN',
    'pick.pointer_dereference.2': 'UNKNOWN',
    'pick.pointer_dereference.3': 'UNKNOWN',
    'pick.pointer_dereference.4': 'UNKNOWN',
    'pick.pointer_dereference.5': 'FAILURE',
    'pick.pointer_dereference.6': 'UNKNOWN',
    'pick.overflow.1': 'FAILURE',
    'harness.array_bounds.1': 'SUCCESS',
    'harness.array_bounds.2': 'FAILURE',
    'harness.overflow.1': 'UNKNOWN',
    'harness.assertion.1': 'UNKNOWN',
  })
  t.equal(byId(out, 'harness.assertion.1').trace, undefined, 'no trace for non-failures')
})

t.test('no result: parse error, bad --function, missing file', async t => {
  const parseError = ok(parseCbmcJson(fixture('parse-error.json')))
  t.equal(parseError.properties, null)
  t.equal(parseError.status, null)
  t.same(parseError.messages.filter(m => m.type === 'ERROR'), [
    { type: 'ERROR', text: "syntax error before ';'", location: { file: 'parse-error.c', function: 'f', line: 4 } },
    { type: 'ERROR', text: 'PARSING ERROR' },
  ])
  const badFunction = ok(parseCbmcJson(fixture('bad-function.json')))
  t.match(badFunction, { properties: null, status: null })
  t.match(badFunction.messages.at(-1), { type: 'ERROR', text: /^Invalid User Input\nOption: --function\n/ })
  const missing = ok(parseCbmcJson(fixture('missing-file.json')))
  t.match(missing, { properties: null, status: null })
  t.same(missing.messages.at(-1), { type: 'ERROR', text: "Failed to open input file 'no-such-file.c'" })
})

t.test('output that is not JSON', async t => {
  const r = parseCbmcJson(fixture('bad-option.txt'))
  t.match(r, { ok: false, reason: /^cbmc output is not valid JSON/, messages: [] })
  t.same(parseCbmcJson(''), { ok: false, reason: 'cbmc printed nothing on stdout', messages: [] })
  t.same(parseCbmcJson(' \n'), { ok: false, reason: 'cbmc printed nothing on stdout', messages: [] })
  t.same(parseCbmcJson('{"program": "x"}'), { ok: false, reason: 'cbmc output is not a JSON array', messages: [] })
})

t.test('truncated output (process killed mid-way) salvages the complete items', async t => {
  const full = fixture('assert-fail.json')
  const items = JSON.parse(full) as Record<string, unknown>[]
  const resultAt = items.findIndex(i => 'result' in i)
  const before = items.slice(0, resultAt).filter(i => 'messageText' in i)
  t.ok(full.indexOf('"result"') < full.length / 2, 'the cut falls inside the result array')
  const r = parseCbmcJson(full.slice(0, Math.floor(full.length / 2)))
  t.equal(r.ok, false)
  if (r.ok) return
  t.equal(r.reason, `cbmc output is not valid JSON (Unexpected end of JSON input); salvaged ${resultAt} complete items`)
  t.same(r.messages, before.map(i => ({ type: i.messageType, text: i.messageText })), 'all messages before the result array')
  t.equal(r.messages.length, 14)
  t.same(r.messages.at(-1), { type: 'STATUS-MESSAGE', text: 'SAT checker: instance is UNSATISFIABLE' })

  const cutEarly = parseCbmcJson(full.slice(0, 200))
  t.match(cutEarly, { ok: false, messages: [{ type: 'STATUS-MESSAGE', text: /^CBMC version 6.6.0/ }] })
  t.match(parseCbmcJson(full.slice(0, 10)), { ok: false, reason: /not valid JSON \([^)]*\)$/, messages: [] })
})

t.test('salvaging copes with brackets and quotes inside strings', async t => {
  const msg = (text: string) => ({ messageText: text, messageType: 'ERROR' })
  const items = [msg('a "quoted" [x] {y} \\ end'), msg('}]')]
  const text = `[\n${items.map(i => JSON.stringify(i)).join(',\n')},\n{"result": [{"property": "f.assert`
  const r = parseCbmcJson(text)
  t.match(r, { ok: false, messages: [{ text: 'a "quoted" [x] {y} \\ end' }, { text: '}]' }] })
  t.equal(r.messages.length, 2)
  t.same(parseCbmcJson(`${JSON.stringify([msg('m')])}\nKilled`).messages, [{ type: 'ERROR', text: 'm' }], 'trailing garbage')
  t.same(parseCbmcJson('[{"messageText": "m" "messageType": "x"}, {"messageText": "n", "messageType": "y"}').messages, [], 'broken element')
  t.same(parseCbmcJson('{"messageText": "m", "messageType": "x"}, {').messages, [], 'no array at all')
})

t.test('items that do not match their schema make the parse fail, keeping messages', async t => {
  const items = [
    { program: 'CBMC 6.6.0 (cbmc-6.6.0)' },
    { messageText: 'hello', messageType: 'STATUS-MESSAGE' },
    { result: [{ property: 'f.assertion.1', description: 'd', status: 'PASSED' }] },
    { cProverStatus: 'success' },
  ]
  const r = parseCbmcJson(JSON.stringify(items))
  t.same(r, {
    ok: false,
    reason: "unexpected cbmc output in item 2 (result): result.0.status: Invalid enum value. Expected 'SUCCESS' | 'FAILURE' | 'UNKNOWN' | 'ERROR' | 'UNREACHABLE' | 'NOT CHECKED', received 'PASSED'",
    messages: [{ type: 'STATUS-MESSAGE', text: 'hello' }],
  })
  const badStep = [{ result: [{ property: 'f.assertion.1', description: 'd', status: 'FAILURE', trace: [{ stepType: 'assignment', hidden: false, lhs: 'x' }] }] }]
  t.match(parseCbmcJson(JSON.stringify(badStep)), { ok: false, reason: /item 0 \(result\): result\.0\.trace\.0\.value: Required/ })
})

t.test('synthetic shapes', async t => {
  t.test('unknown items are ignored; no program, no status', async t => {
    const out = ok(parseCbmcJson(JSON.stringify([{ loops: [{ name: 'f.0' }] }, { result: [] }])))
    t.same(out, { ok: true, messages: [], properties: [], status: null })
  })
  t.test('several result items are concatenated; inconclusive status', async t => {
    const prop = (id: string) => ({ property: id, description: id, status: 'UNKNOWN' })
    const out = ok(parseCbmcJson(JSON.stringify([{ result: [prop('a.x.1')] }, { result: [prop('b.x.1')] }, { cProverStatus: 'inconclusive' }])))
    t.same(out.properties?.map(p => p.id), ['a.x.1', 'b.x.1'])
    t.equal(out.status, 'inconclusive')
  })
  t.test('locations: string or number lines, bad lines dropped', async t => {
    const prop = (sourceLocation: object) => ({ property: 'f.x.1', description: 'd', status: 'SUCCESS', sourceLocation })
    const out = ok(parseCbmcJson(JSON.stringify([{ result: [
      prop({ file: 'a.c', line: 7 }),
      prop({ function: 'f', line: 'abc' }),
      prop({ workingDirectory: '/w', line: '0' }),
    ] }])))
    t.same(out.properties?.map(p => p.location), [{ file: 'a.c', line: 7 }, { function: 'f' }, {}])
  })
  t.test('stop-on-fail without its failure step has no location', async t => {
    const out = ok(parseCbmcJson(JSON.stringify([{ property: 'f.assertion.1', description: 'd', status: 'failed', trace: [] }])))
    t.same(out.properties, [{ id: 'f.assertion.1', description: 'd', status: 'FAILURE', trace: [] }])
  })
  t.test('__CPROVER_bool values', async t => {
    const trace = [{ stepType: 'assignment', hidden: false, lhs: 'b', value: { name: 'boolean', binary: '1', data: true } }]
    const out = ok(parseCbmcJson(JSON.stringify([{ result: [{ property: 'f.assertion.1', description: 'd', status: 'FAILURE', trace }] }])))
    t.same(out.properties?.[0]?.trace?.[0], { stepType: 'assignment', hidden: false, lhs: 'b', value: { name: 'boolean', binary: '1', data: 'TRUE' } })
  })
})

t.test('parseGotoFunctions', async t => {
  const fns = parseGotoFunctions(fixture('list-goto-functions.json'))
  if (!Array.isArray(fns)) throw new Error(fns.reason)
  t.same(fns.filter(f => !f.isInternal), [
    { name: 'foo', isBodyAvailable: true, isInternal: false },
    { name: 'harness', isBodyAvailable: true, isInternal: false },
    { name: 'helper', isBodyAvailable: false, isInternal: false },
    { name: 'kmalloc', isBodyAvailable: false, isInternal: false },
  ])
  t.ok(fns.some(f => f.name === '__CPROVER_initialize' && f.isInternal))
  t.match(parseGotoFunctions(fixture('parse-error.json')), {
    ok: false,
    reason: 'cbmc printed no functions list',
    messages: [{}, { text: "syntax error before ';'" }, { text: 'PARSING ERROR' }],
  })
  const full = fixture('list-goto-functions.json')
  t.match(parseGotoFunctions(full.slice(0, full.length - 300)), { ok: false, reason: /not valid JSON/ })
})

t.test('parseShowProperties', async t => {
  const props = parseShowProperties(fixture('show-properties.json'))
  if (!Array.isArray(props)) throw new Error(props.reason)
  t.equal(props.length, 12)
  t.same(props[0], {
    id: 'pick.division-by-zero.1',
    description: 'division by zero in 100 / d',
    class: 'division-by-zero',
    location: { file: 'fatal.c', function: 'pick', line: 5 },
  })
  t.same(
    props.find(p => p.id === 'harness.array_bounds.2'),
    {
      id: 'harness.array_bounds.2',
      description: "array 'b' upper bound in b[(signed long int)i]",
      class: 'array bounds',
      location: { file: 'fatal.c', function: 'harness', line: 17 },
    },
    'class is spelled with spaces',
  )
  t.match(parseShowProperties(fixture('pass.json')), { ok: false, reason: 'cbmc printed no properties list' })
  t.match(parseShowProperties(fixture('bad-option.txt')), { ok: false, reason: /not valid JSON/ })
  t.same(parseShowProperties(JSON.stringify([{ properties: [{ name: 'f.assertion.1', class: 'assertion', description: 'd' }] }])), [
    { id: 'f.assertion.1', description: 'd', class: 'assertion' },
  ])
})

t.test('parseShowLoops: every loop id and where it is (bounds-check, real capture)', async t => {
  const loops = parseShowLoops(fixture('show-loops.json'))
  if (!Array.isArray(loops)) throw new Error('show-loops.json did not parse')
  t.same(loops.slice(0, 2), [
    { id: 'klp_old_msg_fill.0', location: { file: '/work/main/harnesses/bounds-check/old.c', function: 'klp_old_msg_fill', line: 18 } },
    { id: 'klp_new_msg_fill.0', location: { file: '/work/main/harnesses/bounds-check/new.c', function: 'klp_new_msg_fill', line: 20 } },
  ])
  t.ok(loops.some(l => l.id === 'klp_harness.0'), 'the harness\'s own loops too')
  t.same(parseShowLoops(JSON.stringify([{ loops: [{ name: 'memcpy.0' }] }])), [{ id: 'memcpy.0' }], 'a loop without a location')
  t.match(parseShowLoops(fixture('pass.json')), { ok: false, reason: 'cbmc printed no loops list' })
  t.match(parseShowLoops(fixture('bad-option.txt')), { ok: false, reason: /not valid JSON/ })
})

t.test('propertyClass', async t => {
  const rows: [string, string | undefined][] = [
    ['foo.array_bounds.3', 'array_bounds'],
    ['foo.no-body.bar', 'no-body'],
    ['foo.unwind.0', 'unwind'],
    ['foo.recursion', 'recursion'],
    ['foo.precondition_instance.4', 'precondition_instance'],
    ['klp_harness.assertion.12', 'assertion'],
    ['pick.division-by-zero.1', 'division-by-zero'],
    ['__CPROVER__start.memory-leak.1', 'memory-leak'],
    ['klp_new_kfree.pointer_dereference.6', 'pointer_dereference'],
    ['foo', undefined],
    ['foo.assertion', undefined],
    ['.assertion.1', undefined],
  ]
  for (const [id, cls] of rows) t.equal(propertyClass(id), cls, id)
  const fromFixtures = ok(parseCbmcJson(fixture('fatal.json'))).properties?.map(p => propertyClass(p.id))
  t.same([...new Set(fromFixtures)], ['division-by-zero', 'pointer_dereference', 'overflow', 'array_bounds', 'assertion'])
})

t.test('renderValue', async t => {
  const int = (data: string, type = 'signed int'): RawValue => ({ name: 'integer', type, data })
  const ptr = (data: string): RawValue => ({ name: 'pointer', type: 'char *', data })
  const arr = (n: number): RawValue => ({ name: 'array', elements: Array.from({ length: n }, (_, i) => ({ index: i, value: int(String(i)) })) })
  const rows: [string, RawValue, string][] = [
    ['int', int('5'), '5'],
    ['negative', int('-81'), '-81'],
    ['unsigned long', int('66ul'), '66'],
    ['unsigned', int('3u'), '3'],
    ['long long', int('-7ll'), '-7'],
    ['unsigned long long', int('36028797018963968ull'), '36028797018963968'],
    ['char', int("'x'", 'char'), "'x'"],
    ['escaped char', int("'\\n'", 'char'), "'\\n'"],
    ['_Bool', int('TRUE', '_Bool'), 'TRUE'],
    ['float', { name: 'float', data: '0.5' }, '0.5'],
    ['boolean', { name: 'boolean', data: 'FALSE' }, 'FALSE'],
    ['NULL', ptr('NULL'), 'NULL'],
    ['typed NULL', ptr('((char *)NULL)'), 'NULL'],
    ['const typed NULL', ptr('((const struct opts *)NULL)'), 'NULL'],
    ['global', ptr('g'), '&g'],
    ['local (SSA name)', ptr('buf!0@1'), '&buf'],
    ['local with generation', ptr('x!1@2#3'), '&x'],
    ['dynamic object', ptr('dynamic_object'), '&dynamic_object'],
    ['other pointer text', ptr('&a[2l]'), '&a[2l]'],
    ['unknown', { name: 'unknown' }, '?'],
    ['scalar without data', { name: 'integer' }, '?'],
    ['empty array', { name: 'array', elements: [] }, '{}'],
    ['array', arr(3), '{0, 1, 2}'],
    [`array of ${MAX_RENDERED_ELEMENTS}`, arr(16), '{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}'],
    ['long array', arr(17), '{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, …}'],
    ['sparse array', { name: 'array', elements: [{ index: 0, value: int('1') }, { index: 5, value: int('2') }] }, '{[0] = 1, [5] = 2}'],
    [
      'struct without padding',
      { name: 'struct', members: [{ name: 'a', value: int('1') }, { name: '$pad1', value: int('0') }, { name: 'b', value: ptr('NULL') }] },
      '{ .a = 1, .b = NULL }',
    ],
    ['only padding', { name: 'struct', members: [{ name: '$pad0', value: int('0') }] }, '{}'],
    ['union', { name: 'union', members: [{ name: 'u', value: int('4u') }] }, '{ .u = 4 }'],
    [
      'nested',
      { name: 'struct', members: [{ name: 'tag', value: arr(2) }, { name: 'in', value: { name: 'struct', members: [{ name: 'x', value: { name: 'unknown' } }] } }] },
      '{ .tag = {0, 1}, .in = { .x = ? } }',
    ],
  ]
  for (const [name, v, want] of rows) t.equal(renderValue(v), want, name)
})

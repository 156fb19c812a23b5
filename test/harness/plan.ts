/**
 * The harness planner on real FunctionPairs (extracted with gcc + tree-sitter from the C below and from
 * harnesses/bounds-check): snapshots of the rendered C per mode, the unwindset against the harness's own
 * loops, and cbmc compiling every mode (`--show-properties`, `--show-loops`) and proving identical
 * versions equal.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { extractFunctionPair } from '../../src/extract/extract.js'
import type { CType, FunctionPair } from '../../src/extract/types.js'
import { ENTRY, ENTRY_DESCRIPTION, ENTRY_MARK, parseMarker } from '../../src/model/names.js'
import { planHarness } from '../../src/harness/plan.js'
import { typeName, unparen } from '../../src/model/inputs-ctype.js'
import { modeName } from '../../src/harness/render.js'
import { plannedOf, renderWith, type HarnessOptions } from '../fixtures/harness-options.js'
import type { Harness } from '../../src/harness/types.js'
import { OBSERVABLES, type HarnessMode, type ModelSpec } from '../../src/model/types.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CBMC = path.join(ROOT, '.klp-tools/bin/cbmc')

// --- the C under test ----------------------------------------------------------------------------

/** Struct pointer with pointer fields, a nullable out-parameter, globals (scalar, pointer, const, read-only), a static local, void return. */
const TOUCH = `
struct node { int val; int *ref; struct node *next; };
int counter;
int mode;
static const int limit = LIMIT;
struct node *last;
void touch(struct node *n, int *out, int k)
{
	static int calls;
	calls++;
	if (out)
		*out = n->val + k + mode;
	if (n->ref && k < limit)
		counter OP *n->ref;
	last = n;
}
`
/** Everything else the planner handles: opaque, function-pointer, pointer-to-array and anonymous-struct parameters, buffers of structs, unions, flexible and zero-length arrays, global arrays, a struct return. */
const MISC = `
typedef struct { int a; int *p; } anon_t;
typedef struct { int a; int b; } *anonp_t;
typedef struct {} *anonempty_t;
union u { int i; char *s; };
struct empty {};
struct rec { int x; char *name; int grid[6]; int pair[2]; struct empty e; int z[0]; __builtin_va_list ap; };
struct big { int arr[6]; int small[2]; char *ptrs[2]; char *many[6]; union u un; unsigned flag : 1; int (*fn)(int); __builtin_va_list ap; struct rec *link; char **argv; int tail[]; };
struct ret { int v[2]; int big[6]; char *p; };
int table[8];
char *names[2];
char *lots[6];
struct empty elock;
struct ret misc(anon_t *a, void *ctx, int (*cb)(int), void *raw, unsigned rawlen, struct rec *items, unsigned n, anon_t *arr, unsigned m, struct big *b, int (*pa)[4],
	anonp_t many, unsigned cnt, anonp_t one, struct empty *e, anonempty_t ae)
{
	struct ret r = {0};
	r.v[0] = (a ? a->a : 0) + table[1] + (names[0] != 0) + (lots[0] != 0);
	if (ctx && cb) r.v[1] = cb(1);
	if (rawlen) r.big[0] = ((unsigned char *)raw)[0];
	if (n && items) r.p = items[0].name;
	if (m) arr[0].a = 1;
	b->arr[0] = (*pa)[1];
	if (cnt) many[0].a = one->b;
	(void)e;
	(void)ae;
	e = &elock;
	return r;
}
`
/** No parameters, a written static global. */
const TICK = `
static unsigned long ticks;
unsigned long tick(void)
{
	return ++ticks;
}
`
const dir = t.testdir({
  'tick.c': TICK,
  'touch-old.c': TOUCH.replace('LIMIT', '10').replace('OP', '+='),
  'touch-new.c': TOUCH.replace('LIMIT', '12').replace('OP', '-='),
  'misc.c': MISC,
})

async function extract(oldPath: string, newPath: string, func: string): Promise<FunctionPair> {
  return extractFunctionPair({ oldPath, newPath, func, includes: [], defines: [], cflags: [], exprs: [] })
}
const bounds = await extract(path.join(ROOT, 'harnesses/bounds-check/old.c'), path.join(ROOT, 'harnesses/bounds-check/new.c'), 'msg_fill')
const touch = await extract(path.join(dir, 'touch-old.c'), path.join(dir, 'touch-new.c'), 'touch')
const touchSame = await extract(path.join(dir, 'touch-old.c'), path.join(dir, 'touch-old.c'), 'touch')
const misc = await extract(path.join(dir, 'misc.c'), path.join(dir, 'misc.c'), 'misc')
const tick = await extract(path.join(dir, 'tick.c'), path.join(dir, 'tick.c'), 'tick')

// --- cases ---------------------------------------------------------------------------------------

const base: HarnessOptions = { buffers: {}, nullable: [], maxSize: 4, assumes: [], claims: [], initGlobals: false, pointerDepth: 1 }
const equiv: HarnessMode = { kind: 'equiv' }
const claim0: HarnessMode = { kind: 'claim', claim: 0 }
const safety = (version: 'old' | 'new', restrict: 'all' | 'outside-safety-claims' | { claim: number }): HarnessMode => ({ kind: 'safety', version, restrict })
const FIVE_MODES: readonly HarnessMode[] = [equiv, claim0, safety('old', 'outside-safety-claims'), safety('old', { claim: 0 }), safety('new', 'all')]

interface Case {
  readonly name: string
  readonly pair: FunctionPair
  readonly opts: HarnessOptions
  readonly modes: readonly HarnessMode[]
}
const CASES: readonly Case[] = [
  {
    name: 'msg_fill: buffer param, struct pointer with an array field, claim with THEN, assumption through a pointer',
    pair: bounds,
    opts: {
      ...base, buffers: { buf: '(len)' }, maxSize: 12, assumes: ['(m->type != 3)'],
      claims: [{ id: 'reject-long', when: '((len > 8))', then: '(klp_ret_new == -22)', differs: [...OBSERVABLES] }],
    },
    modes: FIVE_MODES,
  },
  {
    name: 'touch: pointer fields, nullable param, globals and a static local, void return',
    pair: touch,
    opts: { ...base, nullable: ['out'], claims: [{ id: 'count-up', when: '(k > 100)', differs: ['globals'] }] },
    modes: [equiv, claim0, safety('old', 'all'), safety('old', 'outside-safety-claims'), safety('new', 'all')],
  },
  {
    name: 'touch: globals from their initializers, no claims',
    pair: touch,
    opts: { ...base, initGlobals: true },
    modes: [equiv],
  },
  {
    name: 'misc: opaque, function-pointer, array-pointer and anonymous-struct params, buffers of structs, a struct return',
    pair: misc,
    opts: {
      ...base, buffers: { raw: '(rawlen)', items: '(n)', arr: '(m)', many: '(cnt)' }, nullable: ['items', 'a'], maxSize: 2, pointerDepth: 2,
      claims: [{ id: 'fix-items', when: '(n == 1)', differs: ['safety'] }],
    },
    modes: FIVE_MODES,
  },
  {
    name: 'tick: no parameters',
    pair: tick,
    opts: base,
    modes: [equiv, safety('new', 'all')],
  },
]

/** The generated part of klp_old.i (the unit before it carries temporary preprocessing paths). */
const harnessPart = (h: Harness) => {
  const text = h.files[0]!.text
  return text.slice(text.indexOf('# 1 "<klp-harness>"'))
}
/** The body of klp_harness(). */
const entryBody = (h: Harness) => harnessPart(h).slice(harnessPart(h).indexOf(`void ${ENTRY}(void)`))

// --- pure helpers --------------------------------------------------------------------------------

t.test('unparen strips only parentheses that wrap the whole expression', async t => {
  const rows: [string, string][] = [
    ['len', 'len'],
    ['(len)', 'len'],
    ['((len))', 'len'],
    ['  ( a + b )  ', 'a + b'],
    ['(a) + (b)', '(a) + (b)'],
    ['((a) * (b))', '(a) * (b)'],
    ['(f(x))', 'f(x)'],
    ['(f)(x)', '(f)(x)'],
    ['()', ''],
  ]
  for (const [input, want] of rows) t.equal(unparen(input), want, JSON.stringify(input))
})

t.test('typeName gives a castable name, or undefined when C has none', async t => {
  const int: CType = { kind: 'scalar', text: 'int' }
  const rec: CType = { kind: 'record', tag: 's', union: false, fields: [], text: 'struct s' }
  const anon: CType = { kind: 'record', tag: 'anon0', union: false, fields: [], text: 'struct <anonymous>' }
  const fn: CType = { kind: 'function', text: 'int (int)' }
  const arr: CType = { kind: 'array', of: int, length: 4, text: 'int[4]' }
  const ptr = (to: CType): CType => ({ kind: 'pointer', to, text: `${to.text} *` })
  const rows: [string, CType, string | undefined][] = [
    ['scalar', int, 'int'],
    ['named record', rec, 'struct s'],
    ['anonymous record', anon, undefined],
    ['pointer to scalar', ptr(int), 'int *'],
    ['pointer to pointer', ptr(ptr(int)), 'int * *'],
    ['pointer to void', ptr({ kind: 'opaque', text: 'void' }), 'void *'],
    ['pointer to an incomplete type', ptr({ kind: 'opaque', text: 'struct hidden' }), 'struct hidden *'],
    ['pointer to function', ptr(fn), undefined],
    ['pointer to array', ptr(arr), undefined],
    ['pointer to anonymous record', ptr(anon), undefined],
    ['void', { kind: 'opaque', text: 'void' }, 'void'],
    ['incomplete type', { kind: 'opaque', text: 'struct hidden' }, 'struct hidden'],
    ['array', arr, undefined],
    ['function', fn, undefined],
  ]
  for (const [what, type, want] of rows) t.equal(typeName(type), want, what)
})

// --- generated C ---------------------------------------------------------------------------------

t.test('rendered harness per mode (snapshots)', async t => {
  for (const c of CASES) {
    for (const mode of c.modes) {
      const h = renderWith(c.pair, c.opts, mode)
      const meta = { unwindset: h.unwindset, observables: h.observables, inputs: h.inputs, checks: h.checks, bounds: h.bounds }
      t.matchSnapshot(harnessPart(h), `${c.name} — ${modeName(mode)}`)
      t.matchSnapshot(JSON.stringify(meta, null, 2), `${c.name} — ${modeName(mode)} — metadata`)
    }
  }
})

t.test('the unwindset lists exactly the harness loops, in order, with exact bounds', async t => {
  for (const c of CASES) {
    for (const mode of c.modes) {
      const h = renderWith(c.pair, c.opts, mode)
      const what = `${c.name} — ${modeName(mode)}`
      const loops = [...entryBody(h).matchAll(/for \(unsigned long (\w+) = 0; \1 < (?:\(unsigned long\)\()?(\w+)\)?;/g)]
      t.equal(loops.length, (entryBody(h).match(/for \(/g) ?? []).length, `${what}: every loop has the expected shape`)
      t.same(h.unwindset.map(u => u.loop), loops.map((_, i) => `${ENTRY}.${i}`), `${what}: one entry per loop`)
      // copy and compare loops over a buffer run up to --max-size times, loops over an array N times: one more to exit
      const want = loops.map(m => (/^\d+$/.test(m[2]!) ? Number(m[2]) + 1 : c.opts.maxSize + 1))
      t.same(h.unwindset.map(u => u.bound), want, `${what}: bounds`)
    }
  }
})

t.test('what each mode runs and checks', async t => {
  const [msg] = CASES
  for (const mode of msg!.modes) {
    const h = renderWith(msg!.pair, msg!.opts, mode)
    const body = entryBody(h)
    const oldCall = body.includes('klp_old_msg_fill(m, buf, len)')
    const newCall = body.includes('klp_new_msg_fill(klp_new_m, klp_new_buf, len)')
    const eqs = [...body.matchAll(/"(KLP_\w+ \d+[^"]*)"/g)].map(m => m[1]!)
    const row = { mode: modeName(mode), oldCall, newCall, checks: h.checks, eqs, observables: h.observables.length }
    const want = {
      equiv: { oldCall: true, newCall: true, checks: 'none', eqs: ['KLP_EQ 0 return', 'KLP_EQ 1 memory *m', 'KLP_EQ 2 memory buf[0..len)'], observables: 3 },
      'claim-0': {
        oldCall: true, newCall: true, checks: 'none', observables: 3,
        eqs: ['KLP_EQ 0 return', 'KLP_EQ 1 memory *m', 'KLP_EQ 2 memory buf[0..len)', 'KLP_REACH 0 reject-long', 'KLP_THEN 0 reject-long'],
      },
      'safety-old-outside': { oldCall: true, newCall: false, checks: 'all', eqs: [], observables: 0 },
      'safety-old-claim-0': { oldCall: true, newCall: false, checks: 'all', eqs: [], observables: 0 },
      'safety-new': { oldCall: false, newCall: true, checks: 'all', eqs: [], observables: 0 },
    }[modeName(mode)]
    t.same(row, { mode: modeName(mode), ...want }, modeName(mode))
    for (const e of eqs) t.ok(parseMarker(e), `${e} is a marker the classifier reads`)
  }
})

t.test('claims become assumptions per mode', async t => {
  const assumeLines = (c: Case, mode: HarnessMode) => entryBody(renderWith(c.pair, c.opts, mode)).split('\n').filter(l => l.includes('__CPROVER_assume(') && l.includes('klp_w_')).map(l => l.trim())
  const [msg, tc, , m] = CASES
  t.same(assumeLines(msg!, equiv), ['__CPROVER_assume(!klp_w_0);'], 'equivalence: outside every claim')
  t.same(assumeLines(msg!, claim0), ['__CPROVER_assume(klp_w_0);'], 'claim run: inside the claim')
  t.same(assumeLines(msg!, safety('old', 'outside-safety-claims')), ['__CPROVER_assume(!klp_w_0);'], 'old safety outside the claim that allows safety')
  t.same(assumeLines(msg!, safety('old', { claim: 0 })), ['__CPROVER_assume(klp_w_0);'], 'old safety inside the claim')
  t.same(assumeLines(msg!, safety('new', 'all')), [], 'new safety: every input')
  t.same(assumeLines(tc!, safety('old', 'outside-safety-claims')), [], 'no claim allows safety: nothing excluded')
  t.same(assumeLines(m!, claim0), ['__CPROVER_assume(klp_w_0);'])
  const body = entryBody(renderWith(m!.pair, m!.opts, claim0))
  t.notMatch(body, /KLP_REACH|KLP_THEN/, 'a claim allowing only safety has no REACH and, without THEN, no THEN property')
  t.match(entryBody(renderWith(tc!.pair, tc!.opts, claim0)), /__CPROVER_assert\(klp_same_2 && klp_same_3 && klp_same_4, "KLP_REACH 0 count-up"\);/, 'REACH covers only the observables the claim allows to differ')
})

t.test('assumptions come after the entry state (they may read through pointers)', async t => {
  const body = entryBody(renderWith(bounds, CASES[0]!.opts, equiv))
  const assume = body.indexOf('__CPROVER_assume((m->type != 3));')
  t.ok(assume > body.indexOf('*(struct msg *)m = klp_src_m;'), 'after old\'s *m is set')
  t.ok(assume > body.indexOf('*(struct msg *)klp_new_m = klp_src_m;'), 'after new\'s *m is set')
  t.ok(assume < body.indexOf('klp_old_msg_fill('), 'before the calls')
})

t.test('each version gets its own copy of every pointed-to object', async t => {
  const body = entryBody(renderWith(touch, CASES[1]!.opts, equiv))
  const lines = body.split('\n').map(l => l.trim())
  const at = (s: string) => {
    const i = lines.indexOf(s)
    t.not(i, -1, `has ${s}`)
    return i
  }
  // new's object holds the shared value before its pointer fields are replaced by new's own objects
  t.ok(at('*(struct node *)klp_new_n = klp_src_n;') < at('((*(struct node *)(klp_new_n))).ref = __CPROVER_allocate(sizeof(*((klp_src_n).ref)), 0);'), 'parameter: struct copied, then fields')
  const src = /klp_old_last = (klp_src_\d+);/.exec(body)?.[1]
  t.ok(at(`klp_new_last = ${src};`) < at(`klp_new_last = __CPROVER_allocate(sizeof(*(${src})), 0);`), 'global pointer: value copied, then a fresh object')
  t.ok(at('klp_new_n = (klp_p0_t)__CPROVER_allocate(sizeof(*n), 0);') < at('((*(struct node *)(klp_new_n))).next = __CPROVER_allocate(sizeof(*((klp_src_n).next)), 0);'), 'no write through new\'s pointer before it is allocated')
  t.match(body, /klp_h_new_1 = \(\(\*\(struct node \*\)\(klp_new_n\)\)\)\.ref;/, 'new\'s handle names new\'s object')
})

t.test('globals: written ones are copied and compared, const and read-only ones are not compared', async t => {
  const h = renderWith(touch, CASES[1]!.opts, equiv)
  t.same(h.observables.map(o => `${o.index} ${o.kind} ${o.label}`), [
    '0 memory memory *n', '1 memory memory *out', '2 globals global counter', '3 globals global last', '4 globals static touch::calls',
  ])
  t.same(h.inputs.map(i => i.label), ['k', '*n', 'out == NULL', '*out', 'global counter', 'global mode', 'global last', 'static touch::calls'])
  const text = harnessPart(h)
  t.match(text, /extern const int klp_new_limit;/, 'the changed const global is declared for the harness')
  t.notMatch(text, /klp_src_\w+;\n.*klp_old_limit = /, 'a const global is not overwritten')
  t.match(text, /klp_h_old_\d+ = &klp_old_limit;\n/, 'but its address is known to the pointer abstraction')
  t.match(text, /\n {2}klp_shared_mode = klp_src_\d+;\n {2}klp_h_old_\d+ = &klp_shared_mode;\n/, 'a read-only global is one shared object with one value')
  t.match(text, /\n {2}klp_h_new_\d+ = &klp_shared_mode;\n/, 'that both versions see')
  t.notMatch(text, /klp_new_mode/, 'there is no second copy')
  const init = renderWith(touch, CASES[2]!.opts, equiv)
  t.notMatch(harnessPart(init), /klp_old_counter = klp_src/, '--init-globals keeps the initializers')
  t.same(init.bounds, ['globals start from their initializers (--init-globals)'])
  t.same(init.inputs.map(i => i.label), ['k', '*n', '*out'])
})

t.test('planHarness returns the view the template prints', async t => {
  const p = planHarness({ pair: bounds, planned: plannedOf(bounds, CASES[0]!.opts), mode: safety('new', 'all') })
  t.equal(p.run.old, null, 'the old version does not run in a new-only safety run')
  t.same(p.run.new, { v: 1, world: false, ret: 'klp_ret_t klp_ret_new = ', call: 'klp_new_msg_fill(klp_new_m, klp_new_buf, len)', lockBalance: null })
  t.equal(p.compare, null, 'nothing compared')
  t.same(p.bounds, ['0 <= len <= 12 (elements of buf)'])
  t.same(p.claims, { late: false, list: [{ i: 0, when: '((len > 8))' }], entryAssume: null, lateAssume: null }, 'the claim is decided, the run is not restricted')
  const v = planHarness({ pair: touch, planned: plannedOf(touch, base), mode: equiv })
  t.match(v.run.old, { ret: '', call: 'klp_old_touch(n, out, k)' }, 'void: no return value')
  t.notOk(v.observables.some(o => o.kind === 'return'), 'void: no return observable')
  t.same(v.inputs.scalars, [{ T: 'klp_p2_t', name: 'k' }], 'scalar parameters are declared first')
  t.same(v.inputs.pointers.map(p => p.name), ['n', 'out'])
})

// --- cbmc accepts the generated C ------------------------------------------------------------------

/** Run cbmc on a written harness; `json` is empty when stdout was not JSON (then `stderr` says why). */
function cbmc(cwd: string, args: readonly string[]) {
  const r = spawnSync(CBMC, [...args, '--json-ui', 'klp_old.i', 'klp_new.i'], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 })
  let json: Record<string, unknown>[] = []
  try {
    json = JSON.parse(r.stdout) as Record<string, unknown>[]
  } catch {
    json = [{ messageType: 'ERROR', messageText: `no JSON from cbmc ${args.join(' ')}: ${r.stderr.slice(0, 300)}` }]
  }
  return { status: r.status, json }
}
const errorsOf = (json: Record<string, unknown>[]) => json.filter(i => i.messageType === 'ERROR').map(i => `${String(i.messageText)} (line ${String((i.sourceLocation as { line?: string } | undefined)?.line)})`)

function writeHarness(root: string, name: string, h: Harness): string {
  const d = path.join(root, name.replace(/[^\w-]+/g, '_'))
  mkdirSync(d, { recursive: true })
  for (const f of h.files) writeFileSync(path.join(d, f.name), f.text)
  return d
}

t.test('cbmc compiles every mode; properties and loops are the planned ones', async t => {
  if (!existsSync(CBMC)) {
    t.fail(`CBMC is missing at ${CBMC}: run \`npm install\` (its postinstall provisions .klp-tools/bin/cbmc)`)
    return
  }
  const root = t.testdir()
  for (const c of CASES) {
    for (const mode of c.modes) {
      const h = renderWith(c.pair, c.opts, mode)
      const what = `${c.name} — ${modeName(mode)}`
      const d = writeHarness(root, what, h)
      const checks = h.checks === 'none' ? ['--no-standard-checks'] : []
      const props = cbmc(d, ['--function', h.entry, ...checks, '--show-properties'])
      t.equal(props.status, 0, `${what}: cbmc accepts the harness${props.status ? `: ${errorsOf(props.json).join('; ')}` : ''}`)
      const list = (props.json.find(i => 'properties' in i)?.properties ?? []) as { name: string; description: string }[]
      const markers = list.map(p => p.description).filter(d => parseMarker(d)).sort()
      const planned = [...entryBody(h).matchAll(/"(KLP_\w+ \d+[^"]*)"/g)].map(m => m[1]!).sort()
      t.same(markers, planned, `${what}: every planned KLP property exists`)
      const ours = list.map(p => p.description).filter(d => parseMarker(d) || d.startsWith(`${ENTRY_MARK} `)).sort()
      t.same(ours, [...h.planted].sort(), `${what}: the harness lists exactly the properties it planted (the entry marker too)`)
      const loops = cbmc(d, ['--function', h.entry, '--show-loops'])
      const names = ((loops.json.find(i => 'loops' in i)?.loops ?? []) as { name: string }[]).map(l => l.name).filter(n => n.startsWith(`${ENTRY}.`))
      t.same(names.sort(), h.unwindset.map(u => u.loop).sort(), `${what}: the unwindset names exactly cbmc's harness loops`)
    }
  }
})

t.test('identical versions are proven equal (no spurious difference from the harness)', async t => {
  if (!existsSync(CBMC)) {
    t.fail(`CBMC is missing at ${CBMC}: run \`npm install\` (its postinstall provisions .klp-tools/bin/cbmc)`)
    return
  }
  const root = t.testdir()
  const rows: [string, FunctionPair, HarnessOptions][] = [
    ['touch (pointer fields, pointer global, nullable)', touchSame, { ...base, nullable: ['out'] }],
    ['misc', misc, CASES[3]!.opts],
  ]
  for (const [what, pair, opts] of rows) {
    const h = renderWith(pair, opts, equiv)
    const d = writeHarness(root, what, h)
    const unwindset = h.unwindset.map(u => `${u.loop}:${u.bound}`).join(',')
    const r = cbmc(d, ['--function', h.entry, '--no-standard-checks', '--unwinding-assertions', '--no-malloc-may-fail', '--unwind', '5', ...(unwindset ? ['--unwindset', unwindset] : [])])
    const result = (r.json.find(i => 'result' in i)?.result ?? []) as { property: string; description: string; status: string }[]
    t.ok(result.length > 0, `${what}: cbmc checked properties${errorsOf(r.json).length ? `: ${errorsOf(r.json).join('; ')}` : ''}`)
    const isEntry = (p: { description: string }) => p.description.startsWith(`${ENTRY_MARK} `)
    t.same(result.filter(p => p.status !== 'SUCCESS').map(p => `${p.description}: ${p.status}`), [], `${what}: every property holds`)
    t.same(result.filter(isEntry), [], `${what}: the entry marker is not in the equivalence run (the new version's safety run asks)`)
    t.equal(r.status, 0, `${what}: cbmc exit 0`)
  }
})

t.test('the entry marker: in the new version\'s safety run, after the entry assumptions, before the claims\' own', async t => {
  const [msg, tc] = CASES
  for (const mode of msg!.modes) {
    const h = renderWith(msg!.pair, msg!.opts, mode)
    const lines = entryBody(h).split('\n').map(l => l.trim())
    const at = lines.indexOf(`__CPROVER_assert(0, "${ENTRY_DESCRIPTION}");`)
    t.same(h.entryAssumptions, ['0 <= len <= 12 (buffer buf)', 'm->type != 3'], 'named as the user reads them')
    if (!(mode.kind === 'safety' && mode.version === 'new' && mode.restrict === 'all')) {
      t.equal(at, -1, `${modeName(mode)}: not planted (every mode starts from the same entry state)`)
      t.notOk(h.planted.includes(ENTRY_DESCRIPTION), `${modeName(mode)}: not listed`)
      continue
    }
    t.ok(at > 0, `${modeName(mode)}: planted`)
    t.ok(lines.findIndex(l => l === '__CPROVER_assume((m->type != 3));') < at, `${modeName(mode)}: after the user's assumption`)
    t.ok(lines.findIndex(l => l.startsWith('__CPROVER_assume(((len)) >= 0')) < at, `${modeName(mode)}: after the buffer bound`)
    t.equal(h.planted[0], ENTRY_DESCRIPTION)
  }
  t.ok(msg!.modes.some(m => m.kind === 'safety' && m.version === 'new' && m.restrict === 'all'), 'the cases include the run that asks')
  const sn = safety('new', 'all')
  const native = renderWith(msg!.pair, { ...msg!.opts, native: true }, sn)
  t.notOk(native.files[0]!.text.includes(ENTRY_MARK), 'not in a native replay (it would report a failure there)')
  t.notOk(native.planted.includes(ENTRY_DESCRIPTION))
  const cbmcText = renderWith(msg!.pair, msg!.opts, sn).files[0]!.text.split('\n')
  const nativeText = native.files[0]!.text.split('\n')
  const markerLine = cbmcText.findIndex(l => l.includes(ENTRY_MARK))
  t.match(nativeText[markerLine], /entry reachability marker: the new version's cbmc safety run only/, 'a comment in its place keeps the replay\'s line numbers aligned with cbmc\'s traces')
  t.equal(nativeText.findIndex(l => l.includes('klp_new_msg_fill(')), cbmcText.findIndex(l => l.includes('klp_new_msg_fill(')), 'the call is on the same line in both')
  const eq = renderWith(msg!.pair, msg!.opts, equiv).files[0]!.text.split('\n')
  t.match(eq[markerLine], /entry reachability marker/, 'other modes hold the same comment on the same line')
  t.same(renderWith(tc!.pair, { ...tc!.opts, assumes: [] }, safety('new', 'all')).entryAssumptions, [], 'no assumptions: none named')
})

// --- a world: stubs, callbacks, held locks, claims about the world ----------------------------------

const WORLD_C = `
typedef unsigned long size_t;
typedef struct { int raw; } spinlock_t;
void *kmalloc(size_t size, unsigned flags);
void spin_lock(spinlock_t *l);
void spin_unlock(spinlock_t *l);
struct dev { spinlock_t lock; int n; };
int poke(struct dev *d, int (*cb)(int), int v)
{
	int *p = kmalloc(sizeof(int), 0);
	spin_lock(&d->lock);
	d->n += cb(v);
	spin_unlock(&d->lock);
	if (!p)
		return -12;
	*p = v;
	return *p;
}
`

t.test('a world: stubs in the harness, held locks, lock balance, a claim about the world, the calls loops', async t => {
  const wdir = t.testdir({ 'poke.c': WORLD_C })
  const pair = await extract(path.join(wdir, 'poke.c'), path.join(wdir, 'poke.c'), 'poke')
  const models: Record<string, ModelSpec> = { kmalloc: { kind: 'alloc', size: 'arg0' }, spin_lock: { kind: 'lock' }, spin_unlock: { kind: 'unlock' } }
  const externals = pair.externals.externals.map(fn => ({ fn, ...(models[fn.name] ? { model: models[fn.name] } : {}) }))
  t.same(externals.map(e => e.fn.callbackOf ?? e.fn.name).sort(), ['cb', 'kmalloc', 'spin_lock', 'spin_unlock'])
  const opts: HarnessOptions = {
    ...base, externals, held: [{ old: '(&d->lock)', new: '(&klp_new_d->lock)' }],
    claims: [{ id: 'w', when: '(v > 1)', differs: ['calls'], world: true }],
  }
  const h = renderWith(pair, opts, equiv)
  const lines = entryBody(h).split('\n').map(l => l.trim())
  const call = lines.indexOf('klp_cur = 0; klp_ret_t klp_ret_old = klp_old_poke(d, cb, v);')
  t.ok(call > 0, 'the old call sets the world\'s current version')
  t.same(lines.slice(call + 1, call + 5), ['klp_old_lock_balance();', 'klp_w_0 = ((v > 1));', '__CPROVER_assume(!klp_w_0);', 'klp_cur = 1; klp_ret_t klp_ret_new = klp_new_poke(klp_new_d, klp_new_cb, v);'],
    'lock balance, then the claim about the world once the old version has run')
  t.ok(lines.includes('_Bool klp_w_0;'), 'the claim is declared at entry')
  t.ok(lines.includes('klp_held[0][0] = klp_entry_held[0][0] = klp_abs((const void *)((&d->lock)), 0);'), 'the held lock, in old\'s objects')
  t.ok(lines.includes('__CPROVER_assume(klp_held[0][0] != 0);'), 'exists')
  t.same(h.entryAssumptions, ['held &d->lock'])
  t.ok(lines.includes('cb = klp_cb_cb; klp_new_cb = cb;'), 'the callback parameter: the same stub for both versions')
  t.same(h.observables.map(o => o.kind), ['return', 'memory', 'calls'])
  t.same(h.observables[2]!.calls?.objects, ['d'], 'the calls observable names the input objects')
  t.notMatch(entryBody(renderWith(pair, opts, safety('old', 'outside-safety-claims'))), /__CPROVER_assume\([^)]*klp_w_0/, 'safety runs cannot wait for the world: every input')
  if (!existsSync(CBMC)) {
    t.fail(`CBMC is missing at ${CBMC}: run \`npm install\` (its postinstall provisions .klp-tools/bin/cbmc)`)
    return
  }
  for (const mode of [equiv, safety('new', 'all')]) {
    const hm = renderWith(pair, opts, mode)
    const d = writeHarness(t.testdir(), modeName(mode), hm)
    const props = cbmc(d, ['--function', hm.entry, '--show-properties'])
    t.equal(props.status, 0, `${modeName(mode)}: cbmc accepts the harness${props.status ? `: ${errorsOf(props.json).join('; ')}` : ''}`)
    const loops = cbmc(d, ['--function', hm.entry, '--show-loops'])
    const names = ((loops.json.find(i => 'loops' in i)?.loops ?? []) as { name: string }[]).map(l => l.name).filter(n => n.startsWith(`${ENTRY}.`))
    t.same(names.sort(), hm.unwindset.map(u => u.loop).sort(), `${modeName(mode)}: the unwindset names exactly cbmc's harness loops (the calls' two loops too)`)
  }
})

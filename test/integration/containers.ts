/**
 * Container input shapes against the real cbmc, on a standalone pair in the style of
 * fs/notify/inotify event_compare (6.12.117 → 6.12.118): the parameters are struct fsnotify_event
 * pointers the code turns into struct inotify_event_info through container_of (INOTIFY_E()). Old
 * refuses to merge events whose mask has FS_IN_IGNORED, new also those with FS_MOVE bits. Before
 * container shapes every path was a harness dereference error (the parameter's object was only a
 * struct fsnotify_event); now the difference is real and exactly where the container's mask has
 * FS_MOVE bits (and no FS_IN_IGNORED bit, which both versions refuse). inotify_event_info ends in a
 * flexible `char name[]` that event_compare strcmp()s: the container gets 32 more bytes, the last 0.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { requireCbmc, runCli } from '../fixtures/integration.js'
import type { ProofReport } from '../../src/report/types.js'

const HEADER = `#include <stddef.h>
#include <string.h>
struct list_head { struct list_head *next, *prev; };
struct fsnotify_event { struct list_head list; };
struct inotify_event_info { struct fsnotify_event fse; unsigned int mask; int wd; int name_len; char name[]; };
struct other_info { long cookie; struct fsnotify_event ev; };
#define container_of(ptr, type, member) ({ void *__mptr = (void *)(ptr); ((type *)(__mptr - offsetof(type, member))); })
#define FS_IN_IGNORED 0x8000u
#define FS_MOVE 0xC0u
static inline struct inotify_event_info *INOTIFY_E(struct fsnotify_event *fse) { return container_of(fse, struct inotify_event_info, fse); }
static inline struct other_info *OTHER_E(struct fsnotify_event *fse) { return container_of(fse, struct other_info, ev); }
`
const body = (test: string) => `${HEADER}
int event_compare(struct fsnotify_event *old_fsn, struct fsnotify_event *new_fsn)
{
	struct inotify_event_info *old = INOTIFY_E(old_fsn), *new = INOTIFY_E(new_fsn);
	if (old->mask & ${test})
		return 0;
	return old->mask == new->mask && old->wd == new->wd && old->name_len == new->name_len &&
	       (!old->name_len || !strcmp(old->name, new->name));
}
/* two containers of struct fsnotify_event in reach: which one e is in, only the spec can say */
long cookie_of(struct fsnotify_event *e, int inotify)
{
	if (inotify)
		return INOTIFY_E(e)->wd;
	return OTHER_E(e)->cookie & 1;
}
`

let dir = ''
t.before(async () => {
  await requireCbmc()
})
t.beforeEach(async t => {
  dir = t.testdir({ 'old.c': body('FS_IN_IGNORED'), 'new.c': body('(FS_IN_IGNORED | FS_MOVE)') })
})

const run = async (args: readonly string[]) => {
  const res = await runCli([path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--no-replay', '--format', 'json', ...args])
  let report: ProofReport
  try {
    report = JSON.parse(res.stdout) as ProofReport
  } catch {
    throw new Error(`no JSON report (exit ${res.code}); stderr:\n${res.stderr}`)
  }
  return { res, report }
}

const SHAPE = (p: string) => `${p} points into a struct inotify_event_info (member fse): container_of in INOTIFY_E(); its name[] has 32 bytes, the last one 0`

t.test('event_compare: a real difference exactly where the container\'s mask has FS_MOVE bits', async t => {
  const { res, report } = await run(['--func', 'event_compare'])
  t.equal(report.verdict, 'unintended', `${report.summary} ${report.errors.join('; ')}`)
  t.equal(res.code, 1)
  t.same(report.preExisting, [], 'no harness dereference error, no safety finding (strcmp stays in name[])')
  t.same(report.bounds.filter(b => b.what === 'input shape').map(b => b.value), [SHAPE('old_fsn'), SHAPE('new_fsn')], 'the report states the shape it assumed')
  const d = report.differences[0]!
  t.equal(d.observable, 'return')
  // the counterexample's container is the whole struct inotify_event_info (its mask is shown)
  const mask = Number(/\.mask = (\d+)/.exec(d.inputs.find(i => i.name === '*old_fsn')!.value)?.[1])
  t.ok((mask & 0xc0) !== 0 && (mask & 0x8000) === 0, `mask ${mask}: FS_MOVE bits, no FS_IN_IGNORED`)
  t.same(d.values.map(v => [v.what, v.old, v.new]), [['return', '1', '0']], 'old merges the events, new does not')
})

t.test('event_compare: without FS_MOVE bits in the container\'s mask, equivalent; with them claimed, as-claimed', async t => {
  const eq = await run(['--func', 'event_compare', '--assume', '(((struct inotify_event_info *)old_fsn)->mask & FS_MOVE) == 0'])
  t.equal(eq.report.verdict, 'equivalent', `${eq.report.summary} ${eq.report.errors.join('; ')}`)
  t.equal(eq.res.code, 0)
  t.ok(eq.report.unwinding.complete, "strcmp over name[] ends at the tail's 0 byte: every unwinding assertion held")
  t.same(eq.report.preExisting, [])
  const claimed = await run(['--func', 'event_compare', '--intended', '((struct inotify_event_info *)old_fsn)->mask & FS_MOVE'])
  t.equal(claimed.report.verdict, 'as-claimed', claimed.report.summary)
  t.ok(claimed.report.unwinding.complete)
})

t.test('two containers in reach: ambiguous, said in the report; the spec\'s containers: decides', async t => {
  // old and new are the same code here: --unbounded off proves them with cbmc (the identical shortcut has no input shapes to show)
  const amb = await run(['--func', 'cookie_of', '--unbounded', 'off'])
  const shapes = amb.report.bounds.filter(b => b.what === 'input shape').map(b => b.value)
  t.match(shapes, [/^e is a struct fsnotify_event of its own: the code reaches struct fsnotify_event through 2 containers \(struct inotify_event_info.fse in INOTIFY_E\(\); struct other_info.ev in OTHER_E\(\)\)/])
  writeFileSync(path.join(dir, 'spec.yaml'), 'containers:\n  e: struct other_info.ev\n')
  const spec = await run(['--func', 'cookie_of', '--spec', path.join(dir, 'spec.yaml'), '--assume', '!inotify', '--unbounded', 'off'])
  t.equal(spec.report.verdict, 'equivalent', `${spec.report.summary} ${spec.report.errors.join('; ')}`)
  t.same(spec.report.preExisting, [], 'the container is big enough for OTHER_E(e)->cookie')
  t.same(spec.report.bounds.filter(b => b.what === 'input shape').map(b => [b.value, b.isDefault]), [["e points into a struct other_info (member ev): the spec's containers:", false]])
})

t.test('a contract naming a member that does not exist: exit 3, error and hint', async t => {
  writeFileSync(path.join(dir, 'spec.yaml'), 'containers:\n  old_fsn: struct inotify_event_info.nope\n')
  const res = await runCli([path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--func', 'event_compare', '--spec', path.join(dir, 'spec.yaml')])
  t.equal(res.code, 3)
  t.match(res.stderr, /^error: containers: old_fsn: struct inotify_event_info.nope: struct inotify_event_info has no member nope\nhint: members of struct inotify_event_info: fse, mask, wd, name_len, name\n/m)
  t.notMatch(res.stderr, /at .*\.js/, 'no stack trace')
})

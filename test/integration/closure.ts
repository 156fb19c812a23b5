/**
 * The closure cut on a small multi-header project preprocessed by the real gcc: the closure (after the
 * compat rewrites) compiles with `gcc -fsyntax-only` and with CBMC's goto-cc, its diagnostics point at the
 * real header and line, and it leaves out a header inline that goto-cc cannot read.
 */
import t from 'tap'
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { cutClosure } from '../../src/extract/closure.js'
import { applyCompat } from '../../src/extract/closure-compat.js'
import { requireCbmc, runCli } from '../fixtures/integration.js'

const TYPES_H = `#ifndef TYPES_H
#define TYPES_H
typedef unsigned int u32;
typedef u32 count_t;
struct item { count_t n; struct item *next; };
struct unused_big { char pad[4096]; };
enum mode { M_OFF, M_ON = 4, M_MAX };
#endif
`
const UTIL_H = `#include "types.h"
#define max_t(a, b) ({ __auto_type _a = (a); __auto_type _b = (b); _a > _b ? _a : _b; })
extern int total;
struct ctx { struct unused_big big; int level; };
extern int report(const struct item *it, struct ctx *cx);
static inline count_t item_n(const struct item *it) { return max_t(it->n, (count_t)M_ON); }
/* never used by walk(): goto-cc cannot read x86 named address spaces */
static inline int percpu_read(void) { return *(int __seg_gs *)16; }
struct lock { int v; };
struct holder { struct lock l; int k; };
static struct holder the_holder = { .l = (struct lock){ .v = 1 }, .k = 2 };
`
const MAIN_C = `#include "util.h"
int total;
int unrelated(void) { return percpu_read(); }
int walk(struct item *it, enum mode m, struct ctx *cx)
{
	u32 sum = 0;
	int unused_here;
	for (; it; it = it->next) {
		switch (it->n) { case 1 ... 3: sum += item_n(it); break; default: sum++; }
	}
	total += report(it, cx) + the_holder.k;
	return m == M_MAX ? 0 : (int)sum;
}
`

t.test('closure of a real gcc -E output compiles with gcc and goto-cc', async t => {
  const gotoCc = path.join(path.dirname(await requireCbmc()), 'goto-cc')
  t.ok(existsSync(gotoCc), `goto-cc next to cbmc: ${gotoCc}`)
  const dir = t.testdir({ include: { 'types.h': TYPES_H, 'util.h': UTIL_H }, 'main.c': MAIN_C })
  const ifile = path.join(dir, 'main.i')
  execFileSync('gcc', ['-E', '-Iinclude', 'main.c', '-o', ifile], { cwd: dir })
  const whole = spawnSync(gotoCc, ['-c', ifile, '-o', path.join(dir, 'whole.o')], { encoding: 'utf8' })
  t.not(whole.status, 0, 'goto-cc rejects the whole TU (the unused __seg_gs inline)')

  const c = cutClosure(readFileSync(ifile, 'utf8'), 'walk')!
  const kept = c.items.flatMap(i => i.defines)
  for (const name of ['u32', 'count_t', 'tag:item', 'M_ON', 'total', 'report', 'item_n', 'the_holder', 'tag:holder', 'tag:lock', 'walk'])
    t.ok(kept.includes(name), `kept ${name}`)
  for (const name of ['percpu_read', 'unrelated']) t.notOk(kept.includes(name), `left out ${name}`)
  t.equal(c.items.find(i => i.defines.includes('report'))?.mode, 'full', 'extern prototype kept as written')

  const fixed = applyCompat(c.text)
  t.same([fixed.autoType, fixed.compoundLiterals], [2, 1], 'compat rewrites applied')
  const out = path.join(dir, 'closure.i')
  writeFileSync(out, fixed.text)
  const gcc = spawnSync('gcc', ['-fsyntax-only', '-Wunused-variable', out], { encoding: 'utf8', cwd: dir })
  t.equal(gcc.status, 0, `gcc -fsyntax-only: ${gcc.stderr}`)
  t.match(gcc.stderr, /main\.c:7:\d+: warning: unused variable .unused_here/, 'diagnostics map to main.c:7')
  const gc = spawnSync(gotoCc, ['-c', out, '-o', path.join(dir, 'closure.o')], { encoding: 'utf8' })
  t.equal(gc.status, 0, `goto-cc: ${gc.stderr}${gc.stdout}`)

  const fwd = cutClosure(readFileSync(ifile, 'utf8'), 'walk', { pointerOnlyTags: 'forward' })!
  t.same(fwd.forwards.map(f => [f.tag, f.file, f.line]), [['tag:ctx', 'include/util.h', 4]], 'struct ctx only through a pointer')
  t.ok(fwd.items.some(i => i.defines.includes('tag:item')), 'struct item stays whole: it->n is accessed')
  const outF = path.join(dir, 'closure-fwd.i')
  writeFileSync(outF, applyCompat(fwd.text).text)
  t.equal(spawnSync('gcc', ['-fsyntax-only', outF], { encoding: 'utf8' }).status, 0, 'forward closure: gcc')
  const gf = spawnSync(gotoCc, ['-c', outF, '-o', path.join(dir, 'closure-fwd.o')], { encoding: 'utf8' })
  t.equal(gf.status, 0, `forward closure: goto-cc ${gf.stderr}${gf.stdout}`)
})

t.test('a global with a section attribute (__read_mostly, WARN_ONCE\'s flag) is the harness\'s global too', async t => {
  await requireCbmc()
  // CBMC renames a symbol that has a section; without the rewrite the harness's extern of `done` in
  // the new version names another object, and identical code differs in `static f::done`
  const src = [
    'static int __attribute__((__section__(".data..read_mostly"))) limit = 5;',
    'int f(int x)',
    '{',
    '\tstatic _Bool __attribute__((__section__(".data..once"))) done;',
    '\tif (x > limit && !done) { done = 1; return 1; }',
    '\treturn 0;',
    '}',
    '',
  ].join('\n')
  const dir = t.testdir({ 'old.c': src, 'new.c': src.replace('return 1;', 'return 2;') })
  const same = await runCli([path.join(dir, 'old.c'), path.join(dir, 'old.c'), '--func', 'f', '--unbounded', 'off', '--format', 'json'])
  t.equal(JSON.parse(same.stdout).verdict, 'equivalent', `the same code is equivalent: ${same.stderr}`)
  t.ok(JSON.parse(same.stdout).runs.length > 0, 'with --unbounded off the identical pair still goes through cbmc')
  const r = await runCli([path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--func', 'f', '--format', 'json'])
  const report = JSON.parse(r.stdout) as { verdict: string; differences: { observable: string }[] }
  t.equal(report.verdict, 'unintended')
  t.same([...new Set(report.differences.map(d => d.observable))], ['return'], 'only the return value differs, never the flag')
})

/**
 * One type context: the proof reads both versions in the old tree's headers (what the live patch runs
 * against), and a patch that also changes a header type the function uses is the type-changed hazard,
 * named with its fields — on two Kbuild-shaped trees made here (a Makefile whose `make V=1 -n` prints
 * the gcc line), with the real gcc and cbmc.
 */
import path from 'node:path'
import t from 'tap'
import { requireCbmc, runCli } from '../fixtures/integration.js'
import type { ProofReport } from '../../src/report/types.js'

const MAKEFILE = 'lib/%.o: lib/%.c\n\tgcc -nostdinc -I./include -D__KERNEL__ -std=gnu11 -fno-strict-overflow -c -o $@ $<\n'
const tree = (header: string, body: string) => ({
  Makefile: MAKEFILE, Kbuild: 'obj-y += lib/\n', Kconfig: 'config X\n\tbool "x"\n', '.config': 'CONFIG_X=y\n',
  include: { 'dev.h': header },
  lib: { 'x.c': `#include "dev.h"\nint get(struct dev *d)\n{\n${body}\n}\n` },
})

t.before(requireCbmc)

t.test('a header type the patch changes is the type-changed hazard, with its fields', async t => {
  const dir = t.testdir({
    old: tree('struct dev { int a; int b; };\n', '\treturn d->a;'),
    new: tree('struct dev { int a; long b; int c; };\n', '\treturn d->a + 0;'),
  })
  const res = await runCli([path.join(dir, 'old/lib/x.c'), path.join(dir, 'new/lib/x.c'), '--func', 'get', '--format', 'json', '--no-replay'])
  const report = JSON.parse(res.stdout) as ProofReport
  t.equal(report.verdict, 'inconclusive', res.stderr)
  t.equal(report.reason, 'type-changed')
  t.match(JSON.stringify(report), /struct dev/)
  t.match(JSON.stringify(report), /in the new tree's headers: fields changed: - int b; \+ long b; \+ int c/)
})

t.test('headers the patch leaves alone: the proof runs in the old tree\'s types', async t => {
  const dir = t.testdir({
    old: tree('struct dev { int a; int b; };\n', '\treturn d->a;'),
    new: tree('struct dev { int a; int b; };\n', '\treturn d->a + d->b - d->b;'),
  })
  const res = await runCli([path.join(dir, 'old/lib/x.c'), path.join(dir, 'new/lib/x.c'), '--func', 'get', '--format', 'json', '--no-replay'])
  const report = JSON.parse(res.stdout) as ProofReport
  t.equal(report.verdict, 'equivalent', res.stderr)
})

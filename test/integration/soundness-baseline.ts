/**
 * The soundness suite's baseline: the real CLI in a sandbox on a pair that differs natively finds the
 * difference, leaves no temp folder, no stray file and no process behind. The other
 * soundness-*.ts files try to forge this verdict, each with one class of hostile input.
 */
import t from 'tap'
import { requireCbmc } from '../fixtures/integration.js'
import { DIFFERING, assertNotForged, nativeDiffers, sandbox } from '../fixtures/soundness.js'

t.before(async () => {
  await requireCbmc()
})

t.test('a differing pair is found different, natively and by the CLI, and the run cleans up after itself', async t => {
  const box = await sandbox(t, { 'old.c': DIFFERING.old, 'new.c': DIFFERING.new })
  t.ok(await nativeDiffers(box, 'old.c', 'new.c', 'f', 'printf("%d\\n", f(7));'), 'the pair differs when run natively')
  const r = await box.run(['old.c', 'new.c', '--func', 'f', '--format', 'json', '--unwind', '1'])
  t.equal(r.code, 1, r.stderr)
  t.equal(r.json?.verdict, 'unintended')
  assertNotForged(t, r)
  await box.assertClean(t)
})

t.test('an equal pair is equivalent (the sandbox does not break honest proofs)', async t => {
  const box = await sandbox(t, { 'old.c': DIFFERING.old, 'new.c': DIFFERING.old.replace('return x;', 'return 0 + x;') })
  t.notOk(await nativeDiffers(box, 'old.c', 'new.c', 'f', 'printf("%d %d\\n", f(7), f(-3));'), 'the pair agrees natively')
  const r = await box.run(['old.c', 'new.c', '--func', 'f', '--format', 'json', '--unwind', '1'])
  t.equal(r.code, 0, r.stderr)
  t.equal(r.json?.verdict, 'equivalent')
  await box.assertClean(t)
})

import t from 'tap'
import { cliDefaults, commonRoot, worstExit } from '../../src/pipeline/series.js'

t.test('worst exit code: 3 > 1 > 2 > 0', async t => {
  t.equal(worstExit([0, 2, 1]), 1)
  t.equal(worstExit([2, 0]), 2)
  t.equal(worstExit([1, 3, 2]), 3)
  t.equal(worstExit([]), 0)
})

t.test('command-line options become spec defaults', async t => {
  t.same(cliDefaults({ unwind: '8', timeout: 30, memory: 2048, cflags: '-DX -fno-strict-overflow', include: ['inc'] }), {
    unwind: 8, timeout: 30, memory: 2048, cflags: ['-DX', '-fno-strict-overflow'], include: ['inc'],
  })
  t.same(cliDefaults({ unwind: 'auto' }), { unwind: 'auto' })
  t.same(cliDefaults({}), {}, 'nothing given: nothing overrides the manifest or the specs')
})

t.test('the scratch folder of a chain\'s snapshots', async t => {
  t.equal(commonRoot(['/tmp/klp-verify-git-x/snapshots/a-1/d/f.c', '/tmp/klp-verify-git-x/snapshots/b-2/f.c']), '/tmp/klp-verify-git-x/snapshots')
  t.equal(commonRoot(['/tmp/a.c', '/usr/b.c']), undefined, 'never a top-level folder')
  t.equal(commonRoot([]), undefined)
})

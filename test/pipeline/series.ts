import t from 'tap'
import { cliDefaults, worstExit } from '../../src/pipeline/series.js'

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


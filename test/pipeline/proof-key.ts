import t from 'tap'
import { cacheable } from '../../src/pipeline/proof-key.js'

const run = (status: string) => ({ run: 'equiv', unwind: 1, status, durationMs: 1, command: 'cbmc' }) as never

t.test('what the result cache keeps', async t => {
  t.ok(cacheable({ verdict: 'equivalent', runs: [run('complete')] }))
  t.ok(cacheable({ verdict: 'unintended', runs: [run('found'), run('bound-too-small')] }))
  t.ok(cacheable({ verdict: 'inconclusive', reason: 'unwinding-bound', runs: [run('bound-too-small')] }), 'a bound too small stays too small')
  t.notOk(cacheable({ verdict: 'inconclusive', reason: 'timeout', runs: [] }), 'a time limit may be a busy night')
  t.notOk(cacheable({ verdict: 'inconclusive', reason: 'out-of-memory', runs: [run('out-of-memory')] }))
  t.notOk(cacheable({ verdict: 'unintended', runs: [run('found'), run('timeout')] }), 'any run cut short')
  t.notOk(cacheable({ verdict: 'error', runs: [] }))
  t.notOk(cacheable({ verdict: 'inconclusive', reason: 'unwinding-bound', runs: [run('cancelled')] }))
  const ac = new AbortController()
  ac.abort()
  t.notOk(cacheable({ verdict: 'equivalent', runs: [run('complete')] }, ac.signal), 'nothing after Ctrl-C')
})

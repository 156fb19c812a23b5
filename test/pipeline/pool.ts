import t from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import { runPool } from '../../src/pipeline/pool.js'

/** A job function that records how many jobs run at once and in which order they start. */
function tracker(delay: (item: number) => number) {
  const s = { running: 0, peak: 0, started: [] as number[] }
  const fn = async (item: number, index: number) => {
    s.started.push(index)
    s.running++
    s.peak = Math.max(s.peak, s.running)
    await sleep(delay(item))
    s.running--
    return item * 10
  }
  return { s, fn }
}

t.test('at most `limit` jobs run at once, and the limit is used', async t => {
  for (const [limit, n, peak] of [[1, 6, 1], [2, 6, 2], [3, 7, 3], [8, 5, 5], [0, 3, 1]] as const) {
    const { s, fn } = tracker(() => 5)
    const out = await runPool([...Array(n).keys()], limit, fn)
    t.equal(s.peak, peak, `limit ${limit}, ${n} items: peak ${peak}`)
    t.same(out, [...Array(n).keys()].map(i => i * 10), `limit ${limit}: every item done`)
    t.same(s.started, [...Array(n).keys()], `limit ${limit}: started in input order`)
  }
})

t.test('results are in input order even when later jobs finish first', async t => {
  const items = [40, 5, 25, 1, 15]
  const finished: number[] = []
  const out = await runPool(items, 5, async ms => {
    await sleep(ms)
    finished.push(ms)
    return `done ${ms}`
  })
  t.same(finished, [1, 5, 15, 25, 40], 'jobs finished out of order')
  t.same(out, ['done 40', 'done 5', 'done 25', 'done 1', 'done 15'], 'results follow the input order')
})

t.test('the index is passed with the item', async t => {
  t.same(await runPool(['a', 'b', 'c'], 2, async (x, i) => `${i}:${x}`), ['0:a', '1:b', '2:c'])
})

t.test('no items: no calls, empty result', async t => {
  let calls = 0
  t.same(await runPool([], 4, async () => ++calls), [])
  t.equal(calls, 0)
})

t.test('a NaN limit still runs every item (one at a time)', async t => {
  const { s, fn } = tracker(() => 1)
  t.same(await runPool([1, 2, 3], NaN, fn), [10, 20, 30])
  t.equal(s.peak, 1)
})

t.test('an error rejects the pool with that error', async t => {
  const boom = new Error('job 2 failed')
  await t.rejects(runPool([1, 2, 3], 2, async x => {
    if (x === 2) throw boom
    return x
  }), boom)
})

t.test('a synchronous throw in the job function also rejects', async t => {
  const fn = ((x: number) => {
    if (x === 1) throw new TypeError('sync')
    return Promise.resolve(x)
  }) as (x: number) => Promise<number>
  await t.rejects(runPool([0, 1, 2], 1, fn), { name: 'TypeError', message: 'sync' })
})

t.test('after a failure no new job starts; running jobs finish', async t => {
  const started: number[] = []
  const finished: number[] = []
  await t.rejects(runPool([0, 1, 2, 3, 4, 5], 2, async x => {
    started.push(x)
    if (x === 1) throw new Error('stop')
    await sleep(20)
    finished.push(x)
    return x
  }), { message: 'stop' })
  // job 1 fails at once; job 0 is still running at that moment. Nothing after job 1 (besides what
  // the free worker takes before noticing) may start.
  t.same(started, [0, 1], 'jobs 2..5 never started')
  await sleep(40)
  t.same(finished, [0], 'the job already running finished')
})

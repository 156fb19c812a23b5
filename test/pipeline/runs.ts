import t from 'tap'
import { planModes, unwindSchedule } from '../../src/pipeline/runs.js'

t.test('bounds tried in auto mode, and the runs of a proof', async t => {
  t.same(unwindSchedule('auto', 10), [1, 2, 4, 8, 10])
  t.same(unwindSchedule(5, 64), [5])
  t.same(planModes({ claims: [] } as never).map(m => m.kind), ['equiv', 'safety', 'safety'])
})

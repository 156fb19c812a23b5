import t from 'tap'
import { OBSERVABLES } from '../../src/model/types.js'

t.test('the observables a proof compares, in report order', async t => {
  t.same(OBSERVABLES, ['return', 'memory', 'globals', 'calls', 'safety'])
})

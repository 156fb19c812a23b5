import t from 'tap'
import { OBSERVABLES } from '../../src/harness/types.js'

t.test('observable kinds, in the order claims list them by default', async t => {
  t.same(OBSERVABLES, ['return', 'memory', 'globals', 'calls', 'safety'])
})

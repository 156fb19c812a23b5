import t from 'tap'
import { CBMC_EXIT, describeExit } from '../../src/cbmc/exit-codes.js'

t.test('constants match src/util/exit_codes.h and measured 6.6 behaviour', async t => {
  t.same(CBMC_EXIT, { success: 0, usageError: 1, inconclusive: 5, error: 6, failure: 10, unknownOption: 64 })
})

t.test('describeExit', async t => {
  const rows: [number | null, string][] = [
    [0, 'exit 0: success (verification successful)'],
    [1, 'exit 1: usage error (invalid command-line argument)'],
    [5, 'exit 5: verification inconclusive'],
    [6, 'exit 6: error (parse, type-check, input or solver error)'],
    [10, 'exit 10: verification failed (counterexample found)'],
    [64, 'exit 64: unknown command-line option'],
    [137, 'exit 137: killed by SIGKILL, e.g. by the out-of-memory killer'],
    [143, 'exit 143: killed by SIGTERM'],
    [3, 'exit 3: unexpected exit code'],
    [250, 'exit 250: unexpected exit code'],
    [null, 'no exit code (the process did not exit on its own)'],
  ]
  for (const [code, text] of rows) t.equal(describeExit(code), text, String(code))
})

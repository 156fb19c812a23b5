/**
 * Counterexample inputs are what the harness passed: a parameter the function reassigns
 * (len &= 7) shows its input, the value native replay ran with, and a helper's local named like a
 * parameter (a NULL `struct dev *dev` cbmc gives no location) is not that parameter.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import t from 'tap'
import { requireCbmc, runCase } from '../fixtures/integration.js'

t.before(async () => {
  await requireCbmc()
})

/** The value the replay header gives a nondeterministic scalar (`(klp_x__) = 5;`, `= -(1ULL);`). */
function replayed(header: string, name: string): bigint | undefined {
  const m = new RegExp(`KLP_REPLAY_${name}\\(.*?\\(klp_x__\\) = (-?)\\(?(\\d+)(?:ULL)?\\)?;`).exec(header)
  return m ? BigInt(`${m[1]}${m[2]}`) : undefined
}

t.test('a reassigned parameter: the report shows the input native replay used', async t => {
  const dir = t.testdir({})
  const { report } = await runCase('reassigned-param', ['--keep-harness', dir])
  const d = report.differences.find(x => x.observable === 'return')
  t.ok(d, `a return difference (verdict ${report.verdict}; errors: ${report.errors.join('; ')})`)
  t.equal(d?.confirmed, true, 'confirmed natively')
  const input = (name: string) => d?.inputs.find(i => i.name === name)?.value
  const num = (v: string | undefined) => (v !== undefined && /^-?\d+$/.test(v) ? BigInt(v) : undefined)
  const len = num(input('len')) ?? -1n
  t.ok(len >= 8n, `len is the input (>= 8 by the spec), not the reassigned len & 7: ${input('len')}`)
  const header = readFileSync(path.join(dir, 'equiv', (d?.confirmation ?? '').match(/replay-\d+/)?.[0] ?? 'replay-1', 'klp-replay.h'), 'utf8')
  t.equal(replayed(header, 'len'), len, 'the value native replay ran with')
  t.equal(replayed(header, 'flags'), num(input('flags')), 'flags too')
  t.notMatch(input('dev') ?? '', /NULL/, 'dev is not the NULL of dev_ready()\'s local dev')
})

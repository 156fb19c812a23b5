/**
 * Buffer bounds that give answers (#10): a proof with buffers steps --max-size up from 4, and when the
 * requested bound does not finish it answers at the largest bound that did — stated in the verdict
 * line and the JSON, inconclusive (exit 2) unless --min-size accepts that bound. The stop here is
 * deterministic: a fixed --unwind 5 unwinds ucs2_strnlen's loop for buffers of up to 4 elements, not 8.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import t, { type Test } from 'tap'
import { requireCbmc, runCli } from '../fixtures/integration.js'
import { renderText } from '../../src/report/text.js'
import type { ProofReport } from '../../src/report/types.js'

t.before(async () => {
  await requireCbmc()
})

// lib/ucs2_string.c (linux 6.12), with its typedefs
const UCS2 = `typedef unsigned short ucs2_char_t;
typedef unsigned long size_t;
unsigned long ucs2_strnlen(const ucs2_char_t *s, size_t maxlength)
{
	unsigned long length = 0;

	while (length < maxlength && *s++ != 0)
		length++;
	return length;
}
`
// reads one element past the buffer when no NUL comes first (and counts it)
const OFF_BY_ONE = UCS2.replace('length < maxlength', 'length <= maxlength')

// the same code twice is equal without a solver run; the size steps are what these tests are about
const SAME_WITH_CBMC = ['--unbounded', 'off']

async function prove(t: Test, files: { old: string; new: string }, args: readonly string[], format = 'json') {
  const dir = t.testdir({ 'old.c': files.old, 'new.c': files.new })
  const res = await runCli([path.join(dir, 'old.c'), path.join(dir, 'new.c'), '--func', 'ucs2_strnlen', '--buffer', 's:maxlength', '--no-replay', '--format', format, ...(files.old === files.new ? SAME_WITH_CBMC : []), ...args])
  return { res, report: format === 'json' ? (JSON.parse(res.stdout) as ProofReport) : undefined }
}

const SAME = { old: UCS2, new: UCS2 }

t.test('the requested bound finishes: its verdict, each larger bound starting its unwinding where the smaller stopped', async t => {
  const keep = path.join(t.testdirName, 'kept')
  const { res, report } = await prove(t, SAME, ['--max-size', '8', '--keep-harness', keep])
  t.equal(res.code, 0, res.stderr)
  for (const f of ['size-4/equiv/klp_old.i', 'size-4/safety-new/klp_new.i', 'equiv/klp_old.i']) t.ok(existsSync(path.join(keep, f)), `--keep-harness keeps ${f}`)
  t.ok(report!.runs.filter(r => r.maxSize === 4).every(r => r.command.startsWith(`cd size-4/${r.run.split(' ')[0]} && `)), 'commands of the smaller bound name its folder')
  t.equal(report!.verdict, 'equivalent')
  t.match(report!.sizes, { requested: 8, reached: 8, reduced: false, steps: [{ maxSize: 4, verdict: 'equivalent' }, { maxSize: 8, verdict: 'equivalent' }] })
  const equiv = report!.runs.filter(r => r.run === 'equiv')
  // the loop runs over the buffer: its bound is read from the code, max-size + 1 at each step (#13)
  t.same(equiv.map(r => [r.maxSize, r.unwind, r.status]), [[4, 5, 'complete'], [8, 9, 'complete']])
  t.match(report!.bounds.find(b => b.what === 'max buffer size (--max-size)')?.value, /^8 elements \(stepped up 4, 8\)$/)
})

t.test('the requested bound does not finish: the verdict of the largest bound that did, stated, exit 2', async t => {
  const { res, report } = await prove(t, SAME, ['--max-size', '8', '--unwind', '5'])
  t.equal(res.code, 2, res.stderr)
  t.equal(report!.verdict, 'inconclusive')
  t.equal(report!.reason, 'reduced-bound')
  t.match(report!.sizes, { requested: 8, reached: 4, reduced: true, stopped: { maxSize: 8, reason: 'unwinding-bound' } })
  t.match(report!.bounds.find(b => b.what === 'buffer s')?.value, /0 <= maxlength <= 4$/, 'the bounds section gives the bound reached')
  t.match(renderText(report!).split('\n')[0], /^INCONCLUSIVE {2}ucs2_strnlen\(\): equivalent for buffers of up to 4 elements \(max-size 8 needs a higher unwinding bound\)/)
})

t.test('--min-size accepts the smaller bound: equivalent, exit 0, the bound still in the verdict line', async t => {
  const { res, report } = await prove(t, SAME, ['--max-size', '8', '--unwind', '5', '--min-size', '4'])
  t.equal(res.code, 0, res.stderr)
  t.equal(report!.verdict, 'equivalent')
  t.match(report!.sizes, { requested: 8, reached: 4, minimum: 4, reduced: true })
  t.match(renderText(report!).split('\n')[0], /^EQUIVALENT {2}ucs2_strnlen\(\): old and new behave the same for buffers of up to 4 elements \(max-size 8 needs a higher unwinding bound; accepted by --min-size 4\)/)
  const above = await prove(t, SAME, ['--max-size', '8', '--unwind', '5', '--min-size', '6'])
  t.equal(above.res.code, 2, 'a bound below --min-size is no pass')
})

t.test('a counterexample at a small bound is the verdict: unintended, exit 1, no larger bound run', async t => {
  const { res, report } = await prove(t, { old: UCS2, new: OFF_BY_ONE }, ['--max-size', '32'])
  t.equal(res.code, 1, res.stderr)
  t.equal(report!.verdict, 'unintended')
  t.match(report!.sizes, { requested: 32, reduced: false, steps: [{ maxSize: 4, verdict: 'unintended' }] })
  t.notOk(report!.runs.some(r => (r.maxSize ?? 0) > 4), 'no run above 4')
  t.match(report!.bounds.find(b => b.what === 'max buffer size (--max-size)')?.value, /^4 elements \(asked 32; stopped at 4: unintended\)$/)
})

t.test('a smaller bound no input fits is skipped, not an error: the assumptions need longer buffers', async t => {
  const { res, report } = await prove(t, SAME, ['--max-size', '8', '--assume', 'maxlength > 5'])
  t.equal(res.code, 0, res.stderr)
  t.equal(report!.verdict, 'equivalent')
  t.match(report!.sizes, { requested: 8, reached: 8, reduced: false, noInput: [4], steps: [{ maxSize: 8, verdict: 'equivalent' }] })
  t.equal(report!.sizes!.steps.length, 1)
  t.ok(report!.runs.some(r => r.maxSize === 4), 'its runs are listed')
  t.match(report!.bounds.find(b => b.what === 'max buffer size (--max-size)')?.value, /^8 elements \(stepped up 8; no input fits 4\)$/)
})

t.test('--min-size above --max-size: exit 3, one error, one hint', async t => {
  const { res } = await prove(t, SAME, ['--max-size', '8', '--min-size', '9'], 'text')
  t.equal(res.code, 3)
  t.match(res.stderr, /^error: --min-size 9 is above --max-size 8\nhint: /)
})

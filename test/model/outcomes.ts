/** The verdict taxonomy: one table each, everything else derived from them. */
import t from 'tap'
import {
  COUNT_ORDER, EXIT_OF, EXIT_SEVERITY, FINDINGS_FIRST, OUTCOMES, OUTCOME_WORD, REASONS, REASON_TEXT, RUN_STATUSES, VERDICTS,
  VERDICT_LABEL, VERDICT_OUTCOME, VERDICT_STATUSES, compareVerdicts, exitWord, incompleteReason, worstExit,
  type InconclusiveReason, type JobStatus, type VerdictStatus,
} from '../../src/model/outcomes.js'

t.test('the verdicts, worst first, with their exit code, label and CI outcome', async t => {
  const rows: [VerdictStatus, number, string, string, string | undefined][] = [
    ['error', 3, 'ERROR', 'error', 'error'],
    ['unintended', 1, 'UNINTENDED', 'fail', 'failure'],
    ['claim-unobserved', 1, 'CLAIM-UNOBSERVED', 'fail', 'failure'],
    ['inconclusive', 2, 'INCONCLUSIVE', 'skip', 'skipped'],
    ['as-claimed', 0, 'AS-CLAIMED', 'pass', undefined],
    ['equivalent', 0, 'EQUIVALENT', 'pass', undefined],
  ]
  t.same(VERDICT_STATUSES, rows.map(r => r[0]), 'worst first')
  for (const [status, exit, label, outcome, junit] of rows) {
    t.equal(EXIT_OF[status], exit, `${status}: exit code`)
    t.equal(VERDICT_LABEL[status], label, `${status}: label`)
    t.equal(VERDICT_OUTCOME[status], outcome, `${status}: outcome`)
    t.equal(OUTCOMES.find(o => o.outcome === outcome)?.junit, junit, `${status}: JUnit element`)
  }
})

t.test('every status and outcome has each column', async t => {
  t.equal(new Set(VERDICT_STATUSES).size, VERDICTS.length, 'no status twice')
  t.same([...COUNT_ORDER].sort(), [...VERDICT_STATUSES].sort(), 'the counts order lists every status once')
  for (const v of VERDICTS) {
    t.ok(OUTCOMES.some(o => o.outcome === v.outcome), `${v.status}: its outcome is in the outcome table`)
    t.match(v.label, /^[A-Z-]+$/, `${v.status}: an upper-case label`)
  }
  for (const o of OUTCOMES) {
    t.ok(OUTCOME_WORD[o.outcome], `${o.outcome}: a word`)
    t.ok(VERDICTS.some(v => v.outcome === o.outcome), `${o.outcome}: some verdict has it`)
  }
  t.same(OUTCOMES.map(o => o.exitCode).sort(), [0, 1, 2, 3], 'one exit code per outcome')
})

t.test('which verdicts hold only within the bounds: the complete proofs', async t => {
  t.same(VERDICTS.filter(v => v.withinBounds).map(v => v.status), ['claim-unobserved', 'as-claimed', 'equivalent'])
})

t.test('every inconclusive reason has a text; the run statuses that give one', async t => {
  t.same(REASON_TEXT, {
    timeout: 'CBMC ran out of time',
    'out-of-memory': 'CBMC ran out of memory',
    solver: 'the solver gave no answer',
    'unwinding-bound': 'a loop needs a higher bound',
    'reduced-bound': 'the proof finished only for smaller buffers than asked',
    'safety-incomplete': 'the safety checks did not finish',
    'type-changed': 'a type the function uses changed',
    'external-calls': 'calls to external code cannot be compared',
    'unsupported-construct': 'a construct klp-verify cannot model',
  })
  t.equal(new Set(REASONS.map(r => r.reason)).size, REASONS.length, 'no reason twice')
  for (const r of REASONS) if (r.runStatus) t.ok((RUN_STATUSES as readonly string[]).includes(r.runStatus), `${r.reason}: ${r.runStatus} is a run status`)
})

t.test('the reason of an incomplete proof, from its runs', async t => {
  const rows: [string, JobStatus[], boolean, InconclusiveReason][] = [
    ['a timeout wins over everything', ['bound-too-small', 'undetermined', 'out-of-memory', 'timeout'], true, 'timeout'],
    ['out of memory over solver and bound', ['bound-too-small', 'undetermined', 'out-of-memory'], true, 'out-of-memory'],
    ['an undetermined property over the bound', ['bound-too-small', 'undetermined'], false, 'solver'],
    ['a small bound over an open safety difference', ['bound-too-small'], true, 'unwinding-bound'],
    ['an open safety difference alone', ['complete'], true, 'safety-incomplete'],
    ['nothing else: the bound', ['cancelled'], false, 'unwinding-bound'],
  ]
  for (const [rule, statuses, safetyOpen, want] of rows) t.equal(incompleteReason(new Set(statuses), safetyOpen), want, rule)
})

t.test('worst exit code: 3 > 1 > 2 > 0', async t => {
  t.same(EXIT_SEVERITY, [3, 1, 2, 0])
  const rows: [number[], number][] = [
    [[0, 2, 1], 1],
    [[2, 0], 2],
    [[1, 3, 2], 3],
    [[0], 0],
    [[], 0],
    [[130, 0], 0],
  ]
  for (const [codes, want] of rows) t.equal(worstExit(codes), want, `[${codes.join(', ')}]`)
})

t.test('orders derived from the tables', async t => {
  t.same([...COUNT_ORDER].sort(compareVerdicts), VERDICT_STATUSES, 'sorting by severity gives the table order')
  t.same(FINDINGS_FIRST, ['unintended', 'claim-unobserved', 'error', 'inconclusive', 'as-claimed', 'equivalent'], 'failures, errors, skipped, passes')
  t.same(Object.keys(EXIT_OF), ['equivalent', 'as-claimed', 'unintended', 'claim-unobserved', 'inconclusive', 'error'], 'records list the statuses in the counts order')
})

t.test('the word for a run\'s exit code', async t => {
  t.same([0, 1, 2, 3, 130].map(exitWord), ['PASS', 'FAIL', 'INCONCLUSIVE', 'ERROR', undefined])
})

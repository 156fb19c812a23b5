/**
 * The verdict taxonomy: every status a proof can end in, every reason an inconclusive proof gives,
 * and what they mean to a user, a shell and a CI system. One ordered table each (BenchExec's
 * `result.py`, DiffKemp's ordered `Result.Kind`); everything else is derived from the tables.
 * Pure data: the classifier decides with it, the series aggregates with it, the reporters print it.
 */

/** How a CI system treats a verdict, with the exit code, JUnit element and word that go with it. */
export const OUTCOMES = [
  // JUnit's order (failures, errors, skipped), then the passes: findings first
  { outcome: 'fail', exitCode: 1, junit: 'failure', word: 'FAIL' },
  { outcome: 'error', exitCode: 3, junit: 'error', word: 'ERROR' },
  { outcome: 'skip', exitCode: 2, junit: 'skipped', word: 'INCONCLUSIVE' },
  { outcome: 'pass', exitCode: 0, junit: undefined, word: 'PASS' },
] as const

export type Outcome = (typeof OUTCOMES)[number]['outcome']
export type ExitCode = (typeof OUTCOMES)[number]['exitCode']

/**
 * The verdicts, worst first: the order a series aggregates in (its worst exit code wins) and lists
 * its proofs in. `withinBounds`: the verdict is a complete proof, true only within the bounds it ran under.
 */
export const VERDICTS = [
  { status: 'error', outcome: 'error', label: 'ERROR', withinBounds: false },
  { status: 'unintended', outcome: 'fail', label: 'UNINTENDED', withinBounds: false },
  { status: 'claim-unobserved', outcome: 'fail', label: 'CLAIM-UNOBSERVED', withinBounds: true },
  { status: 'inconclusive', outcome: 'skip', label: 'INCONCLUSIVE', withinBounds: false },
  { status: 'as-claimed', outcome: 'pass', label: 'AS-CLAIMED', withinBounds: true },
  { status: 'equivalent', outcome: 'pass', label: 'EQUIVALENT', withinBounds: true },
] as const satisfies readonly { status: string; outcome: Outcome; label: string; withinBounds: boolean }[]

export type VerdictStatus = (typeof VERDICTS)[number]['status']

/**
 * What one cbmc run ended in, in the order reports list them (the interesting ones first).
 * `found`: a run that found a difference (reports only; the classifier's jobs never end in it).
 */
export const RUN_STATUSES = ['complete', 'found', 'bound-too-small', 'undetermined', 'timeout', 'out-of-memory', 'cancelled', 'error'] as const

export type RunStatus = (typeof RUN_STATUSES)[number]
/** What the classifier records for one run. */
export type JobStatus = Exclude<RunStatus, 'found'>

/**
 * Why a proof is inconclusive (exit 2), with the headline text. `runStatus`: the run status that
 * gives this reason; the classifier takes the first such reason, in this order, among its runs.
 */
export const REASONS = [
  { reason: 'timeout', runStatus: 'timeout', text: 'CBMC ran out of time' },
  { reason: 'out-of-memory', runStatus: 'out-of-memory', text: 'CBMC ran out of memory' },
  { reason: 'solver', runStatus: 'undetermined', text: 'the solver gave no answer' },
  { reason: 'unwinding-bound', runStatus: 'bound-too-small', text: 'a loop needs a higher bound' },
  // the buffer bound was stepped up (pipeline/sizes.ts) and the requested one did not finish: the
  // verdict at the largest bound that did is reported, stated with its bound, and is no pass
  { reason: 'reduced-bound', runStatus: undefined, text: 'the proof finished only for smaller buffers than asked' },
  { reason: 'safety-incomplete', runStatus: undefined, text: 'the safety checks did not finish' },
  { reason: 'type-changed', runStatus: undefined, text: 'a type the function uses changed' },
  { reason: 'external-calls', runStatus: undefined, text: 'calls to external code cannot be compared' },
  { reason: 'unsupported-construct', runStatus: undefined, text: 'a construct klp-verify cannot model' },
] as const satisfies readonly { reason: string; runStatus: JobStatus | undefined; text: string }[]

export type InconclusiveReason = (typeof REASONS)[number]['reason']

/** The statuses, worst first. */
export const VERDICT_STATUSES: readonly VerdictStatus[] = VERDICTS.map(v => v.status)

/**
 * The statuses in the order a report's `counts` object lists them (JSON schema 1). Not an order of
 * severity (see `VERDICT_STATUSES`): kept so that JSON output stays the same.
 */
export const COUNT_ORDER: readonly VerdictStatus[] = ['equivalent', 'as-claimed', 'unintended', 'claim-unobserved', 'inconclusive', 'error']

const record = <K extends string, V>(keys: readonly K[], f: (k: K) => V): Readonly<Record<K, V>> =>
  Object.fromEntries(keys.map(k => [k, f(k)])) as Record<K, V>

const outcomeEntry = (o: Outcome) => OUTCOMES.find(e => e.outcome === o)!
const verdictEntry = (v: VerdictStatus) => VERDICTS.find(e => e.status === v)!

export const VERDICT_OUTCOME: Readonly<Record<VerdictStatus, Outcome>> = record(COUNT_ORDER, v => verdictEntry(v).outcome)
export const VERDICT_LABEL: Readonly<Record<VerdictStatus, string>> = record(COUNT_ORDER, v => verdictEntry(v).label)
/** The exit code of one proof's verdict. */
export const EXIT_OF: Readonly<Record<VerdictStatus, ExitCode>> = record(COUNT_ORDER, v => outcomeEntry(verdictEntry(v).outcome).exitCode)
/** The word an outcome is shown as (`PASS`, `FAIL`, `INCONCLUSIVE`, `ERROR`). */
export const OUTCOME_WORD: Readonly<Record<Outcome, string>> = record(OUTCOMES.map(o => o.outcome), o => outcomeEntry(o).word)
/** What each inconclusive reason means, for the headline. */
export const REASON_TEXT: Readonly<Record<InconclusiveReason, string>> = record(REASONS.map(r => r.reason), r => REASONS.find(e => e.reason === r)!.text)

/** The verdicts CI shows first: by outcome (failures, errors, skipped, passes), worst first within one. */
export const FINDINGS_FIRST: readonly VerdictStatus[] = OUTCOMES.flatMap(o => VERDICTS.filter(v => v.outcome === o.outcome).map(v => v.status))

/** The exit codes, worst first: 3 (error) > 1 (unintended) > 2 (inconclusive) > 0. */
export const EXIT_SEVERITY: readonly ExitCode[] = [...new Set(VERDICT_STATUSES.map(v => EXIT_OF[v]))]

/** The worst exit code among `codes` (0 when there are none; codes outside the taxonomy are ignored). */
export function worstExit(codes: readonly number[]): ExitCode {
  return EXIT_SEVERITY.find(c => codes.includes(c)) ?? 0
}

/** Sort order of verdicts: the one that needs attention most first. */
export function compareVerdicts(a: VerdictStatus, b: VerdictStatus): number {
  return VERDICT_STATUSES.indexOf(a) - VERDICT_STATUSES.indexOf(b)
}

/** The word for a whole run's exit code (`PASS` for 0, …), if the taxonomy has one. */
export const exitWord = (code: number): string | undefined => OUTCOMES.find(o => o.exitCode === code)?.word

/**
 * The reason an incomplete proof gives, from the statuses of its runs: the first reason (in
 * `REASONS` order) a run status gives; otherwise `safety-incomplete` when a one-sided safety
 * difference was left open, else `unwinding-bound`.
 */
export function incompleteReason(runStatuses: ReadonlySet<JobStatus>, safetyOpen: boolean): InconclusiveReason {
  const byRun = REASONS.find(r => r.runStatus !== undefined && runStatuses.has(r.runStatus))
  return byRun ? byRun.reason : safetyOpen ? 'safety-incomplete' : 'unwinding-bound'
}

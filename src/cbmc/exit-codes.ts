/**
 * Exit codes of cbmc (src/util/exit_codes.h, checked against CBMC 6.6).
 * The classifier decides from the properties, not from these; they explain a run in messages.
 */
import { constants } from 'node:os'

export const CBMC_EXIT = {
  /** Verification successful (or a query such as `--show-properties` finished). */
  success: 0,
  /** Invalid or conflicting command line, e.g. `--function nosuch` or `--property nosuch.1`. */
  usageError: 1,
  /** Verification inconclusive. */
  inconclusive: 5,
  /** Error: parse or type-check error (6.6 prints `PARSING ERROR` and exits 6), missing file, solver error. */
  error: 6,
  /** Verification failed: at least one property has a counterexample. */
  failure: 10,
  /** Unknown option: the option parser prints the help banner to stdout (no JSON) and exits EX_USAGE. */
  unknownOption: 64,
} as const

export type CbmcExitCode = (typeof CBMC_EXIT)[keyof typeof CBMC_EXIT]

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  [CBMC_EXIT.success]: 'success (verification successful)',
  [CBMC_EXIT.usageError]: 'usage error (invalid command-line argument)',
  [CBMC_EXIT.inconclusive]: 'verification inconclusive',
  [CBMC_EXIT.error]: 'error (parse, type-check, input or solver error)',
  [CBMC_EXIT.failure]: 'verification failed (counterexample found)',
  [CBMC_EXIT.unknownOption]: 'unknown command-line option',
}

/** A one-line human description of a cbmc exit code, e.g. `exit 10: verification failed (…)`. */
export function describeExit(code: number | null): string {
  if (code === null) return 'no exit code (the process did not exit on its own)'
  const known = DESCRIPTIONS[code]
  if (known !== undefined) return `exit ${code}: ${known}`
  // A shell wrapper that does not `exec` reports a signal death as 128 + n.
  const signal = code > 128 ? signalName(code - 128) : undefined
  if (signal !== undefined) {
    const oom = signal === 'SIGKILL' ? ', e.g. by the out-of-memory killer' : ''
    return `exit ${code}: killed by ${signal}${oom}`
  }
  return `exit ${code}: unexpected exit code`
}

function signalName(n: number): string | undefined {
  return Object.entries(constants.signals).find(([, num]) => num === n)?.[0]
}

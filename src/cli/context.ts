import { oneLine } from '../errors.js'
import type { Logger } from '../pipeline/types.js'

/** What a command needs from its surroundings (injected so tests can run the parser in-process). */
export interface CliContext {
  readonly env: Record<string, string | undefined>
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** stderr as is, no newline added (progress lines rewritten in place on a terminal). */
  readonly stderrRaw?: (text: string) => void
  /** stderr is a terminal: show progress. */
  readonly isTTY: boolean
  /** stdout is a terminal: colour the text report (defaults to isTTY). */
  readonly stdoutTTY?: boolean
  /** Set by a command: the exit code its outcome maps to. */
  exitCode?: number
  readonly signal?: AbortSignal
}

/** Progress on a terminal (or with --verbose), command lines only with --verbose/--debug; all on stderr. */
export function cliLogger(ctx: CliContext, verbose: boolean): Logger {
  return {
    // a user path with a newline in it stays on its line
    info: msg => { if (verbose || ctx.isTTY) ctx.stderr(`klp-verify: ${oneLine(msg)}`) },
    debug: msg => { if (verbose) ctx.stderr(`klp-verify: ${oneLine(msg)}`) },
  }
}

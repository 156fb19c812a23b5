import { EXIT_OF } from './model/outcomes.js'

/** Exit codes of klp-verify (see README "Exit codes"), as the verdict taxonomy gives them. */
export const EXIT = {
  ok: EXIT_OF.equivalent,
  unintended: EXIT_OF.unintended,
  inconclusive: EXIT_OF.inconclusive,
  error: EXIT_OF.error,
} as const

export interface KlpErrorOptions {
  readonly hint?: string
  readonly cause?: unknown
  readonly exitCode?: number
}

/** Base of every error a user may see: one line `error: …`, one `hint: …`. */
export class KlpError extends Error {
  readonly exitCode: number
  readonly hint?: string
  constructor(message: string, opts: KlpErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = new.target.name
    this.exitCode = opts.exitCode ?? EXIT.error
    this.hint = opts.hint
  }
}

export class UsageError extends KlpError {}
export class ConfigError extends KlpError {}
export class ExtractError extends KlpError {}
export class ToolNotFoundError extends KlpError {}
export class ToolFailureError extends KlpError {}

/** Our own bug: printed with its stack. */
export class InternalError extends KlpError {}

/** Signal numbers of the signals that stop a run: the exit code is 128 + n, as shells report it. */
export const SIGNAL_NUMBER = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const
export type StopSignal = keyof typeof SIGNAL_NUMBER

/** The run was stopped by a signal (the abort reason bin.ts gives): exit 130 (SIGINT), 143, 129. */
export class InterruptedError extends KlpError {
  readonly signal: StopSignal
  constructor(signal: StopSignal) {
    super(`interrupted by ${signal}`, {
      exitCode: 128 + SIGNAL_NUMBER[signal],
      hint: 'nothing was proved; run the same command again (a series resumes from its cached proofs)',
    })
    this.signal = signal
  }
}

/**
 * One line, whatever a user path in it holds: a newline or other control character is written as
 * an escape (\n, \r, \x1b), so an `error:` or `hint:` line (or a progress line) is always one line.
 */
export function oneLine(text: string): string {
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f\u2028\u2029]/g, c =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c.charCodeAt(0) > 0xff ? `\\u${c.charCodeAt(0).toString(16)}` : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

/** Format an error for the terminal: one error line, one hint line, stack only with debug. */
export function formatError(err: unknown, debug: boolean): string {
  if (err instanceof KlpError && !(err instanceof InternalError)) {
    const lines = [`error: ${oneLine(err.message)}`]
    if (err.hint) lines.push(`hint: ${oneLine(err.hint)}`)
    if (debug) lines.push(stackWithCauses(err))
    return lines.join('\n')
  }
  const msg = err instanceof Error ? err.message : String(err)
  return [
    `error: internal error: ${oneLine(msg)}`,
    'hint: this is a bug in klp-verify; please report it with the output of --debug',
    stackWithCauses(err),
  ].join('\n')
}

function stackWithCauses(err: unknown): string {
  const parts: string[] = []
  let cur: unknown = err
  while (cur !== undefined && cur !== null) {
    parts.push(cur instanceof Error ? (cur.stack ?? cur.message) : String(cur))
    cur = cur instanceof Error ? (cur as Error & { cause?: unknown }).cause : undefined
    if (cur !== undefined) parts.push('caused by:')
  }
  return parts.join('\n')
}

/** Exit codes of klp-verify (see README "Exit codes"). */
export const EXIT = {
  ok: 0,
  unintended: 1,
  inconclusive: 2,
  error: 3,
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

/** Format an error for the terminal: one error line, one hint line, stack only with debug. */
export function formatError(err: unknown, debug: boolean): string {
  if (err instanceof KlpError && !(err instanceof InternalError)) {
    const lines = [`error: ${err.message}`]
    if (err.hint) lines.push(`hint: ${err.hint}`)
    if (debug) lines.push(stackWithCauses(err))
    return lines.join('\n')
  }
  const msg = err instanceof Error ? err.message : String(err)
  return [
    `error: internal error: ${msg}`,
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

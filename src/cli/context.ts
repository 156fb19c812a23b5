/** What a command needs from its surroundings (injected so tests can run the parser in-process). */
export interface CliContext {
  readonly env: Record<string, string | undefined>
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly isTTY: boolean
  /** Set by a command: the exit code its outcome maps to. */
  exitCode?: number
  readonly signal?: AbortSignal
}

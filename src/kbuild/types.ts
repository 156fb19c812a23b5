/** The build context of one C file: where its compile command came from, and what it means (plain data). */

/** Where a compile command was found. */
export type ContextOrigin = 'compile-commands' | 'cmd-file' | 'make-dry-run'

/** One compiler invocation for one source file, as the build would run it. */
export interface CompileCommand {
  /** The folder the compiler runs in (relative paths in `argv` are relative to it). */
  readonly directory: string
  /** The source file, absolute. */
  readonly file: string
  /** The whole command, the compiler first. */
  readonly argv: readonly string[]
}

/** A compile command split into what preprocessing and extraction need and what only code generation needs. */
export interface FilteredFlags {
  /** -I/-isystem/-include/-D/-U/-std/-O/-m/-f flags with meaning, every path made absolute. */
  readonly kept: readonly string[]
  /** What was dropped, each with why (`-c`, `-o lib/x.o`, `-Wp,-MMD,…`, warnings, plugins, …). */
  readonly dropped: readonly { readonly flag: string; readonly why: string }[]
}

/** One semantics-bearing flag, what it means, and how the proof models it. */
export interface FlagLine {
  readonly flag: string
  readonly meaning: string
  /** What klp-verify does with cbmc for it (`no --signed-overflow-check`, `--unsigned-char`, `not modelled: …`). */
  readonly cbmc: string
  /** The cbmc options this flag calls for (empty when cbmc's semantics already match). */
  readonly args: readonly string[]
}

/** The kept flags' meaning for cbmc. */
export interface FlagMapping {
  /** cbmc options the flags call for (`--unsigned-char`, `--32`, `--c11`, …); signed wrap is `fwrapv`. */
  readonly cbmcArgs: readonly string[]
  /** Signed overflow wraps (-fwrapv, -fno-strict-overflow): cbmc runs without --signed-overflow-check. */
  readonly fwrapv: boolean
  /** Locals without an initializer start zeroed (-ftrivial-auto-var-init=zero); src/extract/zero-init.ts gives them a zero initializer. */
  readonly zeroInitLocals: boolean
  /** One line per mapped flag, for the report's bounds section. */
  readonly lines: readonly FlagLine[]
}

/** A file's build context: its command, the flags kept for klp-verify, and their meaning. */
export interface BuildContext {
  readonly origin: ContextOrigin
  /** Where the command came from (a compile_commands.json, a .o.cmd file, or the make command line). */
  readonly from: string
  readonly command: CompileCommand
  readonly flags: FilteredFlags
  readonly mapping: FlagMapping
}

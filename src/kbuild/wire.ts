/**
 * The build context as the verify command uses it (reads files, runs make): the old file's flags go
 * in front of the command line's --cflags, for both versions — the new function is read in the old
 * tree's type context (its headers and config), as a live patch runs against the old kernel. The
 * kernel build folder is `--kconfig`'s scratch folder, else $KBUILD_OUTPUT (what make takes for O=),
 * else the tree itself when it is configured in place.
 */
import path from 'node:path'
import { UsageError } from '../errors.js'
import { findBuildContext } from './context.js'
import { prepareKconfig } from './kconfig.js'
import { renderFlagLine } from './mapping.js'
import { findKernelRoot } from './tree.js'
import type { BuildContext } from './types.js'

export interface BuildContextArgs {
  /** The file whose context is looked up (the old version). */
  readonly old: string
  /** The new version: its tree's path prefix is mapped like the old one's (prefixMapsFor). */
  readonly new?: string
  readonly compileCommands?: string
  readonly kconfig?: string
}

/**
 * The build context for a verify run, or undefined when none applies (no option, not in a configured
 * kernel tree). Found automatically (no option given) while the user passed --cflags, a failure is
 * logged and the run goes on with the user's flags; otherwise it is the run's error.
 */
export async function resolveBuildContext(args: BuildContextArgs, env: Readonly<Record<string, string | undefined>>, log: (msg: string) => void, userFlags = false): Promise<BuildContext | undefined> {
  if (!args.kconfig && !args.compileCommands && userFlags) {
    try {
      return await resolveBuildContext(args, env, log)
    } catch (e) {
      log(`no build context for ${args.old} (${(e as Error).message}); using --cflags alone`)
      return undefined
    }
  }
  let buildDir = env.KBUILD_OUTPUT || undefined
  if (args.kconfig && !args.compileCommands) {
    const tree = findKernelRoot(args.old)
    if (!tree) throw new UsageError(`--kconfig needs a file inside a kernel tree, and ${args.old} is not in one`, { hint: 'a kernel tree has Makefile, Kbuild and Kconfig at its root; for other projects use --compile-commands FILE' })
    buildDir = await prepareKconfig({ tree, config: args.kconfig, log })
  }
  const found = await findBuildContext(args.old, { compileCommands: args.compileCommands, buildDir })
  const extra = found && args.new ? prefixMapsFor(found.flags.kept, found.command.file, path.resolve(args.new)) : []
  const c = found && extra.length ? { ...found, flags: { ...found.flags, kept: [...found.flags.kept, ...extra] } } : found
  if (c) {
    log(`build context of ${args.old}: ${c.from} (${c.flags.kept.length} flags kept, ${c.flags.dropped.length} dropped)`)
    for (const l of c.mapping.lines) log(`  ${renderFlagLine(l)}`)
  }
  return c
}

/**
 * `-fmacro-prefix-map=OLDTREE/=` (Kbuild's, so that __FILE__ is `lib/x.c`) again for the new file's
 * tree: both versions are read with the old file's flags, and a __FILE__ (WARN, BUG, dynamic debug)
 * that names the old tree relative and the new one absolute would be a difference no patch made.
 * The new prefix is the new path minus what the old path has after the old prefix (pure).
 */
export function prefixMapsFor(kept: readonly string[], oldFile: string, newFile: string): string[] {
  const out: string[] = []
  for (const f of kept) {
    const m = /^(-f(?:macro|file)-prefix-map=)([^=]*)=(.*)$/.exec(f)
    if (!m || !m[2] || !oldFile.startsWith(m[2])) continue
    const rest = oldFile.slice(m[2].length)
    if (!rest || !newFile.endsWith(rest) || newFile === oldFile) continue
    const from = newFile.slice(0, newFile.length - rest.length)
    if (from !== m[2]) out.push(`${m[1]}${from}=${m[3]}`)
  }
  return out
}

/** The checked command line with the build context's flags in front of --cflags (later flags win in gcc). */
export function withContextFlags<T extends { readonly cflags: readonly string[] }>(cli: T, c: BuildContext | undefined): T {
  return c ? { ...cli, cflags: [...c.flags.kept, ...cli.cflags] } : cli
}

/** cbmc's own defaults (x86_64 Linux, LP64, C11): options that only restate them are not passed. */
const CBMC_DEFAULTS: ReadonlySet<string> = new Set(['--64', '--c11'])

/** The cbmc options of a build context that change cbmc's defaults (`--unsigned-char`, `--32`, …). */
export function contextPlatform(c: BuildContext): string[] {
  return c.mapping.cbmcArgs.filter(a => !CBMC_DEFAULTS.has(a))
}

/** What the report's bounds section shows of a build context: where it came from, one line per mapped flag. */
export function contextSummary(c: BuildContext): { from: string; lines: string[] } {
  return { from: c.from, lines: c.mapping.lines.map(renderFlagLine) }
}

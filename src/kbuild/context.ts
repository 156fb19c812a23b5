/**
 * A C file's build context, found automatically (reads files, runs make). In this order:
 * 1. `--compile-commands FILE`: its entry for the file (any C project: CMake, Meson, bear);
 * 2. inside a configured kernel tree: the object's `.x.o.cmd` when it was built, else the tree's
 *    `compile_commands.json` when it exists, else what `make [O=…] V=1 -n x.o` would run (nothing
 *    is built; 4–8 s per object on a 2-core machine).
 * The command's flags are filtered (flags.ts) and mapped to cbmc (mapping.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { execa } from 'execa'
import { ConfigError, ToolFailureError, ToolNotFoundError } from '../errors.js'
import { filterFlags } from './flags.js'
import { mapFlags } from './mapping.js'
import { parseCmdFile, parseCompileCommands, parseMakeDryRun } from './parse.js'
import { cmdFilePath, findKernelTree } from './tree.js'
import type { BuildContext, CompileCommand, ContextOrigin } from './types.js'

export interface ContextOptions {
  /** A compile_commands.json given by the user. */
  readonly compileCommands?: string
  /** The kernel build folder (O=), when it is not the tree itself. */
  readonly buildDir?: string
  /** The make program (default `make`). */
  readonly make?: string
  /** Wall-clock limit for `make -n`, seconds (default 120). */
  readonly timeoutSec?: number
}

/** The file's absolute path and, when a symlink leads to it, its real path. */
function sourcePaths(file: string): string[] {
  const abs = path.resolve(file)
  let real = abs
  try { real = fs.realpathSync(abs) } catch { /* a missing file is reported by the extractor */ }
  return real === abs ? [abs] : [abs, real]
}

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (e) {
    throw new ConfigError(`cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { hint: 'check the path' })
  }
}

function context(origin: ContextOrigin, from: string, command: CompileCommand): BuildContext {
  const flags = filterFlags(command)
  return { origin, from, command, flags, mapping: mapFlags(flags.kept) }
}

/** What `make V=1 -n OBJ` prints for the object of a configured kernel tree. */
async function makeDryRun(root: string, buildDir: string, object: string, opts: ContextOptions): Promise<string> {
  const make = opts.make ?? 'make'
  const args = [...(buildDir === root ? [] : [`O=${buildDir}`]), 'V=1', '-n', object]
  const r = await execa(make, args, { cwd: root, reject: false, all: true, timeout: (opts.timeoutSec ?? 120) * 1000, env: { LC_ALL: 'C', MAKEFLAGS: '' } })
  if (r.failed && (r as { code?: string }).code === 'ENOENT') {
    throw new ToolNotFoundError(`cannot run ${make} to find the compile command of ${object}`, { hint: 'install make, or give the command with --compile-commands FILE' })
  }
  if (r.exitCode !== 0) {
    const tail = String(r.all ?? '').trim().split('\n').slice(-3).join(' | ')
    throw new ToolFailureError(`make V=1 -n ${object} failed in ${root}${r.timedOut ? ' (timed out)' : ''}: ${tail}`, {
      hint: 'is the tree configured and prepared (make olddefconfig && make prepare)? or give --kconfig FILE or --compile-commands FILE',
    })
  }
  return String(r.stdout)
}

/** The kernel build context of `file`, or undefined outside a configured kernel tree. */
async function kernelContext(file: string, opts: ContextOptions): Promise<BuildContext | undefined> {
  const tree = findKernelTree(file, opts.buildDir)
  if (!tree) return undefined
  const sources = sourcePaths(file)
  const cmdFile = cmdFilePath(tree.buildDir, tree.object)
  if (fs.existsSync(cmdFile)) {
    const cmd = sources.map(s => parseCmdFile(readText(cmdFile, 'the Kbuild command file'), s, tree.buildDir)).find(Boolean)
    if (cmd) return context('cmd-file', cmdFile, cmd)
  }
  const db = path.join(tree.buildDir, 'compile_commands.json')
  if (fs.existsSync(db)) {
    const cmd = parseCompileCommands(readText(db, 'the compile commands'), sources, db)
    if (cmd) return context('compile-commands', db, cmd)
  }
  const out = await makeDryRun(tree.root, tree.buildDir, tree.object, opts)
  const cmd = sources.map(s => parseMakeDryRun(out, s, tree.root)).find(Boolean)
  if (!cmd) {
    throw new ConfigError(`make V=1 -n ${tree.object} printed no command that compiles ${file}`, {
      hint: 'is the file built with this configuration (its CONFIG_ option set)? use --kconfig FILE with a config that builds it, or --compile-commands FILE',
    })
  }
  const shown = `make ${tree.buildDir === tree.root ? '' : `O=${tree.buildDir} `}V=1 -n ${tree.object}`
  return context('make-dry-run', shown, cmd)
}

/**
 * The build context of `file`: from `--compile-commands` when given (an error when the file has no
 * entry), else from its kernel tree; undefined when neither applies.
 */
export async function findBuildContext(file: string, opts: ContextOptions = {}): Promise<BuildContext | undefined> {
  if (opts.compileCommands) {
    const db = path.resolve(opts.compileCommands)
    const cmd = parseCompileCommands(readText(db, 'the compile commands'), sourcePaths(file), db)
    if (!cmd) throw new ConfigError(`${db} has no entry for ${path.resolve(file)}`, { hint: 'regenerate it so that it lists this file, or pass the flags with --cflags' })
    return context('compile-commands', db, cmd)
  }
  return kernelContext(file, opts)
}

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
import { cmdFilePath, findKernelTree, type KernelTree } from './tree.js'
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

/**
 * What `make V=1 -n OBJ…` prints for objects of a configured kernel tree. With several objects
 * (`keepGoing`: make -k), an object make has no rule for does not stop the others: the caller
 * finds which got a command.
 */
async function makeDryRun(root: string, buildDir: string, objects: readonly string[], opts: ContextOptions, keepGoing = false): Promise<string> {
  const make = opts.make ?? 'make'
  const object = objects.join(' ')
  const args = [...(buildDir === root ? [] : [`O=${buildDir}`]), 'V=1', '-n', ...(keepGoing ? ['-k'] : []), ...objects]
  const r = await execa(make, args, { cwd: root, reject: false, all: true, timeout: (opts.timeoutSec ?? 120) * 1000, env: { LC_ALL: 'C', MAKEFLAGS: '' } })
  if (r.failed && (r as { code?: string }).code === 'ENOENT') {
    throw new ToolNotFoundError(`cannot run ${make} to find the compile command of ${object}`, { hint: 'install make, or give the command with --compile-commands FILE' })
  }
  if (keepGoing && !r.timedOut) return String(r.all ?? '')
  if (r.exitCode !== 0) {
    const tail = String(r.all ?? '').trim().split('\n').slice(-3).join(' | ')
    throw new ToolFailureError(`make V=1 -n ${object} failed in ${root}${r.timedOut ? ' (timed out)' : ''}: ${tail}`, {
      hint: 'is the tree configured and prepared (make olddefconfig && make prepare)? or give --kconfig FILE or --compile-commands FILE',
    })
  }
  return String(r.stdout)
}

/** The context a build already wrote down for `file`: its `.x.o.cmd` file, else the build folder's compile_commands.json. */
function builtContext(file: string, tree: KernelTree): BuildContext | undefined {
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
  return undefined
}

/** The context of `file` in what make printed, or the error saying it has none. */
function dryRunContext(out: string, file: string, tree: KernelTree): BuildContext {
  const cmd = sourcePaths(file).map(s => parseMakeDryRun(out, s, tree.root)).find(Boolean)
  if (!cmd) {
    const why = out.split('\n').find(l => l.includes(`'${tree.object}'`) && /\*\*\*/.test(l))?.replace(/^make(\[\d+\])?: \*\*\* /, '')
    throw new ConfigError(`make V=1 -n ${tree.object} printed no command that compiles ${file}${why ? ` (${why})` : ''}`, {
      hint: 'is the file built with this configuration (its CONFIG_ option set)? use --kconfig FILE with a config that builds it, or --compile-commands FILE',
    })
  }
  const shown = `make ${tree.buildDir === tree.root ? '' : `O=${tree.buildDir} `}V=1 -n ${tree.object}`
  return context('make-dry-run', shown, cmd)
}

/** The kernel build context of `file`, or undefined outside a configured kernel tree. */
async function kernelContext(file: string, opts: ContextOptions): Promise<BuildContext | undefined> {
  const tree = findKernelTree(file, opts.buildDir)
  if (!tree) return undefined
  return builtContext(file, tree) ?? dryRunContext(await makeDryRun(tree.root, tree.buildDir, [tree.object], opts), file, tree)
}

/**
 * The build contexts of several files (a series), each as findBuildContext finds it, with one
 * `make -k V=1 -n a.o b.o …` for all the files of a tree that need make (a run costs about as
 * much for twenty objects as for one: ~2.5 s on the 6.12 tree). Each file maps to its context,
 * undefined (no context applies), or the error it alone raised.
 */
export async function findBuildContexts(files: readonly string[], opts: ContextOptions = {}): Promise<Map<string, BuildContext | undefined | Error>> {
  const out = new Map<string, BuildContext | undefined | Error>()
  const pending = new Map<string, { tree: KernelTree; file: string }[]>()
  for (const file of new Set(files)) {
    try {
      const tree = opts.compileCommands ? undefined : findKernelTree(file, opts.buildDir)
      const found = tree ? builtContext(file, tree) : await findBuildContext(file, opts)
      if (found || !tree) out.set(file, found)
      else pending.set(`${tree.root}\0${tree.buildDir}`, [...(pending.get(`${tree.root}\0${tree.buildDir}`) ?? []), { tree, file }])
    } catch (e) {
      out.set(file, e as Error)
    }
  }
  for (const group of pending.values()) {
    const objects = [...new Set(group.map(g => g.tree.object))].sort()
    const { root, buildDir } = group[0]!.tree
    const text = await makeDryRun(root, buildDir, objects, opts, true).catch((e: Error) => e)
    for (const { tree, file } of group) {
      try {
        out.set(file, typeof text === 'string' ? dryRunContext(text, file, tree) : text)
      } catch (e) {
        out.set(file, e as Error)
      }
    }
  }
  return out
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

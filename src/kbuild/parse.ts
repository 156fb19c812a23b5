/**
 * Compile commands from the three places a build keeps them (pure): a compile_commands.json
 * (CMake, Meson, bear, the kernel's gen_compile_commands.py), a Kbuild `.x.o.cmd` file, and the
 * output of `make V=1 -n x.o`. Each parser returns the command that compiles the given source
 * file, or undefined when there is none.
 */
import path from 'node:path'
import { ConfigError } from '../errors.js'
import type { CompileCommand } from './types.js'
import { splitCommands, splitWords, unescapeMake } from './words.js'

/** Whether `words` compile `source` (absolute) when run in `cwd`: `-c` and the source as an operand. */
export function compilesSource(words: readonly string[], source: string, cwd: string): boolean {
  if (words.length < 2 || !words.includes('-c')) return false
  return words.slice(1).some((w, i) => !w.startsWith('-') && words[i] !== '-o' && path.resolve(cwd, w) === source)
}

/** The first simple command of a shell line that compiles `source`. */
export function findCompile(line: string, source: string, cwd: string): string[] | undefined {
  return splitCommands(line).find(words => compilesSource(words, source, cwd))
}

interface RawEntry { directory?: unknown; file?: unknown; command?: unknown; arguments?: unknown }

/**
 * The entry of a compile_commands.json for `sources` (the file's absolute path and, if it differs,
 * its real path). `arguments` is taken as given, `command` is split like a shell.
 */
export function parseCompileCommands(text: string, sources: readonly string[], where: string): CompileCommand | undefined {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new ConfigError(`${where} is not JSON: ${(e as Error).message}`, { hint: 'regenerate it (cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, meson, bear -- make, or make compile_commands.json in a kernel tree)' })
  }
  if (!Array.isArray(data)) throw new ConfigError(`${where} is not a JSON array of compile commands`, { hint: 'a compile_commands.json is [{"directory", "file", "command" or "arguments"}, …]' })
  for (const raw of data as RawEntry[]) {
    if (!raw || typeof raw.directory !== 'string' || typeof raw.file !== 'string') continue
    const file = path.resolve(raw.directory, raw.file)
    if (!sources.includes(file)) continue
    const argv = Array.isArray(raw.arguments) && raw.arguments.every(a => typeof a === 'string')
      ? [...(raw.arguments as string[])]
      : typeof raw.command === 'string' ? splitWords(raw.command) : undefined
    if (!argv || argv.length === 0) throw new ConfigError(`${where}: the entry for ${raw.file} has neither "arguments" nor "command"`, { hint: 'regenerate the compile_commands.json' })
    return { directory: raw.directory, file, argv }
  }
  return undefined
}

/**
 * The command of a Kbuild `.x.o.cmd` file (`savedcmd_lib/x.o := gcc … -c -o lib/x.o lib/x.c`;
 * `cmd_…` before Linux 6.3), run in the build folder `buildDir`.
 */
export function parseCmdFile(text: string, source: string, buildDir: string): CompileCommand | undefined {
  for (const line of text.split('\n')) {
    const m = /^(?:saved)?cmd_\S+ := (.*)$/.exec(line)
    if (!m) continue
    const argv = findCompile(unescapeMake(m[1]!), source, buildDir)
    if (argv) return { directory: buildDir, file: source, argv }
  }
  return undefined
}

/**
 * The command `make V=1 -n obj` prints for `source`. Make runs each recursion in a folder it names
 * (`make[1]: Entering directory '…'`); relative paths in the command are relative to it.
 */
export function parseMakeDryRun(text: string, source: string, startDir: string): CompileCommand | undefined {
  const dirs = [startDir]
  for (const line of text.split('\n')) {
    const enter = /^make(?:\[\d+\])?: Entering directory ['`](.*)'$/.exec(line)
    if (enter) { dirs.push(enter[1]!); continue }
    if (/^make(?:\[\d+\])?: Leaving directory /.test(line)) { if (dirs.length > 1) dirs.pop(); continue }
    if (!line.includes('-c')) continue
    const cwd = dirs[dirs.length - 1]!
    const argv = findCompile(line, source, cwd)
    if (argv) return { directory: cwd, file: source, argv }
  }
  return undefined
}

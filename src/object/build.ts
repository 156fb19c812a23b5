/**
 * Compile one version of a C file the way kpatch and klp-build do (its flags, default -O2, plus
 * -ffunction-sections -fdata-sections, and -g for the inlining facts), then read the object with binutils.
 * The only module of src/object that spawns processes; everything it reads is parsed by pure modules.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { execa } from 'execa'
import { killGroup } from '../cbmc/run.js'
import { ToolFailureError, ToolNotFoundError } from '../errors.js'
import { parseDwarfInfo } from './dwarf.js'
import { DEFAULT_CFLAGS } from './ipa-ra.js'
import { parseObjdumpAsm, parseObjdumpContents, parseObjdumpInsns } from './objdump.js'
import { parseReadelf } from './readelf.js'
import type { ObjectFacts } from './types.js'

export { DEFAULT_CFLAGS }
/** What every build adds to the file's own flags: one section per function and per object, and debug info. */
export const OBJECT_FLAGS = ['-g', '-ffunction-sections', '-fdata-sections'] as const
export const OBJECT_LIMITS = { compileMs: 120_000, toolMs: 60_000, maxBuffer: 512 * 1024 * 1024 } as const

export interface ObjectTools {
  readonly gcc: string
  readonly readelf: string
  readonly objdump: string
  readonly signal?: AbortSignal
  /** Overrides OBJECT_LIMITS.compileMs (tests). */
  readonly compileMs?: number
}

async function run(tool: string, argv: readonly string[], opts: { cwd?: string; timeout: number; signal?: AbortSignal; tmpDir?: string }) {
  opts.signal?.throwIfAborted()
  // its own process group: gcc runs cc1 and as as children that outlive a killed driver and hold its
  // output open (an #include of a FIFO or /dev/zero would keep cc1 reading for minutes), so a timeout,
  // an abort (the proof failed, Ctrl-C) and the end of the run each end the whole group
  const sub = execa(tool, argv, {
    cwd: opts.cwd, reject: false, stdin: 'ignore', detached: true,
    maxBuffer: OBJECT_LIMITS.maxBuffer, env: { LC_ALL: 'C', ...(opts.tmpDir ? { TMPDIR: opts.tmpDir } : {}) },
  })
  let timedOut = false
  const endGroup = () => {
    if (sub.pid !== undefined) killGroup(sub.pid)
  }
  const timer = setTimeout(() => { timedOut = true; endGroup() }, opts.timeout)
  opts.signal?.addEventListener('abort', endGroup, { once: true })
  let r: Awaited<typeof sub>
  try {
    r = await sub
  } finally {
    clearTimeout(timer)
    opts.signal?.removeEventListener('abort', endGroup)
    endGroup()
  }
  opts.signal?.throwIfAborted()
  if (r.failed && (r as { code?: string }).code === 'ENOENT') {
    throw new ToolNotFoundError(`${tool} not found`, { hint: `install binutils and gcc (e.g. apt-get install gcc binutils), or put them on PATH` })
  }
  if (timedOut) throw new ToolFailureError(`${path.basename(tool)} did not finish within ${opts.timeout / 1000} s`, { hint: 'try again with fewer jobs at once' })
  if (r.exitCode !== 0) {
    const first = String(r.stderr).split('\n').find(l => /(^|: )(fatal )?error: /.test(l)) ?? String(r.stderr).split('\n')[0] ?? ''
    throw new ToolFailureError(`${path.basename(tool)} failed: ${first.trim().slice(0, 200)}`, {
      hint: `run it by hand to see every message: ${tool} ${argv.join(' ')}`,
    })
  }
  return String(r.stdout)
}

/**
 * Compile `cFile` to `outFile` with the file's flags plus the object-analysis flags, in `cwd` (the folder
 * the flags' relative paths are relative to: a kernel build folder for Kbuild flags; the file's folder by default).
 */
export async function compileObject(tools: ObjectTools, cFile: string, outFile: string, cflags: readonly string[] = DEFAULT_CFLAGS, cwd?: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(outFile)), { recursive: true })
  await run(tools.gcc, [...cflags, ...OBJECT_FLAGS, '-c', path.resolve(cFile), '-o', path.resolve(outFile)], {
    cwd: cwd ?? path.dirname(path.resolve(cFile)), timeout: tools.compileMs ?? OBJECT_LIMITS.compileMs, signal: tools.signal,
    // gcc's own temporary files (cc*.s) go beside the object, so a killed gcc leaves none in the user's TMPDIR
    tmpDir: path.dirname(path.resolve(outFile)),
  })
}

/** Read one object's sections, symbols, relocations, bytes, instruction starts and debug info. */
export async function readObject(tools: ObjectTools, objFile: string): Promise<ObjectFacts> {
  const opts = { timeout: OBJECT_LIMITS.toolMs, signal: tools.signal }
  const elf = parseReadelf(await run(tools.readelf, ['-SsrW', objFile], opts))
  const loaded = elf.sections.filter(s => s.flags.includes('A') && s.type === 'PROGBITS' && s.size > 0)
  const contents = loaded.length
    ? parseObjdumpContents(await run(tools.objdump, ['-s', ...loaded.flatMap(s => ['-j', s.name]), objFile], opts))
    : new Map<string, Uint8Array>()
  const code = loaded.filter(s => s.flags.includes('X'))
  // --insn-width=16: every instruction on one line, so each line is one instruction start
  const disasm = code.length ? await run(tools.objdump, ['-d', '-z', '-w', '--insn-width=16', ...code.flatMap(s => ['-j', s.name]), objFile], opts) : ''
  const insns = parseObjdumpInsns(disasm)
  const asm = parseObjdumpAsm(disasm)
  const dwarf = parseDwarfInfo(await run(tools.readelf, ['--debug-dump=info', objFile], opts))
  return { ...elf, contents, insns, asm, dwarf }
}

/** The tools: the gcc the caller found (see pipeline/replay/native.ts findGcc) and binutils from PATH. */
export function objectTools(gcc: string, signal?: AbortSignal): ObjectTools {
  return { gcc, readelf: 'readelf', objdump: 'objdump', ...(signal ? { signal } : {}) }
}

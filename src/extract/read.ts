/** Read and preprocess one version of the C file (the only extract module that does I/O). */
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { ExtractError, ToolNotFoundError } from '../errors.js'
import { escapeMarkerName } from './pp-text.js'

export interface PreprocessOptions {
  readonly includes: readonly string[]
  readonly defines: readonly string[]
  readonly cflags: readonly string[]
  /** C expressions to macro-expand in this file's context (claims, assumptions). */
  readonly exprs: readonly string[]
  readonly gcc?: string
  /**
   * Results of earlier calls with the same file and options (a series, whose snapshots do not change
   * while it runs, preprocesses each file for change detection and again for every proof).
   */
  readonly memo?: Map<string, Promise<Preprocessed>>
  /** Time limit of gcc -E (default PREPROCESS_LIMITS.timeoutMs). */
  readonly timeoutMs?: number
  /** Address-space cap of gcc -E in MiB (default PREPROCESS_LIMITS.memoryMb). */
  readonly memoryMb?: number
  /** Stops gcc (Ctrl-C, SIGTERM): preprocess then throws the signal's reason. */
  readonly signal?: AbortSignal
}

/**
 * Limits of one gcc -E: a kernel file preprocesses in well under a second to a few MB with cc1
 * using ~100 MB; an #include of /dev/zero, a FIFO or a macro that expands without end never ends.
 */
export const PREPROCESS_LIMITS = { timeoutMs: 120_000, maxBuffer: 64 * 1024 * 1024, memoryMb: 2048 } as const
const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`

export interface Preprocessed {
  readonly path: string
  /** Preprocessed text with line markers. */
  readonly text: string
  readonly exprs: readonly string[]
}

const CLAIMS_FILE = '<klp-expressions>'
/** How the preprocessor's wrapper file is named in line markers. */
export const WRAPPER_NAME = '<klp-wrapper>'
const begin = (i: number) => `__KLP_EXPR_${i}_BEGIN__`
const end = (i: number) => `__KLP_EXPR_${i}_END__`

/**
 * Headers that fix what CBMC misreads in the kernel's own headers (docs/kernel-frontend.md, compatibility
 * items 3–5 and 10): each includes the kernel's header (`#include_next`) and then redefines a few macros.
 * Shipped with the package (templates/ sits next to dist/, as for the harness templates).
 */
export const KERNEL_SHIM_DIR = fileURLToPath(new URL('../../templates/kernel-shim/', import.meta.url))

/**
 * Kernel code is code whose flags define `__KERNEL__`: Kbuild always passes -D__KERNEL__ (a build
 * context from a .o.cmd file, `make -n`, a kernel's compile_commands.json, an out-of-tree module's, or
 * the flags of `make V=1` given by hand with --cflags); a standalone file never has it.
 */
export function isKernelCode(cflags: readonly string[], defines: readonly string[] = []): boolean {
  const kernel = (d: string) => /^__KERNEL__(=|$)/.test(d)
  if (defines.some(kernel)) return true
  return cflags.some((f, i) => (f === '-D' ? kernel(cflags[i + 1] ?? '') : f.startsWith('-D') && kernel(f.slice(2))))
}

/**
 * What gcc -E gets in front of everything else for kernel code: the shim folder first on the include path
 * (so `<linux/compiler.h>` is the shim, which includes the kernel's), and the x86 named address spaces
 * (`__seg_gs`, `__seg_fs`, per-cpu data and `current`) spelled as nothing: CBMC cannot parse them.
 */
export function kernelPreprocessorFlags(cflags: readonly string[], defines: readonly string[] = []): string[] {
  return isKernelCode(cflags, defines) ? ['-I', KERNEL_SHIM_DIR.replace(/\/+$/, ''), '-D__seg_gs=', '-D__seg_fs='] : []
}

/** Keep only preprocessing-relevant cflags (-I, -D, -U, -include, -std, -f…, -m…). */
export function preprocessorFlags(cflags: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < cflags.length; i++) {
    const f = cflags[i]!
    if (f === '-include' || f === '-isystem' || f === '-I' || f === '-D' || f === '-U') {
      out.push(f, cflags[++i] ?? '')
    } else if (/^-(I|D|U|std=|isystem|include|f|m|nostdinc|undef)/.test(f)) {
      out.push(f)
    }
  }
  return out
}

export async function preprocess(file: string, opts: PreprocessOptions): Promise<Preprocessed> {
  if (!opts.memo) return preprocessOnce(file, opts)
  const key = JSON.stringify([path.resolve(file), opts.includes, opts.defines, opts.cflags, opts.exprs, opts.gcc ?? 'gcc'])
  let p = opts.memo.get(key)
  if (!p) {
    p = preprocessOnce(file, opts)
    opts.memo.set(key, p)
    p.catch(() => opts.memo?.delete(key))
  }
  const r = await p
  return { ...r, path: file }
}

/** What a file that is not a regular file is, in words. */
function kindOf(s: Stats): string {
  return s.isDirectory() ? 'a directory' : s.isCharacterDevice() ? 'a character device' : s.isBlockDevice() ? 'a block device'
    : s.isFIFO() ? 'a FIFO (named pipe)' : s.isSocket() ? 'a socket' : 'not a regular file'
}

/**
 * The #include lines of the user's file that name a device, FIFO or socket (`#include "/dev/zero"`):
 * gcc would read forever or block. Headers found in the file's folder or the -I folders count;
 * an include gcc resolves elsewhere (system headers, macros) is left to gcc's limits.
 */
async function checkIncludes(file: string, abs: string, text: string, includes: readonly string[]): Promise<void> {
  const re = /^[ \t]*#[ \t]*include[ \t]*([<"])([^">\n]+)[">]/gm
  for (const m of text.matchAll(re)) {
    const name = m[2]!
    const dirs = path.isAbsolute(name) ? [''] : [...(m[1] === '"' ? [path.dirname(abs)] : []), ...includes.map(d => path.resolve(d))]
    for (const d of dirs) {
      const s = await stat(path.join(d, name)).catch(() => undefined)
      if (!s) continue
      if (!s.isFile() && !s.isDirectory()) {
        const line = text.slice(0, m.index).split('\n').length
        throw new ExtractError(`${file}:${line}: #include ${m[1]}${name}${m[1] === '"' ? '"' : '>'} names ${kindOf(s)}, not a file`, {
          hint: 'include regular files only: the preprocessor would read a device forever or wait on a pipe',
        })
      }
      break
    }
  }
}

/** Characters a line marker (and so cbmc's C front end) cannot carry: quotes, backslashes, controls. */
const UNSAFE_NAME = /[\x00-\x1f\x7f"\\]/

/**
 * The name a file goes by in line markers, and so in cbmc's locations: the path itself, or, when it
 * has a quote, backslash or control character (which make cbmc fail), those (and %) as %XX.
 */
export function markerName(p: string): string {
  return UNSAFE_NAME.test(p) ? escapeMarkerName(p) : p
}

/** gcc's escapes in a line marker's file name (\\, \", octal). */
function unescapeMarker(s: string): string {
  return s.replace(/\\([0-7]{1,3}|.)/g, (_, e: string) => (/^[0-7]+$/.test(e) ? String.fromCharCode(Number.parseInt(e, 8)) : e))
}

/** Line markers naming a file cbmc cannot take (a quote, a newline) name it by markerName instead. */
export function safeMarkers(text: string, rename: ReadonlyMap<string, string> = new Map()): string {
  return text.replace(/^(#[ \t]*\d+[ \t]+)"((?:[^"\\\n]|\\.)*)"/gm, (all, head: string, name: string) => {
    const plain = name.includes('\\') ? unescapeMarker(name) : name
    const to = rename.get(plain) ?? (name.includes('\\') ? markerName(plain) : plain)
    return to === plain && !name.includes('\\') ? all : `${head}"${to.replace(/["\\]/g, c => `\\${c}`)}"`
  })
}

async function preprocessOnce(file: string, opts: PreprocessOptions): Promise<Preprocessed> {
  const abs = path.resolve(file)
  const limits = { ...PREPROCESS_LIMITS, ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}), ...(opts.memoryMb ? { memoryMb: opts.memoryMb } : {}) }
  let text: string
  try {
    const s = await stat(abs)
    if (!s.isFile()) throw Object.assign(new Error(`it is ${kindOf(s)}`), { code: s.isDirectory() ? 'EISDIR' : 'ENOTFILE' })
    if (s.size > limits.maxBuffer) throw Object.assign(new Error(`it has ${MB(s.size)}, more than the ${MB(limits.maxBuffer)} klp-verify preprocesses`), { code: 'EFBIG' })
    text = await readFile(abs, 'latin1')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new ExtractError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`, {
      hint: code === 'EFBIG' ? 'prove a function of a smaller file (split the file)' : 'check the path of the old and new C files',
      cause: e,
    })
  }
  await checkIncludes(file, abs, text, opts.includes)
  const dir = await mkdtemp(path.join(tmpdir(), 'klp-pp-'))
  try {
    const wrapper = path.join(dir, 'wrapper.c')
    const outFile = path.join(dir, 'out.i')
    // a name cbmc cannot take (a quote, a newline: no header name can even spell one) is included
    // through a link with a plain name, and its line markers name it by markerName()
    let source = abs
    if (UNSAFE_NAME.test(abs) || abs.includes('>')) {
      await mkdir(path.join(dir, 'src'))
      source = path.join(dir, 'src', 'input.c')
      await symlink(abs, source)
    }
    const include = source.includes('"') ? `#include <${source}>` : `#include "${source}"`
    const lines = [include, `#line 1 "${CLAIMS_FILE}"`]
    opts.exprs.forEach((e, i) => lines.push(`${begin(i)} ${e.replace(/\n/g, ' ')} ${end(i)}`))
    await writeFile(wrapper, lines.join('\n') + '\n')
    const args = [
      '-E', '-x', 'c',
      ...kernelPreprocessorFlags(opts.cflags, opts.defines),
      '-I', path.dirname(abs),
      ...opts.includes.flatMap(d => ['-I', d]),
      ...opts.defines.map(d => `-D${d}`),
      ...preprocessorFlags(opts.cflags),
      wrapper,
      // into a file, not a pipe: a kernel TU is megabytes, which execa would otherwise hold, and escape
      // into an error message for seconds when the run is interrupted
      '-o', outFile,
    ]
    const gcc = opts.gcc ?? 'gcc'
    // an address-space cap set by a shell that then execs gcc: an #include of /dev/zero ends in
    // "out of memory" within seconds instead of taking the machine down; a file-size cap (512-byte
    // blocks, or KiB in a shell that counts so: the size is checked below either way) ends a runaway output
    const kib = Math.max(1, Math.floor(limits.memoryMb * 1024))
    const blocks = Math.ceil(limits.maxBuffer / 512) + 1
    const r = await execa('/bin/sh', ['-c', 'ulimit -v "$1" 2>/dev/null; ulimit -f "$2" 2>/dev/null; shift 2; exec "$@"', 'sh', String(kib), String(blocks), gcc, ...args], {
      reject: false, stdin: 'ignore', maxBuffer: limits.maxBuffer, timeout: limits.timeoutMs, forceKillAfterDelay: 1000,
      cancelSignal: opts.signal, env: { TMPDIR: dir },
    })
    if (r.isCanceled) {
      opts.signal?.throwIfAborted()
    }
    const outSize = await stat(outFile).then(st => st.size, () => 0)
    const where = `preprocessing ${file}`
    const cause = 'an #include of a device, a pipe or a huge (generated) file, or a macro that expands without end?'
    if (r.timedOut) {
      throw new ExtractError(`gcc -E did not finish within ${limits.timeoutMs / 1000} s ${where}`, { hint: `${cause} (a file that really needs longer: --timeout above ${Math.round(limits.timeoutMs / 1000)})`, cause: r })
    }
    if (r.isMaxBuffer || r.signal === 'SIGXFSZ' || outSize > limits.maxBuffer) {
      throw new ExtractError(`gcc -E produced more than ${MB(limits.maxBuffer)} ${where}`, { hint: cause, cause: r })
    }
    const stderr = String(r.stderr)
    if (r.exitCode !== 0 && /out of memory|virtual memory exhausted|cannot allocate memory/i.test(stderr)) {
      throw new ExtractError(`gcc -E ran out of memory (cap ${limits.memoryMb} MiB) ${where}`, { hint: cause, cause: r })
    }
    if ((r.failed && r.exitCode === undefined && r.signal === undefined) || (r.exitCode === 127 && /not found|No such file/i.test(stderr))) {
      throw new ToolNotFoundError(`cannot run ${gcc} to preprocess ${file}`, {
        hint: 'install gcc (CBMC needs it for preprocessing too)',
        cause: r,
      })
    }
    if (r.signal) {
      throw new ExtractError(`gcc -E was killed by ${r.signal} ${where}`, { hint: 'something outside klp-verify stopped gcc (the OOM killer?); run again', cause: r })
    }
    if (r.exitCode !== 0) {
      const errLines = stderr.split('\n')
      const first = errLines.find(l => /error/.test(l)) ?? errLines[0]!
      throw new ExtractError(`cannot preprocess ${file}: ${first.split(source).join(markerName(abs)).replace(wrapper, '<wrapper>').trim()}`, {
        hint: 'pass include directories with -I, macros with -D, or kernel flags with --cflags',
        cause: r,
      })
    }
    // the wrapper lives in a fresh temporary folder: name it the same each time (stable harnesses, cache keys)
    const out = safeMarkers((await readFile(outFile, 'utf8')).split(`"${wrapper}"`).join(`"${WRAPPER_NAME}"`), new Map(source === abs ? [] : [[source, markerName(abs)]]))
    return { path: file, ...splitExprs(out, opts.exprs.length) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Cut the expanded expressions off the end of the preprocessed text. A system-header macro in
 * an expression (NULL, true) brings more `<klp-expressions>` line markers: cut at the first,
 * and drop the markers from the expressions.
 */
export function splitExprs(out: string, n: number): { text: string; exprs: string[] } {
  const marker = out.indexOf(`# 1 "${CLAIMS_FILE}"`)
  const cut = marker < 0 ? out.length : marker
  const tail = out.slice(cut).replace(/^[ \t]*#[^\n]*/gm, ' ')
  const exprs: string[] = []
  for (let i = 0; i < n; i++) {
    const m = tail.match(new RegExp(`${begin(i)}([\\s\\S]*?)${end(i)}`))
    exprs.push((m?.[1] ?? '').replace(/\s+/g, ' ').trim())
  }
  return { text: out.slice(0, cut), exprs }
}

/** Read and preprocess one version of the C file (the only extract module that does I/O). */
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { execa } from 'execa'
import { ExtractError, ToolNotFoundError } from '../errors.js'

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
}

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

async function preprocessOnce(file: string, opts: PreprocessOptions): Promise<Preprocessed> {
  const abs = path.resolve(file)
  try {
    await readFile(abs)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new ExtractError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`, {
      hint: 'check the path of the old and new C files',
      cause: e,
    })
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'klp-pp-'))
  try {
    const wrapper = path.join(dir, 'wrapper.c')
    // no escapes in header names: a backslash is a backslash, and `"` needs the <…> form
    const include = abs.includes('"') ? `#include <${abs}>` : `#include "${abs}"`
    const lines = [include, `#line 1 "${CLAIMS_FILE}"`]
    opts.exprs.forEach((e, i) => lines.push(`${begin(i)} ${e.replace(/\n/g, ' ')} ${end(i)}`))
    await writeFile(wrapper, lines.join('\n') + '\n')
    const args = [
      '-E', '-x', 'c',
      '-I', path.dirname(abs),
      ...opts.includes.flatMap(d => ['-I', d]),
      ...opts.defines.map(d => `-D${d}`),
      ...preprocessorFlags(opts.cflags),
      wrapper,
    ]
    const gcc = opts.gcc ?? 'gcc'
    const r = await execa(gcc, args, { reject: false, maxBuffer: 256 * 1024 * 1024 })
    if (r.failed && r.exitCode === undefined) {
      throw new ToolNotFoundError(`cannot run ${gcc} to preprocess ${file}`, {
        hint: 'install gcc (CBMC needs it for preprocessing too)',
        cause: r,
      })
    }
    if (r.exitCode !== 0) {
      const errLines = String(r.stderr).split('\n')
      const first = errLines.find(l => /error/.test(l)) ?? errLines[0]!
      throw new ExtractError(`cannot preprocess ${file}: ${first.replace(wrapper, '<wrapper>').trim()}`, {
        hint: 'pass include directories with -I, macros with -D, or kernel flags with --cflags',
        cause: r,
      })
    }
    // the wrapper lives in a fresh temporary folder: name it the same each time (stable harnesses, cache keys)
    const text = String(r.stdout).split(`"${wrapper}"`).join(`"${WRAPPER_NAME}"`)
    return { path: file, ...splitExprs(text, opts.exprs.length) }
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

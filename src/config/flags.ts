/**
 * The compiler flags a data file (a spec, a manifest's defaults, a PATCH.yaml beside a patch) may
 * pass to the preprocessor (pure). A data file arrives with a patch, so its flags are allow-listed:
 * `-fplugin=`, `-include FILE`, `-Wp,…`, `-B`, `@file` and every flag not listed here are refused.
 * The command line (`--cflags`, -I, -D) is the user's own and is not checked here.
 */

/** `-f` flags whose meaning is known and that take no file: they only change the language or the target. */
const F_FLAGS = new Set([
  'wrapv', 'no-wrapv', 'wrapv-pointer', 'no-wrapv-pointer', 'strict-overflow', 'no-strict-overflow', 'trapv', 'no-trapv',
  'strict-aliasing', 'no-strict-aliasing', 'common', 'no-common', 'short-wchar', 'no-short-wchar',
  'signed-char', 'unsigned-char', 'no-signed-char', 'no-unsigned-char', 'signed-bitfields', 'unsigned-bitfields',
  'short-enums', 'no-short-enums', 'builtin', 'no-builtin', 'freestanding', 'hosted',
  'delete-null-pointer-checks', 'no-delete-null-pointer-checks', 'ms-extensions', 'plan9-extensions', 'gnu89-inline',
  'pic', 'PIC', 'pie', 'PIE', 'no-pic', 'no-PIC', 'no-pie', 'no-PIE',
  'stack-protector', 'stack-protector-strong', 'no-stack-protector', 'omit-frame-pointer', 'no-omit-frame-pointer',
  'asynchronous-unwind-tables', 'no-asynchronous-unwind-tables', 'jump-tables', 'no-jump-tables', 'conserve-stack',
  'inline', 'no-inline', 'ident', 'no-ident', 'dollars-in-identifiers', 'no-dollars-in-identifiers',
])

/** Other single-word flags that only change the language or the predefined macros. */
const PLAIN = new Set(['-nostdinc', '-undef', '-ansi', '-pedantic', '-pedantic-errors', '-w', '-pipe'])

const STD = /^-std=((c|gnu)(89|90|99|9x|11|1x|17|18|2x|23)|iso9899:(1990|199409|1999|2011|2017|2018))$/
const OPT = /^-O([0-3sgz]|fast)?$/
const DEBUG = /^-g(gdb|dwarf(-[2-5])?|[0-3])?$/
/** Warnings only: `-Wp,`, `-Wl,` and `-Wa,` pass their arguments on to other programs (no comma allowed). */
const WARN = /^-W(no-)?[a-z][a-z0-9+-]*(=[a-z0-9-]+)?$/
/** Target flags (`-m64`, `-mno-sse`, `-march=x86-64`, `-mcmodel=kernel`): a value is a word, never a path. */
const TARGET = /^-m[a-z0-9][a-z0-9-]*(=[A-Za-z0-9_.,+-]+)?$/
const F_BUILTIN = /^-fno-builtin-[A-Za-z_]\w*$/

/** gcc options that take the next word as their argument (all refused in a data file). */
const TAKES_WORD = new Set([
  '-include', '-imacros', '-iquote', '-isystem', '-idirafter', '-iprefix', '-iwithprefix', '-iwithprefixbefore',
  '-isysroot', '-imultilib', '-o', '-x', '-MF', '-MT', '-MQ', '-Xpreprocessor', '-Xassembler', '-Xlinker', '-aux-info',
  '--param', '-specs', '-wrapper', '-L', '-l', '-T', '-u', '-z', '-e', '-B', '--sysroot', '-dumpbase', '-dumpdir',
])

/** C keywords: a macro of that name from a data file would rewrite the code being proved. */
const KEYWORDS = new Set([
  'auto', 'break', 'case', 'char', 'const', 'continue', 'default', 'do', 'double', 'else', 'enum', 'extern', 'float',
  'for', 'goto', 'if', 'inline', 'int', 'long', 'register', 'restrict', 'return', 'short', 'signed', 'sizeof',
  'static', 'struct', 'switch', 'typedef', 'union', 'unsigned', 'void', 'volatile', 'while', 'asm', 'typeof',
  '_Alignas', '_Alignof', '_Atomic', '_Bool', '_Complex', '_Generic', '_Imaginary', '_Noreturn', '_Static_assert',
  '_Thread_local', 'alignas', 'alignof', 'bool', 'true', 'false', 'nullptr', 'static_assert', 'thread_local', 'constexpr',
])
/** Names the harness and klp-verify's own markers use (`__CPROVER_assert`, `klp_ret_old`, `__KLP_EXPR_0_BEGIN__`). */
const RESERVED_PREFIX = /^(__CPROVER|CPROVER|__klp|klp_|__KLP|KLP_)/

/** Why a macro definition (`NAME`, `NAME=VALUE`, as -D or a `define:` entry) is refused, or null if it is fine. */
export function defineProblem(d: string): string | null {
  const m = /^([A-Za-z_]\w*)(=[\s\S]*)?$/.exec(d)
  if (!m) return /^[A-Za-z_]\w*\(/.test(d) ? 'a function-like macro' : 'not NAME or NAME=VALUE'
  const name = m[1]!
  if (KEYWORDS.has(name)) return `${name} is a C keyword`
  if (RESERVED_PREFIX.test(name)) return `${name} is a name the proof harness uses`
  if (/[\r\n\0]/.test(m[2] ?? '')) return 'the value spans lines'
  return null
}

/** Why an -U name is refused, or null. */
export function undefProblem(name: string): string | null {
  return /^[A-Za-z_]\w*$/.test(name) ? null : 'not a macro name'
}

export interface FlagCheck {
  /** The flags refused, as written (a two-word flag as `-I dir`), each with why. */
  readonly refused: readonly { readonly flag: string; readonly why: string }[]
  /** The -I directories (as written): they must also lie inside the tree, which the caller checks. */
  readonly includeDirs: readonly string[]
}

/** Check the words of a data file's `cflags:` against the allow-list. */
export function checkDataFlags(words: readonly string[]): FlagCheck {
  const refused: { flag: string; why: string }[] = []
  const includeDirs: string[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    // -I, -D and -U take their argument attached or as the next word
    const two = /^-[IDU]$/.test(w)
    const arg = two ? words[i + 1] : w.slice(2)
    const shown = two && arg !== undefined ? `${w} ${arg}` : w
    if (two) i++
    if (/^-[IDU]/.test(w)) {
      if (arg === undefined || arg === '') {
        refused.push({ flag: shown, why: 'has no argument' })
      } else if (w.startsWith('-I')) {
        if (arg === '-') refused.push({ flag: shown, why: 'changes the include search order' })
        // gcc reads `-I=dir` and `-I$SYSROOT/dir` relative to the sysroot (`/` by default), not the working directory
        else if (arg.startsWith('=') || arg.startsWith('$SYSROOT')) refused.push({ flag: shown, why: 'relative to the sysroot' })
        else includeDirs.push(arg)
      } else {
        const why = w.startsWith('-D') ? defineProblem(arg) : undefProblem(arg)
        if (why) refused.push({ flag: shown, why })
      }
      continue
    }
    const why = flagProblem(w)
    // a refused flag that takes the next word (`-include FILE`) is shown, and skipped, with it
    const next = TAKES_WORD.has(w) && i + 1 < words.length ? words[++i] : undefined
    if (why) refused.push({ flag: next === undefined ? w : `${w} ${next}`, why })
  }
  return { refused, includeDirs }
}

function flagProblem(w: string): string | null {
  if (PLAIN.has(w) || STD.test(w) || OPT.test(w) || DEBUG.test(w) || F_BUILTIN.test(w)) return null
  if (w.startsWith('-f')) return F_FLAGS.has(w.slice(2)) ? null : 'not a -f flag known to be safe'
  if (w.startsWith('-W')) return /^-W[pla](,|$)/.test(w) ? 'passes options to another program' : WARN.test(w) ? null : 'not a plain warning flag'
  if (w.startsWith('-m')) return TARGET.test(w) ? null : 'not a plain target flag'
  return 'not allowed in a data file'
}

/**
 * Split a cflags string into words the way a shell would: whitespace separates words, quotes group
 * (`-DNAME="a b"` is one word, `-DNAME=a b`), a backslash escapes the next character outside single quotes.
 */
export function splitFlags(s: string | readonly string[] | undefined): string[] {
  if (s === undefined) return []
  if (Array.isArray(s)) return s.flatMap(x => splitFlags(x))
  const out: string[] = []
  const re = /\s+|"((?:[^"\\]|\\.)*)"|'([^']*)'|\\(.)|([^\s"'\\]+|["'\\])/gs
  let word: string | undefined
  for (const m of (s as string).matchAll(re)) {
    if (m[1] === undefined && m[2] === undefined && m[3] === undefined && m[4] === undefined) {
      if (word !== undefined) out.push(word)
      word = undefined
    } else {
      word = (word ?? '') + (m[1]?.replace(/\\(.)/gs, '$1') ?? m[2] ?? m[3] ?? m[4])
    }
  }
  if (word !== undefined) out.push(word)
  return out
}

/** Whether `p` is `root` or lies below it (both absolute and normalised; no filesystem access). */
export function isInside(root: string, p: string, sep = '/'): boolean {
  const r = root.endsWith(sep) ? root : `${root}${sep}`
  return p === root || p.startsWith(r)
}

/** A flag as it can be shown on one line (a newline or another control character is escaped). */
export function shownFlag(f: string): string {
  return /[\x00-\x1f\x7f]/.test(f) ? JSON.stringify(f) : f
}

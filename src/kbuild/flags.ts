/**
 * What of a compile command klp-verify keeps (pure): everything that changes the text gcc -E
 * produces or the meaning of the C (-I, -isystem, -include, -D, -U, -std, -O (it sets
 * __OPTIMIZE__), -m, the -f flags with meaning), with every path made absolute against the
 * command's folder. Dropped, each with why: the operation and output (-c, -o), dependency files,
 * warnings, debug info, plugins, sanitizers and code-generation-only -f flags.
 */
import path from 'node:path'
import type { CompileCommand, FilteredFlags } from './types.js'

/** Options whose argument is a path, attached (`-I./include`) or the next word (`-include x.h`). */
const PATH_OPTS = ['-I', '-isystem', '-iquote', '-idirafter', '-include', '-imacros'] as const
/** Options that take the next word and only matter to the output. */
const OUTPUT_OPTS: Readonly<Record<string, string>> = {
  '-o': 'the output file', '-MF': 'a dependency file', '-MT': 'a dependency file', '-MQ': 'a dependency file',
  '--param': 'code generation', '-x': 'the language is C', '-aux-info': 'an output file', '-dumpbase': 'an output file', '-dumpdir': 'an output file',
}
/** Single words that only matter to the output. */
const OUTPUT_WORDS: Readonly<Record<string, string>> = {
  '-c': 'the operation', '-S': 'the operation', '-E': 'the operation', '-pipe': 'code generation', '-pg': 'code generation (mcount)',
  '-M': 'a dependency file', '-MM': 'a dependency file', '-MD': 'a dependency file', '-MMD': 'a dependency file', '-MP': 'a dependency file',
  '-w': 'a warning', '-v': 'output',
}
/**
 * -f flags that only matter to code generation, debug info or diagnostics. Flags that change gcc's
 * predefined macros, __FILE__ or what it accepts stay (-fno-PIE: `-mcmodel=kernel` refuses PIC; -fcf-protection
 * defines __CET__, -fstack-protector* __SSP_*__; -fmacro-prefix-map and -ffile-prefix-map rewrite __FILE__).
 */
const F_CODEGEN = /^-f(no-)?(plugin|debug-prefix-map|profile|dump|diagnostics|verbose-asm|align-|patchable-function-entry|asynchronous-unwind-tables|unwind-tables|jump-tables|conserve-stack|stack-check|stack-clash-protection|omit-frame-pointer|optimize-sibling-calls|allow-store-data-races|var-tracking|ipa-|reorder-|partial-inlining|inline-functions-called-once|zero-call-used-regs|min-function-alignment|record-gcc-switches|ident|function-sections|data-sections|split-|lto|tree-|gcse|schedule|code-hoisting|guess-branch-probability|reg-struct-return|pcc-struct-return|tracer|instrument|merge-constants|semantic-interposition|caller-saves|emit-struct-debug)/

/** Why a word is dropped, or null if it is kept. */
function dropReason(w: string): string | null {
  if (w in OUTPUT_WORDS) return OUTPUT_WORDS[w]!
  if (/^-Wp,-M/.test(w)) return 'a dependency file'
  if (/^-W[pal],/.test(w)) return 'passes options to another program'
  if (w.startsWith('-W')) return 'a warning'
  if (/^-g/.test(w)) return 'debug info'
  if (/^-fsanitize|^-fno-sanitize/.test(w)) return 'instrumentation (cbmc checks memory safety itself)'
  if (/^-fplugin/.test(w)) return 'a gcc plugin'
  if (F_CODEGEN.test(w)) return 'code generation'
  if (w.startsWith('--param=')) return 'code generation'
  return null
}

/** Keep the flags of `cmd` klp-verify needs, paths made absolute against its folder. */
export function filterFlags(cmd: CompileCommand): FilteredFlags {
  const kept: string[] = []
  const dropped: { flag: string; why: string }[] = []
  const abs = (p: string) => path.resolve(cmd.directory, p)
  const argv = cmd.argv
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i]!
    const po = PATH_OPTS.find(o => w.startsWith(o))
    if (po) {
      const arg = w === po ? argv[++i] : w.slice(po.length)
      if (arg === undefined) dropped.push({ flag: w, why: 'has no argument' })
      else kept.push(...(po === '-I' ? [`-I${abs(arg)}`] : [po, abs(arg)]))
      continue
    }
    if (w === '-D' || w === '-U') {
      const arg = argv[++i]
      if (arg === undefined) dropped.push({ flag: w, why: 'has no argument' })
      else kept.push(`${w}${arg}`)
      continue
    }
    if (w in OUTPUT_OPTS) {
      const arg = argv[++i]
      dropped.push({ flag: arg === undefined ? w : `${w} ${arg}`, why: OUTPUT_OPTS[w]! })
      continue
    }
    if (!w.startsWith('-')) {
      dropped.push({ flag: w, why: path.resolve(cmd.directory, w) === cmd.file ? 'the source file' : 'an input file' })
      continue
    }
    const why = dropReason(w)
    if (why) dropped.push({ flag: w, why })
    else kept.push(w)
  }
  return { kept, dropped }
}

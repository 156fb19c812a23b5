/**
 * Shell words of a compile command (pure). A build log line or a `.o.cmd` entry is a shell command
 * list (`set -e; echo …; gcc … -c -o x.o x.c ; scripts/basic/fixdep …`); shell-quote splits it into
 * words and control operators, and each simple command is one word list.
 */
import { parse } from 'shell-quote'

const REDIRECT: ReadonlySet<string> = new Set(['>', '>>', '<', '>&'])
/** A `#` inside a word is not a comment (POSIX), but shell-quote starts one there: hide it while parsing. */
const HASH = '\uE000'
const restore = (w: string) => w.replaceAll(HASH, '#')

/** The simple commands of a shell command line, each as its words (variables are kept as written). */
export function splitCommands(line: string): string[][] {
  const out: string[][] = []
  let cmd: string[] = []
  let redirect = false
  for (const e of parse(line.replace(/(?<=[^\s;&|()<>])#/g, HASH), key => `$${key}`)) {
    if (typeof e !== 'string' && 'comment' in e) break
    const word = typeof e === 'string' ? restore(e) : e.op === 'glob' ? restore(e.pattern) : undefined
    if (word !== undefined) {
      // a redirection's target is not a word of the command
      if (!redirect) cmd.push(word)
      redirect = false
    } else if (typeof e !== 'string' && REDIRECT.has(e.op)) {
      redirect = true
    } else {
      if (cmd.length) out.push(cmd)
      cmd = []
    }
  }
  if (cmd.length) out.push(cmd)
  return out
}

/** The words of one command line (the first simple command of `command` in a compile_commands.json entry). */
export function splitWords(command: string): string[] {
  return splitCommands(command)[0] ?? []
}

/**
 * The shell text of a make variable as Kbuild writes it into a `.o.cmd` file: `$$` stands for `$`
 * and `\#` for `#` (scripts/Kbuild.include `make-cmd`).
 */
export function unescapeMake(s: string): string {
  return s.replace(/\$\$|\\#/g, m => (m === '$$' ? '$' : '#'))
}

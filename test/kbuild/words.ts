import t from 'tap'
import { splitCommands, splitWords, unescapeMake } from '../../src/kbuild/words.js'

t.test('a command list splits into simple commands at ; && || | and drops redirection targets', async t => {
  const rows: [string, string[][]][] = [
    ['gcc -c -o x.o x.c', [['gcc', '-c', '-o', 'x.o', 'x.c']]],
    ['set -e; gcc -c x.c ; ./objtool x.o && echo ok', [['set', '-e'], ['gcc', '-c', 'x.c'], ['./objtool', 'x.o'], ['echo', 'ok']]],
    ['fixdep a.d x.o \'gcc -c x.c\' > .x.o.cmd; rm -f a.d', [['fixdep', 'a.d', 'x.o', 'gcc -c x.c'], ['rm', '-f', 'a.d']]],
    ['nm x.o | grep -q sym || true', [['nm', 'x.o'], ['grep', '-q', 'sym'], ['true']]],
    ['', []],
  ]
  for (const [line, want] of rows) t.same(splitCommands(line), want, line)
})

t.test('quotes group, variables and globs stay as written, a comment ends the line', async t => {
  t.same(splitWords(`gcc -DKBUILD_MODNAME='"cmdline"' -DX="a b" -D'Y=$(Z)' a\\ b.c`), ['gcc', '-DKBUILD_MODNAME="cmdline"', '-DX=a b', '-DY=$(Z)', 'a b.c'])
  t.same(splitWords('gcc -I$HOME/inc -I${SRC}/x *.c'), ['gcc', '-I$HOME/inc', '-I$SRC/x', '*.c'])
  t.same(splitWords('gcc -c x.c # trailing comment'), ['gcc', '-c', 'x.c'])
  t.same(splitWords(`gcc -DH=#x '-DS=#s' -c x.c`), ['gcc', '-DH=#x', '-DS=#s', '-c', 'x.c'], 'a # inside a word is no comment')
  t.same(splitWords(''), [])
})

t.test('make escapes in .o.cmd text: $$ is $, \\# is #', async t => {
  t.equal(unescapeMake('gcc -DA=$$B -DH=\\#x'), 'gcc -DA=$B -DH=#x')
  t.equal(unescapeMake('plain'), 'plain')
})

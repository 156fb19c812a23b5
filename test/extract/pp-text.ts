/** The preprocessed text: what tree-sitter parses (same offsets), and the file and line of each row. */
import t from 'tap'
import { lineMapper, parseableText, sameFile, withTrailingAttributes } from '../../src/extract/pp-text.js'

/** `src` with each of `parts` (in order) replaced by blanks, newlines kept. */
const hide = (src: string, ...parts: string[]) => {
  let out = src
  let from = 0
  for (const p of parts) {
    const at = out.indexOf(p, from)
    if (at < 0) throw new Error(`${p} not in ${src}`)
    out = out.slice(0, at) + p.replace(/[^\n]/g, ' ') + out.slice(at + p.length)
    from = at + p.length
  }
  return out
}

t.test('parseableText keeps offsets and hides what tree-sitter cannot parse', async t => {
  const rows: [string, string, string][] = [
    ['line markers and pragmas', 'int a;\n# 3 "x.c" 3 4\n#pragma once\n  #  pragma pack(1)\nint b;', hide('int a;\n# 3 "x.c" 3 4\n#pragma once\n  #  pragma pack(1)\nint b;', '# 3 "x.c" 3 4', '#pragma once', '  #  pragma pack(1)')],
    ['__builtin_offsetof', 'n = __builtin_offsetof(struct s, m);', 'n = offsetof          (struct s, m);'],
    ['a trailing attribute', 'int x __attribute__((aligned(8)));', hide('int x __attribute__((aligned(8)));', '__attribute__((aligned(8)))')],
    ['the __attribute spelling', 'struct s { int a; } __attribute ((packed));', hide('struct s { int a; } __attribute ((packed));', '__attribute ((packed))')],
    ['parentheses inside strings', 'int x __attribute__((section(".a)\\")"))) = 1;', hide('int x __attribute__((section(".a)\\")"))) = 1;', '__attribute__((section(".a)\\")")))')],
    ['a multi-line attribute keeps its newline', 'int x __attribute__((a,\n b));', 'int x                  \n    ;'],
    ['a nested attribute goes with the outer one', 'int x __attribute__((w(__attribute__((y))))) ;', hide('int x __attribute__((w(__attribute__((y))))) ;', '__attribute__((w(__attribute__((y)))))')],
    ['cleanup attributes stay', 'int *p __attribute__((cleanup(free_p)));', 'int *p __attribute__((cleanup(free_p)));'],
    ['__cleanup__ too', '__attribute__((__cleanup__(f))) int *p;', '__attribute__((__cleanup__(f))) int *p;'],
    ['an unterminated attribute runs to the end', 'int x __attribute__((a', 'int x                 '],
    ['identifiers merely containing the word stay', 'int my__attribute__x;', 'int my__attribute__x;'],
  ]
  for (const [name, src, want] of rows) {
    const got = parseableText(src)
    t.equal(got, want, name)
    t.equal(got.length, src.length, `${name}: same length`)
  }
})

t.test('line mapping from line markers', async t => {
  const src = [
    'int before;',            // 0: <unknown>:1
    '# 1 "a.c"',              // 1
    'int a1;',                // 2: a.c:1
    '',                       // 3: a.c:2
    '# 1 "/usr/include/h.h" 1 3 4',
    'int h1;',                // 5: h.h:1
    '# 3 "a.c" 2',
    'int a3;',                // 7: a.c:3
    '#line 10 "dir/b \\"q\\".c"',
    'int b10;',               // 9
    'int b11;',               // 10
  ].join('\n')
  const location = lineMapper(src)
  const rows: [number, string, number][] = [
    [0, '<unknown>', 1], [2, 'a.c', 1], [3, 'a.c', 2], [5, '/usr/include/h.h', 1], [7, 'a.c', 3], [9, 'dir/b "q".c', 10], [10, 'dir/b "q".c', 11],
  ]
  for (const [row, file, line] of rows) t.same(location(row), { file, line }, `row ${row}`)
  t.same(location(1), { file: '<unknown>', line: 2 }, 'a marker row maps to where the previous file stood')
  t.same(location(99), { file: 'dir/b "q".c', line: 12 }, 'past the end: the last file')
})

t.test('sameFile', async t => {
  const rows: [string, string, boolean][] = [
    ['a.c', 'a.c', true],
    ['./a.c', 'a.c', true],
    ['/w/dir/a.c', 'dir/a.c', true],
    ['dir/a.c', '/w/dir/a.c', true],
    ['/w/ba.c', 'a.c', false],
    ['/x/a.c', '/y/a.c', false],
    // a line marker names a file with a quote, backslash or newline by its %XX name (read.ts markerName)
    ['/w/we%22ird.c', 'we"ird.c', true],
    ['/w/q%22d/new%0Aline.c', '/w/q"d/new\nline.c', true],
    ['/w/q%22d/a%25b.c', 'a%b.c', true],
    ['/w/we%22ird.c', 'we%ird.c', false],
    ['/w/we%22ird.c', 'other.c', false],
    ['b.c', 'a.c', false],
  ]
  for (const [a, b, want] of rows) t.equal(sameFile(a, b), want, `${a} ~ ${b}`)
})

t.test('withTrailingAttributes: a node ends after the attributes that follow it', async t => {
  const text = 'struct s { int a; } __attribute__((packed)) __attribute ((aligned(8)));'
  const end = text.indexOf('}') + 1
  t.equal(withTrailingAttributes(text, end), text.lastIndexOf(';'), 'both attributes')
  t.equal(withTrailingAttributes('int x; int y;', 5), 5, 'none: the end stays')
})

import t from 'tap'
import { functionChanges, indexUnit } from '../../src/series/changes.js'
import { narrowToChange, topLevelCuts } from '../../src/series/narrow.js'

/** What the object step asks: changed functions of the file and changed static functions of its headers. */
const changedOf = (a: string, aFile: string, b: string, bFile: string) => {
  const ch = functionChanges(indexUnit(a), aFile, indexUnit(b), bFile)
  return [...ch.changed, ...(ch.fromHeaders ?? [])].sort()
}
const viaNarrow = (a: string, b: string, file: string) => {
  const n = narrowToChange(a, b)
  return { changed: changedOf(n.old, file, n.new, file), n }
}
/** Without the preprocessor's wrapper, each text names its own file: nothing is renamed. */
const viaNarrowPlain = (a: string, aFile: string, b: string, bFile: string) => {
  const n = narrowToChange(a, b)
  return changedOf(n.old, aFile, n.new, n.renamed ? aFile : bFile)
}

/** A TU as the proof's gcc -E writes it: command-line prelude, the wrapper, a header, then the file. */
function unit(file: string, header: string, body: string): string {
  return [
    '# 0 "<klp-wrapper>"', '# 0 "<built-in>"', '# 0 "<command-line>"', '# 1 "<klp-wrapper>"', `# 1 "${file}" 1`,
    '# 1 "inc/h.h" 1', header, `# 2 "${file}" 2`, body, '',
  ].join('\n')
}

const HEADER = Array.from({ length: 200 }, (_, i) => `static inline int h${i}(int x) { return x + ${i}; }\nstruct s${i} { int a; char b[${i + 1}]; };`).join('\n')
const fns = (n: number, edit?: (i: number) => string | undefined) =>
  Array.from({ length: n }, (_, i) => edit?.(i) ?? `int f${i}(int x)\n{\n  if (x > ${i}) return h${i % 200}(x);\n  return 0;\n}\nint v${i};`).join('\n')

t.test('only the differing middle is indexed, with the answer the whole text gives', async t => {
  const a = unit('/old/lib/x.c', HEADER, fns(60))
  const b = unit('/new/lib/x.c', HEADER, fns(60, i => (i === 30 ? 'int f30(int x)\n{\n  if (x >= 30) return -22;\n  return 0;\n}\nint v30;' : undefined)))
  const { changed, n } = viaNarrow(a, b, '/old/lib/x.c')
  t.same(changed, ['f30'])
  t.same(changedOf(a, '/old/lib/x.c', b, '/new/lib/x.c'), ['f30'], 'the whole texts agree')
  t.ok(n.old.length < a.length / 10, `the middle is small (${n.old.length} of ${a.length} characters)`)
  t.match(n.old, /^# \d+ "\/old\/lib\/x\.c"\n/, 'the middle starts with a marker naming the file')
  t.match(n.new, /^# \d+ "\/old\/lib\/x\.c"\n/, "the new middle names the file as the old text does")
  t.equal(n.skipped, a.length - (n.old.length - n.old.indexOf('\n') - 1))
})

t.test('identical texts leave nothing to index', async t => {
  const a = unit('/old/x.c', HEADER, fns(5))
  const n = narrowToChange(a, a)
  t.same([n.old, n.new], ['', ''])
  t.same(changedOf(n.old, 'x.c', n.new, 'x.c'), [])
})

t.test('cuts never fall inside a string, a char literal, brackets or a marker line', async t => {
  const text = [
    '# 1 "a;b.h"', 'char *s = "x;\\n{";', "char c = '}';", 'struct t {', ' int a;', '}', '__attribute__((packed));',
    'int f(void) { return 1; }', 'int g(void)', '{', ' int y = 0;', ' return y;', '}', '#pragma once', 'int z;', 'int w;',
  ].join('\n')
  const at = (line: number) => text.split('\n').slice(0, line).join('\n').length + 1
  // after `char *s …;` (line 2), `char c …;` (3), `__attribute__…;` (7), `#pragma` skipped: `int z;` (15), `int w;` (16)
  t.same(topLevelCuts(`${text}\n`), [at(2), at(3), at(7), at(15), at(16)])
})

t.test('__LINE__ read as @LINE keeps its meaning from the synthesized marker', async t => {
  // a WARN-like bug-table entry `"lib/x.c", N` after the hunk: the hunk adds two lines, so N moves
  const warn = (line: number) => `int late(int x) { asm("" :: "i" ("lib/x.c"), "i" (${line})); return x; }`
  const before = fns(40)
  const lineOf = (body: string) => body.split('\n').length + 3 // the marker `# 2 "file" 2` starts the body at line 2
  const a = unit('lib/x.c', HEADER, `${before}\nint hunk(void) { return 0; }\n${warn(lineOf(before) + 1)}\nint after;`)
  const b = unit('lib/x.c', HEADER, `${before}\nint hunk(void)\n{\n return 1; }\n${warn(lineOf(before) + 3)}\nint after;`)
  t.same(changedOf(a, 'lib/x.c', b, 'lib/x.c'), ['hunk'], 'the whole texts read the moved literal as @LINE')
  t.same(viaNarrow(a, b, 'lib/x.c').changed, ['hunk'], 'and so does the middle')
  // a literal that does not follow its line is a change in both
  const c = unit('lib/x.c', HEADER, `${before}\nint hunk(void)\n{\n return 1; }\n${warn(lineOf(before) + 90)}\nint after;`)
  t.same(viaNarrow(a, c, 'lib/x.c').changed, changedOf(a, 'lib/x.c', c, 'lib/x.c'))
})

t.test('a changed static inline header function counts (a series snapshot has its own headers)', async t => {
  const a = unit('x.c', HEADER, fns(10))
  const b = unit('x.c', HEADER.replace('return x + 7;', 'return x + 8;'), fns(10))
  t.same(viaNarrow(a, b, 'x.c').changed, ['h7'])
  t.equal(viaNarrow(a, b, 'x.c').n.renamed, false, 'one name: nothing to rename')
  t.same(changedOf(a, 'x.c', b, 'x.c'), ['h7'])
})

t.test('a __FILE__ string naming the tree is still a difference (only line markers are renamed)', async t => {
  const body = (f: string) => `${fns(5)}\nint who(void) { return p("${f}"); }\nint tail;`
  const a = unit('/old/x.c', HEADER, body('/old/x.c'))
  const b = unit('/new/x.c', HEADER, body('/new/x.c'))
  t.same(viaNarrow(a, b, '/old/x.c').changed, ['who'])
  t.same(changedOf(a, '/old/x.c', b, '/new/x.c'), ['who'])
})

t.test('random edits: the middle and the whole text always agree', async t => {
  // mulberry32: a fixed seed, so a failing round is the same round every run
  let seed = 12345
  const rnd = (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * n)
  }
  const shapes = [
    (i: number) => `static int f${i}(int x)\n{\n  return x * ${i};\n}`,
    (i: number) => `int f${i}(const char *s) { if (s[0] == ';') return '{'; return "}"[0]; }`,
    (i: number) => `struct r${i} {\n int a;\n}\n__attribute__((aligned(8)));\nint f${i}(void) { struct r${i} q = { ${i} }; return q.a; }`,
    (i: number) => `int f${i}(int x) { asm("" :: "i" ("x.c"), "i" (${i})); return x; }`,
  ]
  const kinds = new Set<number>()
  for (let round = 0; round < 60; round++) {
    const n = 8 + rnd(20)
    const items = Array.from({ length: n }, (_, i) => shapes[rnd(shapes.length)]!(i))
    const edited = [...items]
    const k = rnd(n)
    const kind = rnd(4)
    if (kind === 0) edited[k] = edited[k]!.replace(/\d+/, '999')
    else if (kind === 1) edited.splice(k, 1)
    else if (kind === 2) edited.splice(k, 0, `int added${k}(void) { return ${k}; }`)
    else edited[k] = `\n\n${edited[k]!}` // lines move, nothing else
    const a = unit('/a/x.c', HEADER.slice(0, 2000), items.join('\n'))
    const b = unit('/b/x.c', HEADER.slice(0, 2000), edited.join('\n'))
    t.same(viaNarrow(a, b, '/a/x.c').changed, changedOf(a, '/a/x.c', b, '/b/x.c'), `round ${round} (edit ${kind} at ${k})`)
    kinds.add(kind)
  }
  t.equal(kinds.size, 4, 'every kind of edit was tried')
})

t.test('an unclosed quote ends at its line; pragmas above the cut are not markers', async t => {
  t.same(topLevelCuts('char *s = "open;\nint a;\n'), [24], 'the string ends at its line: the next line is read afresh')
  const body = (ret: number) => `${fns(30)}\n#pragma GCC diagnostic push\nint z;\n${fns(1, () => `int last(void) { asm("" :: "i" ("x.c"), "i" (LINE)); return ${ret}; }`)}\n`
  const lineOfLast = fns(30).split('\n').length + 4
  const a = unit('x.c', HEADER, body(1).replace('LINE', String(lineOfLast)))
  const b = unit('x.c', HEADER, body(2).replace('LINE', String(lineOfLast)))
  t.same(viaNarrow(a, b, 'x.c').changed, ['last'])
  t.same(changedOf(a, 'x.c', b, 'x.c'), ['last'])
  // text with no line marker at all: no function is the file's, in the middle as in the whole
  t.same(viaNarrow('int a;\nint f(void) { return 1; }\n', 'int a;\nint f(void) { return 2; }\n', 'x.c').changed, [])
})

t.test('texts without the wrapper keep their own file names', async t => {
  const a = `# 1 "/w/old.c"
${fns(20)}
`
  const b = `# 1 "/w/new.c"
${fns(20, i => (i === 3 ? 'int f3(int x) { return x; }' : undefined))}
`
  t.same(viaNarrowPlain(a, '/w/old.c', b, '/w/new.c'), ['f3'])
  t.same(changedOf(a, '/w/old.c', b, '/w/new.c'), ['f3'])
})

t.test("a header beside the file in the new tree is the old tree's header: only real differences are indexed", async t => {
  const local = (dir: string, ret: number) => [
    '# 0 "<klp-wrapper>"', '# 1 "<klp-wrapper>"', `# 1 "${dir}/fs/x.c" 1`, '# 1 "/inc/h.h" 1', HEADER, `# 2 "${dir}/fs/x.c" 2`,
    `# 1 "${dir}/fs/local.h" 1`, 'static inline int loc(int x) { return x; }', `# 3 "${dir}/fs/x.c" 2`,
    fns(40, i => (i === 39 ? `int f39(void) { return ${ret}; }` : undefined)), '',
  ].join('\n')
  const a = local('/t/6.1.1', 1)
  const b = local('/t/6.1.2', 2)
  const { changed, n } = viaNarrow(a, b, '/t/6.1.1/fs/x.c')
  t.same(changed, ['f39'])
  t.same(changedOf(a, '/t/6.1.1/fs/x.c', b, '/t/6.1.2/fs/x.c'), ['f39'])
  t.notMatch(n.old, /static inline int loc/, 'the local header is before the cut: the same in both once named alike')
  t.ok(n.old.length < 500, `the middle is the changed function (${n.old.length} characters)`)
  // names that differ in the file's own name: only that name is read as the old one
  const c = a.split('/t/6.1.1/fs/x.c').join('/t/6.1.1/fs/y.c')
  t.same(viaNarrow(a, c.replace('return 1;', 'return 3;'), '/t/6.1.1/fs/x.c').changed, ['f39'])
})

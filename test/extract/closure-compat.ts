import t from 'tap'
import {
  applyCompat,
  matchBracket,
  rewriteAutoType,
  rewriteCompoundLiterals,
  rewriteModeAttributes,
  rewriteSectionAttributes,
} from '../../src/extract/closure-compat.js'

t.test('rewriteAutoType', async t => {
  const rows: [string, string, string, number][] = [
    ['simple', 'const __auto_type s0 = s;', 'const __typeof__(((void)0, s)) s0 = s;', 1],
    ['two in a statement expression', '({ __auto_type _a = (a); __auto_type _b = (f(b, c)); _a > _b; })',
      '({ __typeof__(((void)0, (a))) _a = (a); __typeof__(((void)0, (f(b, c)))) _b = (f(b, c)); _a > _b; })', 2],
    ['initializer over lines with a marker', '__auto_type p = x\n# 7 "a.h"\n + 1;', '__typeof__(((void)0, x + 1)) p = x\n# 7 "a.h"\n + 1;', 1],
    ['string with a comma', '__auto_type m = g(",;");', '__typeof__(((void)0, g(",;"))) m = g(",;");', 1],
    ['without an initializer: left alone', '__auto_type x;', '__auto_type x;', 0],
    ['only the keyword', 'int my__auto_type = 1;', 'int my__auto_type = 1;', 0],
  ]
  for (const [name, src, want, n] of rows) t.same(rewriteAutoType(src), { text: want, count: n }, name)
})

t.test('rewriteModeAttributes', async t => {
  const rows: [string, string, number][] = [
    ['enum e { A, B } __attribute__((__mode__(byte)));', 'enum e { A, B } __attribute__((__mode__(__byte__)));', 1],
    ['typedef int s8 __attribute__((mode(QI))), w __attribute__((__mode__( word )));',
      'typedef int s8 __attribute__((mode(__QI__))), w __attribute__((__mode__( __word__ )));', 2],
    ['int x __attribute__((__mode__(__DI__)));', 'int x __attribute__((__mode__(__DI__)));', 0],
    ['int mode(byte);', 'int mode(__byte__);', 1], // text rule: no C grammar, the kernel has no function named mode
  ]
  for (const [src, want, n] of rows) t.same(rewriteModeAttributes(src), { text: want, count: n }, src)
})

t.test('rewriteCompoundLiterals', async t => {
  const rows: [string, string, string, number][] = [
    ['whole initializer of a file-scope object', 'spinlock_t l = (spinlock_t){ .v = 0 };', 'spinlock_t l = { .v = 0 };', 1],
    ['element of a brace initializer', 'struct m m = { .wait_lock = (raw_spinlock_t){ .r = { 0 } }, .n = 1 };',
      'struct m m = { .wait_lock = { .r = { 0 } }, .n = 1 };', 1],
    ['parenthesised compound literal', 'struct d d = { .key = ((struct sk){ .e = { 1 } }) };', 'struct d d = { .key = { .e = { 1 } } };', 1],
    ['nested: an element inside a parenthesised literal', 'struct d d = { .k = ((struct sk){ .e = (struct e){ 1 } }) };',
      'struct d d = { .k = { .e = { 1 } } };', 2],
    ['static object inside a function', 'void f(void) { static struct m m = (struct m){ 0 }; }', 'void f(void) { static struct m m = { 0 }; }', 1],
    ['automatic object inside a function: left alone', 'void f(void) { struct m m = (struct m){ 0 }; g((struct m){ 1 }); }',
      'void f(void) { struct m m = (struct m){ 0 }; g((struct m){ 1 }); }', 0],
    ['a cast that is not a compound literal', 'long x = (long)y;', 'long x = (long)y;', 0],
    ['string containing a cast-like text', 'const char *s = "(T){";', 'const char *s = "(T){";', 0],
    ['comparison is not an initializer', 'int f(void) { return a == (T){ 0 }.x; }', 'int f(void) { return a == (T){ 0 }.x; }', 0],
  ]
  for (const [name, src, want, n] of rows) t.same(rewriteCompoundLiterals(src), { text: want, count: n }, name)
})

t.test('matchBracket and applyCompat', async t => {
  t.equal(matchBracket('(a, ")", (b))', 0), 12)
  t.equal(matchBracket('{ { }', 0), -1)
  t.same(applyCompat('static struct q q = (struct q){ 0 } __attribute__((mode(byte)));\n__auto_type v = 1;'), {
    text: 'static struct q q = { 0 } __attribute__((mode(__byte__)));\n__typeof__(((void)0, 1)) v = 1;',
    autoType: 1,
    compoundLiterals: 1,
    modes: 1,
    sections: 0,
  })
})

t.test('rewriteSectionAttributes: CBMC renames a symbol with a section, so it goes; other attributes stay', async t => {
  const rows: [string, string, string, number][] = [
    ['alone (__read_mostly)', 'int __attribute__((__section__(".data..read_mostly"))) g;', 'int   g;', 1],
    ['plain spelling', 'static bool __attribute((section(".data..once"))) done;', 'static bool   done;', 1],
    ['in a list', 'int x __attribute__((aligned(8), __section__(".x,y"), unused));', 'int x __attribute__((aligned(8), unused));', 1],
    ['over two lines: lines kept', 'int __attribute__((\n__section__(".a"))) g;\nint h;', 'int  \n g;\nint h;', 1],
    ['no section', 'int __attribute__((aligned(8))) g; int s(int section);', 'int __attribute__((aligned(8))) g; int s(int section);', 0],
    ['a section name in a string elsewhere', 'const char *m = "__attribute__((section(1)))";', 'const char *m = "__attribute__((section(1)))";', 0],
    ['unbalanced', 'int __attribute__((__section__(".a")', 'int __attribute__((__section__(".a")', 0],
  ]
  for (const [name, src, text, count] of rows) t.same(rewriteSectionAttributes(src), { text, count }, name)
})

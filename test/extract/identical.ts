import t from 'tap'
import { codeTokens, identicalClosure, sameCode } from '../../src/extract/identical.js'

t.test('codeTokens: line markers, whitespace and layout do not count; pragmas and every other token do', async t => {
  t.same(codeTokens('# 1 "old.c"\nint  f(void)\n{ return 1; }\n'), ['int', 'f', '(', 'void', ')', '{', 'return', '1', ';', '}'])
  t.same(codeTokens('#line 3\nint x;'), ['int', 'x', ';'])
  t.same(codeTokens('#pragma  pack(1)\nint x;'), ['#pragma pack(1)', 'int', 'x', ';'])
})

t.test('sameCode', async t => {
  const rows: [string, string, string, boolean][] = [
    ['layout and line markers', '# 1 "old.c"\nint f(int a) { return a+1; }', '# 7 "new.c"\nint f(int a)\n{\n\treturn a + 1;\n}\n', true],
    ['a changed constant', 'int f(void) { return 1; }', 'int f(void) { return 2; }', false],
    ['& & is not &&', 'int g(int a, int b) { return a & &b != 0; }', 'int g(int a, int b) { return a && b != 0; }', false],
    ['one more token', 'int f(void) { return 1; }', 'int f(void) { return 1;; }', false],
    ['a changed string', 'const char *s = "a b";', 'const char *s = "a  b";', false],
    ['a changed pragma', '#pragma pack(1)\nstruct s { int a; };', '#pragma pack(2)\nstruct s { int a; };', false],
  ]
  for (const [name, a, b, want] of rows) t.equal(sameCode(a, b), want, name)
})

t.test('identicalClosure: the function and everything it reaches, after preprocessing', async t => {
  const base = (limit: string, helper: string, tail = '') =>
    `# 1 "x.c"\n#define UNUSED 1\nenum { LIMIT = ${limit} };\nstruct s { int a; };\nstatic int g;\nstatic int helper(int x) { return ${helper}; }\nint f(struct s *p) { return helper(p->a) < LIMIT ? g : 0; }\nint other(void) { return ${tail || '0'}; }\n`
  t.ok(identicalClosure(base('4', 'x + 1'), base('4', 'x + 1', '7'), 'f'), 'a function it does not reach may differ')
  t.notOk(identicalClosure(base('4', 'x + 1'), base('5', 'x + 1'), 'f'), 'an enumerator it reaches')
  t.notOk(identicalClosure(base('4', 'x + 1'), base('4', 'x + 2'), 'f'), 'a helper it calls')
  t.notOk(identicalClosure(base('4', 'x'), base('4', 'x').replace('int a;', 'long a;'), 'f'), 'a type it reaches')
  t.notOk(identicalClosure(base('4', 'x'), base('4', 'x').replace('static int g;', 'static int g = 1;'), 'f'), 'a global it reads')
  t.notOk(identicalClosure(base('4', 'x'), 'int g(void) { return 0; }\n', 'f'), 'a version without the function')
})

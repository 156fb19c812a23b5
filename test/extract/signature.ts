import t from 'tap'
import { execa } from 'execa'
import { ExtractError } from '../../src/errors.js'
import { analyzeUnit } from '../../src/extract/unit.js'
import { functionSignature, TYPE_NAME } from '../../src/extract/signature.js'

const sigOf = async (src: string, name: string) => {
  const u = await analyzeUnit(src)
  return functionSignature(u, u.functions.get(name)!)
}

const PRELUDE = 'typedef int vec[4];\ntypedef char *str;\nstruct s { int a; };\n'

t.test('return types', async t => {
  const rows: [string, string, string, object][] = [
    ['char *f(int x) { return 0; }', 'f', 'char *KLP_TYPE_NAME', { kind: 'pointer', to: { kind: 'scalar', text: 'char' } }],
    ['static inline const char *f(void) { return 0; }', 'f', 'const char *KLP_TYPE_NAME', { kind: 'pointer', text: 'char *' }], // CType text carries no qualifiers,
    ['char const *f(void) { return 0; }', 'f', 'char const *KLP_TYPE_NAME', { kind: 'pointer' }],
    ['unsigned long f(void) { return 0; }', 'f', 'unsigned long KLP_TYPE_NAME', { kind: 'scalar', text: 'unsigned long' }],
    ['void f(void) { }', 'f', 'void KLP_TYPE_NAME', { kind: 'opaque', text: 'void' }],
    ['struct s f(struct s x) { return x; }', 'f', 'struct s KLP_TYPE_NAME', { kind: 'record', tag: 's' }],
    ['str f(void) { return 0; }', 'f', 'str KLP_TYPE_NAME', { kind: 'pointer', text: 'str' }],
    ['int (*f(void))(int) { return 0; }', 'f', 'int (*KLP_TYPE_NAME)(int)', { kind: 'pointer', to: { kind: 'function' } }],
    ['char (*f(void))[8] { return 0; }', 'f', 'char (*KLP_TYPE_NAME)[8]', { kind: 'pointer', to: { kind: 'array', length: 8 } }],
    ['__attribute__((noinline)) static int f(void) { return 0; }', 'f', 'int KLP_TYPE_NAME', { kind: 'scalar', text: 'int' }],
  ]
  for (const [src, name, typedef, type] of rows) {
    const sig = await sigOf(PRELUDE + src, name)
    t.equal(sig.returnTypedef, typedef, src)
    t.match(sig.returnType, type, `${src}: type`)
    t.equal(sig.name, name)
  }
})

t.test('parameters', async t => {
  const src = PRELUDE + [
    'int f(int n, const int c, unsigned long const u, struct s *sp, struct s byval, int (*cb)(int), str s,',
    '      int a[10], char *argv[], const char *const names[4], vec v, const vec cv, int (*pa)[3]) { return 0; }',
  ].join('\n')
  const sig = await sigOf(src, 'f')
  t.equal(TYPE_NAME, 'KLP_TYPE_NAME')
  t.same(sig.params.map(p => [p.name, p.typedefText]), [
    ['n', 'int KLP_TYPE_NAME'],
    ['c', 'const int KLP_TYPE_NAME'],
    ['u', 'unsigned long const KLP_TYPE_NAME'],
    ['sp', 'struct s *KLP_TYPE_NAME'],
    ['byval', 'struct s KLP_TYPE_NAME'],
    ['cb', 'int (*KLP_TYPE_NAME)(int)'],
    ['s', 'str KLP_TYPE_NAME'],
    ['a', 'int (*KLP_TYPE_NAME)'],
    ['argv', 'char *(*KLP_TYPE_NAME)'],
    ['names', 'const char *const (*KLP_TYPE_NAME)'],
    ['v', '__typeof__(&(*(vec *)0)[0]) KLP_TYPE_NAME'],
    ['cv', '__typeof__(&(*(const vec *)0)[0]) KLP_TYPE_NAME'],
    ['pa', 'int (*KLP_TYPE_NAME)[3]'],
  ])
  const types = new Map(sig.params.map(p => [p.name, p.type]))
  t.match(types.get('a'), { kind: 'pointer', to: { kind: 'scalar', text: 'int' }, text: 'int *' }, 'array parameters are pointers')
  t.match(types.get('argv'), { kind: 'pointer', to: { kind: 'pointer', to: { text: 'char' } } })
  t.match(types.get('v'), { kind: 'pointer', to: { text: 'int' } }, 'a typedef array parameter is a pointer to its element')
  t.match(types.get('pa'), { kind: 'pointer', to: { kind: 'array', length: 3 } }, 'a pointer to an array stays one')
  t.match(types.get('cb'), { kind: 'pointer', to: { kind: 'function' } })
  t.equal(sig.variadic, false)
})

t.test('parameter typedefs are C that declares the adjusted type', async t => {
  // compile `typedef <typedefText with T_i>;` and compare with the expected type
  const src = PRELUDE + 'const char *f(int a[10], char *argv[], const char *const names[4], vec v, const vec cv, int (*cb)(int)) { return 0; }\n'
  const sig = await sigOf(src, 'f')
  const expected = ['int *', 'char **', 'const char *const *', 'int *', 'const int *', 'int (*)(int)']
  const lines = [PRELUDE]
  sig.params.forEach((p, i) => {
    lines.push(`typedef ${p.typedefText.replace(TYPE_NAME, `T${i}`)};`)
    lines.push(`_Static_assert(__builtin_types_compatible_p(T${i}, ${expected[i]}), "${p.name}");`)
  })
  lines.push(`typedef ${sig.returnTypedef.replace(TYPE_NAME, 'R')};`, '_Static_assert(__builtin_types_compatible_p(R, const char *), "ret");')
  const r = await execa('gcc', ['-fsyntax-only', '-x', 'c', '-'], { input: lines.join('\n'), reject: false })
  t.equal(r.exitCode, 0, String(r.stderr))
})

t.test('void, variadic and preprocessed parameter lists', async t => {
  t.same((await sigOf('int f(void) { return 0; }', 'f')).params, [])
  const v = await sigOf('int pr(const char *fmt, ...) { return 0; }', 'pr')
  t.equal(v.variadic, true)
  t.same(v.params.map(p => p.name), ['fmt'])
  // `bool` from <stdbool.h>: gcc puts line markers around `_Bool`
  const pp = await sigOf('int g(\n# 1 "stdbool.h" 3 4\n_Bool\n# 1 "u.c"\n flag) { return flag; }\n', 'g')
  t.same(pp.params.map(p => [p.name, p.typedefText]), [['flag', '_Bool KLP_TYPE_NAME']])
  t.match(pp.params[0]!.type, { kind: 'scalar', text: '_Bool' })
})

t.test('parameters we cannot handle are clear errors', async t => {
  const rows: [string, string, RegExp, RegExp][] = [
    ['int f(int) { return 0; }', 'f', /^parameter 1 of f\(\) has no name$/, /name every parameter/],
    ['int f(int x, char *) { return x; }', 'f', /^parameter 2 of f\(\) has no name$/, /name every parameter/],
    ['int f(int m[3][4]) { return 0; }', 'f', /^parameter m of f\(\) has a multi-dimensional array type$/, /declare it as a pointer/],
    ['int f(int (a)[3]) { return 0; }', 'f', /^parameter 1 of f\(\) has no name$/, /name every parameter/],
    ['int f(a, b) int a; int b; { return a; }', 'f', /^f\(\) has an old-style \(K&R\) definition$/, /prototype/],
  ]
  for (const [src, name, message, hint] of rows) {
    const u = await analyzeUnit(src)
    t.throws(() => functionSignature(u, u.functions.get(name)!), { name: 'ExtractError', message, hint, exitCode: 3 }, src)
  }
  t.ok(new ExtractError('x') instanceof Error)
})

import t from 'tap'
import { firstSyntaxError } from '../../src/extract/c-parser.js'
import { analyzeUnit, sourceText, userSyntaxError } from '../../src/extract/unit.js'

t.test('code that uses system-header macros and attributes parses cleanly', async t => {
  // what `gcc -E` makes of `p = NULL; b = true;` and kernel-style attributes
  const src = [
    '# 1 "u.c"',
    'static int limit __attribute__((__section__(".data..read_mostly"))) = 10;',
    'int f(int *p, int x) {',
    '  if (p == ',
    '# 4 "u.c" 3 4',
    '          ((void *)0)',
    '# 4 "u.c"',
    '              ) return limit;',
    '  switch (x) { case 1: x++; __attribute__((__fallthrough__)); default: break; }',
    '  return (int)__builtin_offsetof(struct { int a; int b; }, b) + x;',
    '}',
  ].join('\n')
  const u = await analyzeUnit(src)
  t.equal(firstSyntaxError(u.tree.rootNode), undefined)
  t.same([...u.functions.keys()], ['f'])
  t.match(u.variables.get('limit'), { isStatic: true, type: { kind: 'scalar', text: 'int' }, init: { text: '10' } })
  t.equal(u.text, src, 'the unit keeps the preprocessed text as it was')
})

t.test('sourceText blanks line markers inside a node', async t => {
  const src = 'int f(\n# 1 "x.h" 3 4\n_Bool\n# 1 "u.c"\n b);\n'
  const u = await analyzeUnit(src)
  const decl = u.tree.rootNode.namedChildren[0]!
  t.equal(sourceText(u, decl).replace(/\s+/g, ' '), 'int f( _Bool b);')
})

t.test('variables and prototypes', async t => {
  const src = [
    'int f(int);',
    'int (*getfn(void))(int);',
    'int (*fp)(int);',
    'static int (*ops[2])(void);',
    'int plain, g(void), *ptr;',
    'int asm_named __asm__("real_name");',
    'extern int ext;',
    'static const int sc = 2;',
    'int (paren_proto)(int);',
    'int (*(paren_ptr))(int);',
    'int attributed [[gnu::unused]];',
  ].join('\n')
  const u = await analyzeUnit(src)
  t.same([...u.variables.keys()], ['fp', 'ops', 'plain', 'ptr', 'asm_named', 'ext', 'sc', 'paren_ptr', 'attributed'],
    'function pointers are variables, prototypes are not')
  t.match(u.variables.get('ops'), { isStatic: true, isExtern: false, type: { kind: 'array', length: 2 } })
  t.match(u.variables.get('ext'), { isStatic: false, isExtern: true, init: null })
  t.match(u.variables.get('sc'), { isStatic: true, isConst: true, init: { text: '2' }, row: 7 })
  t.equal(u.functions.size, 0, 'prototypes are not definitions')
})

t.test('which declaration of a variable counts', async t => {
  const rows: [string, string][] = [
    ['extern int x;\nint x;\n', 'int x;'],
    ['int x;\nextern int x;\n', 'int x;'],
    ['int x;\nint x = 3;\n', 'int x = 3;'],
    ['int x = 3;\nint x;\n', 'int x = 3;'],
    ['extern int x;\nint x = 3;\nextern int x;\n', 'int x = 3;'],
  ]
  for (const [src, want] of rows) {
    const u = await analyzeUnit(src)
    t.equal(u.variables.get('x')!.declaration.text, want, JSON.stringify(src))
  }
})

t.test('functions and their declarators', async t => {
  const src = [
    'static int helper(int x) { return x; }',
    'char *name(void) { return 0; }',
    'int (*getfn(void))(int) { return helper; }',
    'int (paren)(int y) { return y; }',
    'static inline void nothing(void) { }',
    'DEFINE_THING(x) { return; }',
  ].join('\n')
  const u = await analyzeUnit(src)
  t.same([...u.functions.keys()], ['helper', 'name', 'getfn', 'paren', 'nothing'], 'not the macro-like block')
  t.same([...u.functions.values()].map(f => f.isStatic), [true, false, false, false, true])
  t.same([...u.functions.values()].map(f => f.declarator.childForFieldName('parameters')!.text),
    ['(int x)', '(void)', '(void)', '(int y)', '(void)'], 'the function declarator names the function, not its return type')
  t.equal(u.functions.get('name')!.body.type, 'compound_statement')
})

t.test('static locals', async t => {
  const src = [
    'int f(void) {',
    '  static int a, *b;',
    '  int not_static;',
    '  { static const char tag[] = "t"; }',
    '  { static long a; }',
    '  return a;',
    '}',
    'int g(void) { return 0; }',
  ].join('\n')
  const u = await analyzeUnit(src)
  t.same([...u.staticLocals.keys()], ['f'], 'only functions with static locals')
  const locals = u.staticLocals.get('f')!
  t.same(locals.map(v => [v.name, v.localName, v.fn, v.row]), [['a', 'a', 'f', 1], ['b', 'b', 'f', 1], ['tag', 'tag', 'f', 3], ['a', 'a__2', 'f', 4]],
    'a second static of the same name gets a unique local name')
  t.match(locals[2], { isConst: true, type: { kind: 'array', length: null }, init: { text: '"t"' } })
  t.equal(u.variables.size, 0, 'static locals are not file-scope variables')
})

t.test('types: records, enums, typedefs and enumerators', async t => {
  const src = [
    'struct s {',
    '  int   a;',
    '  int b; };',
    'union u { int i; float f; };',
    'enum e { E1, E2 = 4 };',
    'enum { ANON1 };',
    'struct { int x; } anon_var;',
    'typedef struct s s_t, *s_p;',
    'struct fwd;',
    'struct packed { char c; int i; } __attribute__((packed)) __attribute__((aligned(8)));',
    'int f(void) { enum { LOCAL1 } l = LOCAL1; struct inner { int z; } in; return l + in.z; }',
    'struct last { int a; } __attribute__((unterminated',
  ].join('\n')
  const u = await analyzeUnit(src)
  t.same([...u.typeDefs.keys()].sort(), ['enum e', 'struct inner', 'struct last', 'struct packed', 'struct s', 'typedef s_p', 'typedef s_t', 'union u'])
  t.equal(u.typeDefs.get('struct last'), 'struct last { int a; } __attribute__((unterminated', 'an unterminated attribute runs to the end')
  t.equal(u.typeDefs.get('struct s'), 'struct s { int a; int b; }', 'whitespace normalised')
  t.equal(u.typeDefs.get('typedef s_p'), 'typedef struct s s_t, *s_p;')
  t.equal(u.typeDefs.get('struct packed'), 'struct packed { char c; int i; } __attribute__((packed)) __attribute__((aligned(8)))',
    'attributes after the body are part of the definition')
  t.same([...u.scope.records.keys()].sort(), ['struct inner', 'struct last', 'struct packed', 'struct s', 'union u'])
  t.same([...u.scope.typedefs.keys()], ['s_t', 's_p'])
  t.same([...u.enumerators].sort(), ['ANON1', 'E1', 'E2', 'LOCAL1'])
  t.match(u.resolver.specifier(u.scope.typedefs.get('s_p')!.type), { kind: 'record', tag: 's' })
})

t.test('syntax errors: only the user file matters', async t => {
  const header = '# 1 "/usr/include/weird.h" 1 3 4\nint h = @;\n'
  const rows: [string, string, { line: number; text: RegExp } | undefined][] = [
    ['clean', '# 1 "/w/u.c"\nint a;\n', undefined],
    ['in the user file', '# 1 "/w/u.c"\nint a;\n\nint b = @;\n', { line: 3, text: /@/ }],
    ['in a header only', `# 1 "/w/u.c"\n${header}# 2 "/w/u.c" 2\nint a;\n`, undefined],
    ['in a header, then in the user file', `# 1 "/w/u.c"\n${header}# 2 "/w/u.c" 2\nint b = 1 @ 2;\n`, { line: 2, text: /^@/ }],
  ]
  for (const [name, src, want] of rows) {
    const u = await analyzeUnit(src)
    const got = userSyntaxError(u, '/w/u.c')
    if (want) t.match(got, want, name)
    else t.equal(got, undefined, name)
  }
})

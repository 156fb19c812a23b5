/** What declarations say: constness, storage classes, function or object. */
import t from 'tap'
import { declaratorIdentifier } from '../../src/extract/ctypes.js'
import { declaresConst, declaresFunction, findFunctionDeclarator, storageClasses } from '../../src/extract/declarators.js'
import { analyzeUnit } from '../../src/extract/unit.js'

t.test('const objects', async t => {
  const rows: [string, string, boolean][] = [
    ['const int a = 1;', 'a', true],
    ['volatile int v;', 'v', false],
    ['const char *p;', 'p', false],
    ['char *const p = 0;', 'p', true],
    ['const char *const p = "x";', 'p', true],
    ['const int arr[3] = { 1 };', 'arr', true],
    ['const char *names[2];', 'names', false],
    ['const char *const names[2] = { "a", "b" };', 'names', true],
    ['int (*const fp)(int) = 0;', 'fp', true],
    ['int (*fp)(int);', 'fp', false],
    ['const int x = 1, *y;', 'x', true],
    ['const int x = 1, *y;', 'y', false],
    ['const int *const *pp;', 'pp', false],
    ['int *const *const pp = 0;', 'pp', true],
  ]
  for (const [src, name, want] of rows) {
    const u = await analyzeUnit(src)
    const v = u.variables.get(name)!
    t.equal(v.isConst, want, `${src} ${name}`)
    t.equal(declaresConst(v.declaration, v.declarator), want)
  }
})

t.test('storageClasses and declaratorIdentifier', async t => {
  const u = await analyzeUnit('static inline int f(void) { return 0; }\nextern const int x;\n')
  const [fn, decl] = u.tree.rootNode.namedChildren
  t.same(storageClasses(fn!), ['static', 'inline'])
  t.same(storageClasses(decl!), ['extern'])
  t.equal(declaratorIdentifier(decl!.childForFieldName('declarator'))?.text, 'x')
})

t.test('function or object: the constructor nearest the name decides', async t => {
  const rows: [string, boolean][] = [
    ['int f(int);', true],
    ['int (*getfn(void))(int);', true],
    ['int (paren_proto)(int);', true],
    ['int (*fp)(int);', false],
    ['static int (*ops[2])(void);', false],
    ['int plain;', false],
    ['int asm_named __asm__("real_name");', false],
  ]
  for (const [src, want] of rows) {
    const u = await analyzeUnit(src)
    const d = u.top[0]!.childrenForFieldName('declarator')[0]!
    t.equal(declaresFunction(d), want, src)
  }
  t.equal(findFunctionDeclarator(null), null, 'no declarator')
})

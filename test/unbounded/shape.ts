import t from 'tap'
import { parseC } from '../../src/extract/c-parser.js'
import { findDefinition, isFloatLiteral, loopShape, type ShapeResult } from '../../src/unbounded/shape.js'

const shapeOf = async (src: string, name = 'f'): Promise<ShapeResult> => {
  const tree = await parseC(src)
  const fn = findDefinition(tree.rootNode, name)
  if (!fn) throw new Error(`no ${name}`)
  return loopShape(fn, 'o_')
}
const why = async (src: string) => {
  const r = await shapeOf(src)
  return 'unsupported' in r ? r.unsupported : 'supported'
}

t.test('a for loop: pre, condition, body with the update, post, return; names renamed, fields and types not', async t => {
  const r = await shapeOf(`struct s { int a; };
int g;
unsigned int f(const unsigned char *buf, unsigned int len)
{
\tunsigned int sum = 0;
\tconst unsigned char *p = buf, **pp;
\tfor (unsigned int i = 0; i < len; i++)
\t\tsum += buf[i];
\tsum = sum * 2;
\treturn sum + len;
}`)
  if (!('shape' in r)) return t.fail(r.unsupported)
  const s = r.shape
  t.same(s.params, [{ name: 'buf', type: 'const unsigned char *buf'.replace('buf', '').trim(), kind: 'ptr' }, { name: 'len', type: 'unsigned int', kind: 'int' }])
  t.equal(s.pre, 'unsigned int o_sum = 0;\nconst unsigned char *o_p = o_buf, **o_pp;\nunsigned int o_i = 0;')
  t.equal(s.cond, 'o_i < o_len')
  t.equal(s.condPure, true)
  t.equal(s.body, 'o_sum += o_buf[o_i];')
  t.equal(s.update, 'o_i++;')
  t.equal(s.post, 'o_sum = o_sum * 2;')
  t.equal(s.ret, 'o_sum + o_len')
  t.equal(s.loopRow, 7)
  t.same(s.vars.map(v => [v.name, v.type, v.kind, v.pointee ?? '', v.param]), [
    ['o_buf', 'const unsigned char *', 'ptr', 'unsigned char', true],
    ['o_len', 'unsigned int', 'int', '', true],
    ['o_sum', 'unsigned int', 'int', '', false],
    ['o_p', 'const unsigned char *', 'ptr', 'unsigned char', false],
    ['o_pp', 'const unsigned char **', 'ptr', 'unsigned char *', false],
    ['o_i', 'unsigned int', 'int', '', false],
  ])
})

t.test('while (1) { if (c) break; … } reads as while (!(c)); a void function has no return value', async t => {
  const r = await shapeOf('void f(int n) { int i = 0; while (1) { if (i >= n) break; i++; } }')
  if (!('shape' in r)) return t.fail(r.unsupported)
  t.equal(r.shape.cond, '!(o_i >= o_n)')
  t.equal(r.shape.condPure, true)
  t.equal(r.shape.body, 'o_i++;')
  t.equal(r.shape.update, '')
  const side = await shapeOf('int f(const char *s, int n) { int k = 0; while (*s++ && k < n) k++; return k; }')
  t.same('shape' in side && [side.shape.cond, side.shape.condPure], ['(*o_s++ && o_k < o_n)', false], 'a condition with a side effect')
  const asg = await shapeOf('int f(int n) { int k = 0; while (1) { if ((n = n - 1) < 0) break; k++; } return k; }')
  t.equal('shape' in asg && asg.shape.condPure, false, 'an assignment in the exit test')
  t.equal(r.shape.ret, undefined)
  const f = await shapeOf('int f(int n) { int i = 0; for (;;) { if (i >= n) { break; } i++; } return i; }')
  t.equal('shape' in f && f.shape.cond, '!(o_i >= o_n)')
  const g = await shapeOf('int f(void) { int i = 0; for (i = 1; ; ) { if (i > 9) break; i++; } return i; }')
  t.same('shape' in g && [g.shape.pre, g.shape.params], ['int o_i = 0;\no_i = 1;', []])
})

t.test('kinds: float parameters and _Bool get no candidates; typedef names count as integers', async t => {
  const r = await shapeOf('typedef unsigned int u32; int f(u32 n, double d, struct q *sp) { _Bool b = 0; u32 k; while (n) n--; return n; }')
  if (!('shape' in r)) return t.fail(r.unsupported)
  t.same(r.shape.vars.map(v => [v.name, v.kind, v.pointee ?? '']), [['o_n', 'int', ''], ['o_d', 'other', ''], ['o_sp', 'ptr', 'struct q'], ['o_b', 'other', ''], ['o_k', 'int', '']])
})

t.test('what the product does not cover is named', async t => {
  const cases: [string, RegExp][] = [
    ['int f(int n) { int i = 0; do { i++; } while (i < n); return i; }', /do-while/],
    ['int f(int n) { int i = 0; again: i++; if (i < n) goto again; return i; }', /goto|label/],
    ['int f(int n) { int i; for (i = 0; i < n; i++) switch (i) { default: break; } return i; }', /switch/],
    ['int h(int); int f(int n) { int i; for (i = 0; i < n; i++) h(i); return i; }', /a call/],
    ['int f(int n) { int i; for (i = 0; i < n; i++) continue; return i; }', /continue/],
    ['int f(int n) { int a[4]; int i; for (i = 0; i < n; i++); return i; }', /local array/],
    ['int f(int *p, int n) { int i; for (i = 0; i < n; i++) p[i] = 0; return i; }', /writes through/],
    ['int f(int *p, int n) { int i; for (i = 0; i < n; i++) (*p)++; return i; }', /writes through/],
    ['int f(int n) { int i, *q = &n; for (i = 0; i < n; i++); return i; }', /takes an address/],
    ['int f(int n) { static int c; int i; for (i = 0; i < n; i++); return i + c; }', /static/],
    ['int g; int f(int n) { int i; for (i = 0; i < n; i++); return i + g; }', /reads 'g'/],
    ['int f(int n) { int i; for (i = 0; i < n; i++); return i; }'.replace('return i;', 'return i + sizeof(struct q);'), /struct/],
    ['int f(int n) { return n; }', /no loop/],
    ['int f(int n) { int i, j; for (i = 0; i < n; i++); for (j = 0; j < n; j++); return i; }', /more than one loop/],
    ['int f(int n) { int i = 0; if (n) { while (i < n) i++; } return i; }', /not a top-level/],
    ['int f(int n) { int i; if (n < 0) return 0; for (i = 0; i < n; i++); return i; }', /returns early/],
    ['int f(int n) { int i; for (i = 0; i < n; i++) if (i > 4) break; return i; }', /breaks out/],
    ['int f(int n, ...) { int i; for (i = 0; i < n; i++); return i; }', /variadic/],
    ['int f(int) { int i = 0; while (i < 3) i++; return i; }', /unnamed parameter/],
    ['int *f(int n) { while (n) n--; return 0; }', /declarator/],
    ['int f(int n) { struct q *sp = 0; while (n) n--; return n; }', /local struct/],
    ['int f(int n) { int i; for (i = 0; i < n; i++) { struct { int a; } x; } return i; }', /local struct/],
    ['int f(int n) { int i; for (i = 0; i < n; i++) i += (int){1}; return i; }', /compound literal/],
    ['int f(int n) { int i = 0; while (i < n) { asm("nop"); i++; } return i; }', /asm/],
    ['int f(int n) { int i = 0; while (i < n) { i++ @@ } return i; }', /did not read/],
    ['int f(int n) { int i = 0; while (i < n) { i++;\n#pragma x\n } return i; }', /did not read/],
    ['int f(int n) { int i = 0, v[] = {1}; while (i < n) i++; return i; }', /local array|initializer/],
    ['int f(int n) { int i = 0; long double a = 1; while (i < n) i++; return i + (a != 1); }', /floating point/],
    ['int f(int n) { int i = 0; double a = 0; while (i < n) i++; return i; }', /floating point/],
    ['int f(int n) { int i = 0; while (i < n) i++; return (int)(i * 1.5); }', /floating point/],
    ['int f(int n) { int i = 0; while (i < n) i++; return i + (int)0x1p3; }', /floating point/],
  ]
  for (const [src, re] of cases) t.match(await why(src), re, src)
})

t.test('findDefinition skips declarations and other functions', async t => {
  const tree = await parseC('int f(int); int g(int n) { return n; } int f(int n) { return n; }')
  t.equal(findDefinition(tree.rootNode, 'f')?.startIndex, 39)
  t.equal(findDefinition(tree.rootNode, 'h'), undefined)
})

t.test('isFloatLiteral', async t => {
  for (const x of ['1.5', '.5', '1e3', '2E-1', '0x1p3', '0x1.8P1', '1.f']) t.ok(isFloatLiteral(x), x)
  for (const x of ['0', '42', '0xfe', '0xE1', '10u', '077']) t.notOk(isFloatLiteral(x), x)
})

t.test('a loop over integers with hex constants is still covered', async t => {
  t.equal(await why('int f(int n) { int i = 0; while (i < n) i += 0xfe; return i; }'), 'supported')
})

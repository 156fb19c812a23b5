import t from 'tap'
import { parseC } from '../../src/extract/c-parser.js'
import { containsPointer, declaratorIdentifier, declaratorName, evalConst, TypeResolver } from '../../src/extract/ctypes.js'
import { analyzeUnit } from '../../src/extract/unit.js'
import type { CType } from '../../src/extract/types.js'

const typeOf = async (src: string, name: string): Promise<CType> => {
  const u = await analyzeUnit(src)
  const v = u.variables.get(name)
  if (!v) throw new Error(`no variable ${name} in ${src}`)
  return v.type
}

t.test('scalars, pointers, arrays, enums', async t => {
  const rows: [string, string, object][] = [
    ['int x;', 'x', { kind: 'scalar', text: 'int', float: false }],
    ['double d;', 'd', { kind: 'scalar', text: 'double', float: true }],
    ['unsigned  long long u;', 'u', { kind: 'scalar', text: 'unsigned long long', float: false }],
    ['long double ld;', 'ld', { kind: 'scalar', text: 'long double', float: true }],
    ['_Bool b;', 'b', { kind: 'scalar', text: '_Bool', float: false }],
    ['bool b;', 'b', { kind: 'scalar', text: 'bool', float: false }],
    ['__int128 q;', 'q', { kind: 'scalar', text: '__int128', float: false }],
    ['__uint128_t q;', 'q', { kind: 'scalar', text: '__uint128_t', float: false }],
    ['unsigned __int128 q;', 'q', { kind: 'scalar', text: 'unsigned __int128' }],
    ['_Float128 q;', 'q', { kind: 'scalar', text: '_Float128', float: true }],
    ['size_t n;', 'n', { kind: 'scalar', text: 'size_t', float: false }],
    ['void *vp;', 'vp', { kind: 'pointer', text: 'void *', to: { kind: 'opaque', text: 'void' } }],
    ['char **pp;', 'pp', { kind: 'pointer', text: 'char * *', to: { kind: 'pointer', to: { kind: 'scalar', text: 'char' } } }],
    ['char *s[4];', 's', { kind: 'array', length: 4, text: 'char *[4]', of: { kind: 'pointer', to: { text: 'char' } } }],
    ['int a[2*8];', 'a', { kind: 'array', length: 16, text: 'int[2*8]', of: { kind: 'scalar', text: 'int' } }],
    ['int m[3][4];', 'm', { kind: 'array', length: 3, of: { kind: 'array', length: 4, of: { text: 'int' } } }],
    ['int flex[];', 'flex', { kind: 'array', length: null, text: 'int[]' }],
    ['int (*pa)[5];', 'pa', { kind: 'pointer', to: { kind: 'array', length: 5 } }],
    ['enum e { A, B } ev;', 'ev', { kind: 'scalar', text: 'enum e { A, B }' }],
    ['enum e { A, B };\nenum e ev2;', 'ev2', { kind: 'scalar', text: 'enum e' }],
    ['int x [[gnu::aligned(8)]];', 'x', { kind: 'scalar', text: 'int' }],
    ['int y = 3;', 'y', { kind: 'scalar', text: 'int' }],
    ['__typeof__(int) z;', 'z', { kind: 'opaque' }],
  ]
  for (const [src, name, want] of rows) t.match(await typeOf(src, name), want, src)
})

t.test('typedef chains resolve to the underlying type under the typedef name', async t => {
  const src = [
    'typedef unsigned int u32;',
    'typedef u32 reg_t;',
    'typedef struct node *node_p;',
    'typedef int vec[4];',
    'struct node { int v; };',
    'reg_t r;',
    'node_p head;',
    'vec v;',
    'my_handle_t unknown;',
  ].join('\n')
  t.match(await typeOf(src, 'r'), { kind: 'scalar', text: 'reg_t', float: false })
  t.match(await typeOf(src, 'head'), { kind: 'pointer', text: 'node_p', to: { kind: 'record', tag: 'node', fields: [{ name: 'v' }] } })
  t.match(await typeOf(src, 'v'), { kind: 'array', length: 4, text: 'vec' })
  t.same(await typeOf(src, 'unknown'), { kind: 'opaque', text: 'my_handle_t' }, 'a typedef we never saw is opaque')
})

t.test('records', async t => {
  t.test('a struct defined after its use, and one never defined', async t => {
    const src = 'struct late *lp;\nstruct gone *gp;\nstruct late { int v; };\n'
    t.match(await typeOf(src, 'lp'), { kind: 'pointer', to: { kind: 'record', tag: 'late', union: false, text: 'struct late', fields: [{ name: 'v' }] } })
    t.same(await typeOf(src, 'gp'), { kind: 'pointer', text: 'struct gone *', to: { kind: 'opaque', text: 'struct gone' } })
  })

  t.test('unions', async t => {
    t.match(await typeOf('union u { int i; float f; } uv;', 'uv'), {
      kind: 'record', union: true, text: 'union u',
      fields: [{ name: 'i', type: { text: 'int' } }, { name: 'f', type: { float: true } }],
    })
  })

  t.test('anonymous struct and union members are flattened', async t => {
    const src = 'struct outer { int a; /* note */ int; struct { int b, c; }; union { int d; float e; }; struct { int f; } named; } o;'
    const ty = await typeOf(src, 'o')
    t.equal(ty.kind, 'record')
    if (ty.kind !== 'record') return
    t.same(ty.fields.map(f => f.name), ['a', 'b', 'c', 'd', 'e', 'named'])
    t.match(ty.fields[5]!.type, { kind: 'record', text: 'struct <anonymous>', tag: /^anon\d+$/, fields: [{ name: 'f' }] })
    t.same(ty.fields.map(f => f.overlaid === true), [false, false, false, true, true, false], 'members of an anonymous union share their bytes')
  })

  t.test('anonymous structs: one record per definition', async t => {
    const u = await analyzeUnit('struct { int a; } x1, x2;\nstruct { int a; } y;\n')
    const [x1, x2, y] = ['x1', 'x2', 'y'].map(n => u.variables.get(n)!.type)
    t.equal(x1, x2, 'same definition: the cached record')
    t.not(x1, y, 'another definition: another record')
    t.match(x1, { kind: 'record', text: 'struct <anonymous>' })
  })

  t.test('bit-fields: the width belongs to its own declarator', async t => {
    const ty = await typeOf('struct bf { unsigned a : 3, *p; int b : 2; int c; } v;', 'v')
    t.equal(ty.kind, 'record')
    if (ty.kind !== 'record') return
    t.same(ty.fields.map(f => [f.name, f.bitfield]), [['a', true], ['p', false], ['b', true], ['c', false]])
  })

  t.test('recursive structs refer to themselves', async t => {
    const ty = await typeOf('struct node { int v; struct node *next; struct node *kids[2]; } n;', 'n')
    t.equal(ty.kind, 'record')
    if (ty.kind !== 'record') return
    const next = ty.fields[1]!.type
    t.equal(next.kind === 'pointer' && next.to, ty, 'next points to the same record object')
    t.equal(containsPointer(ty), true)
  })

  t.test('function pointers', async t => {
    t.match(await typeOf('int (*fp)(int, char);', 'fp'), { kind: 'pointer', to: { kind: 'function', text: 'int ((int, char))' } })
    t.match(await typeOf('int (*ops[2])(void);', 'ops'), { kind: 'array', length: 2, of: { kind: 'pointer', to: { kind: 'function' } } })
    t.match(await typeOf('struct ops { void (*run)(int); } o;', 'o'), { fields: [{ name: 'run', type: { kind: 'pointer', to: { kind: 'function' } } }] })
  })
})

t.test('abstract declarators (unnamed parameters, casts)', async t => {
  const tree = await parseC('void f(int *, char [4], int (*)(int), long);')
  const fd = tree.rootNode.namedChildren[0]!.childForFieldName('declarator')!
  const params = fd.childForFieldName('parameters')!.namedChildren
  const r = new TypeResolver({ typedefs: new Map(), records: new Map() })
  const types = params.map(p => r.resolve(p.childForFieldName('type')!, p.childForFieldName('declarator')))
  t.match(types, [
    { kind: 'pointer', to: { text: 'int' } },
    { kind: 'array', length: 4, of: { text: 'char' } },
    { kind: 'pointer', to: { kind: 'function', text: 'int ((int))' } },
    { kind: 'scalar', text: 'long' },
  ])
  t.same(params.map(p => declaratorName(p.childForFieldName('declarator'))), [undefined, undefined, undefined, undefined], 'no names')
  t.equal(declaratorIdentifier(params[0]!.childForFieldName('declarator')), undefined)
})

t.test('applyDeclarator stops at a given declarator (a function name)', async t => {
  const tree = await parseC('char *(*get(void))[3];\n')
  const decl = tree.rootNode.namedChildren[0]!
  const top = decl.childForFieldName('declarator')!
  // innermost function declarator: get(void)
  let fn = top
  while (fn.type !== 'function_declarator' || fn.childForFieldName('declarator')!.type !== 'identifier') {
    fn = fn.childForFieldName('declarator') ?? fn.namedChildren.find(c => /declarator$/.test(c.type))!
  }
  const r = new TypeResolver({ typedefs: new Map(), records: new Map() })
  const ret = r.applyDeclarator(r.specifier(decl.childForFieldName('type')!), top, fn)
  t.match(ret, { kind: 'pointer', to: { kind: 'array', length: 3, of: { kind: 'pointer', to: { text: 'char' } } } }, 'returns a pointer to an array of 3 char *')
})

t.test('declaratorName and declaratorIdentifier', async t => {
  const tree = await parseC('int *(*a[2]), b = 1;\nstruct s { int f : 1; };\ntypedef int t1;\n')
  const [decl, st, td] = tree.rootNode.namedChildren
  const ds = decl!.childrenForFieldName('declarator')
  t.same(ds.map(d => declaratorName(d)), ['a', 'b'])
  t.equal(declaratorIdentifier(ds[0]!)?.type, 'identifier')
  const field = st!.childForFieldName('body')!.namedChildren[0]!.childForFieldName('declarator')
  t.equal(declaratorName(field), 'f', 'field_identifier')
  t.equal(declaratorName(td!.childForFieldName('declarator')), 't1', 'type_identifier')
  t.equal(declaratorName(null), undefined)
})

t.test('evalConst: array sizes', async t => {
  const rows: [string, number | null][] = [
    ['16', 16],
    ['0', 0],
    ['0x10', 16],
    ['0X1f', 31],
    ['010', 8],
    ['0b101', 5],
    ['16UL', 16],
    ['0x10u', 16],
    ['(4)', 4],
    ['2*8', 16],
    ['(2 + 2) * (8 - 4)', 16],
    ['7/2', 3],
    ['1/0', null],
    ['1<<4', 16],
    ['256>>4', 16],
    ['7%4', null],
    ['2*N', null],
    ['sizeof(int)', null],
    ['1 ? 2 : 3', null],
    ['1.5', null],
    ["'a'", null],
    ['()', null],
    ['1 +', null],
  ]
  for (const [size, want] of rows) {
    const ty = await typeOf(`int a[${size}];`, 'a')
    t.equal(ty.kind === 'array' ? ty.length : 'not an array', want, size)
  }
})

t.test('evalConst on expression nodes', async t => {
  const tree = await parseC('int x = (3);\n')
  const value = tree.rootNode.namedChildren[0]!.childForFieldName('declarator')!.childForFieldName('value')!
  t.equal(evalConst(value), 3)
})

t.test('containsPointer', async t => {
  const int: CType = { kind: 'scalar', text: 'int' }
  const ptr: CType = { kind: 'pointer', to: int, text: 'int *' }
  const rec = (fields: { name: string; type: CType }[]): CType =>
    ({ kind: 'record', tag: 's', union: false, fields: fields.map(f => ({ ...f, bitfield: false })), text: 'struct s' })
  const rows: [string, CType, boolean][] = [
    ['scalar', int, false],
    ['pointer', ptr, true],
    ['array of int', { kind: 'array', of: int, length: 4, text: 'int[4]' }, false],
    ['array of pointers', { kind: 'array', of: ptr, length: 4, text: 'int *[4]' }, true],
    ['record without pointers', rec([{ name: 'a', type: int }]), false],
    ['record with a pointer', rec([{ name: 'a', type: int }, { name: 'p', type: ptr }]), true],
    ['opaque', { kind: 'opaque', text: 'void' }, false],
    ['function', { kind: 'function', text: 'int (void)' }, false],
  ]
  for (const [name, ty, want] of rows) t.equal(containsPointer(ty), want, name)

  // a record that contains itself by value through an array is visited once
  const fields: { name: string; type: CType; bitfield: boolean }[] = []
  const self: CType = { kind: 'record', tag: 'r', union: false, fields, text: 'struct r' }
  fields.push({ name: 'again', type: self, bitfield: false }, { name: 'n', type: int, bitfield: false })
  t.equal(containsPointer(self), false, 'cycles terminate')
})

/** readelf --debug-dump=info, parsed: inlining per out-of-line function and variable types (captures from test/object/captures/pair). */
import { readFileSync } from 'node:fs'
import t from 'tap'
import { parseDwarfInfo } from '../../src/object/dwarf.js'

const read = (f: string) => readFileSync(new URL(`./captures/pair/${f}`, import.meta.url), 'utf8')
const oldD = parseDwarfInfo(read('old.dwarf.txt'))
const newD = parseDwarfInfo(read('new.dwarf.txt'))

t.test('inlining: the static helper is inlined into both callers; a clone is named by its abstract origin', async t => {
  t.same([...newD.inlined.get('caller_a')!], ['helper'])
  t.same([...oldD.inlined.get('caller_b')!], ['helper'])
  t.same([...newD.inlined.get('use')!], [], 'scale stays out of line (noinline)')
  t.ok(newD.inlined.has('scale'), 'scale.constprop.0 is found through DW_AT_abstract_origin')
  t.notOk(newD.inlined.has('helper'), 'helper has no out-of-line copy')
  t.notOk(newD.inlined.has('puts'), 'a declaration is not a function of this object')
})

t.test('variable types: globals and static locals, spelled out; a changed type reads differently', async t => {
  t.equal(newD.varTypes.get('limit'), 'base_type int (4)')
  t.equal(oldD.varTypes.get('n'), 'base_type int (4)')
  t.equal(newD.varTypes.get('n'), 'base_type long int (8)')
  t.match(newD.varTypes.get('table'), /array \[3\]/)
})

const die = (depth: number, off: string, tag: string, attrs: string[] = []) =>
  [` <${depth}><${off}>: Abbrev Number: 1 (${tag})`, ...attrs.map((a, i) => `    <${off}${i}>   ${a}`)]

t.test('nested inlining, struct types by name, pointers, same-named variables of different types', async t => {
  const text = [
    ...die(0, 'b', 'DW_TAG_compile_unit', ['DW_AT_name        : x.c']),
    ...die(1, '10', 'DW_TAG_base_type', ['DW_AT_byte_size   : 4', 'DW_AT_name        : int']),
    ...die(1, '11', 'DW_TAG_structure_type', ['DW_AT_name        : (indirect string, offset: 0x5): point', 'DW_AT_byte_size   : 8']),
    ...die(1, '12', 'DW_TAG_pointer_type', ['DW_AT_byte_size   : 8', 'DW_AT_type        : <0x11>']),
    ...die(1, '13', 'DW_TAG_variable', ['DW_AT_name        : p', 'DW_AT_type        : <0x12>']),
    ...die(1, '14', 'DW_TAG_variable', ['DW_AT_name        : dup', 'DW_AT_type        : <0x10>']),
    ...die(1, '20', 'DW_TAG_subprogram', ['DW_AT_name        : inner', 'DW_AT_inline      : 3']),
    ...die(1, '21', 'DW_TAG_subprogram', ['DW_AT_name        : middle', 'DW_AT_inline      : 3']),
    ...die(1, '30', 'DW_TAG_subprogram', ['DW_AT_name        : outer', 'DW_AT_low_pc      : 0']),
    ...die(2, '31', 'DW_TAG_lexical_block'),
    ...die(3, '32', 'DW_TAG_inlined_subroutine', ['DW_AT_abstract_origin: <0x21>']),
    ...die(4, '33', 'DW_TAG_inlined_subroutine', ['DW_AT_abstract_origin: <0x20>']),
    ' <4><34>: Abbrev Number: 0',
    ...die(2, '35', 'DW_TAG_variable', ['DW_AT_name        : dup', 'DW_AT_type        : <0x12>', 'DW_AT_location    : 9 byte block: 3 0 0 0 0 0 0 0 0 	(DW_OP_addr: 0)']),
    ...die(2, '36', 'DW_TAG_variable', ['DW_AT_name        : local', 'DW_AT_type        : <0x10>', 'DW_AT_location    : 1 byte block: 50 	(DW_OP_reg0 (rax))']),
    ...die(1, '40', 'DW_TAG_subprogram', ['DW_AT_specification: <0x99>', 'DW_AT_low_pc      : 0']),
  ].join('\n')
  const d = parseDwarfInfo(text)
  t.same([...d.inlined.get('outer')!].sort(), ['inner', 'middle'])
  t.equal(d.varTypes.get('p'), '* (8) struct point (8)')
  t.equal(d.varTypes.get('dup'), undefined, 'two variables named dup with different types: no type')
  t.notOk(d.varTypes.has('local'), 'an automatic variable is not data')
  t.same([...d.inlined.keys()], ['outer'], 'a subprogram whose name cannot be found is left out')
})

t.test('layouts: members with offsets and types; declarations left out; two different definitions are ambiguous', async t => {
  t.same(oldD.layouts?.get('struct conf'), ['size 8', 'a@0:base_type int (4)', 'b@4:base_type int (4)'])
  t.same(newD.layouts?.get('struct conf'), ['size 24', 'a@0:base_type int (4)', 'extra@8:base_type long int (8)', 'b@16:base_type int (4)'])
  const text = [
    ...die(0, 'b', 'DW_TAG_compile_unit'),
    ...die(1, '10', 'DW_TAG_base_type', ['DW_AT_byte_size   : 4', 'DW_AT_name        : int']),
    ...die(1, '11', 'DW_TAG_structure_type', ['DW_AT_name        : s', 'DW_AT_byte_size   : 4']),
    ...die(2, '12', 'DW_TAG_member', ['DW_AT_name        : f', 'DW_AT_type        : <0x10>', 'DW_AT_bit_size    : 3', 'DW_AT_data_bit_offset: 5']),
    ...die(2, '13', 'DW_TAG_member', ['DW_AT_type        : <0x10>']),
    ...die(1, '14', 'DW_TAG_structure_type', ['DW_AT_name        : s', 'DW_AT_byte_size   : 8']),
    ...die(1, '15', 'DW_TAG_union_type', ['DW_AT_name        : u', 'DW_AT_byte_size   : 4']),
    ...die(1, '16', 'DW_TAG_union_type', ['DW_AT_name        : u', 'DW_AT_byte_size   : 4']),
    ...die(1, '17', 'DW_TAG_structure_type', ['DW_AT_name        : fwd', 'DW_AT_declaration : 1']),
    ...die(1, '18', 'DW_TAG_structure_type', ['DW_AT_name        : nosize']),
  ].join('\n')
  const d = parseDwarfInfo(text)
  t.equal(d.layouts?.get('struct s'), undefined, 'two definitions of struct s differ')
  t.ok(d.layouts?.has('struct s'))
  t.same(d.layouts?.get('union u'), ['size 4'], 'the same union twice')
  t.notOk(d.layouts?.has('struct fwd'))
  t.same(d.layouts?.get('struct nosize'), ['size ?'])
  const once = parseDwarfInfo(text.split('\n').filter(l => !/<1><14>|<14[01]>/.test(l)).join('\n'))
  t.same(once.layouts?.get('struct s'), ['size 4', 'f@5:3b:base_type int (4)', '(anonymous)@0:base_type int (4)'])
})

import t from 'tap'
import { SLICE_ABOVE, firstSyntaxError, parseC } from '../../src/extract/c-parser.js'

t.test('parseC parses C into a tree-sitter tree', async t => {
  const tree = await parseC('int add(int a, int b) { return a + b; }\n')
  const fn = tree.rootNode.namedChildren[0]!
  t.equal(fn.type, 'function_definition')
  t.equal(fn.childForFieldName('body')?.namedChildren[0]?.type, 'return_statement')
  t.equal(tree.rootNode.hasError, false)
})

t.test('parseC: concurrent callers share one parser', async t => {
  const [a, b] = await Promise.all([parseC('int x;'), parseC('int y;')])
  t.equal(a.rootNode.text, 'int x;')
  t.equal(b.rootNode.text, 'int y;')
})

t.test('firstSyntaxError', async t => {
  const rows: [string, string, { line: number; column: number; text: RegExp } | undefined][] = [
    ['clean code', 'int x;\nint f(void) { return x; }\n', undefined],
    ['stray token in a function', 'int x;\nint f(void) { return x @ 1; }\n', { line: 2, column: 24, text: /^@/ }],
    ['missing parenthesis is named', 'int f(void) { return (1 + 2; }\n', { line: 1, column: 28, text: /^missing \)$/ }],
    ['the first of two errors wins', 'int a = @;\nint ok;\nint f(void) { return 1 @ 2; }\n', { line: 1, column: 9, text: /^@/ }],
  ]
  for (const [name, src, want] of rows) {
    const tree = await parseC(src)
    const got = firstSyntaxError(tree.rootNode)
    if (!want) t.equal(got, undefined, name)
    else t.match(got, want, name)
  }
})

t.test('firstSyntaxError: the offending text is cut to 40 characters', async t => {
  const junk = Array.from({ length: 40 }, (_, i) => i + 1).join(' ')
  const tree = await parseC(`int a = ${junk};\n`)
  const err = firstSyntaxError(tree.rootNode)!
  t.equal(err.text, junk.slice(0, 40))
})

t.test('firstSyntaxError: accept() skips errors it is not interested in', async t => {
  const tree = await parseC('int a = @;\nint ok;\nint f(void) { return 1 @ 2; }\n')
  t.match(firstSyntaxError(tree.rootNode, line => line === 3), { line: 3, column: 24, text: /^@/ })
  t.equal(firstSyntaxError(tree.rootNode, line => line === 2), undefined, 'no error on line 2')
})

t.test('parseC: a big text is parsed in slices with the event loop free; an abort stops it', async t => {
  const text = 'int helper(int x) { return x + 1; }\n'.repeat(20_000)
  t.ok(text.length > SLICE_ABOVE)
  let ticks = 0
  const iv = setInterval(() => ticks++, 1)
  const tree = await parseC(text)
  clearInterval(iv)
  t.equal(tree.rootNode.namedChildCount, 20_000)
  t.equal(tree.rootNode.hasError, false)
  t.ok(ticks > 0, `timers ran during the parse (${ticks})`)
  tree.delete()
  const ac = new AbortController()
  ac.abort(new Error('stop'))
  await t.rejects(parseC(text, ac.signal), { message: 'stop' })
})

import t from 'tap'
import { escapeAttr, escapeText, renderJunit } from '../../src/report/junit.js'
import { renderText } from '../../src/report/text.js'
import type { ProofReport } from '../../src/report/types.js'
import * as f from '../fixtures/reports.js'
import * as sz from '../fixtures/sizes-reports.js'

interface XmlElement {
  readonly name: string
  readonly attrs: Readonly<Record<string, string>>
  text: string
}

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'
const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi
const decode = (s: string): string =>
  s.replace(ENTITY, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!,
  )

/**
 * A deliberately small XML checker for what renderJunit emits: one declaration, one root, balanced tags,
 * quoted attributes, no bare `&` or `<`. Throws on the first problem; returns the elements in document order.
 */
function parseXml(xml: string): XmlElement[] {
  if (!xml.startsWith(DECL)) throw new Error('missing XML declaration')
  const elements: XmlElement[] = []
  const stack: XmlElement[] = []
  let roots = 0
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g
  for (const m of xml.slice(DECL.length).matchAll(token)) {
    const [, close, name, attrText, selfClose, text, stray] = m
    if (stray) throw new Error(`stray < at ${m.index}`)
    if (text !== undefined) {
      if (/&/.test(text.replace(ENTITY, ''))) throw new Error(`bare & in text at ${m.index}`)
      if (stack.length === 0 && text.trim()) throw new Error('text outside the root')
      if (stack.length > 0) stack.at(-1)!.text += decode(text)
      continue
    }
    if (close) {
      const open = stack.pop()
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`)
      continue
    }
    const attrs: Record<string, string> = {}
    for (const a of attrText!.matchAll(/([\w.-]+)="([^"]*)"/g)) {
      if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]}`)
      if (/&/.test(a[2]!.replace(ENTITY, ''))) throw new Error(`bare & in attribute ${a[1]}`)
      attrs[a[1]!] = decode(a[2]!)
    }
    const el: XmlElement = { name: name!, attrs, text: '' }
    elements.push(el)
    if (stack.length === 0) roots++
    if (!selfClose) stack.push(el)
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.at(-1)!.name}>`)
  if (roots !== 1) throw new Error(`${roots} root elements`)
  return elements
}

const named = (els: readonly XmlElement[], name: string): XmlElement[] => els.filter(e => e.name === name)

t.test('the checker itself rejects broken XML', async t => {
  const bad = [
    '<a/>',
    `${DECL}<a><b></a></b>`,
    `${DECL}<a>`,
    `${DECL}<a/><b/>`,
    `${DECL}<a>x & y</a>`,
    `${DECL}<a x="&"/>`,
    `${DECL}<a x="1" x="2"/>`,
    `${DECL}<a>1 < 2</a>`,
    `${DECL}text<a/>`,
  ]
  for (const xml of bad) t.throws(() => parseXml(xml), xml)
  t.same(parseXml(`${DECL}<a x="&lt;&#10;&#x41;"><b/>t&amp;t</a>`), [
    { name: 'a', attrs: { x: '<\nA' }, text: 't&t' },
    { name: 'b', attrs: {}, text: '' },
  ])
})

t.test('snapshot per fixture', async t => {
  for (const [name, r] of Object.entries(f.reports)) t.matchSnapshot(renderJunit(r), name)
})

t.test('well-formed: one suite named klp-verify, one test case', async t => {
  for (const r of Object.values(f.reports)) {
    const els = parseXml(renderJunit(r))
    t.equal(els[0]!.name, 'testsuite', r.verdict)
    t.equal(els[0]!.attrs.name, 'klp-verify')
    t.equal(els[0]!.attrs.tests, '1')
    t.equal(named(els, 'testsuite').length, 1)
    const cases = named(els, 'testcase')
    t.equal(cases.length, 1)
    t.same(cases[0]!.attrs, { classname: 'old.c→new.c', name: 'msg_fill', time: (r.timings.totalMs / 1000).toFixed(3) })
    t.equal(els[0]!.attrs.time, cases[0]!.attrs.time)
  }
})

t.test('outcome per verdict', async t => {
  const rows: [ProofReport, failure: number, error: number, skipped: number][] = [
    [f.equivalent, 0, 0, 0],
    [f.asClaimed, 0, 0, 0],
    [f.unintended, 1, 0, 0],
    [f.claimUnobserved, 1, 0, 0],
    [f.inconclusiveUnwinding, 0, 0, 1],
    [f.inconclusiveTypeChanged, 0, 0, 1],
    [f.error, 0, 1, 0],
  ]
  for (const [r, failures, errors, skipped] of rows) {
    const els = parseXml(renderJunit(r))
    t.same(
      [named(els, 'failure').length, named(els, 'error').length, named(els, 'skipped').length],
      [failures, errors, skipped],
      r.verdict,
    )
    t.same(
      [els[0]!.attrs.failures, els[0]!.attrs.errors, els[0]!.attrs.skipped],
      [String(failures), String(errors), String(skipped)],
    )
  }
})

t.test('a failure carries the headline and the text report', async t => {
  const els = parseXml(renderJunit(f.unintended))
  const [failure] = named(els, 'failure')
  t.same(failure!.attrs, {
    message: 'UNINTENDED  msg_fill(): the patch changes behavior outside its claims',
    type: 'unintended',
  })
  t.equal(failure!.text, renderText(f.unintended), 'the body decodes back to the plain text report')
  t.equal(named(parseXml(renderJunit(f.claimUnobserved)), 'failure')[0]!.attrs.type, 'claim-unobserved')
})

t.test('inconclusive is skipped with its reason', async t => {
  const els = parseXml(renderJunit(f.inconclusiveUnwinding))
  t.same(named(els, 'skipped')[0]!.attrs, { message: 'inconclusive: unwinding-bound' })
  t.equal(named(els, 'system-out')[0]!.text, renderText(f.inconclusiveUnwinding))
  t.equal(
    named(parseXml(renderJunit(f.inconclusiveTypeChanged)), 'skipped')[0]!.attrs.message,
    'inconclusive: type-changed',
  )
  const noReason = parseXml(renderJunit({ ...f.inconclusiveUnwinding, reason: undefined }))
  t.equal(named(noReason, 'skipped')[0]!.attrs.message, 'inconclusive: unknown')
})

t.test('error carries the first error', async t => {
  const [error] = named(parseXml(renderJunit(f.error)), 'error')
  t.equal(error!.attrs.message, "cbmc failed on the harness (exit 6): new.c:14: conflicting types for 'msg_fill'")
  t.equal(error!.text, renderText(f.error))
  const [bare] = named(parseXml(renderJunit({ ...f.error, errors: [] })), 'error')
  t.equal(bare!.attrs.message, 'msg_fill(): the proof could not be run', 'headline when errors[] is empty')
})

t.test('passing verdicts keep the report in system-out', async t => {
  const els = parseXml(renderJunit(f.asClaimed))
  t.equal(named(els, 'system-out')[0]!.text, renderText(f.asClaimed))
})

t.test('suite properties', async t => {
  const props = named(parseXml(renderJunit(f.unintended)), 'property').map(p => [p.attrs.name, p.attrs.value])
  t.same(props, [
    ['verdict', 'unintended'],
    ['exit-code', '1'],
    ['klp-verify', '0.1.0'],
    ['cbmc', '6.6.0 (cbmc-6.6.0)'],
    ['solver', 'CaDiCaL (external, --external-sat-solver)'],
  ])
})

t.test('escaping', async t => {
  t.equal(escapeAttr(`a&b<c>"d"'e'\tf\ng\rh`), 'a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;&#9;f&#10;g&#13;h')
  t.equal(escapeText(`a&b<c>"d"\n`), 'a&amp;b&lt;c&gt;"d"\n')
  t.equal(escapeText('bell\x07 esc\x1b[31m nul\x00 tab\t'), 'bell\uFFFD esc\uFFFD[31m nul\uFFFD tab\t', 'control characters')
  t.equal(escapeText('lone \uD800 and \uDC00; pair \uD83D\uDE00'), 'lone \uFFFD and \uFFFD; pair \uD83D\uDE00')
  t.equal(escapeAttr('\uFFFE\uFFFF'), '\uFFFD\uFFFD')
  const r: ProofReport = {
    ...f.unintended,
    function: 'f<T>',
    old: 'a&b "old".c',
    new: "it's\nnew.c",
    differences: [{ ...f.unintended.differences[0]!, detail: 'x\x01y ]]> <![CDATA[' }],
  }
  const els = parseXml(renderJunit(r))
  const [testcase] = named(els, 'testcase')
  t.same(testcase!.attrs, { classname: 'a&b "old".c→it\'s\nnew.c', name: 'f<T>', time: '3.650' })
  t.match(named(els, 'failure')[0]!.text, 'x\uFFFDy ]]> <![CDATA[')
})

t.test('a verdict reached at a smaller buffer bound: skipped unless --min-size accepts it', async t => {
  t.match(renderJunit(sz.reducedBound), /<skipped message="inconclusive: reduced-bound"\/>/)
  const ok = renderJunit(sz.reducedAccepted)
  t.notMatch(ok, /<skipped|<failure|<error/)
  t.match(ok, 'EQUIVALENT  ucs2_strnlen(): old and new behave the same for buffers of up to 16 elements', 'the body states the bound')
})

/**
 * JUnit XML for CI: one suite, one test case per proof. `unintended` and `claim-unobserved` fail,
 * `error` errors, `inconclusive` is skipped with its reason; the text report is the body.
 */
import { formatSeconds } from './format.js'
import { summarize } from './summary.js'
import { renderText } from './text.js'
import type { ProofReport } from './types.js'

/** Characters XML 1.0 does not allow at all (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
}

/** Escape for an attribute value: whitespace is kept as character references so parsers do not normalise it. */
export const escapeAttr = (s: string): string => s.replace(INVALID_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, c => ENTITIES[c]!)

/** Escape for element text. */
export const escapeText = (s: string): string => s.replace(INVALID_XML, '\uFFFD').replace(/[&<>]/g, c => ENTITIES[c]!)

const attrs = (a: Readonly<Record<string, string | number>>): string =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('')

export function renderJunit(r: ProofReport): string {
  const s = summarize(r)
  const time = formatSeconds(r.timings.totalMs)
  const text = renderText(r)
  let result: string
  switch (s.outcome) {
    case 'fail':
      result = `    <failure${attrs({ message: `${s.label}  ${s.headline}`, type: r.verdict })}>${escapeText(text)}</failure>\n`
      break
    case 'error':
      result = `    <error${attrs({ message: r.errors[0] ?? s.headline, type: r.verdict })}>${escapeText(text)}</error>\n`
      break
    case 'skip':
      result =
        `    <skipped${attrs({ message: `inconclusive: ${r.reason ?? 'unknown'}` })}/>\n` +
        `    <system-out>${escapeText(text)}</system-out>\n`
      break
    case 'pass':
      result = `    <system-out>${escapeText(text)}</system-out>\n`
  }
  const properties = {
    verdict: r.verdict,
    'exit-code': r.exitCode,
    'klp-verify': r.tool.version,
    cbmc: r.cbmc.version,
    solver: r.cbmc.solver,
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuite${attrs({
      name: 'klp-verify',
      tests: 1,
      failures: s.outcome === 'fail' ? 1 : 0,
      errors: s.outcome === 'error' ? 1 : 0,
      skipped: s.outcome === 'skip' ? 1 : 0,
      time,
    })}>\n` +
    '  <properties>\n' +
    Object.entries(properties)
      .map(([name, value]) => `    <property${attrs({ name, value })}/>\n`)
      .join('') +
    '  </properties>\n' +
    `  <testcase${attrs({ classname: `${r.old}→${r.new}`, name: r.function, time })}>\n` +
    result +
    '  </testcase>\n' +
    '</testsuite>\n'
  )
}

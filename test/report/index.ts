import t from 'tap'
import * as report from '../../src/report/index.js'
import { renderReport, reporters, type ReportFormat } from '../../src/report/index.js'
import { renderJson } from '../../src/report/json.js'
import { renderJunit } from '../../src/report/junit.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { renderText } from '../../src/report/text.js'
import * as f from '../fixtures/reports.js'

const FORMATS: readonly ReportFormat[] = ['text', 'json', 'junit', 'markdown']

t.test('one reporter per format, named after its key', async t => {
  t.same(Object.keys(reporters).sort(), [...FORMATS].sort())
  for (const format of FORMATS) t.equal(reporters[format].format, format)
})

t.test('reporters delegate to the renderers', async t => {
  const r = f.unintended
  t.equal(reporters.text.render(r), renderText(r))
  t.equal(reporters.json.render(r), renderJson(r))
  t.equal(reporters.junit.render(r), renderJunit(r))
  t.equal(reporters.markdown.render(r), renderMarkdown(r))
})

t.test('renderReport', async t => {
  for (const format of FORMATS) t.equal(renderReport(format, f.asClaimed), reporters[format].render(f.asClaimed), format)
  for (const format of FORMATS.filter(x => x !== 'text')) {
    t.equal(renderReport(format, f.asClaimed, { color: true }), renderReport(format, f.asClaimed), `${format}: colour ignored`)
  }
  t.equal(renderReport('text', f.asClaimed, { color: true }), renderText(f.asClaimed, { color: true }))
  t.ok(renderReport('text', f.asClaimed, { color: true }).includes('\x1b['), 'text honours color')
})

t.test('re-exports', async t => {
  t.equal(report.SCHEMA_VERSION, 1)
  t.equal(typeof report.summarize, 'function')
  t.equal(report.renderText, renderText)
  t.equal(report.renderJson, renderJson)
  t.equal(report.renderJunit, renderJunit)
  t.equal(report.renderMarkdown, renderMarkdown)
})

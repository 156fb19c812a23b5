// tap coverage map: test/x/y.ts covers src/x/y.ts; integration tests cover nothing on their own.
export default f =>
  f.startsWith('test/integration/') || f.startsWith('test/fixtures/') ? null : f.replace(/^test\//, 'src/')

/** klp-verify's own version (kept in step with package.json by test/version.ts). */
export const TOOL_VERSION = '0.1.0'

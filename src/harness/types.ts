/** Boundary types of the harness stage. */
import type { HarnessDescriptor } from '../model/types.js'

export interface HarnessFile {
  readonly name: string
  readonly text: string
}

export interface Harness extends HarnessDescriptor {
  readonly files: readonly HarnessFile[]
}

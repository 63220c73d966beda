import * as z from 'zod/mini'
import type { Role, Service } from '~types/roles'
import { FUNCTIONS } from '../cloudfunctions/shared/functions'

export interface CatalogEntry {
  function: string
  action: string
  roles: readonly Role[]
  /** Staff of this service only (absent: staff of any service, scoped per record). */
  service?: Service
  writes: boolean
  summary: string
  input: unknown
}

/** Every action of every function, with the JSON Schema of its input — what generic tests and tools walk. */
export function buildCatalog(): CatalogEntry[] {
  return Object.values(FUNCTIONS).flatMap((mod) =>
    Object.entries(mod.actions).map(([action, { spec }]) => ({
      function: mod.name,
      action,
      roles: spec.roles,
      ...(spec.service ? { service: spec.service } : {}),
      writes: spec.writes,
      summary: spec.summary,
      input: z.toJSONSchema(spec.input, { unrepresentable: 'any', io: 'input' }),
    })),
  )
}

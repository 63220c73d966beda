import { Db } from '@cloudbase/database'
import { EmbeddedEngine } from './engine'

/** The key under which `app.database({ [ENGINE_CONFIG_KEY]: engine })` hands the engine to each request. */
export const ENGINE_CONFIG_KEY = 'embeddedEngine'

type Requester = new (config: Record<string, unknown>) => { send(action: string, params?: unknown, opts?: unknown): Promise<unknown> }

let network: Requester | undefined

/**
 * The SDK's request class for databases opened on an engine. Every query, document, aggregate and transaction
 * object does `new Db.reqClass(db.config).send(action, params)`; the engine travels in that config, so two open
 * databases in one process never share one. A database opened without an engine goes to the network requester.
 */
class EmbeddedRequester {
  constructor(private readonly config: Record<string, unknown>) {}

  send(action: string, params?: unknown, opts?: unknown): Promise<unknown> {
    const engine = this.config[ENGINE_CONFIG_KEY]
    if (engine instanceof EmbeddedEngine) return engine.handle(action, params as Parameters<EmbeddedEngine['handle']>[1])
    if (!network) throw new Error('no network requester: call app.database() from @cloudbase/node-sdk first')
    return new network(this.config).send(action, params, opts)
  }
}

/**
 * Installs the requester on the SDK's `Db` (the module instance node-sdk uses). node-sdk assigns `Db.reqClass`
 * afresh on every `app.database()` call, so a plain assignment would be undone by the next database opened
 * anywhere in the process; instead the property is pinned to EmbeddedRequester and what node-sdk assigns is kept
 * as the network fallback. Idempotent.
 */
export function installRequester(): void {
  const descriptor = Object.getOwnPropertyDescriptor(Db, 'reqClass')
  if (descriptor?.get?.() === EmbeddedRequester) return
  network = descriptor?.value as Requester | undefined
  Object.defineProperty(Db, 'reqClass', {
    configurable: true,
    get: () => EmbeddedRequester,
    set: (cls: Requester) => {
      if (cls !== (EmbeddedRequester as unknown)) network = cls
    },
  })
}

import type { IndexFile } from './index-spec'

/** The part of `@cloudbase/manager-node`'s `manager.database` this needs, typed by shape so it stays a deploy-time dependency. */
export interface DatabaseManager {
  createCollectionIfNotExists(name: string): Promise<unknown>
  checkIndexExists(collectionName: string, indexName: string): Promise<{ Exists: boolean }>
  updateCollection(
    name: string,
    options: {
      CreateIndexes: {
        IndexName: string
        MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean }
      }[]
    },
  ): Promise<unknown>
}

type CreateIndexes = Parameters<DatabaseManager['updateCollection']>[1]['CreateIndexes']

/** The CloudBase request for one collection's indexes. Directions go as strings: "1", "-1", "2dsphere". */
export function toCreateIndexes(specs: IndexFile['collections'][string]): CreateIndexes {
  return specs.map((spec) => {
    // manager-node's MgoKeySchema has no sparse flag: a sparse index would silently deploy as a dense one.
    if (spec.sparse) throw new Error(`index ${spec.name}: CloudBase's index API cannot declare sparse indexes`)
    return {
    IndexName: spec.name,
    MgoKeySchema: {
      MgoIndexKeys: spec.keys.map(([Name, direction]) => ({ Name, Direction: String(direction) })),
      MgoIsUnique: spec.unique ?? false,
    },
    }
  })
}

/**
 * Creates every collection in the file (CloudBase refuses writes to a collection that does not exist; locally the
 * engine creates them on demand) and the indexes it does not have yet, by name. Call it with manager-node's
 * `new CloudBase({ … }).database`. An index whose definition changed keeps its old definition: drop it first
 * (DropIndexes) — silently replacing a unique index on live data is not a deploy step.
 */
export async function applyIndexes(database: DatabaseManager, file: IndexFile): Promise<void> {
  for (const [name, specs] of Object.entries(file.collections)) {
    await database.createCollectionIfNotExists(name)
    const missing = []
    for (const spec of specs) if (!(await database.checkIndexExists(name, spec.name)).Exists) missing.push(spec)
    if (missing.length > 0) await database.updateCollection(name, { CreateIndexes: toCreateIndexes(missing) })
  }
}

import declared from './indexes.json'
import { applyIndexes, toCreateIndexes, type DatabaseManager } from './apply-indexes'
import { parseIndexFile } from './index-spec'

/**
 * CloudBase's management API cannot be reached offline; this records what a deploy would ask of it, against
 * manager-node's own method names and shapes (typed by DatabaseManager).
 */
function recordingManager(existing: Record<string, string[]>) {
  const calls: string[] = []
  const manager: DatabaseManager = {
    async createCollectionIfNotExists(name) {
      calls.push(`create ${name}`)
    },
    async checkIndexExists(coll, index) {
      return { Exists: (existing[coll] ?? []).includes(index) }
    },
    async updateCollection(name, { CreateIndexes }) {
      calls.push(`index ${name}: ${CreateIndexes.map((c) => `${c.IndexName}(${c.MgoKeySchema.MgoIndexKeys.map((k) => `${k.Name}:${k.Direction}`).join(',')}${c.MgoKeySchema.MgoIsUnique ? ',unique' : ''})`).join(' ')}`)
    },
  }
  return { manager, calls }
}

test('a deploy creates every declared collection and only the missing indexes', async () => {
  const { manager, calls } = recordingManager({ users: ['openid_unique'] })
  await applyIndexes(manager, parseIndexFile(declared))
  expect(calls).toContain('create users')
  expect(calls).toContain('create id_claims')
  expect(calls).toContain('create idempotency')
  expect(calls.some((c) => c.startsWith('index users'))).toBe(false)
  expect(calls).toContain('index messages: openid_createdAt(openid:1,createdAt:-1)')
  expect(calls).toContain('index stations: location_geo(location:2dsphere) district_name(district:1,name:1)')
})

test('a sparse index is refused rather than deployed dense', () => {
  expect(() => toCreateIndexes([{ name: 's', keys: [['f', 1]], unique: true, sparse: true }])).toThrow(/sparse/)
})

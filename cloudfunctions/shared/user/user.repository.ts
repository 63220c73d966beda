import type { Database } from '../core/context'
import { USERS, type UserDoc } from './user.doc'

export async function findUserByOpenid(db: Database, openid: string): Promise<UserDoc | null> {
  const { data } = await db.collection(USERS).where({ openid }).limit(1).get()
  return (data[0] as UserDoc | undefined) ?? null
}

export async function findUserById(db: Database, id: string): Promise<UserDoc | null> {
  const { data } = await db.collection(USERS).doc(id).get()
  return (data[0] as UserDoc | undefined) ?? null
}


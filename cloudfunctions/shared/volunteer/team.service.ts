import type { TeamView, TeamsView } from '~types/volunteer-task.schema'
import { AUDIT } from '../audit/audit'
import { AppError, invalidField } from '../core/app-error'
import type { Runtime, Transaction } from '../core/context'
import { districtsOf } from '../core/scope'
import { inTransaction } from '../db/transaction'
import { isDuplicateKeyError } from '../db/duplicate-key'
import type { UserDoc } from '../user/user.doc'
import { accountIn, accountOf, updateAccount } from './ledger'
import { TEAMS, teamIdOf, type TeamDoc } from './team.doc'

/** Teams a district's list shows: 盐城 ran 34; a page holds far more than a district forms. */
const TEAM_LIST = 100

const teamView = (t: TeamDoc, myTeamId: string | null): TeamView => ({
  id: t._id, district: t.district, name: t.name, members: t.members, minutesConfirmed: t.minutesConfirmed, points: t.points, mine: t._id === myTeamId,
})

/** A district's teams, most points first (the caller's own district by default), and the caller's team. */
export async function teamsOf(rt: Runtime, user: UserDoc, district?: string): Promise<TeamsView> {
  const where = district ?? user.profile!.districtCode
  const [{ data }, account] = await Promise.all([
    rt.db.collection(TEAMS).where({ district: where }).orderBy('points', 'desc').limit(TEAM_LIST).get(),
    accountOf(rt.db, user._id),
  ])
  const myTeamId = account?.teamId ?? null
  return {
    district: where,
    teams: (data as TeamDoc[]).map((t) => teamView(t, myTeamId)),
    myTeam: myTeamId ? { id: myTeamId, name: account?.teamName ?? '' } : null,
  }
}

/** Staff form a team in one of their districts; its name is unique there (the id is derived from it). Audited. */
export async function createTeam(rt: Runtime, user: UserDoc, district: string, name: string): Promise<TeamView> {
  if (!districtsOf(user, 'volunteer').includes(district)) throw invalidField('district', '您只能在自己负责志愿服务的区县建队')
  const now = rt.now()
  const id = teamIdOf(district, name)
  const doc: Omit<TeamDoc, '_id'> = { service: 'volunteer', district, name, members: 0, minutesConfirmed: 0, points: 0, createdBy: user._id, createdAt: now, updatedAt: now }
  try {
    await inTransaction(rt.db, async (tx: Transaction) => {
      const { data } = await tx.collection(TEAMS).doc(id).get()
      if (data) throw invalidField('name', `本区县已经有“${name}”了，换个名字吧`)
      await tx.collection(TEAMS).add({ _id: id, ...doc })
      await tx.collection(AUDIT).add({ actorId: user._id, actorRole: 'staff', action: 'volunteer.createTeam', targetType: 'volunteerTeam', targetId: id, to: { district, name }, at: now })
    })
  } catch (e) {
    if (isDuplicateKeyError(e)) throw invalidField('name', `本区县已经有“${name}”了，换个名字吧`)
    throw e
  }
  return teamView({ _id: id, ...doc }, null)
}

/**
 * A worker joins one team of their own district: the account names it and the team counts one more member, in one
 * transaction. In a team already → refused (leave first), so `members` is always the number of accounts naming it.
 */
export async function joinTeam(rt: Runtime, user: UserDoc, teamId: string): Promise<TeamsView> {
  await inTransaction(rt.db, async (tx: Transaction) => {
    const now = rt.now()
    const { data } = await tx.collection(TEAMS).doc(teamId).get()
    const team = data as TeamDoc | null
    if (!team) throw new AppError('NOT_FOUND', '没有找到这支队伍')
    const account = await accountIn(tx, user._id, now)
    if (team.district !== user.profile!.districtCode) throw new AppError('FORBIDDEN', '只能加入您所在区县的队伍')
    if (account.teamId === teamId) return
    if (account.teamId) throw new AppError('CONFLICT', `您已经在“${account.teamName ?? ''}”了，一个人只能加入一支队伍，先退出再加入`)
    await updateAccount(tx, account, { fields: { teamId, teamName: team.name } }, now)
    await tx.collection(TEAMS).doc(teamId).update({ members: team.members + 1, updatedAt: now })
  })
  return teamsOf(rt, user)
}

/** Leave the team: what was served in it stays in its totals. */
export async function leaveTeam(rt: Runtime, user: UserDoc): Promise<TeamsView> {
  await inTransaction(rt.db, async (tx: Transaction) => {
    const now = rt.now()
    const account = await accountIn(tx, user._id, now)
    if (!account.teamId) throw new AppError('CONFLICT', '您还没有加入队伍')
    const { data } = await tx.collection(TEAMS).doc(account.teamId).get()
    const team = data as TeamDoc | null
    await updateAccount(tx, account, { fields: { teamId: null, teamName: null } }, now)
    if (team) await tx.collection(TEAMS).doc(team._id).update({ members: Math.max(0, team.members - 1), updatedAt: now })
  })
  return teamsOf(rt, user)
}

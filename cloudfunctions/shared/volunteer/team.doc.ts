import { createHash } from 'node:crypto'

export const TEAMS = 'volunteer_teams'

/**
 * A team of a district (盐城's 34 「盐小哥」 teams). A worker is in at most one, named on their account; `members` and
 * the totals change only inside the transaction that changes an account's team or confirms a member's hours.
 */
export interface TeamDoc {
  _id: string
  service: 'volunteer'
  district: string
  name: string
  members: number
  /** Confirmed task hours and points of members while they were in the team. */
  minutesConfirmed: number
  points: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** One name per district: the id is derived from both, so the database refuses a second team of that name. */
export const teamIdOf = (district: string, name: string) => `team-${district}-${createHash('sha256').update(name.normalize('NFKC')).digest('hex').slice(0, 16)}`

import { action } from './contract'
import {
  AcceptPrivacyInput,
  Empty,
  FindUsersInput,
  GrantStaffInput,
  ProfileInput,
  RevokeStaffInput,
  type StaffCandidate,
  type UserView,
} from './user.schema'
import { ListMessagesInput, MarkReadInput, type MessageView } from './inbox.schema'

/** The `user` cloud function: sign-in, profile, inbox and staff roles. */
export const userContract = {
  login: action<UserView>()({
    input: Empty,
    roles: ['worker'],
    writes: true,
    createsUser: true,
    beforeProfile: true,
    summary: 'Sign in with the platform identity; the first call creates the user and a welcome message.',
  }),
  getProfile: action<UserView>()({
    input: Empty,
    roles: ['worker'],
    writes: false,
    beforeProfile: true,
    summary: "The caller's own user record, ID number masked.",
  }),
  saveProfile: action<UserView>()({
    input: ProfileInput,
    roles: ['worker'],
    writes: true,
    replay: { read: 'getProfile' },
    beforeProfile: true,
    summary: 'Create or correct the profile and record the privacy consents.',
  }),
  acceptPrivacy: action<UserView>()({
    input: AcceptPrivacyInput,
    roles: ['worker'],
    writes: true,
    beforeProfile: true,
    replay: { read: 'getProfile' },
    summary: 'Agree again to a changed privacy guide; the earlier consents stay on record.',
  }),
  listMessages: action<{ items: MessageView[]; unread: number }>()({
    input: ListMessagesInput,
    roles: ['worker'],
    writes: false,
    summary: "The caller's inbox, newest first, 20 at a time.",
  }),
  markMessageRead: action<{ unread: number }>()({
    input: MarkReadInput,
    roles: ['worker'],
    writes: true,
    summary: 'Mark one of the caller’s messages as read.',
  }),
  markAllRead: action<{ unread: number }>()({
    input: Empty,
    roles: ['worker'],
    writes: true,
    summary: 'Mark every message of the caller as read (全部标为已读).',
  }),
  findUsers: action<StaffCandidate[]>()({
    input: FindUsersInput,
    roles: ['admin'],
    writes: false,
    summary: 'Find users by name or mobile to grant a staff role.',
  }),
  listStaff: action<StaffCandidate[]>()({
    input: Empty,
    roles: ['admin'],
    writes: false,
    summary: 'Everyone who holds a staff role, with their districts and services.',
  }),
  grantStaff: action<StaffCandidate>()({
    input: GrantStaffInput,
    roles: ['admin'],
    writes: true,
    summary: 'Grant (or change) a staff role for one district and its services; audited.',
  }),
  revokeStaff: action<StaffCandidate>()({
    input: RevokeStaffInput,
    roles: ['admin'],
    writes: true,
    summary: 'Revoke a staff role for one district; audited.',
  }),
}

export type UserContract = typeof userContract

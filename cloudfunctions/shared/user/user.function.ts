import { userContract } from '~types/user.contract'
import { defineFunction, recordsReplay } from '../core/define-function'
import { purgeIdempotencyKeys } from '../core/idempotency'
import { listMessages, markAllRead, markRead } from '../inbox/inbox.service'
import { findUsers, grantStaff, listStaff, revokeStaff } from './staff.service'
import { acceptPrivacy, login, saveProfile } from './user.service'
import { toUserView } from './user.view'

/** The `user` cloud function: each handler reads like a table of contents. */
export const userFunction = defineFunction(
  'user',
  userContract,
  {
    login: (_, { runtime, openid, user }) => login(runtime, openid, user),
    getProfile: async (_, { user }) => toUserView(user),
    saveProfile: recordsReplay((input, { runtime, user, replay }) => saveProfile(runtime, user, input, replay)),
    acceptPrivacy: recordsReplay((input, { runtime, user, replay }) => acceptPrivacy(runtime, user, input, replay)),
    listMessages: (input, { runtime, openid }) => listMessages(runtime.db, openid, input.before),
    markMessageRead: (input, { runtime, openid }) => markRead(runtime.db, openid, input.id, runtime.now()),
    markAllRead: (_, { runtime, openid }) => markAllRead(runtime.db, openid, runtime.now()),
    findUsers: (input, { runtime }) => findUsers(runtime, input.query),
    listStaff: (_, { runtime }) => listStaff(runtime),
    grantStaff: recordsReplay((input, { runtime, user, replay }) => grantStaff(runtime, user, input, replay)),
    revokeStaff: recordsReplay((input, { runtime, user, replay }) => revokeStaff(runtime, user, input, replay)),
  },
  (rt) => purgeIdempotencyKeys(rt.db, rt.now()),
)

// Deployable function `user`: sign-in, profile, inbox, staff roles. All logic lives in ../shared.
import { createCloudMain } from '../shared/platform/cloud-main'
import { userFunction } from '../shared/user/user.function'

export const main = createCloudMain(userFunction)

// Deployable function `application`: submissions, 我的申请, the workbench, and the hourly expiry timer.
import { createCloudMain } from '../shared/platform/cloud-main'
import { applicationFunction } from '../shared/workflow/application.function'

export const main = createCloudMain(applicationFunction)

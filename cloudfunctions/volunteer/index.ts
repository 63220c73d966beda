// Deployable function `volunteer`: 志愿服务积分 — reports, tasks and hours, the points ledger, the mall, the record certificate.
import { createCloudMain } from '../shared/platform/cloud-main'
import { volunteerFunction } from '../shared/volunteer/volunteer.function'

export const main = createCloudMain(volunteerFunction)

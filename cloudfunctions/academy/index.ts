// Deployable function `academy`: 江海新才学院 — catalogue, enrolment and seats, 我的学习, certificates, subsidies.
import { academyFunction } from '../shared/academy/academy.function'
import { createCloudMain } from '../shared/platform/cloud-main'

export const main = createCloudMain(academyFunction)

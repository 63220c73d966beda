// Deployable function `insurance`: 职业伤害保障 — schemes, "am I covered?" (enrolment, policies and claims to follow).
import { insuranceFunction } from '../shared/insurance/insurance.function'
import { createCloudMain } from '../shared/platform/cloud-main'

export const main = createCloudMain(insuranceFunction)

// Deployable function `legalAid`: a worker files a legal-aid request.
import { legalAidFunction } from '../shared/legal-aid/legal-aid.function'
import { createCloudMain } from '../shared/platform/cloud-main'

export const main = createCloudMain(legalAidFunction)

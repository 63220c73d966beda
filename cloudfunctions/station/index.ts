// Deployable function `station`: 暖心驿站 — nearby search, a station's card, staff upkeep.
import { createCloudMain } from '../shared/platform/cloud-main'
import { stationFunction } from '../shared/station/station.function'

export const main = createCloudMain(stationFunction)

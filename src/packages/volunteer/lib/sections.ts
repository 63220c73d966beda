import { routes } from '../../../routes'

/**
 * What the volunteer home offers, in the order a rider needs it: report first (seconds at a red light), then
 * tasks, the mall, the ledger. Each part adds its entry here when its page exists — never a button to nowhere.
 */
export interface Section {
  key: string
  title: string
  blurb: string
  url: string
  /** Only staff of the volunteer service see it. */
  staff?: boolean
}

export const SECTIONS: Section[] = []
// routes is imported for the entries each part adds.
void routes

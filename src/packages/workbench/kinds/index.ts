import type { FC } from 'react'
import type { ApplicationKind, ReviewView } from '~types/application.schema'
import { legalAidReview } from './legal-aid'

/** A field of an approval form: its value and error, and an onChange that clears the error (spread onto TextField). */
export type BindField = (field: string, value: string, set: (v: string) => void) => { value: string; error?: string; onChange: (v: string) => void }

/** How the workbench shows and decides one kind. */
export interface ReviewKind {
  /** What the applicant filed, as the reviewer reads it. */
  RequestFields: FC<{ view: ReviewView }>
  /** An approval's details, read back. */
  DecisionFields: FC<{ details: Record<string, unknown> }>
  /** The kind's fields of the approval form; names are `details.<field>` as the server's errors name them. */
  ApproveFields: FC<{ values: Record<string, string>; set: (patch: Record<string, string>) => void; bind: BindField }>
  /** An empty approval form. */
  emptyApproval: () => Record<string, string>
}

/** The workbench's registry: the compiler asks for every kind. */
export const REVIEW_KINDS: Record<ApplicationKind, ReviewKind> = {
  legalAid: legalAidReview,
}

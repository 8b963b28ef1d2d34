"use server"

import type { ConstitutionAnswers, ConstitutionResult, Sex } from "@health/core"
import { revalidatePath } from "next/cache"
import { constitution } from "./backends"
import { memberActionError } from "./member-action-error"
import { readToken } from "./session"

export type AssessOutcome = { result: ConstitutionResult } | { error: string }

/**
 * Scores an answer sheet: for a signed-in member the result is saved in their archive
 * (the answer carries its id); for a visitor it is only computed and returned.
 */
export async function assessConstitution(sheet: {
  sex: Sex
  answers: ConstitutionAnswers
  /** The question bank version answered (the result is scored with it). */
  questionnaireVersion?: number | null
}): Promise<AssessOutcome> {
  const token = await readToken()
  try {
    const result = await constitution.assess(sheet, token)
    if (result.saved) revalidatePath("/account/health", "layout")
    return { result }
  } catch (error) {
    return memberActionError(error, "constitution assessment")
  }
}

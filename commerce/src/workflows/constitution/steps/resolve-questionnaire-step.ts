import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONSTITUTION_MODULE } from "../../../modules/constitution"
import type ConstitutionModuleService from "../../../modules/constitution/service"
import type { QuestionnaireVersionView } from "../../../modules/constitution/types"

export type ResolveQuestionnaireStepInput = { questionnaire_version?: number | null }

/**
 * The version a new assessment is scored with: always the current one. A sheet answered in
 * an earlier version is refused with 409 rather than scored with it, so a published new
 * version really applies to every assessment from then on (the storefront reloads the
 * questions); a version that never existed is a 400. No version given (older clients) means
 * the current one: its answer keys are checked item by item anyway.
 */
export const resolveQuestionnaireStep = createStep(
  "resolve-constitution-questionnaire",
  async ({ questionnaire_version }: ResolveQuestionnaireStepInput, { container }) => {
    const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
    const current = await constitution.currentQuestionnaire()
    const asked = questionnaire_version ?? null
    if (asked !== null && asked !== current.version) {
      const known = asked < current.version && (await constitution.questionnaireVersion(asked))
      if (!known) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `没有第 ${asked} 版体质问卷，请刷新页面后重新作答`
        )
      }
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `体质问卷已更新为第 ${current.version} 版（您作答的是第 ${asked} 版），请刷新页面，按新版题目重新作答`
      )
    }
    return new StepResponse<QuestionnaireVersionView>(current)
  }
)

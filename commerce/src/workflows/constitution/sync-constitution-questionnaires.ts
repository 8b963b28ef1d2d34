import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { readQuestionnairesFromCms } from "../../lib/cms/questionnaire-source"
import { CONSTITUTION_MODULE } from "../../modules/constitution"
import type ConstitutionModuleService from "../../modules/constitution/service"

/**
 * Reads the CMS's published question bank versions and keeps the new ones. Stored versions
 * are never rewritten, so there is nothing to compensate; when the CMS does not answer the
 * step fails before touching anything and assessments go on with the current version.
 */
const syncQuestionnairesStep = createStep(
  "sync-constitution-questionnaires",
  async (_input: Record<string, never>, { container }) => {
    const versions = await readQuestionnairesFromCms()
    const outcome = await container
      .resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
      .storeQuestionnaireVersions(versions)
    return new StepResponse(outcome)
  }
)

/** The CMS published a question bank version (or the periodic sync). */
export const syncConstitutionQuestionnairesWorkflow = createWorkflow(
  "sync-constitution-questionnaires",
  (input: Record<string, never>) => new WorkflowResponse(syncQuestionnairesStep(input))
)

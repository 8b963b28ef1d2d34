import {
  questionnaireFromCms,
  type CmsQuestionnaire,
} from "../../modules/constitution/rules/questionnaire-from-cms"
import { readCmsCollection } from "./cms-collection"

export const QUESTIONNAIRES_UNAVAILABLE_MESSAGE = "体质问卷暂时无法从内容平台读取，请稍后再试"

/**
 * Every published question bank version with its items, page by page, straight from the
 * CMS (no cache: this feeds the stored copies). Throws `cmsUnavailable` when the CMS does
 * not answer, so a failed sync changes nothing.
 */
export async function readQuestionnairesFromCms(): Promise<CmsQuestionnaire[]> {
  const rows = await readCmsCollection(
    "questionnaire-versions",
    "populate[items]=true&sort=number:asc",
    { unavailableMessage: QUESTIONNAIRES_UNAVAILABLE_MESSAGE }
  )
  return rows.flatMap((raw) => questionnaireFromCms(raw) ?? [])
}

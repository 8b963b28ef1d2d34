import { questionnaireProblems } from "@health/contracts"
import type { Core } from "@strapi/strapi"
import { errors } from "@strapi/utils"

export const QUESTIONNAIRE_VERSION = "api::questionnaire-version.questionnaire-version"

type VersionRow = { documentId: string; number?: number | null; items?: unknown[] | null }
type Params = { documentId?: string; status?: string; data?: Partial<VersionRow> }

export const publishedVersionFrozen = (number: number | null | undefined) =>
  `第 ${number ?? "?"} 版体质问卷已发布，不能再修改：已有测评按它计分。如需调整题目，请新建一个版本（可复制本版本，改用更大的版本号）后发布`
export const PUBLISHED_VERSION_KEPT =
  "已发布的体质问卷版本不能撤回或删除：已有测评按它计分。如需停用，请发布一个新版本"

const WRITES = new Set(["create", "update", "publish", "unpublish", "delete"])

/**
 * A published question bank version is what assessments were scored with: it is never
 * changed in place, withdrawn or deleted (commerce keeps the copy it scored with, and the
 * CMS must keep showing the same). A change is a new version, checked before it is
 * published: items commerce can score, and a number above every published one (the
 * highest is the one new assessments use).
 */
export function registerFrozenQuestionnaireVersions(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const action = context.action as string
    // Reads (ours below included) pass straight through.
    if (context.uid !== QUESTIONNAIRE_VERSION || !WRITES.has(action)) return next()
    const params = context.params as Params
    const versions = strapi.documents(QUESTIONNAIRE_VERSION)
    const published = params.documentId
      ? ((await versions.findOne({
          documentId: params.documentId,
          status: "published",
        } as never)) as VersionRow | null)
      : null
    if (published && (action === "update" || action === "publish")) {
      throw new errors.ApplicationError(publishedVersionFrozen(published.number))
    }
    if (published && (action === "unpublish" || action === "delete")) {
      throw new errors.ApplicationError(PUBLISHED_VERSION_KEPT)
    }
    const publishing =
      action === "publish" ||
      ((action === "create" || action === "update") && params.status === "published")
    if (publishing) {
      const candidate =
        action === "publish"
          ? ((await versions.findOne({
              documentId: params.documentId!,
              status: "draft",
              populate: ["items"],
            } as never)) as VersionRow | null)
          : ((params.data ?? {}) as VersionRow)
      await assertPublishable(strapi, candidate, params.documentId)
    }
    return next()
  })
}

/** Refuses, in Chinese, a version commerce could not score or that would not be the newest. */
async function assertPublishable(
  strapi: Core.Strapi,
  candidate: VersionRow | null,
  documentId: string | undefined
) {
  if (!candidate) return
  const problems = questionnaireProblems(stripIds(candidate.items))
  if (problems.length) {
    throw new errors.ApplicationError(`该版本不能发布：${problems.join("；")}`)
  }
  const [highest] = (await strapi.documents(QUESTIONNAIRE_VERSION).findMany({
    status: "published",
    sort: "number:desc",
    limit: 1,
    ...(documentId ? { filters: { documentId: { $ne: documentId } } } : {}),
  } as never)) as VersionRow[]
  const number = Number(candidate.number)
  if (!Number.isInteger(number) || number < 1) {
    throw new errors.ApplicationError("版本号须为正整数")
  }
  if (highest?.number && !(number > highest.number)) {
    throw new errors.ApplicationError(
      `版本号须大于已发布的最高版本（第 ${highest.number} 版），新测评按版本号最大的版本计分`
    )
  }
}

/** Component rows carry Strapi's own id; the items as editors wrote them are the rest. */
const stripIds = (items: unknown[] | null | undefined) =>
  (items ?? []).map((item) => {
    const { id: _id, __component: _component, ...rest } = (item ?? {}) as Record<string, unknown>
    return { sex: "all", reverse_in: [], ...rest }
  })

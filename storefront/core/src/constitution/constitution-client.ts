import type {
  AssessmentHistory,
  ConstitutionAnswers,
  ConstitutionResult,
  Questionnaire,
  ReviewSections,
  ReviewStatus,
  SavedAssessment,
  Sex,
  StaffAssessment,
  StaffAssessmentRow,
  StaffReview,
} from "@health/contracts"
import type { FetchLike } from "../http"
import { query, readJson } from "../http"
import { commerceRequester, type CommerceClientOptions } from "../commerce/request"

const BASE = "/store/constitution/assessments"
const noStore = { cacheHint: "no-store" as const }
const id = (value: string) => encodeURIComponent(value)

/**
 * 体质辨识 for shoppers. Anyone may be scored; with a member's token the result is saved
 * in their health archive. A sheet with missing or wrong answers is refused (400) with
 * the item codes in the message.
 */
export function createConstitutionClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  return {
    /**
     * The question bank: the current version (what a new assessment is answered in), or
     * `version`, the one an earlier result was answered in (404 when there is none).
     */
    async questionnaire(version?: number): Promise<Questionnaire> {
      return (
        await request<{ questionnaire: Questionnaire }>(
          `/store/constitution/questionnaire${query({ version })}`,
          noStore
        )
      ).questionnaire
    },

    /**
     * `sheet.questionnaireVersion` is the version the person answered (from questionnaire());
     * the result is scored with it. A sheet from a version replaced meanwhile is refused
     * (409, ApiError, "请刷新页面…"): the questions have to be loaded again.
     */
    async assess(
      sheet: { sex: Sex; answers: ConstitutionAnswers; questionnaireVersion?: number | null },
      token?: string
    ): Promise<ConstitutionResult> {
      const { assessment } = await request<{ assessment: ConstitutionResult }>(BASE, {
        method: "POST",
        body: JSON.stringify({
          sex: sheet.sex,
          answers: sheet.answers,
          ...(sheet.questionnaireVersion
            ? { questionnaire_version: sheet.questionnaireVersion }
            : {}),
        }),
        token,
        ...noStore,
      })
      return assessment
    },

    /** The member's results, newest first, each with its published expert report. */
    history(token: string, params: { limit?: number; offset?: number } = {}) {
      return request<AssessmentHistory>(
        `${BASE}${query({ limit: params.limit, offset: params.offset })}`,
        { token, ...noStore }
      )
    },

    /** One of the member's results; another member's answers 404. */
    async assessment(token: string, assessmentId: string): Promise<SavedAssessment> {
      return (
        await request<{ assessment: SavedAssessment }>(`${BASE}/${id(assessmentId)}`, {
          token,
          ...noStore,
        })
      ).assessment
    },
  }
}

export type ConstitutionClient = ReturnType<typeof createConstitutionClient>

export type ConstitutionAdminClientOptions = { baseUrl: string; fetch: FetchLike }

/**
 * The experts' side (staff with `assessments:read|write`): new results, one result with its
 * answers, drafts, publishing and revising a 养生评估报告. Takes a staff bearer token.
 */
export function createConstitutionAdminClient({ baseUrl, fetch }: ConstitutionAdminClientOptions) {
  const api = baseUrl.replace(/\/$/, "")
  const request = async <T>(path: string, token: string, body?: unknown): Promise<T> =>
    readJson<T>(
      await fetch(`${api}/admin/constitution/assessments${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
        cacheHint: "no-store",
      })
    )

  return {
    list(token: string, params: { status?: ReviewStatus; limit?: number; offset?: number } = {}) {
      return request<{
        assessments: StaffAssessmentRow[]
        count: number
        limit: number
        offset: number
      }>(query({ status: params.status, limit: params.limit, offset: params.offset }), token)
    },

    async get(token: string, assessmentId: string): Promise<StaffAssessment> {
      return (await request<{ assessment: StaffAssessment }>(`/${id(assessmentId)}`, token))
        .assessment
    },

    /** Saves the report as a draft the member does not see yet. */
    async saveDraft(token: string, assessmentId: string, sections: ReviewSections) {
      return (
        await request<{ review: StaffReview }>(`/${id(assessmentId)}/review`, token, { sections })
      ).review
    },

    /** Publishes the report (with these sections, if given) and notifies the member. */
    async publish(token: string, assessmentId: string, sections?: ReviewSections) {
      return (
        await request<{ review: StaffReview }>(
          `/${id(assessmentId)}/review/publish`,
          token,
          sections ? { sections } : {}
        )
      ).review
    },

    /**
     * 修订: publishes corrected sections as the report's next version with a 修订说明 the
     * member reads; `baseRevision` (the version edited) turns a colleague's newer 修订 into
     * a 409 instead of an overwrite.
     */
    async revise(
      token: string,
      assessmentId: string,
      revision: { sections: ReviewSections; reason: string; baseRevision?: number }
    ) {
      return (
        await request<{ review: StaffReview }>(`/${id(assessmentId)}/review/revise`, token, {
          sections: revision.sections,
          reason: revision.reason,
          base_revision: revision.baseRevision,
        })
      ).review
    },
  }
}

export type ConstitutionAdminClient = ReturnType<typeof createConstitutionAdminClient>

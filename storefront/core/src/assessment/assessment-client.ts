import { personalRequesters, type CommerceClientOptions } from "../commerce/request"
import type {
  Assessment,
  AssessmentReportVersion,
  ExpertAssessmentDetail,
  GrantAssessmentInput,
  MemberAssessmentDetail,
  PublishAssessmentReportInput,
} from "./types"
import type { ReportFindings } from "@health/contracts"

const noStore = { cacheHint: "no-store" as const }
const id = (value: string) => encodeURIComponent(value)

/**
 * 检测评估 for members: grant one expert chosen archive items with a separate consent and an
 * end date, follow the expert's reads, withdraw, read each report version and download its
 * PDF. Another member's assessment answers 404; refusals carry commerce's Chinese message.
 */
export function createAssessmentClient(options: CommerceClientOptions) {
  const { open, get, post } = personalRequesters(options)
  return {
    async list(token: string): Promise<Assessment[]> {
      return (await get<{ assessments: Assessment[] }>("/store/assessments", token)).assessments
    },
    async grant(token: string, input: GrantAssessmentInput): Promise<Assessment> {
      return (await post<{ assessment: Assessment }>("/store/assessments", token, input)).assessment
    },
    detail(token: string, assessmentId: string): Promise<MemberAssessmentDetail> {
      return get(`/store/assessments/${id(assessmentId)}`, token)
    },
    async withdraw(token: string, assessmentId: string): Promise<Assessment> {
      return (
        await post<{ assessment: Assessment }>(
          `/store/assessments/${id(assessmentId)}/withdraw`,
          token
        )
      ).assessment
    },
    /** A version's PDF (default the newest), for a server to relay. */
    pdf(token: string, assessmentId: string, version?: number): Promise<Response> {
      const query = version ? `?version=${version}` : ""
      return open(`/store/assessments/${id(assessmentId)}/pdf${query}`, { token, ...noStore })
    },
  }
}

/** The expert's side at /doctor/assessments (the web passes "" as the token: its relay adds it). */
export function createExpertAssessmentClient(options: CommerceClientOptions) {
  const { open, get, post } = personalRequesters(options)
  return {
    async list(token: string): Promise<Assessment[]> {
      return (await get<{ assessments: Assessment[] }>("/doctor/assessments", token)).assessments
    },
    detail(token: string, assessmentId: string): Promise<ExpertAssessmentDetail> {
      return get(`/doctor/assessments/${id(assessmentId)}`, token)
    },
    /** One granted item (each call is written to the member's access log). */
    item(token: string, assessmentId: string, itemId: string): Promise<Response> {
      return open(`/doctor/assessments/${id(assessmentId)}/items/${id(itemId)}`, {
        token,
        ...noStore,
      })
    },
    /** A granted lab report's structured findings (also written to the member's access log). */
    async findings(token: string, assessmentId: string, itemId: string): Promise<ReportFindings> {
      return (
        await get<{ findings: ReportFindings }>(
          `/doctor/assessments/${id(assessmentId)}/items/${id(itemId)}/findings`,
          token
        )
      ).findings
    },
    async publish(
      token: string,
      assessmentId: string,
      input: PublishAssessmentReportInput
    ): Promise<AssessmentReportVersion> {
      return (
        await post<{ version: AssessmentReportVersion }>(
          `/doctor/assessments/${id(assessmentId)}/report`,
          token,
          input
        )
      ).version
    },
  }
}

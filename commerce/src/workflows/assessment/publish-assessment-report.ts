import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ASSESSMENT_MODULE } from "../../modules/assessment"
import type { ReportContent } from "../../modules/assessment/rules/report-content"
import type AssessmentModuleService from "../../modules/assessment/service"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import type ConsultationModuleService from "../../modules/consultation/service"
import { INBOX_MODULE } from "../../modules/inbox"
import type InboxModuleService from "../../modules/inbox/service"

type Input = {
  assessment_id: string
  doctor_id: string
  base_version: number
  content: ReportContent
}

const publishStep = createStep(
  "publish-assessment-report-version",
  async (input: Input, { container }) => {
    const assessments = container.resolve<AssessmentModuleService>(ASSESSMENT_MODULE)
    // Only while the member's consent stands: withdrawn or ended is 403.
    const assessment = await assessments.expertAssessment(
      input.assessment_id,
      input.doctor_id,
      new Date()
    )
    const doctor = await container
      .resolve<ConsultationModuleService>(CONSULTATION_MODULE)
      .doctorRow(input.doctor_id)
    const row = await assessments.publishVersion({
      assessment_id: assessment.id,
      doctor_id: doctor.id,
      expert_name: doctor.name,
      base_version: input.base_version,
      content: input.content,
    })
    return new StepResponse(
      { customer_id: assessment.customer_id, version: assessments.versionView(row) },
      row.id
    )
  },
  async (versionId, { container }) => {
    if (versionId) {
      await container
        .resolve<AssessmentModuleService>(ASSESSMENT_MODULE)
        .unpublishVersion(versionId)
    }
  }
)

/** The member's inbox: one message per version, linking to the report. */
const notifyMemberStep = createStep(
  "notify-assessment-report",
  async (
    notice: { customer_id: string; assessment_id: string; version: number; expert_name: string },
    { container }
  ) => {
    const revised = notice.version > 1
    await container.resolve<InboxModuleService>(INBOX_MODULE).deliver({
      customer_id: notice.customer_id,
      category: "consultation",
      title: revised ? "检测评估报告已修订" : "检测评估报告已出具",
      body: revised
        ? `${notice.expert_name}专家修订了您的检测评估报告（第 ${notice.version} 版），可在线查看或下载 PDF。`
        : `${notice.expert_name}专家已根据您授权的档案资料出具检测评估报告，可在线查看或下载 PDF。`,
      link: `/account/assessments/${notice.assessment_id}`,
      dedupe_key: `assessment:${notice.assessment_id}:v${notice.version}`,
    })
    return new StepResponse(undefined)
  }
)

/**
 * The expert publishes the 检测评估报告 (version 1) or a revision (the next version, with its
 * 修订说明). Earlier versions stay as the member read them; each version reaches the member's
 * inbox and can be downloaded as a PDF.
 */
export const publishAssessmentReportWorkflow = createWorkflow(
  "publish-assessment-report",
  (input: Input) => {
    const published = publishStep(input)
    notifyMemberStep(
      transform({ published, input }, ({ published, input }) => ({
        customer_id: published.customer_id,
        assessment_id: input.assessment_id,
        version: published.version.version,
        expert_name: published.version.expert_name,
      }))
    )
    // The expert's report fee (doctor-income subscribers) accrues from the first version.
    emitEventStep({
      eventName: "assessment.report_published",
      data: transform({ published, input }, ({ published, input }) => ({
        id: input.assessment_id,
        version: published.version.version,
      })),
    })
    return new WorkflowResponse(transform({ published }, ({ published }) => published.version))
  }
)

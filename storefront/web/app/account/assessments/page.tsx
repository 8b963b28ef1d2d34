import { assessmentStatusLabel, formatDateTime } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { AccountPageHead } from "@/components/account/account-page-head"
import { assessments, constitution, consultations, healthArchive } from "@/lib/backends"
import { memberActionError } from "@/lib/member-action-error"
import { requireMember } from "@/lib/require-member"
import { grantAssessment } from "./assessment-actions"
import { GrantAssessmentForm, type GrantChoice } from "./grant-assessment-form"

export const metadata: Metadata = { title: "检测评估" }

/** 检测评估: the member's assessments by experts, and asking for a new one. */
export default async function MyAssessmentsPage() {
  const { token } = await requireMember("/account/assessments")
  const [list, doctors, kits, uploads, results] = await Promise.all([
    assessments.list(token).catch((error) => memberActionError(error, "assessments")),
    consultations.doctors().catch(() => []),
    healthArchive
      .listKits(token)
      .then((answer) => answer.kits)
      .catch(() => []),
    healthArchive.uploads(token).catch(() => []),
    constitution
      .history(token)
      .then((history) => history.assessments)
      .catch(() => []),
  ])
  const items: GrantChoice[] = [
    ...kits
      .filter((kit) => kit.report)
      .map((kit) => ({
        value: `report:${kit.report!.id}`,
        label: `检测报告 · ${kit.product_title}`,
      })),
    ...uploads.map((u) => ({ value: `upload:${u.id}`, label: `医院资料 · ${u.filename}` })),
    ...results.map((r) => ({
      value: `constitution:${r.id}`,
      label: `体质辨识结果 · ${formatDateTime(r.created_at)}`,
    })),
  ]
  return (
    <section className="account-page" data-testid="my-assessments">
      <AccountPageHead title="检测评估" />
      {"error" in list ? (
        <p className="form-error" role="alert">
          {list.error}
        </p>
      ) : list.length === 0 ? (
        <p className="hint">还没有检测评估。选择专家和档案资料，专家会出具检测评估报告。</p>
      ) : (
        <ul className="escort-task-list">
          {list.map((a) => (
            <li key={a.id} className="card">
              <strong>
                {a.doctor_name ?? "专家"} · {assessmentStatusLabel(a)}
              </strong>
              <p className="hint">
                申请于 {formatDateTime(a.created_at)} · 授权至 {formatDateTime(a.ends_at)}
              </p>
              <Link
                href={`/account/assessments/${encodeURIComponent(a.id)}`}
                className="button small"
              >
                查看
              </Link>
            </li>
          ))}
        </ul>
      )}
      <GrantAssessmentForm
        doctors={doctors.map((d) => ({
          value: d.id,
          label: `${d.name}${d.title ? ` · ${d.title}` : ""}`,
        }))}
        items={items}
        grant={grantAssessment}
      />
    </section>
  )
}

import { grantEndsAt, type AssessmentItemType, type GrantAssessmentInput } from "@health/core"

const ITEM_TYPES: AssessmentItemType[] = ["report", "upload", "constitution", "escort_report"]

/**
 * The grant form as commerce wants it, or the reason it is not ready: an expert, a question,
 * at least one item (checkboxes named `item`, valued `type:id`), the days the grant lasts and
 * the separate consent box ticked.
 */
export function grantFormInput(
  form: FormData,
  now = new Date()
): { input: GrantAssessmentInput } | { error: string } {
  const text = (name: string) => String(form.get(name) ?? "").trim()
  const items = form
    .getAll("item")
    .map((value) => String(value).split(":"))
    .filter(
      (pair): pair is [AssessmentItemType, string] =>
        pair.length === 2 && ITEM_TYPES.includes(pair[0] as AssessmentItemType) && !!pair[1]
    )
    .map(([item_type, item_id]) => ({ item_type, item_id }))
  if (!text("doctor_id")) return { error: "请选择评估专家" }
  if (!text("question")) return { error: "请填写希望专家评估的内容" }
  if (!items.length) return { error: "请至少选择一份档案资料" }
  if (form.get("consent") !== "on") return { error: "请阅读并同意《档案资料授权书》后再提交" }
  const days = Number(text("days") || "14")
  return {
    input: {
      doctor_id: text("doctor_id"),
      question: text("question"),
      ends_at: grantEndsAt(Number.isFinite(days) ? days : 14, now),
      consent: true,
      items,
    },
  }
}

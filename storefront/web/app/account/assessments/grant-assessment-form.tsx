"use client"

import { useActionState } from "react"
import type { AccountActionState } from "@/lib/account-actions"

export type GrantChoice = { value: string; label: string }

/**
 * 申请检测评估: the expert, what to assess, the archive items to grant, how long, and the
 * consent, separate from any consultation's and withdrawable at any time.
 */
export function GrantAssessmentForm({
  doctors,
  items,
  grant,
}: {
  doctors: GrantChoice[]
  items: GrantChoice[]
  grant: (state: AccountActionState, form: FormData) => Promise<AccountActionState>
}) {
  const [state, action, pending] = useActionState(grant, undefined)
  return (
    <form action={action} className="panel form" data-testid="assessment-grant-form">
      <h2>申请检测评估</h2>
      <label>
        评估专家
        <select name="doctor_id" required defaultValue="">
          <option value="" disabled>
            请选择
          </option>
          {doctors.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        希望专家评估的内容
        <textarea name="question" required maxLength={2000} />
      </label>
      <fieldset>
        <legend>授权专家查看的档案资料</legend>
        {items.length === 0 && <p className="hint">健康档案里还没有可授权的资料。</p>}
        {items.map((item) => (
          <label key={item.value}>
            <input type="checkbox" name="item" value={item.value} /> {item.label}
          </label>
        ))}
      </fieldset>
      <label>
        授权期限（天）
        <input type="number" name="days" min={1} max={90} defaultValue={14} />
      </label>
      <label>
        <input type="checkbox" name="consent" required />{" "}
        我已阅读并同意《档案资料授权书》：仅所选专家可在期限内查看所选资料，用于本次评估；我可随时撤回，专家每次查看都会记入我的档案访问记录。
      </label>
      {state?.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "提交中…" : "同意授权并提交"}
      </button>
    </form>
  )
}

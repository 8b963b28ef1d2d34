"use client"

import { MEMBERSHIP_LABELS, type MemberMembership } from "@health/core"
import { useActionState } from "react"
import type { AccountActionState } from "@/lib/account-actions"
import { FormFeedback } from "./form-feedback"
import { MembershipFields } from "./membership-fields"

type Save = (state: AccountActionState, form: FormData) => Promise<AccountActionState>

/** The member's type and company, switchable between 个人会员 and 团体会员. */
export function MembershipForm({ current, save }: { current: MemberMembership; save: Save }) {
  const [state, action, pending] = useActionState(save, undefined)
  return (
    <form action={action} className="form" data-testid="membership-form">
      <p className="field-static">
        <span className="muted">当前类型</span>
        <span data-testid="membership-type">
          {MEMBERSHIP_LABELS[current.type]}
          {current.type === "group" && `（${current.company_name}，${current.company_nature}）`}
        </span>
      </p>
      <MembershipFields initial={current} />
      <p className="hint">团体会员需填写单位信息，可享团体会员专属价格；可随时改回个人会员。</p>
      <FormFeedback state={state} />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "保存中…" : "保存会员类型"}
      </button>
    </form>
  )
}

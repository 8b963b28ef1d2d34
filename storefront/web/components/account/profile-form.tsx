"use client"

import type { MemberProfile } from "@health/core"
import { useActionState } from "react"
import type { AccountActionState } from "@/lib/account-actions"
import { FormFeedback } from "./form-feedback"

type Save = (state: AccountActionState, form: FormData) => Promise<AccountActionState>

/** 姓名、出生日期、职业; the email is shown, as it is the password sign-in and cannot change here. */
export function ProfileForm({
  profile,
  email,
  today,
  save,
}: {
  profile: MemberProfile
  email: string | null
  /** YYYY-MM-DD in Asia/Shanghai: the latest birth date allowed. */
  today: string
  save: Save
}) {
  const [state, action, pending] = useActionState(save, undefined)
  return (
    <form action={action} className="form" data-testid="profile-form">
      <div className="form-row">
        <label>
          姓
          <input
            name="last_name"
            autoComplete="family-name"
            maxLength={50}
            defaultValue={profile.last_name}
          />
        </label>
        <label>
          名
          <input
            name="first_name"
            autoComplete="given-name"
            maxLength={50}
            defaultValue={profile.first_name}
          />
        </label>
      </div>
      <div className="form-row">
        <label>
          出生日期
          <input
            name="birth_date"
            type="date"
            autoComplete="bday"
            min="1900-01-01"
            max={today}
            defaultValue={profile.birth_date}
          />
        </label>
        <label>
          职业
          <input
            name="occupation"
            autoComplete="organization-title"
            maxLength={50}
            placeholder="如：教师"
            defaultValue={profile.occupation}
          />
        </label>
      </div>
      <p className="field-static">
        <span className="muted">邮箱</span>
        <span data-testid="profile-email">{email ?? "未绑定"}</span>
      </p>
      <p className="hint">
        {email ? "邮箱用于密码登录，暂不支持修改。" : "手机号或微信注册的账号暂不能绑定邮箱。"}
      </p>
      <FormFeedback state={state} />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "保存中…" : "保存资料"}
      </button>
    </form>
  )
}

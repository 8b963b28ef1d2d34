"use client"

import { messages, type NotificationPreferences } from "@health/core"
import { useActionState } from "react"
import type { AccountActionState } from "@/lib/account-actions"
import { FormFeedback } from "./form-feedback"

type Save = (state: AccountActionState, form: FormData) => Promise<AccountActionState>

/** 短信 and 微信 switches; 站内消息 is shown on and cannot be changed. */
export function NotificationPreferencesForm({
  current,
  save,
}: {
  current: NotificationPreferences
  save: Save
}) {
  const [state, action, pending] = useActionState(save, undefined)
  const { account } = messages
  return (
    <form action={action} className="form" data-testid="notification-preferences">
      <p className="muted">{account.notificationSettingsHint}</p>
      <label className="checkbox">
        <input type="checkbox" checked disabled readOnly /> 站内消息（始终开启）
      </label>
      <label className="checkbox">
        <input type="checkbox" name="sms" defaultChecked={current.sms} /> {account.notifySms}
      </label>
      <label className="checkbox">
        <input type="checkbox" name="wechat" defaultChecked={current.wechat} />{" "}
        {account.notifyWechat}
      </label>
      <FormFeedback state={state} />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "保存中…" : "保存设置"}
      </button>
    </form>
  )
}

"use client"

import { useActionState } from "react"
import type { AccountActionState } from "@/lib/account-actions"

type Action = (state: AccountActionState, form: FormData) => Promise<AccountActionState>

/** 加入本场: one button; the answer (名额已满, 已结束) comes back in Chinese. */
export function JoinGroupSessionForm({ sessionId, join }: { sessionId: string; join: Action }) {
  const [state, action, pending] = useActionState(join, undefined)
  return (
    <form action={action} data-testid="group-session-join">
      <input type="hidden" name="session_id" value={sessionId} />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "加入中…" : "加入本场咨询"}
      </button>
      {state?.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
    </form>
  )
}

/** 提问: 5–300 字; shown to the room once the moderator approves it. */
export function AskGroupSessionForm({ sessionId, ask }: { sessionId: string; ask: Action }) {
  const [state, action, pending] = useActionState(ask, undefined)
  return (
    <form action={action} className="panel form" data-testid="group-session-ask">
      <input type="hidden" name="session_id" value={sessionId} />
      <label>
        向专家提问
        <textarea
          name="text"
          required
          minLength={5}
          maxLength={300}
          placeholder="请勿填写手机号、微信号等个人信息；问题经审核后公开"
        />
      </label>
      {state?.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      {state?.notice && <p className="hint">{state.notice}</p>}
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "提交中…" : "提交问题"}
      </button>
    </form>
  )
}

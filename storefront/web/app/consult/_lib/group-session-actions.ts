"use server"

import { revalidatePath } from "next/cache"
import type { AccountActionState } from "@/lib/account-actions"
import { groupSessions } from "@/lib/backends"
import { memberActionError } from "@/lib/member-action-error"
import { readToken } from "@/lib/session"

const EXPIRED = { error: "登录已过期，请重新登录" }
const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()
const roomPath = (id: string) => `/consult/group-sessions/${encodeURIComponent(id)}`

/** 在线咨询: takes a seat in the session (a full or finished one comes back in Chinese). */
export async function joinGroupSession(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  const id = text(form, "session_id")
  try {
    await groupSessions.join(token, id)
  } catch (error) {
    return memberActionError(error, "group session join")
  }
  revalidatePath(roomPath(id))
  return { notice: "已加入，开始前 30 分钟可以提问" }
}

/** Asks in the room: it waits for the moderator before everyone sees it. */
export async function askGroupSession(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  const id = text(form, "session_id")
  try {
    await groupSessions.ask(token, id, text(form, "text"))
  } catch (error) {
    return memberActionError(error, "group session ask")
  }
  revalidatePath(roomPath(id))
  return { notice: "已提交，审核通过后会在直播间公开" }
}

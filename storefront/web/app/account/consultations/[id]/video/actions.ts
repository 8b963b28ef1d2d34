"use server"

import type { VideoRoomTicket } from "@health/core"
import { memberActionError } from "@/lib/member-action-error"
import { readToken } from "@/lib/session"
import { videoCalls } from "./video-calls"

/** A fresh room ticket for the member's video consultation (asked on each join). */
export async function memberVideoTicket(
  consultationId: string
): Promise<VideoRoomTicket | { error: string }> {
  const token = await readToken()
  if (!token) return { error: "登录已过期，请重新登录" }
  try {
    return await videoCalls.memberTicket(token, consultationId)
  } catch (error) {
    return memberActionError(error, "video ticket")
  }
}

import { ApiError } from "@health/core"
import { NextResponse } from "next/server"
import { archiveFileError } from "./archive-file-response"
import { readToken } from "./session"

type Guarded = { token: string; refused?: never } | { token?: never; refused: Response }

/**
 * The member's token for a health-archive route handler, read from the httpOnly cookie on the
 * server; the browser only ever talks to these handlers, never to commerce with the token.
 * File routes refuse in plain text (they open in a tab or a frame), the upload route in JSON.
 */
export async function archiveToken(answer: "file" | "json"): Promise<Guarded> {
  const token = await readToken()
  if (token) return { token }
  return {
    refused:
      answer === "file"
        ? archiveFileError(new ApiError(401, "unauthorized"))
        : NextResponse.json({ message: "登录已过期，请重新登录" }, { status: 401 }),
  }
}

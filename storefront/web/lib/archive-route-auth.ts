import { NextResponse } from "next/server"
import { readToken } from "./session"

/**
 * The member's token for a health-archive route handler, read from the httpOnly cookie on the
 * server; the browser only ever talks to these handlers, never to commerce with the token.
 */
export async function archiveToken(): Promise<
  { token: string; refused?: never } | { token?: never; refused: Response }
> {
  const token = await readToken()
  if (token) return { token }
  return {
    refused: NextResponse.json({ message: "登录已过期，请重新登录" }, { status: 401 }),
  }
}

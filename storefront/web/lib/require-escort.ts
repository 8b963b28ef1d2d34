import { redirect } from "next/navigation"
import { readEscortToken } from "./escort-app-session"

/**
 * Escort-app pages need the escort's cookie; without it, to 陪诊员登录. An expired token is
 * found by the first call through the relay (401), and the page offers sign-in again.
 */
export async function requireEscort(): Promise<void> {
  if (!(await readEscortToken())) redirect("/escort-app/sign-in")
}

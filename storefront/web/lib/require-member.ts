import { redirect } from "next/navigation"
import { currentMember } from "./session"

/** The signed-in member, or a redirect to sign-in that comes back to `path`. */
export async function requireMember(path: string) {
  const session = await currentMember()
  if (!session) redirect(`/account/sign-in?next=${encodeURIComponent(path)}`)
  return session
}

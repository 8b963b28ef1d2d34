import type { Metadata } from "next"
import { redirect } from "next/navigation"
import { EscortSignInForm } from "@/components/escort-app/escort-sign-in-form"
import { readEscortToken } from "@/lib/escort-app-session"

export const metadata: Metadata = { title: "陪诊员登录" }

/** 陪诊员登录: phone + SMS code; an escort already signed in goes straight to their tasks. */
export default async function EscortSignInPage() {
  if (await readEscortToken()) redirect("/escort-app")
  return (
    <section className="narrow" data-testid="escort-sign-in-page">
      <h1>陪诊员登录</h1>
      <EscortSignInForm />
    </section>
  )
}

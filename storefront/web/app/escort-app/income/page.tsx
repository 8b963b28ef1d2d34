import type { Metadata } from "next"
import { EscortIncomeView } from "@/components/escort-app/escort-income-view"
import { requireEscort } from "@/lib/require-escort"

export const metadata: Metadata = { title: "我的收入" }

export default async function EscortIncomePage() {
  await requireEscort()
  return (
    <>
      <h1>我的收入</h1>
      <EscortIncomeView />
    </>
  )
}

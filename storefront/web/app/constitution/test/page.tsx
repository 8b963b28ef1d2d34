import { questionnaireVersion } from "@health/core"
import type { Metadata } from "next"
import { Questionnaire } from "@/components/constitution/questionnaire"
import { cms } from "@/lib/backends"

export const metadata: Metadata = { title: "体质辨识问卷" }

/** The questionnaire with the items as published in the CMS (their codes are the stable ids). */
export default async function ConstitutionTestPage() {
  const items = await cms.listQuestionnaireItems().catch((error: Error) => {
    console.error("[constitution] questionnaire items unavailable:", error.message)
    return null
  })
  return (
    <section className="constitution-test">
      <h1>中医体质辨识问卷</h1>
      {items && items.length ? (
        <Questionnaire items={items} version={questionnaireVersion(items)} />
      ) : (
        <p className="notice error" role="alert">
          问卷暂时无法加载，请稍后刷新重试。
        </p>
      )}
    </section>
  )
}

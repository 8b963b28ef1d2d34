import type { Metadata } from "next"
import { Questionnaire } from "@/components/constitution/questionnaire"
import { constitution } from "@/lib/backends"

export const metadata: Metadata = { title: "体质辨识问卷" }

/**
 * The questionnaire in the current version of the question bank, as commerce scores it
 * (the CMS publishes versions; commerce keeps each one it scores with).
 */
export default async function ConstitutionTestPage() {
  const questionnaire = await constitution.questionnaire().catch((error: Error) => {
    console.error("[constitution] questionnaire unavailable:", error.message)
    return null
  })
  return (
    <section className="constitution-test">
      <h1>中医体质辨识问卷</h1>
      {questionnaire && questionnaire.items.length ? (
        <Questionnaire items={questionnaire.items} version={questionnaire.version} />
      ) : (
        <p className="notice error" role="alert">
          问卷暂时无法加载，请稍后刷新重试。
        </p>
      )}
    </section>
  )
}

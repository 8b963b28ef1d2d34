import { CONSTITUTION_CODES, CONSTITUTION_NAMES } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { currentMember } from "@/lib/session"

export const metadata: Metadata = {
  title: "中医体质辨识",
  description:
    "60 道题，约 10 分钟，按国家标准判定您的中医体质，获得饮食、运动、情志、起居调养建议。",
}

/** 体质辨识: what the test is, how long it takes, and where to start. */
export default async function ConstitutionIntroPage() {
  const session = await currentMember().catch(() => null)
  return (
    <section className="constitution-intro">
      <div className="hero-card">
        <p className="eyebrow">免费自测 · 约 10 分钟</p>
        <h1>中医体质辨识</h1>
        <p>
          依据中华中医药学会《中医体质分类与判定》（ZYYXH/T157-2009），回答 60
          道关于近一年身体感受的问题，判定您属于九种体质中的哪一种或哪几种，并给出饮食、运动、情志和起居的调养建议。
        </p>
        <div className="actions">
          <Link href="/constitution/test" className="button primary" data-testid="start-test">
            开始测试
          </Link>
          {session && (
            <Link href="/constitution/history" className="button">
              我的测试记录
            </Link>
          )}
        </div>
        <p className="muted small">
          无需登录即可测试并查看结果；登录后结果保存在您的健康档案中（加密存储），可对比历次变化，并由专家撰写养生评估报告。
        </p>
      </div>
      <div className="panel">
        <h2>九种体质</h2>
        <p className="chips">
          {CONSTITUTION_CODES.map((code) => (
            <span key={code} className="chip">
              {CONSTITUTION_NAMES[code]}
            </span>
          ))}
        </p>
        <ol className="steps-list">
          <li>选择性别（有一题按性别提问）</li>
          <li>按近一年的实际感受作答：没有、很少、有时、经常、总是</li>
          <li>查看体质雷达图、判定结果和调养建议，可打印或保存为 PDF</li>
        </ol>
      </div>
    </section>
  )
}

import {
  articlesForTypes,
  CONSTITUTION_NAMES,
  formatDateTime,
  productsForTypes,
  reportView,
  type ConstitutionCode,
  type ConstitutionScores,
  type ConstitutionType,
  type ConstitutionVerdicts,
  type PublishedReview,
} from "@health/core"
import Link from "next/link"
import type { ReactNode } from "react"
import { ArticleCard } from "@/components/article/article-card"
import { ProductCard } from "@/components/product/product-card"
import { ExpertReview } from "./expert-review"
import { RadarChart } from "./radar-chart"
import { REGIMEN_SECTIONS, type ReportContent } from "./report-content"

/** The standard's own items: a result scored with an edited version names its version. */
const STANDARD_ITEMS = "ZYYXH/T157-2009"

function TypeAdvice({
  code,
  verdictWord,
  score,
  cms,
}: {
  code: ConstitutionCode
  verdictWord: string
  score: number
  cms: ConstitutionType | undefined
}) {
  return (
    <article className="panel type-advice" data-testid={`advice-${code}`}>
      <header>
        <h3>{cms?.name ?? CONSTITUTION_NAMES[code]}</h3>
        <span className="chip">
          {verdictWord} · {score.toFixed(1)} 分
        </span>
      </header>
      {cms?.characteristics && (
        <>
          <h4>体质特征</h4>
          <p>{cms.characteristics}</p>
        </>
      )}
      {cms?.susceptibility && (
        <>
          <h4>易患倾向</h4>
          <p>{cms.susceptibility}</p>
        </>
      )}
      <div className="regimen">
        {REGIMEN_SECTIONS.filter((r) => cms?.[r.key]).map((r) => (
          <div key={r.key} className="regimen-item">
            <h4>{r.title}</h4>
            <p>{cms?.[r.key]}</p>
          </div>
        ))}
      </div>
      {!cms && <p className="muted">该体质的调养建议暂时无法加载，请稍后刷新。</p>}
    </article>
  )
}

/**
 * A constitution report: the radar chart, the verdicts in plain words, the advice of each
 * type that applies, the expert's report when published, and what to read or test next.
 * No hooks, so guest (client) and member (server) pages render the same report.
 */
export function ConstitutionReport({
  result,
  content,
  review,
  createdAt,
  actions,
}: {
  result: {
    scores: ConstitutionScores
    verdicts: ConstitutionVerdicts
    primary: ConstitutionCode
    /** The question bank version it was scored with (absent on a guest's older result). */
    item_version?: string
  }
  content: ReportContent
  review?: PublishedReview | null
  createdAt?: string
  actions?: ReactNode
}) {
  const view = reportView(result)
  // When no type can be named, the highest one's advice is still the useful one.
  const adviceFor = view.applied.length ? view.applied : [view.primary.code]
  const cmsType = (code: ConstitutionCode) => content.types.find((t) => t.code === code)
  const products = productsForTypes(content.products, adviceFor)
  const articles = articlesForTypes(content.articles, adviceFor)
  return (
    <div className="constitution-report" data-testid="constitution-report">
      <header className="report-head">
        <div>
          <p className="eyebrow">中医体质辨识报告</p>
          <h1 data-testid="primary-type">{view.title}</h1>
          <p className="report-headline" data-testid="report-headline">
            {view.headline}
          </p>
          <p className="muted small" data-testid="report-basis">
            {createdAt ? `测评时间 ${formatDateTime(createdAt)} · ` : ""}
            依据中华中医药学会《中医体质分类与判定》（ZYYXH/T157-2009）
            {result.item_version && result.item_version !== STANDARD_ITEMS
              ? ` · 题库：${result.item_version}`
              : ""}
          </p>
        </div>
        {actions && <div className="report-actions no-print">{actions}</div>}
      </header>

      <section className="report-summary">
        <RadarChart scores={result.scores} verdicts={result.verdicts} />
        <div className="table-scroll">
          <table className="score-table" data-testid="score-table">
            <thead>
              <tr>
                <th scope="col">体质类型</th>
                <th scope="col">得分</th>
                <th scope="col">判定</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <tr key={row.code} className={row.applies ? "applies" : undefined}>
                  <th scope="row">{row.name}</th>
                  <td className="num">{row.scoreText}</td>
                  <td>
                    {row.verdictWord}
                    <span className="muted small">（{row.verdict}）</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            偏颇体质得分 ≥40 判定为「是」，30–39 为「倾向是」；平和质得分 ≥60 且其他体质均低于 30
            为「是」，均低于 40 为「基本是」。
          </p>
        </div>
      </section>

      {review && <ExpertReview review={review} />}

      <section className="report-advice">
        <h2>{view.applied.length ? "体质特征与调养建议" : "得分相对较高的体质"}</h2>
        {adviceFor.map((code) => (
          <TypeAdvice
            key={code}
            code={code}
            score={result.scores[code]}
            verdictWord={view.rows.find((r) => r.code === code)!.verdictWord}
            cms={cmsType(code)}
          />
        ))}
      </section>

      {products.length > 0 && (
        <section className="section no-print">
          <div className="section-head">
            <h2>推荐检测</h2>
            <Link href="/products">查看全部 →</Link>
          </div>
          <div className="grid products-grid">
            {products.map((product) => (
              <ProductCard key={product.id} product={product} />
            ))}
          </div>
        </section>
      )}
      {articles.length > 0 && (
        <section className="section no-print">
          <div className="section-head">
            <h2>调养文章</h2>
            <Link href="/articles">更多资讯 →</Link>
          </div>
          <div className="grid articles-grid">
            {articles.map((article) => (
              <ArticleCard key={article.documentId} article={article} />
            ))}
          </div>
        </section>
      )}
      <p className="muted small disclaimer">
        本报告根据问卷自评结果生成，仅供健康管理参考，不能代替医生的诊断和治疗。如有不适请及时就医。
      </p>
    </div>
  )
}

import {
  earlierVersions,
  formatDate,
  revisionNotice,
  REVIEW_SECTION_KEYS,
  REVIEW_SECTION_LABELS,
  type PublishedReview,
  type ReviewSections,
} from "@health/core"

function ReviewSectionsText({ sections }: { sections: ReviewSections }) {
  return REVIEW_SECTION_KEYS.filter((key) => sections[key]?.trim()).map((key) => (
    <div key={key} className="review-section">
      <h3>{REVIEW_SECTION_LABELS[key]}</h3>
      {sections[key]
        .split(/\n+/)
        .filter(Boolean)
        .map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
    </div>
  ))
}

/**
 * The expert's published 养生评估报告, section by section (empty sections are left out).
 * A revised report says so above the text, with the 修订说明, and keeps the versions the
 * member read before under a collapsed list.
 */
export function ExpertReview({ review }: { review: PublishedReview }) {
  const notice = revisionNotice(review)
  const earlier = earlierVersions(review)
  return (
    <section className="panel expert-review" data-testid="expert-review">
      <h2>专家养生评估报告</h2>
      <p className="muted">
        {review.expert_name ? `${review.expert_name}专家` : "专家"} · 发布于{" "}
        {formatDate(review.published_at)}
      </p>
      {notice && (
        <div className="review-revision" data-testid="review-revision">
          <p>
            <strong>{notice.text}</strong>
          </p>
          {notice.reason && <p>修订说明：{notice.reason}</p>}
        </div>
      )}
      <ReviewSectionsText sections={review.sections} />
      {earlier.length > 0 && (
        <details className="review-versions" data-testid="review-versions">
          <summary>历史版本（{earlier.length}）</summary>
          {earlier.map((version) => (
            <article key={version.revision} className="review-version">
              <h3>{version.title}</h3>
              <p className="muted">
                {version.expert_name ? `${version.expert_name}专家` : "专家"}
                {version.reason ? ` · 修订说明：${version.reason}` : ""}
              </p>
              <ReviewSectionsText sections={version.sections} />
            </article>
          ))}
        </details>
      )}
    </section>
  )
}

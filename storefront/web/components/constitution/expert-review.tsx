import {
  formatDate,
  REVIEW_SECTION_KEYS,
  REVIEW_SECTION_LABELS,
  type PublishedReview,
} from "@health/core"

/** The expert's published 养生评估报告, section by section (empty sections are left out). */
export function ExpertReview({ review }: { review: PublishedReview }) {
  return (
    <section className="panel expert-review" data-testid="expert-review">
      <h2>专家养生评估报告</h2>
      <p className="muted">
        {review.expert_name ? `${review.expert_name}专家` : "专家"} · 发布于{" "}
        {formatDate(review.published_at)}
      </p>
      {REVIEW_SECTION_KEYS.filter((key) => review.sections[key]?.trim()).map((key) => (
        <div key={key} className="review-section">
          <h3>{REVIEW_SECTION_LABELS[key]}</h3>
          {review.sections[key]
            .split(/\n+/)
            .filter(Boolean)
            .map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
        </div>
      ))}
    </section>
  )
}

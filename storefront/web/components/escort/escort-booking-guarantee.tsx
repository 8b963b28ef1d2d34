import { formatCNY, type EscortBookingGuarantee } from "@health/core"

/**
 * 服务保障 on a booking's page: the liability policy that covers the service and, when the
 * member complained, where the platform's handling stands and what it paid them first.
 */
export function EscortBookingGuaranteePanel({
  guarantee,
}: {
  guarantee: EscortBookingGuarantee | null
}) {
  if (!guarantee || (!guarantee.insured && !guarantee.complaint)) return null
  const { policy, complaint } = guarantee
  return (
    <section className="section" data-testid="escort-booking-guarantee">
      <h2>服务保障</h2>
      <dl className="detail-list">
        {policy && (
          <>
            <dt>陪诊责任险</dt>
            <dd data-testid="escort-policy">
              已投保 · 保单号 {policy.policy_no} · 保额 {formatCNY(policy.coverage_fen / 100)}
            </dd>
          </>
        )}
        {complaint && (
          <>
            <dt>投诉处理</dt>
            <dd data-testid="escort-complaint-status">{complaint.status_label}</dd>
            {complaint.compensation_paid_fen > 0 && (
              <>
                <dt>平台先行赔付</dt>
                <dd data-testid="escort-compensation">
                  {formatCNY(complaint.compensation_paid_fen / 100)}（已原路退回或退回账户余额）
                </dd>
              </>
            )}
          </>
        )}
      </dl>
    </section>
  )
}

import { formatCNY, type EscortService } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { EmptyIcon } from "@/components/icons"
import { escort, optional } from "@/lib/backends"

export const metadata: Metadata = { title: "陪诊服务" }
export const dynamic = "force-dynamic"

/** 陪诊服务: what can be booked, with prices and what each covers. */
export default async function EscortServicesPage() {
  const services = await optional<EscortService[] | null>(() => escort.services(), null)
  return (
    <section className="section" data-testid="escort-services">
      <h1>陪诊服务</h1>
      <p className="muted">
        专业陪诊员陪同挂号、候诊、就诊、检查、缴费取药；服务进度实时推送，完成后由您确认。
      </p>
      {services === null ? (
        <p className="form-error" role="alert">
          陪诊服务暂时无法加载，请稍后刷新重试
        </p>
      ) : services.length === 0 ? (
        <div className="empty-state" data-testid="escort-services-empty">
          <EmptyIcon kind="calendar" />
          <p>暂未开放陪诊服务，敬请期待</p>
        </div>
      ) : (
        <ul className="card-grid">
          {services.map((service) => (
            <li key={service.id} className="card" data-testid="escort-service">
              <div className="card-body">
                <h2>{service.title}</h2>
                <p className="price">
                  {formatCNY(service.price_fen / 100)}
                  <span className="muted"> / {service.duration_hours} 小时内</span>
                </p>
                {service.description && <p className="muted">{service.description}</p>}
                {service.extras.length > 0 && (
                  <p className="hint">
                    可选：
                    {service.extras
                      .map((extra) => `${extra.label} +${formatCNY(extra.price_fen / 100)}`)
                      .join("、")}
                  </p>
                )}
                <Link
                  className="button primary"
                  href={`/escort/book?service=${encodeURIComponent(service.id)}`}
                >
                  预约
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

import { formatCNY } from "@health/core"
import type { Metadata } from "next"
import Link from "next/link"
import { consultations, optional } from "@/lib/backends"

export const metadata: Metadata = { title: "在线问诊" }
export const dynamic = "force-dynamic"

/** 在线问诊: doctors whose 执业证 the platform verified; 图文问诊 with a promised answer time. */
export default async function ConsultPage() {
  const doctors = await optional(() => consultations.doctors(), [])
  return (
    <section className="page" data-testid="consult-doctors">
      <h1>在线问诊</h1>
      <p className="hint">
        医生提供健康咨询与复诊建议，不作诊断、不开处方；急症请立即就医或拨打 120。
      </p>
      {doctors.length === 0 && <p className="hint">暂时没有可咨询的医生，请稍后再来。</p>}
      <ul className="escort-task-list">
        {doctors.map((doctor) => (
          <li key={doctor.id} className="card">
            <strong>{doctor.name}</strong> {doctor.title} · {doctor.hospital}
            <p className="hint">
              {[...doctor.departments, ...doctor.specialties].join("、")}
              {doctor.on_duty ? "" : " · 暂停接诊"}
            </p>
            {doctor.prices.text && <p>图文问诊 {formatCNY(doctor.prices.text / 100)}</p>}
            <Link
              href={`/consult/doctors/${encodeURIComponent(doctor.id)}`}
              className="button small"
            >
              查看医生
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}

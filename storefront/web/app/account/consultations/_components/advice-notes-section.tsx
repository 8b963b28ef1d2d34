import { formatDateTime } from "@health/core"
import Link from "next/link"
import { consultations } from "@/lib/backends"

/**
 * 医生建议 in the health archive: each advice note a doctor wrote at the end of a consultation,
 * labelled as advice (健康建议 / 复诊建议), never as a diagnosis. Nothing shows when there is none.
 */
export async function AdviceNotesSection({ token }: { token: string }) {
  const notes = await consultations.adviceNotes(token).catch(() => [])
  if (!notes.length) return null
  return (
    <section data-testid="archive-advice-notes">
      <h3>医生建议</h3>
      <ul className="order-list">
        {notes.map((note) => (
          <li key={note.id} className="order-row">
            <div>
              <strong>{note.advice.labels.health_advice}</strong>
              <p>{note.advice.health_advice}</p>
              {note.advice.follow_up_advice && (
                <p>
                  {note.advice.labels.follow_up_advice}：{note.advice.follow_up_advice}
                </p>
              )}
              <p className="muted">
                {formatDateTime(note.created_at)} · {note.advice.disclaimer}
              </p>
            </div>
            <div className="order-side">
              <Link
                href={`/account/consultations/${encodeURIComponent(note.consultation_id)}`}
                className="button"
              >
                查看问诊
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}

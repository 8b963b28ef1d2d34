import { Button, Text, View } from "@tarojs/components"
import { formatCNY, formatDate, formatDateTime } from "@health/core"
import { StateView } from "../../../components/state-view"
import { consultations } from "../../../lib/clients"
import { go, routes } from "../../../lib/navigate"
import { useMemberLoad } from "../../../lib/use-member-load"
import { CONSULT_TEXT, MODE_LABELS } from "../consult-text"

/** 我的问诊: the follow-ups doctors scheduled, then every consultation, newest first. */
export default function MyConsultations() {
  const { result, reload } = useMemberLoad((token) => consultations.overview(token))
  return (
    <View className="page" data-testid="my-consultations">
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(overview) => overview.consultations.length === 0}
        empty={
          <View data-testid="my-consultations-empty">
            <Text>{CONSULT_TEXT.noConsultations}</Text>
            <Button className="btn-primary" onClick={() => go(routes.consultDoctors)}>
              去找医生
            </Button>
          </View>
        }
      >
        {({ consultations: list, follow_ups }) => (
          <View>
            {follow_ups.length > 0 ? (
              <View className="section" data-testid="my-follow-ups">
                <Text className="section__title">复诊安排</Text>
                {follow_ups.map((f) => (
                  <View key={f.id}>
                    <Text>
                      {formatDate(`${f.due_date}T12:00:00+08:00`)} · {f.doctor_name ?? ""}医生：
                      {f.note}
                    </Text>
                  </View>
                ))}
              </View>
            ) : null}
            <View className="section">
              {list.map((c) => (
                <View
                  key={c.id}
                  className="list-item"
                  data-testid="consultation-row"
                  onClick={() => go(routes.consultation(c.id))}
                >
                  <View>
                    <Text>
                      {c.doctor?.name ?? "医生"} · {MODE_LABELS[c.mode]}
                    </Text>
                    <Text className="muted">
                      {" "}
                      {c.slot
                        ? `预约 ${formatDateTime(c.slot.start)}`
                        : formatDateTime(c.created_at)}
                    </Text>
                  </View>
                  <Text data-testid="consultation-row-status">
                    {c.status_label} · {formatCNY(c.price_fen / 100)}
                  </Text>
                </View>
              ))}
            </View>
            <Button className="btn-primary" onClick={() => go(routes.consultDoctors)}>
              再次问诊
            </Button>
          </View>
        )}
      </StateView>
    </View>
  )
}

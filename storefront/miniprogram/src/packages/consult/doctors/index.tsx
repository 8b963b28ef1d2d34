import { Button, Text, View } from "@tarojs/components"
import { formatCNY, type ConsultationMode, type Doctor } from "@health/core"
import { StateView } from "../../../components/state-view"
import { consultations } from "../../../lib/clients"
import { go, routes } from "../../../lib/navigate"
import { useLoad } from "../../../lib/use-load"
import { CONSULT_TEXT, MODE_LABELS } from "../consult-text"

const MODES: ConsultationMode[] = ["text", "phone", "video"]

/** 在线问诊: the doctors whose 执业证 the platform verified, with their price per mode. */
export default function ConsultDoctors() {
  const { result, reload } = useLoad(() => consultations.doctors())
  return (
    <View className="page" data-testid="consult-doctors">
      <Text className="muted">{CONSULT_TEXT.disclaimer}</Text>
      <StateView
        result={result}
        onRetry={reload}
        isEmpty={(doctors) => doctors.length === 0}
        empty={<Text data-testid="consult-doctors-empty">{CONSULT_TEXT.noDoctors}</Text>}
      >
        {(doctors) => (
          <View className="section">
            {doctors.map((doctor) => (
              <DoctorRow key={doctor.id} doctor={doctor} />
            ))}
          </View>
        )}
      </StateView>
      <Button onClick={() => go(routes.consultations)}>我的问诊</Button>
    </View>
  )
}

function DoctorRow({ doctor }: { doctor: Doctor }) {
  const prices = MODES.filter((mode) => doctor.prices[mode])
  return (
    <View
      className="list-item"
      data-testid="consult-doctor-row"
      onClick={() => go(routes.consultDoctor(doctor.id))}
    >
      <View>
        <Text className="section__title">{doctor.name}</Text>
        <Text className="muted">
          {" "}
          {[doctor.title, doctor.hospital].filter(Boolean).join(" · ")}
        </Text>
        <View>
          <Text className="muted">
            {[...doctor.departments, ...doctor.specialties].join("、")}
            {doctor.on_duty ? "" : " · 暂停接诊"}
          </Text>
        </View>
      </View>
      <View data-testid="consult-doctor-prices">
        {prices.map((mode) => (
          <Text key={mode} className="price">
            {MODE_LABELS[mode]} {formatCNY(doctor.prices[mode]! / 100)}{" "}
          </Text>
        ))}
      </View>
    </View>
  )
}

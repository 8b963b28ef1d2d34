import { Text, View } from "@tarojs/components"
import { useRouter } from "@tarojs/taro"
import { formatCNY, type ConsultationSlot } from "@health/core"
import { StateView } from "../../../components/state-view"
import { consultations } from "../../../lib/clients"
import { useLoad } from "../../../lib/use-load"
import { CONSULT_TEXT } from "../consult-text"
import { BookingForm } from "./booking-form"

/** A doctor's page: profile, licence verified, prices, then asking (图文) or booking a slot. */
export default function ConsultDoctor() {
  const { params } = useRouter()
  const id = params?.id ?? ""
  const { result, reload } = useLoad(async () => {
    const doctor = await consultations.doctor(id)
    const bySlot = Boolean(doctor.prices.phone || doctor.prices.video)
    // No slots shown beats no page: the listing failing leaves 图文问诊 usable.
    const slots: ConsultationSlot[] | null =
      bySlot && doctor.on_duty ? await consultations.slots(doctor.id).catch(() => null) : []
    return { doctor, slots }
  }, [id])
  return (
    <View className="page" data-testid="consult-doctor">
      <StateView result={result} onRetry={reload}>
        {({ doctor, slots }) => (
          <View>
            <View className="section">
              <Text className="section__title">
                {doctor.name} {doctor.title ?? ""}
              </Text>
              {doctor.hospital ? <Text className="muted"> {doctor.hospital}</Text> : null}
              {doctor.departments.length > 0 ? (
                <View>
                  <Text>科室：{doctor.departments.join("、")}</Text>
                </View>
              ) : null}
              {doctor.specialties.length > 0 ? (
                <View>
                  <Text>擅长：{doctor.specialties.join("、")}</Text>
                </View>
              ) : null}
              {doctor.introduction ? (
                <View>
                  <Text className="muted">{doctor.introduction}</Text>
                </View>
              ) : null}
              <View>
                <Text className="muted">
                  执业证已核验{doctor.license_number ? `（${doctor.license_number}）` : ""}
                </Text>
              </View>
              {doctor.prices.text ? (
                <View>
                  <Text>
                    图文问诊 {formatCNY(doctor.prices.text / 100)} · {CONSULT_TEXT.textRefund}
                  </Text>
                </View>
              ) : null}
            </View>
            {doctor.on_duty ? (
              <BookingForm doctor={doctor} slots={slots} />
            ) : (
              <Text className="muted" data-testid="consult-off-duty">
                {CONSULT_TEXT.offDuty}
              </Text>
            )}
          </View>
        )}
      </StateView>
    </View>
  )
}

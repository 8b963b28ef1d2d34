import { Text, View } from "@tarojs/components"
import { escortHospitalCities, type EscortHospital } from "@health/core"

/** What the member picked: catalogue ids with their names, or (other city) nothing yet. */
export type HospitalPick = {
  city: string
  hospital_id: string
  hospital_name: string
  department_id: string
  department: string
}

/** The first hospital and department of a city: what a city choice starts with. */
export function firstPick(hospitals: EscortHospital[], city: string): HospitalPick | null {
  const hospital = hospitals.find((h) => h.city === city)
  if (!hospital) return null
  const department = hospital.departments[0]
  return {
    city,
    hospital_id: hospital.id,
    hospital_name: hospital.name,
    department_id: department?.id ?? "",
    department: department?.name ?? "",
  }
}

/**
 * City, hospital and department from the catalogue, as tappable rows, with the chosen
 * department's SOP steps; "其他城市" (pick null) lets the form's typed fields take over.
 */
export function HospitalChoice(props: {
  hospitals: EscortHospital[]
  pick: HospitalPick | null
  onPick: (pick: HospitalPick | null) => void
}) {
  const { hospitals, pick, onPick } = props
  const cities = escortHospitalCities(hospitals)
  const inCity = hospitals.filter((h) => h.city === pick?.city)
  const hospital = inCity.find((h) => h.id === pick?.hospital_id)
  const department = hospital?.departments.find((d) => d.id === pick?.department_id)
  const row = (active: boolean) => (active ? "list-item list-item--active" : "list-item")
  return (
    <View className="section" data-testid="escort-hospital-choice">
      <Text className="section__title">城市</Text>
      {cities.map((city) => (
        <View
          key={city}
          className={row(pick?.city === city)}
          data-testid="escort-city-option"
          onClick={() => onPick(firstPick(hospitals, city))}
        >
          <Text>{city}</Text>
        </View>
      ))}
      <View
        className={row(pick === null)}
        data-testid="escort-city-other"
        onClick={() => onPick(null)}
      >
        <Text>其他城市（手动填写医院）</Text>
      </View>
      {pick && (
        <View>
          <Text className="section__title">医院</Text>
          {inCity.map((h) => (
            <View
              key={h.id}
              className={row(h.id === pick.hospital_id)}
              data-testid="escort-hospital-option"
              onClick={() =>
                onPick({
                  city: h.city,
                  hospital_id: h.id,
                  hospital_name: h.name,
                  department_id: h.departments[0]?.id ?? "",
                  department: h.departments[0]?.name ?? "",
                })
              }
            >
              <Text>
                {h.name}（{h.level}）
              </Text>
              <Text className="muted">{h.address}</Text>
            </View>
          ))}
          <Text className="section__title">科室</Text>
          {hospital?.departments.length ? null : (
            <Text className="muted">该医院暂无可预约科室</Text>
          )}
          {hospital?.departments.map((d) => (
            <View
              key={d.id}
              className={row(d.id === pick.department_id)}
              data-testid="escort-department-option"
              onClick={() => onPick({ ...pick, department_id: d.id, department: d.name })}
            >
              <Text>{d.name}</Text>
            </View>
          ))}
          {department && department.sop.length > 0 && (
            <View data-testid="escort-department-sop">
              {department.sop.map((step, index) => (
                <Text key={index} className="muted">
                  {index + 1}. {step.step}：{step.title}
                </Text>
              ))}
            </View>
          )}
        </View>
      )}
    </View>
  )
}

"use client"

import { escortHospitalCities, type EscortHospital } from "@health/core"
import { useState } from "react"

/** The city choice that means "not in the list": the member types the hospital then. */
const OTHER_CITY = ""

type Fields = Record<string, string | undefined>

/**
 * City, hospital and department for a 陪诊 booking: picked from the hospital catalogue
 * (the form sends the ids and the names shown), or typed in for a city the catalogue does
 * not cover yet. The chosen department's SOP steps show, so the member knows what the
 * escort will do.
 */
export function HospitalPicker({
  hospitals,
  fields,
}: {
  hospitals: EscortHospital[]
  fields: Fields
}) {
  const cities = escortHospitalCities(hospitals)
  const [city, setCity] = useState(
    fields.city !== undefined && !cities.includes(fields.city)
      ? OTHER_CITY
      : (fields.city ?? cities[0] ?? OTHER_CITY)
  )
  const inCity = hospitals.filter((hospital) => hospital.city === city)
  const [hospitalId, setHospitalId] = useState(
    inCity.find((h) => h.id === fields.hospital_id)?.id ?? inCity[0]?.id ?? ""
  )
  const hospital = inCity.find((h) => h.id === hospitalId) ?? null
  const [departmentId, setDepartmentId] = useState(
    hospital?.departments.find((d) => d.id === fields.department_id)?.id ??
      hospital?.departments[0]?.id ??
      ""
  )
  const department = hospital?.departments.find((d) => d.id === departmentId) ?? null

  const chooseCity = (next: string) => {
    setCity(next)
    const first = hospitals.find((h) => h.city === next)
    setHospitalId(first?.id ?? "")
    setDepartmentId(first?.departments[0]?.id ?? "")
  }
  const chooseHospital = (next: string) => {
    setHospitalId(next)
    setDepartmentId(inCity.find((h) => h.id === next)?.departments[0]?.id ?? "")
  }

  if (city === OTHER_CITY) {
    return (
      <fieldset data-testid="hospital-typed">
        <legend>医院与科室</legend>
        {cities.length > 0 && <CityChoice cities={cities} city={city} onChange={chooseCity} />}
        <label>
          城市
          <input
            name="city"
            required
            maxLength={32}
            defaultValue={cities.includes(fields.city ?? "") ? "" : (fields.city ?? "")}
            placeholder="如：常德市"
          />
        </label>
        <label>
          医院
          <input
            name="hospital_name"
            required
            maxLength={64}
            defaultValue={fields.hospital_name ?? ""}
          />
        </label>
        <label>
          科室
          <input name="department" required maxLength={64} defaultValue={fields.department ?? ""} />
        </label>
      </fieldset>
    )
  }

  return (
    <fieldset data-testid="hospital-picker">
      <legend>医院与科室</legend>
      <CityChoice cities={cities} city={city} onChange={chooseCity} />
      <input type="hidden" name="city" value={city} />
      <label>
        医院
        <select
          name="hospital_id"
          required
          value={hospitalId}
          onChange={(event) => chooseHospital(event.target.value)}
        >
          {inCity.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}（{h.level}）
            </option>
          ))}
        </select>
      </label>
      <input type="hidden" name="hospital_name" value={hospital?.name ?? ""} />
      {hospital && <p className="hint">地址：{hospital.address}</p>}
      <label>
        科室
        <select
          name="department_id"
          required
          value={departmentId}
          onChange={(event) => setDepartmentId(event.target.value)}
        >
          {hospital?.departments.length ? null : <option value="">该医院暂无可预约科室</option>}
          {hospital?.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <input type="hidden" name="department" value={department?.name ?? ""} />
      {department && department.sop.length > 0 && (
        <ol className="hint escort-sop" data-testid="department-sop">
          {department.sop.map((step, index) => (
            <li key={index}>
              {step.step}：{step.title}
            </li>
          ))}
        </ol>
      )}
    </fieldset>
  )
}

function CityChoice({
  cities,
  city,
  onChange,
}: {
  cities: string[]
  city: string
  onChange: (city: string) => void
}) {
  return (
    <label>
      城市
      <select value={city} onChange={(event) => onChange(event.target.value)} aria-label="城市">
        {cities.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        <option value={OTHER_CITY}>其他城市（手动填写医院）</option>
      </select>
    </label>
  )
}

import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../../modules/escort"
import type EscortModuleService from "../../../modules/escort/service"

type Place = {
  city: string
  hospital_id: string | null
  hospital_name: string
  department_id: string | null
  department_name: string
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * The hospital and department a member booked, against the synced catalogue. In a city
 * the catalogue covers, both must be picked from it (hospital by id, department by id or
 * its name there), and their names are copied onto the booking as a snapshot. A city not
 * in the catalogue yet still takes a typed-in hospital and department.
 */
export const resolveEscortHospitalStep = createStep(
  "resolve-escort-hospital",
  async (place: Place, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const hospital = place.hospital_id ? await escorts.hospital(place.hospital_id) : null
    if (!hospital) {
      const covered = (await escorts.hospitalsIn(place.city)).length > 0
      if (covered) {
        throw invalid(
          place.hospital_id
            ? "没有找到这家医院，请从医院列表中重新选择"
            : `${place.city}的陪诊医院请从列表中选择`
        )
      }
      return new StepResponse<Place>({ ...place, department_id: null })
    }
    if (hospital.city !== place.city) {
      throw invalid(`${hospital.name}不在${place.city}，请重新选择城市或医院`)
    }
    const department = place.department_id
      ? hospital.departments.find((d) => d.id === place.department_id)
      : hospital.departments.find((d) => d.name === place.department_name)
    if (!department) throw invalid(`${hospital.name}没有这个科室，请从科室列表中选择`)
    return new StepResponse<Place>({
      city: hospital.city,
      hospital_id: hospital.id,
      hospital_name: hospital.name,
      department_id: department.id,
      department_name: department.name,
    })
  }
)

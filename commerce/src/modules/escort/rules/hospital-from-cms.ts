import type { EscortDepartment, SyncedEscortHospital } from "../types"
import { sopStepLabel } from "./sop-steps"

type Raw = Record<string, unknown>

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null)
const coordinate = (value: unknown, limit: number) => {
  const n = typeof value === "string" ? Number(value) : value
  return typeof n === "number" && Number.isFinite(n) && Math.abs(n) <= limit ? n : null
}
const order = (value: unknown) => (Number.isInteger(value) ? (value as number) : 0)

function departmentFromCms(raw: Raw): EscortDepartment | null {
  const id = text(raw.documentId)
  const name = text(raw.name)
  if (!id || !name) return null
  const sop = (Array.isArray(raw.sop) ? (raw.sop as Raw[]) : [])
    .filter((step) => text(step?.title))
    .map((step) => {
      const key = text(step.step) ?? "custom"
      return {
        step: sopStepLabel(key),
        step_key: key,
        title: text(step.title)!,
        tips: text(step.tips),
      }
    })
  return { id, name, sop }
}

/**
 * A hospital as the CMS's REST API answers it (departments and their SOP populated), in
 * the shape commerce keeps; null for an entry missing what booking and navigation need
 * (name, city, address, coordinates) or switched off by the editors.
 */
export function hospitalFromCms(raw: Raw): SyncedEscortHospital | null {
  const id = text(raw.documentId)
  const name = text(raw.name)
  const city = text(raw.city)
  const address = text(raw.address)
  const latitude = coordinate(raw.latitude, 90)
  const longitude = coordinate(raw.longitude, 180)
  if (!id || !name || !city || !address || latitude === null || longitude === null) return null
  if (raw.active === false) return null
  const departments = (Array.isArray(raw.departments) ? (raw.departments as Raw[]) : [])
    .map((department) => ({ department, sort: order(department?.sort) }))
    .sort((a, b) => a.sort - b.sort)
    .map(({ department }) => departmentFromCms(department))
    .filter((department): department is EscortDepartment => department !== null)
  return {
    id,
    name,
    level: text(raw.level) ?? "",
    city,
    address,
    latitude,
    longitude,
    guide: text(raw.guide),
    sort: order(raw.sort),
    departments,
  }
}

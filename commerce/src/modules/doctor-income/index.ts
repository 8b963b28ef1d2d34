import { Module } from "@medusajs/framework/utils"
import DoctorIncomeModuleService from "./service"

export const DOCTOR_INCOME_MODULE = "doctorIncome"

export default Module(DOCTOR_INCOME_MODULE, {
  service: DoctorIncomeModuleService,
})

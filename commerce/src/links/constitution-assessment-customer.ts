import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import ConstitutionModule from "../modules/constitution"

/** `constitution_assessment.customer`: the member who took the test (read-only). Defined from the assessment only, so health data is never reachable from Medusa's customer routes. */
export default defineLink(
  { linkable: ConstitutionModule.linkable.constitutionAssessment, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)

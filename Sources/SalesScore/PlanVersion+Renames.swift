import SalesPlan

extension PlanVersion {
    /// `versions` with the actions `plan` renamed (its actions' `formerly`) called by their
    /// current ids, so past days are scored under the ids in use now.
    public static func renaming(_ versions: [PlanVersion], by plan: Plan) -> [PlanVersion] {
        guard !plan.renames.isEmpty else { return versions }
        return versions.map { PlanVersion(effectiveFrom: $0.effectiveFrom, plan: $0.plan.renamingActions(plan.renames)) }
    }
}

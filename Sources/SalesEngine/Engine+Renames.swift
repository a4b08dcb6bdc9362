import SalesPlan
import SalesScore

extension Engine {
    /// A plan that renames actions (`formerly`) takes over their history: what the engine holds
    /// under a former id (today's counts, skips, fired reminders, this week's events and the
    /// older plan versions) goes by the current id, so nothing is counted or reminded twice.
    mutating func applyRenames(of plan: Plan) {
        guard !plan.renames.isEmpty else { return }
        book.rename(plan.renames)
        recent = recent.map(plan.renamed)
        versions = PlanVersion.renaming(versions, by: plan)
    }
}

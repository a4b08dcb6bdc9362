import SalesContract
import SalesPlan

extension WireFormat {
    func planned(_ action: PlanAction, on day: LocalDay) -> PlannedAction {
        PlannedAction(action: action.id, step: action.step, title: action.title, target: action.target(on: day),
                      at: action.at.map(\.description), repeat: action.repeat?.description,
                      until: action.until?.description)
    }
}

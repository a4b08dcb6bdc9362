import SalesContract
import SalesPlan

extension WireFormat {
    func planned(_ action: PlanAction) -> PlannedAction {
        PlannedAction(action: action.id, step: action.step, title: action.title, target: action.target,
                      at: action.at.map(\.description), repeat: action.repeat?.description,
                      until: action.until?.description)
    }
}

/// How much of the process ran in a week: steps with at least one action done, out of all the plan's steps.
///
/// The denominator is every step of the plan in force at the end of the week (or today), planned
/// that week or not: someone who only works one step of five runs 20% of the process.
public struct Coverage: Codable, Equatable, Sendable {
    public var activeSteps: Int
    public var planSteps: Int
    public var percent: Int
    /// "process running at 40%: 2 of 5 steps active".
    public var text: String

    public init(activeSteps: Int, planSteps: Int) {
        self.activeSteps = activeSteps
        self.planSteps = planSteps
        self.percent = SalesContract.percent(activeSteps, of: planSteps)
        let noun = planSteps == 1 ? "step" : "steps"
        self.text = "process running at \(percent)%: \(activeSteps) of \(planSteps) \(noun) active"
    }
}

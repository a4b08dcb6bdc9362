/// A call's parameter of the wrong type or missing.
struct ParameterError: Error {
    var parameter: String
    var message: String
}

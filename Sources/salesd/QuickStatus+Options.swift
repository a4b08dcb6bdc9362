import SalesStatus

extension QuickStatus {
    /// The options argument-parser would have read from the same words.
    var options: CtlOptions {
        var options = CtlOptions()
        options.socket = socket
        options.json = json
        options.request = request
        return options
    }
}

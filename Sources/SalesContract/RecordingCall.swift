/// A call that may change the ledger: its reply says the ``Outcome``, and its `request` key
/// lets a client retry it after a lost answer without counting twice.
public protocol RecordingCall: ControlCall {
    /// The client's key for this request (a UUID); nil asks for no retry protection.
    var request: String? { get set }
}
